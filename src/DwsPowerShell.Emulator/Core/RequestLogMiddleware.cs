namespace DwsPowerShell.Emulator.Core;

/// <summary>Outermost: gives every response an X-Request-Id and records every API request.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var rc = RequestContext.Of(http);
        http.Response.Headers["X-Request-Id"] = rc.RequestId;
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
            if (!RequestContext.IsControl(http))
            {
                var method = http.Request.Method;
                var unsafeMethod = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
                var mutation = rc.HandlerRan && unsafeMethod && rc.HandlerStatus is >= 200 and < 300;
                var status = http.RequestAborted.IsCancellationRequested ? 0 : http.Response.StatusCode;
                state.Record(new RequestLogEntry(rc.RequestId, state.Clock.UtcNow, method, RequestContext.RawTarget(http),
                    status, rc.Fault?.Kind.ToString(), rc.Fault?.AfterHandler ?? false, rc.HandlerRan, mutation));
            }
        }
    }
}
