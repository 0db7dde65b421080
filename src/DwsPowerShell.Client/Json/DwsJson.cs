using System.Text.Json;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Json;

/// <summary>
/// The one set of serializer options for the DWS wire format: snake_case names (models override
/// odd ones with JsonPropertyName), nulls left out, and lenient readers for the reference's type
/// quirks (quirks.md section 6).
/// </summary>
public static class DwsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new LenientBooleanConverter());
        options.Converters.Add(new LenientNullableBooleanConverter());
        options.Converters.Add(new LenientNumberConverterFactory());
        options.Converters.Add(new LenientDateTimeOffsetConverter());
        options.Converters.Add(new LenientNullableDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
