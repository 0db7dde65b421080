using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Json;

/// <summary>
/// The reference's timestamp formats (quirks.md 6): epoch milliseconds or seconds as numbers or
/// strings, ISO 8601 with or without a zone or milliseconds, and "yyyy-MM-dd HH:mm:ss". Times
/// without a zone are UTC. Written back as ISO 8601 UTC.
/// </summary>
public static class DwsTime
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd",
    };

    /// <summary>Epoch values above this are milliseconds (year 5138 in seconds).</summary>
    private const long MillisecondsThreshold = 100_000_000_000;

    public static DateTimeOffset FromEpoch(long value) =>
        Math.Abs(value) >= MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || string.Equals(s, "null", StringComparison.OrdinalIgnoreCase)) return false;
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epoch))
        {
            value = FromEpoch(epoch);
            return true;
        }
        return DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return FromEpoch(reader.TryGetInt64(out var n) ? n : (long)reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                if (TryParse(text, out var parsed)) return parsed;
                if (string.IsNullOrWhiteSpace(text) || string.Equals(text!.Trim(), "null", StringComparison.OrdinalIgnoreCase)) return null;
                throw new JsonException($"'{text}' is not a timestamp.");
            default:
                throw new JsonException($"Expected a timestamp but found {reader.TokenType}.");
        }
    }
}

internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => DwsTime.Read(ref reader) ?? default;

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(DwsTime.Format(value));
}

internal sealed class LenientNullableDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => DwsTime.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(DwsTime.Format(value.Value));
    }
}
