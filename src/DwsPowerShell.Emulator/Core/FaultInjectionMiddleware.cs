using System.Text;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Injects faults before auth and handlers run (so no mutation is applied), or, for rules with AfterHandler,
/// after the handler ran (the mutation is applied and the answer is lost).
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector injector)
{
    private const string TruncationSource =
        "{\"clusters\":[{\"id\":\"7d85f602-a948-4a30-afd4-e84f47471c15\",\"name\":\"dws-1\",\"status\":\"AVAILABLE\"}],\"count\":1}";

    private const string HtmlBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public async Task InvokeAsync(HttpContext http)
    {
        var rule = RequestContext.IsControl(http) ? null : injector.Pick(http);
        if (rule is null)
        {
            await next(http);
            return;
        }
        RequestContext.Of(http).Fault = rule;
        if (!rule.AfterHandler)
        {
            if (rule.Kind == FaultKind.Latency)
            {
                await Task.Delay(rule.LatencyMs, http.RequestAborted);
                await next(http);
                return;
            }
            await WriteFaultAsync(http, rule, handlerBody: null);
            return;
        }

        using var buffer = await ResponseCapture.RunAsync(http, next);
        if (rule.Kind == FaultKind.Latency)
        {
            await Task.Delay(rule.LatencyMs, http.RequestAborted);
            http.Response.ContentLength = buffer.Length;
            await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
            return;
        }
        await WriteFaultAsync(http, rule, buffer.ToArray());
    }

    private static async Task WriteFaultAsync(HttpContext http, FaultRule rule, byte[]? handlerBody)
    {
        if (rule.Kind == FaultKind.ConnectionReset)
        {
            var context = RequestContext.Of(http);
            context.Aborting = true;
            context.FlushLog?.Invoke();
            http.Abort();
            return;
        }
        var handlerStatus = http.Response.StatusCode;
        var handlerContentType = http.Response.ContentType;
        ResponseCapture.ClearKeepingRequestId(http.Response);
        switch (rule.Kind)
        {
            case FaultKind.Throttle429:
                http.Response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await DwsErrors.WriteAsync(http, 429, DwsErrors.Throttled, "The throttling threshold has been reached: policy user over ratelimit.");
                break;
            case FaultKind.Status500:
                await DwsErrors.WriteAsync(http, 500, DwsErrors.ServerFailure, "Server failure.");
                break;
            case FaultKind.Status502:
                await DwsErrors.WriteAsync(http, 502, "APIGW.0202", "Backend unavailable.");
                break;
            case FaultKind.Status503:
                await DwsErrors.WriteAsync(http, 503, "APIGW.0203", "Service unavailable.");
                break;
            case FaultKind.Status504:
                await DwsErrors.WriteAsync(http, 504, "APIGW.0204", "Backend timeout.");
                break;
            case FaultKind.NonJsonBody:
                http.Response.StatusCode = 502;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync(HtmlBadGateway, Encoding.UTF8);
                break;
            case FaultKind.TruncatedBody:
                var full = handlerBody is { Length: > 1 } ? handlerBody : Encoding.UTF8.GetBytes(TruncationSource);
                var half = full.AsMemory(0, full.Length / 2);
                http.Response.StatusCode = handlerBody is null ? 200 : handlerStatus;
                http.Response.ContentType = handlerContentType ?? "application/json; charset=utf-8";
                http.Response.ContentLength = half.Length;
                await http.Response.Body.WriteAsync(half, http.RequestAborted);
                break;
            case FaultKind.Body200:
                http.Response.StatusCode = 200;
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(rule.Body, Encoding.UTF8);
                break;
        }
    }
}
