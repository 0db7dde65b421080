using System.Text.Json;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>Outermost: gives every response an X-Request-Id and records every API request.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var rc = RequestContext.Of(http);
        http.Response.Headers["X-Request-Id"] = rc.RequestId;
        // The entry is written when the answer starts (or just before a deliberate abort), so a
        // client that has seen the answer always finds the request in the log.
        var recorded = 0;
        rc.FlushLog = () =>
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0) Record(http, rc);
        };
        http.Response.OnStarting(() =>
        {
            rc.FlushLog();
            return Task.CompletedTask;
        });
        try
        {
            await next(http);
        }
        catch (Exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.Response.Clear();
            http.Response.Headers["X-Request-Id"] = rc.RequestId;
            await DwsErrors.WriteAsync(http, 500, DwsErrors.ServerFailure, "Server failure.");
        }
        finally
        {
            rc.FlushLog();
        }
    }

    private void Record(HttpContext http, RequestContext rc)
    {
        if (RequestContext.IsControl(http)) return;
        var method = http.Request.Method;
        var unsafeMethod = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
        // When the answer starts inside the handler, its status is the handler's.
        var mutation = rc.HandlerRan && unsafeMethod && (rc.HandlerStatus ?? http.Response.StatusCode) is >= 200 and < 300;
        var status = rc.Aborting || http.RequestAborted.IsCancellationRequested ? 0 : http.Response.StatusCode;
        state.Record(new RequestLogEntry(rc.RequestId, state.Clock.UtcNow, method, RequestContext.RawTarget(http),
            status, rc.Fault?.Kind.ToString(), rc.Fault?.AfterHandler ?? false, rc.HandlerRan, mutation, rc.Body));
    }

    private const string Mask = "******";

    /// <summary>Longest string value the log keeps whole; the log holds 10,000 entries, so a big body must not stay in it.</summary>
    public const int MaxLoggedString = 1024;

    /// <summary>
    /// A copy of <paramref name="body"/> for the log, with the value of every key that names a secret (password, pwd,
    /// secret, token: 5.2.3 db_password, 5.2.1 user_pwd, 5.2.28 new_password, 5.15.14 client_secret...) masked, and
    /// strings longer than <see cref="MaxLoggedString"/> cut to their start and length. Built anew, value by value:
    /// a DeepClone keeps every value pointing into a copy of the whole request body, which the log would then hold.
    /// </summary>
    public static JsonObject Redacted(JsonObject body) => (JsonObject)Copy(body)!;

    private static JsonNode? Copy(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p =>
            KeyValuePair.Create(p.Key, p.Value is not null && IsSecret(p.Key) ? JsonValue.Create(Mask) : Copy(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Copy).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > MaxLoggedString } s =>
            JsonValue.Create(string.Concat(s.AsSpan(0, 64), $"... ({s.Length} characters)")),
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    private static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Contains("pwd", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("token", StringComparison.OrdinalIgnoreCase);
}
