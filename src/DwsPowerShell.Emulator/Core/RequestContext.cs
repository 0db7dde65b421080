using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace DwsPowerShell.Emulator.Core;

/// <summary>Per-request facts shared by the middlewares (kept in HttpContext.Items).</summary>
internal sealed class RequestContext
{
    private static readonly object s_key = new();

    public string RequestId { get; } = Guid.NewGuid().ToString("N");
    public FaultRule? Fault { get; set; }
    public bool HandlerRan { get; set; }
    public int? HandlerStatus { get; set; }

    /// <summary>The connection is being dropped on purpose (a ConnectionReset fault).</summary>
    public bool Aborting { get; set; }

    /// <summary>The JSON body the handler read, secrets masked (for the request log).</summary>
    public JsonObject? Body { get; set; }

    /// <summary>Writes this request's log entry now (once); set by the request log.</summary>
    public Action? FlushLog { get; set; }

    public static RequestContext Of(HttpContext http)
    {
        if (http.Items.TryGetValue(s_key, out var value) && value is RequestContext rc) return rc;
        rc = new RequestContext();
        http.Items[s_key] = rc;
        return rc;
    }

    public static string RawTarget(HttpContext http) =>
        http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : http.Request.PathBase + http.Request.Path + http.Request.QueryString;

    public static bool IsControl(HttpContext http) => http.Request.Path.StartsWithSegments("/_emulator");
}
