using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Json;

/// <summary>
/// Numbers that arrive as strings ("6", "800.0", "500,", "224 KB"), as empty strings or as "null"
/// (quirks.md 6). Nullable targets read those as null; plain targets as 0.
/// </summary>
internal sealed class LenientNumberConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        var t = Nullable.GetUnderlyingType(typeToConvert) ?? typeToConvert;
        return t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        if (typeToConvert == typeof(int)) return new Plain<int>(d => checked((int)d));
        if (typeToConvert == typeof(long)) return new Plain<long>(d => checked((long)d));
        if (typeToConvert == typeof(double)) return new Plain<double>(d => (double)d);
        if (typeToConvert == typeof(decimal)) return new Plain<decimal>(d => d);
        if (typeToConvert == typeof(int?)) return new Nullable<int>(d => checked((int)d));
        if (typeToConvert == typeof(long?)) return new Nullable<long>(d => checked((long)d));
        if (typeToConvert == typeof(double?)) return new Nullable<double>(d => (double)d);
        return new Nullable<decimal>(d => d);
    }

    internal static decimal? ReadDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var d)) return d;
                throw new JsonException($"{reader.GetDouble()} is out of range for a decimal number.");
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            case JsonTokenType.String:
                return ParseLoose(reader.GetString());
            default:
                throw new JsonException($"Expected a number but found {reader.TokenType}.");
        }
    }

    /// <summary>The leading number of a text such as "500,", "224 KB" or "9%"; null when there is none.</summary>
    internal static decimal? ParseLoose(string? text)
    {
        if (text is null) return null;
        var s = text.Trim();
        if (s.Length == 0 || string.Equals(s, "null", StringComparison.OrdinalIgnoreCase)) return null;
        if (decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole)) return whole;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) throw new JsonException($"'{text}' is out of range for a number.");
        var end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] == '.' || ((s[end] == '-' || s[end] == '+') && end == 0))) end++;
        if (end > 0 && decimal.TryParse(s.Substring(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var prefix)) return prefix;
        throw new JsonException($"'{text}' is not a number.");
    }

    private sealed class Plain<T> : JsonConverter<T> where T : struct
    {
        private readonly Func<decimal, T> _convert;

        public Plain(Func<decimal, T> convert) => _convert = convert;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && typeof(T) == typeof(double)) return (T)(object)reader.GetDouble();
            var value = ReadDecimal(ref reader);
            return value is null ? default : Convert(_convert, value.Value);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteNumber(writer, value);
    }

    private sealed class Nullable<T> : JsonConverter<T?> where T : struct
    {
        private readonly Func<decimal, T> _convert;

        public Nullable(Func<decimal, T> convert) => _convert = convert;

        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && typeof(T) == typeof(double)) return (T)(object)reader.GetDouble();
            var value = ReadDecimal(ref reader);
            return value is null ? null : Convert(_convert, value.Value);
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else WriteNumber(writer, value.Value);
        }
    }

    /// <summary>A value that does not fit the target type is a malformed answer (JsonException), not an OverflowException.</summary>
    private static T Convert<T>(Func<decimal, T> convert, decimal value)
    {
        try
        {
            return convert(value);
        }
        catch (OverflowException ex)
        {
            throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} is out of range for {typeof(T).Name}.", ex);
        }
    }

    private static void WriteNumber<T>(Utf8JsonWriter writer, T value)
    {
        switch (value)
        {
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            default: throw new JsonException($"Cannot write {typeof(T)}.");
        }
    }
}
