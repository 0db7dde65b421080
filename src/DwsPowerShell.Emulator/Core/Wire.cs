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
            if (FirstDuplicateKey(bytes.Span) is { } path)
                throw DwsErrors.BadRequest(DwsErrors.DuplicateParameter, $"Duplicate parameters: {path} appears more than once.");
            body = JsonNode.Parse(bytes.Span) as JsonObject
                ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: the request body must be a JSON object.");
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

    /// <summary>
    /// The path (e.g. <c>cluster.name</c>, <c>tags[0].key</c>) of the first key that one object holds twice, or null.
    /// One pass of a reader: a JsonDocument would rent a buffer the size of the body, which each thread then keeps.
    /// </summary>
    private static string? FirstDuplicateKey(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        // One frame per open object or array: the keys seen (objects) or the next index (arrays), and the path to it.
        var frames = new Stack<(HashSet<string>? Keys, int Index, string Path)>();
        string? pendingKey = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString()!;
                    var frame = frames.Peek();
                    var keyPath = frame.Path.Length == 0 ? pendingKey : frame.Path + "." + pendingKey;
                    if (!frame.Keys!.Add(pendingKey)) return keyPath;
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = ChildPath(frames, pendingKey);
                    frames.Push(reader.TokenType == JsonTokenType.StartObject
                        ? (new HashSet<string>(StringComparer.Ordinal), 0, path)
                        : (null, 0, path));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    AdvanceIndex(frames);
                    break;
                default:
                    AdvanceIndex(frames);
                    break;
            }
            if (reader.TokenType != JsonTokenType.PropertyName) pendingKey = null;
        }
        return null;

        static string ChildPath(Stack<(HashSet<string>? Keys, int Index, string Path)> frames, string? key)
        {
            if (frames.Count == 0) return "";
            var parent = frames.Peek();
            if (parent.Keys is null) return $"{parent.Path}[{parent.Index}]";
            return parent.Path.Length == 0 ? key! : parent.Path + "." + key;
        }

        static void AdvanceIndex(Stack<(HashSet<string>? Keys, int Index, string Path)> frames)
        {
            if (frames.Count > 0 && frames.Peek().Keys is null)
            {
                var array = frames.Pop();
                frames.Push((null, array.Index + 1, array.Path));
            }
        }
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
