namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// With --state-file: a request that may change state (any method but GET, HEAD, OPTIONS) has its answer held back
/// until the state it left is written, so an answered change survives a killed emulator. When the file cannot be
/// written the answer is 500 DWS.0005 naming the file, and stderr says which request it was; the change stays in
/// memory and is written with the next change that can be (or at shutdown).
/// </summary>
internal sealed class StateSaveMiddleware(RequestDelegate next, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next(http);
            return;
        }
        using var buffer = await ResponseCapture.RunAsync(http, next);
        try
        {
            state.SaveChanges();
        }
        catch (StateFileException e)
        {
            Console.Error.WriteLine(
                $"dws-emulator: {e.Message} (after {method} {RequestContext.RawTarget(http)}); the change is kept in memory and written with the next change that can be.");
            ResponseCapture.ClearKeepingRequestId(http.Response);
            await DwsErrors.WriteAsync(http, 500, DwsErrors.ServerFailure,
                $"Server failure: the change was made but the emulator's {e.Message}. It is written with the next change that can be.");
            return;
        }
        if (buffer.Length > 0) await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
    }
}
