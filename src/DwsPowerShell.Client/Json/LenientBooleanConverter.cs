using System.Text.Json;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Json;

/// <summary>Booleans arrive as true/false, 1/0, "1"/"0", "t"/"f", "true"/"false", "yes"/"no" (quirks.md 6).</summary>
internal static class LenientBoolean
{
    public static bool? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            case JsonTokenType.Number: return reader.GetDouble() != 0;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.IsNullOrEmpty(text) || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase)) return null;
                switch (text!.ToLowerInvariant())
                {
                    case "true": case "t": case "1": case "yes": case "y": case "on": return true;
                    case "false": case "f": case "0": case "no": case "n": case "off": return false;
                }
                throw new JsonException($"'{text}' is not a boolean.");
            default:
                throw new JsonException($"Expected a boolean but found {reader.TokenType}.");
        }
    }
}

internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => LenientBoolean.Read(ref reader) ?? false;

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

internal sealed class LenientNullableBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => LenientBoolean.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteBooleanValue(value.Value);
    }
}
