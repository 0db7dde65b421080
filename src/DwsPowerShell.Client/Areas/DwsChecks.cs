using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Runs a check whose only answer is the HTTP status (quirks.md 1.6): 2xx passes, 400/403/404/409/412/417/422 fail with the reason, anything else is an error.</summary>
internal static class DwsChecks
{
    private static readonly HashSet<int> s_failureStatuses = new() { 400, 403, 404, 409, 412, 417, 422 };

    public static async Task<DwsCheckResult> RunAsync(DwsTransport transport, DwsRequest request, string check, string? target, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return new DwsCheckResult(check, passed: true, target: target);
        }
        catch (DwsApiException ex) when (s_failureStatuses.Contains(ex.StatusCode))
        {
            return new DwsCheckResult(check, passed: false, ex.ErrorMessage ?? ex.Message, ex.ErrorCode, target);
        }
    }
}
