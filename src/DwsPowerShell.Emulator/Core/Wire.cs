using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Reads the body as a JSON object; malformed JSON → 400 DWS.5065.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext http, bool required)
    {
        if (http.Request.Body.CanSeek) http.Request.Body.Position = 0;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) throw DwsErrors.BadRequest(DwsErrors.MissingParameter, "The parameter does not exist: a JSON request body is required.");
            return null;
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: the request body is not valid JSON.");
        }
        var body = node as JsonObject
            ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: the request body must be a JSON object.");
        RequestContext.Of(http).Body = RequestLogMiddleware.Redacted(body);
        return body;
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
