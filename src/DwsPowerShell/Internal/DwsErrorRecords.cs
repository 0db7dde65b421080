using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
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
        if (error is DwsUnknownRegionException region)
        {
            record.ErrorDetails = UnknownRegion(region);
            return record;
        }
        var action = error switch
        {
            DwsApiException { OutcomeUnknown: true } api =>
                $"The change may or may not have been applied. Check with {CheckCommand(api.Path)} before running the command again: running it again blindly could apply it twice.",
            DwsApiException { StatusCode: 429, RetryAfter: { } at } => $"Try again after {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (the service's Retry-After), or lower the request rate.",
            DwsApiException api => api.RecommendedAction ?? DefaultAction(api.StatusCode),
            DwsJobFailedException => "Look at failed_detail, fix the cause, then run the operation again.",
            DwsWaitTimeoutException => "Wait again with a longer -TimeoutSec, or check the resource with Get-DwsJob / Get-DwsCluster.",
            DwsConfigurationException => "Fix the configuration as the message says, then run Connect-DwsService again.",
            ArgumentException => "Correct the parameter named in the message.",
            ItemNotFoundException => "Check the name; list what exists with the matching Get- cmdlet.",
            _ => null,
        };
        var message = error is ArgumentException argument ? DwsParameterNames.MessageOf(argument) : error.Message;
        if (action is not null) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = action };
        return record;
    }

    /// <remarks>
    /// A change whose answer was lost is DwsOutcomeUnknown with category InvalidResult (whatever the transport failure:
    /// a timeout, a reset, a 5xx or an unreadable 2xx), never the plain failure of its status: the result is unknown,
    /// not a refusal, and the record's recommended action names the Get- cmdlet to look with.
    /// </remarks>
    public static (string ErrorId, ErrorCategory Category) Classify(Exception error) => error switch
    {
        DwsApiException { OutcomeUnknown: true } => ("DwsOutcomeUnknown", ErrorCategory.InvalidResult),
        DwsApiException { ErrorCode: "DWS.Client.ResponseTooLarge" } => ("DwsResponseTooLarge", ErrorCategory.LimitsExceeded),
        DwsApiException api => ClassifyStatus(api),
        DwsJobFailedException => ("DwsJobFailed", ErrorCategory.OperationStopped),
        DwsWaitTimeoutException => ("DwsWaitTimedOut", ErrorCategory.OperationTimeout),
        DwsResourceFailedException => ("DwsResourceFailed", ErrorCategory.InvalidResult),
        DwsUnknownRegionException => ("DwsUnknownRegion", ErrorCategory.InvalidArgument),
        DwsConfigurationException => ("DwsConfigurationInvalid", ErrorCategory.InvalidArgument),
        ArgumentException => ("DwsInvalidArgument", ErrorCategory.InvalidArgument),
        ItemNotFoundException => ("DwsResourceNotFound", ErrorCategory.ObjectNotFound),
        OperationCanceledException => ("DwsOperationCancelled", ErrorCategory.OperationStopped),
        _ => ("DwsUnexpectedError", ErrorCategory.InvalidOperation),
    };

    private static (string, ErrorCategory) ClassifyStatus(DwsApiException api) => api.StatusCode switch
    {
        0 when api.ErrorCode == "DWS.Client.Timeout" => ("DwsRequestTimedOut", ErrorCategory.OperationTimeout),
        0 when api.ErrorCode == "DWS.Client.HostNotFound" => ("DwsHostNotFound", ErrorCategory.ConnectionError),
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

    /// <summary>The Get- cmdlet that shows what a change to <paramref name="path"/> did (the most specific part of the path wins).</summary>
    internal static string CheckCommand(string path)
    {
        foreach (var (segment, command) in s_checkCommands)
        {
            if (path.IndexOf(segment, StringComparison.OrdinalIgnoreCase) >= 0) return command;
        }
        return "the matching Get- cmdlet";
    }

    private static readonly (string Segment, string Command)[] s_checkCommands =
    {
        ("/stages", "Get-DwsWorkloadPlanStage"),
        ("/workload/plans", "Get-DwsWorkloadPlan"),
        ("/snapshots", "Get-DwsSnapshot"),
        ("/tags", "Get-DwsClusterTag"),
        ("/logical-clusters", "Get-DwsLogicalCluster"),
        ("/cns", "Get-DwsCoordinatorNode"),
        ("/nodes", "Get-DwsClusterNode"),
        ("/configurations", "Get-DwsClusterParameter"),
        ("/dns", "Get-DwsClusterEndpoint"),
        ("/eips", "Get-DwsClusterEndpoint"),
        ("/elbs", "Get-DwsClusterEndpoint"),
        ("/clusters", "Get-DwsCluster"),
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

    /// <summary>The client's message in the words of Connect-DwsService's parameters.</summary>
    private static ErrorDetails UnknownRegion(DwsUnknownRegionException error)
    {
        var given = error.Setting == CredentialChain.RegionVariable ? $"{CredentialChain.RegionVariable} '{error.Region}'" : $"-Region '{error.Region}'";
        return new ErrorDetails(
            $"{given} is not a region whose DWS endpoint is known. Known regions: {string.Join(", ", error.KnownRegions)}. " +
            "For a private or newer region, give -Endpoint too (and -IamEndpoint if IAM is elsewhere).")
        {
            RecommendedAction = "Give -Region one of the known regions (Tab completes them), or give -Endpoint with the DWS URL of a private or newer region.",
        };
    }
}
