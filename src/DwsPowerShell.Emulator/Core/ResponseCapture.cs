namespace DwsPowerShell.Emulator.Core;

/// <summary>For middleware that replaces an answer: after the handler ran (faults, a failed state save) or before (limits).</summary>
internal static class ResponseCapture
{
    /// <summary>Runs the rest of the pipeline with its answer body held in memory; the caller writes or replaces it.</summary>
    public static async Task<MemoryStream> RunAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        return buffer;
    }

    /// <summary>Drops the held answer's status, headers and body, keeping its request ID.</summary>
    public static void ClearKeepingRequestId(HttpResponse response)
    {
        var requestId = response.Headers["X-Request-Id"].ToString();
        response.Clear();
        response.Headers["X-Request-Id"] = requestId;
    }
}
