using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace DwsPowerShell.Emulator.Core;

/// <summary>JSON in and out, and the reference's time formats.</summary>
public static class Wire
{
    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8, status);

    /// <summary>200/202 with no body (the reference's "Response: None").</summary>
    public static IResult Empty(int status = 200) => Results.StatusCode(status);

    /// <summary>ISO8601 YYYY-MM-DDThh:mm:ssZ (5.2.6, 5.2.13).</summary>
    public static string IsoZ(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO without a zone, as the 5.13.1 example prints job times.</summary>
    public static string IsoLocal(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the body as a JSON object. A body that is not declared application/json (charset UTF-8 or none) or is not
    /// UTF-8 → 415 DWS.5065; malformed JSON → 400 DWS.5065; a key twice in one object → 400 DWS.5039.
    /// </summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext http, bool required)
    {
        if (http.Request.Body.CanSeek) http.Request.Body.Position = 0;
        // Bounded by RequestLimitsMiddleware; sized from Content-Length when there is one, so it is not grown by doubling.
        using var buffer = new MemoryStream((int)Math.Min(http.Request.ContentLength ?? 0, int.MaxValue / 2));
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        ReadOnlyMemory<byte> bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith(Utf8Bom)) bytes = bytes[Utf8Bom.Length..];
        if (bytes.Span.TrimStart(JsonWhitespace).IsEmpty)
        {
            if (required) throw DwsErrors.BadRequest(DwsErrors.MissingParameter, "The parameter does not exist: a JSON request body is required.");
            return null;
        }
        if (!RequestContext.IsControl(http) && !IsJsonMediaType(http.Request.ContentType))
            throw UnsupportedMediaType($"the request body must be sent as Content-Type: application/json (charset UTF-8), not '{http.Request.ContentType}'.");
        if (!Utf8.IsValid(bytes.Span))
            throw UnsupportedMediaType("the request body is not UTF-8 text.");
        JsonObject body;
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: the request body must be a JSON object.");
                if (FirstDuplicateKey(document.RootElement, "") is { } path)
                    throw DwsErrors.BadRequest(DwsErrors.DuplicateParameter, $"Duplicate parameters: {path} appears more than once.");
            }
            body = (JsonObject)JsonNode.Parse(bytes.Span)!;
        }
        catch (JsonException)
        {
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: the request body is not valid JSON.");
        }
        RequestContext.Of(http).Body = RequestLogMiddleware.Redacted(body);
        return body;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;

    private static DwsErrorException UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, DwsErrors.InvalidFormat, "Invalid format: " + detail);

    /// <summary>application/json, with no charset or charset=utf-8 (3.2: "application/json"; bodies "must be coded in UTF-8").</summary>
    private static bool IsJsonMediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(media.Charset) is var charset
        && (charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The path (e.g. <c>cluster.name</c>) of the first key that one object holds twice, or null.</summary>
    private static string? FirstDuplicateKey(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var inner = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!seen.Add(property.Name)) return inner;
                    if (FirstDuplicateKey(property.Value, inner) is { } found) return found;
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstDuplicateKey(item, $"{path}[{i++}]") is { } found) return found;
                }
                break;
        }
        return null;
    }

    public static JsonObject RequireObject(JsonObject parent, string name) =>
        parent[name] switch
        {
            JsonObject o => o,
            null => throw DwsErrors.Missing(name),
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {name} must be an object."),
        };

    public static string? OptionalString(JsonObject parent, string name) =>
        parent[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {name} must be a string."),
        };

    public static string RequireString(JsonObject parent, string name)
    {
        var s = OptionalString(parent, name);
        return string.IsNullOrEmpty(s) ? throw DwsErrors.Missing(name) : s;
    }

    public static int? OptionalInt(JsonObject parent, string name) =>
        parent[name] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int i) => i,
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {name} must be an integer."),
        };

    public static int RequireInt(JsonObject parent, string name) =>
        OptionalInt(parent, name) ?? throw DwsErrors.Missing(name);

    public static bool? OptionalBool(JsonObject parent, string name) =>
        parent[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out bool b) => b,
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {name} must be a boolean."),
        };

    public static bool RequireBool(JsonObject parent, string name) =>
        OptionalBool(parent, name) ?? throw DwsErrors.Missing(name);
}
