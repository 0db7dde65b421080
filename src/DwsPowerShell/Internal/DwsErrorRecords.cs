using System.Management.Automation;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Internal;

/// <summary>The one mapping from client exceptions to ErrorRecords: stable ErrorId, category from the HTTP status, the target, the reference's recommended action.</summary>
internal static class DwsErrorRecords
{
    public static ErrorRecord From(Exception error, object? target)
    {
        var (id, category) = Classify(error);
        var record = new ErrorRecord(error, id, category, target);
        var action = error switch
        {
            DwsApiException api => api.RecommendedAction ?? DefaultAction(api.StatusCode),
            DwsJobFailedException => "Look at failed_detail, fix the cause, then run the operation again.",
            DwsWaitTimeoutException => "Wait again with a longer -TimeoutSec, or check the resource with Get-DwsJob / Get-DwsCluster.",
            DwsConfigurationException => "Fix the configuration as the message says, then run Connect-DwsService again.",
            ArgumentException => "Correct the parameter named in the message.",
            ItemNotFoundException => "Check the name; list what exists with the matching Get- cmdlet.",
            _ => null,
        };
        if (action is not null) record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = action };
        return record;
    }

    public static (string ErrorId, ErrorCategory Category) Classify(Exception error) => error switch
    {
        DwsApiException api => ClassifyStatus(api),
        DwsJobFailedException => ("DwsJobFailed", ErrorCategory.OperationStopped),
        DwsWaitTimeoutException => ("DwsWaitTimedOut", ErrorCategory.OperationTimeout),
        DwsResourceFailedException => ("DwsResourceFailed", ErrorCategory.InvalidResult),
        DwsConfigurationException => ("DwsConfigurationInvalid", ErrorCategory.InvalidArgument),
        ArgumentException => ("DwsInvalidArgument", ErrorCategory.InvalidArgument),
        ItemNotFoundException => ("DwsResourceNotFound", ErrorCategory.ObjectNotFound),
        OperationCanceledException => ("DwsOperationCancelled", ErrorCategory.OperationStopped),
        _ => ("DwsUnexpectedError", ErrorCategory.InvalidOperation),
    };

    private static (string, ErrorCategory) ClassifyStatus(DwsApiException api) => api.StatusCode switch
    {
        0 when api.ErrorCode == "DWS.Client.Timeout" => ("DwsRequestTimedOut", ErrorCategory.OperationTimeout),
        0 => ("DwsConnectionFailed", ErrorCategory.ConnectionError),
        400 => ("DwsInvalidRequest", ErrorCategory.InvalidArgument),
        401 => ("DwsAuthenticationFailed", ErrorCategory.AuthenticationError),
        403 => ("DwsPermissionDenied", ErrorCategory.PermissionDenied),
        404 => ("DwsResourceNotFound", ErrorCategory.ObjectNotFound),
        409 => ("DwsResourceConflict", ErrorCategory.ResourceExists),
        412 or 417 => ("DwsPreconditionFailed", ErrorCategory.InvalidOperation),
        429 => ("DwsThrottled", ErrorCategory.LimitsExceeded),
        >= 200 and < 300 => ("DwsOperationFailed", ErrorCategory.InvalidResult),
        >= 500 => ("DwsServiceError", ErrorCategory.ResourceUnavailable),
        _ => ("DwsRequestFailed", ErrorCategory.InvalidOperation),
    };

    private static string? DefaultAction(int status) => status switch
    {
        0 => "Check the endpoint and your network or proxy, then try again.",
        401 => "Check the access key and secret key (or the token), then run Connect-DwsService again.",
        403 => "Ask the account administrator for DWS permissions in this project.",
        404 => "Check the ID; list what exists with the matching Get- cmdlet.",
        429 => "Wait a little and try again, or lower the request rate.",
        >= 200 and < 300 => "The service refused the request in its answer: see its code and message, fix the cause, then run the command again.",
        >= 500 => "Try again later; if it persists, contact support with the request ID.",
        _ => null,
    };
}
