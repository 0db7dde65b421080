namespace DwsPowerShell.Emulator.Core;

/// <summary>Innermost: marks that a handler ran, and turns <see cref="DwsErrorException"/> into the error body.</summary>
internal sealed class HandlerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var rc = RequestContext.Of(http);
        rc.HandlerRan = http.GetEndpoint() is not null;
        try
        {
            await next(http);
        }
        catch (DwsErrorException e) when (!http.Response.HasStarted)
        {
            await DwsErrors.WriteAsync(http, e.Status, e.Code, e.Message);
        }
        rc.HandlerStatus = http.Response.StatusCode;
    }
}
