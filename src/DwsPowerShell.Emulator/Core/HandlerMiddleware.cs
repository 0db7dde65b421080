namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Innermost: marks that a handler ran (and that it may have changed the state, <see cref="EmulatorState.MarkChanged"/>),
/// and turns <see cref="DwsErrorException"/> into the error body.
/// </summary>
internal sealed class HandlerMiddleware(RequestDelegate next, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var rc = RequestContext.Of(http);
        var endpoint = http.GetEndpoint();
        rc.HandlerRan = endpoint is not null;
        try
        {
            await next(http);
        }
        catch (DwsErrorException e) when (!http.Response.HasStarted)
        {
            await DwsErrors.WriteAsync(http, e.Status, e.Code, e.Message);
        }
        finally
        {
            // GETs too: reading settles finished work and makes things the first time (a cluster's CN ids).
            if (endpoint is not null && endpoint.Metadata.GetMetadata<StateUnchanged>() is null) state.MarkChanged();
        }
        rc.HandlerStatus = http.Response.StatusCode;
    }
}

/// <summary>Endpoint metadata: the route changes nothing the state file keeps (the clock, the request log, faults, IAM tokens).</summary>
internal sealed class StateUnchanged
{
    public static readonly StateUnchanged Instance = new();

    private StateUnchanged()
    {
    }
}
