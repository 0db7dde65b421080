namespace DwsPowerShell.Client.Waiting;

/// <summary>
/// A resource that was being waited on reached a failure state (for a cluster: CREATE_FAILED,
/// a task_status ending in _FAILED/_FAILURE, ...). Carries the resource's id, name, status and
/// task status, and the service's failure reason when it gave one.
/// </summary>
public sealed class DwsResourceFailedException : Exception
{
    public DwsResourceFailedException(string resourceType, string resourceId, string? resourceName, string? status, string? taskStatus,
        string? failureCode = null, string? failureMessage = null, object? resource = null)
        : base(BuildMessage(resourceType, resourceId, resourceName, status, taskStatus, failureCode, failureMessage))
    {
        ResourceType = resourceType;
        ResourceId = resourceId;
        ResourceName = resourceName;
        Status = status;
        TaskStatus = taskStatus;
        FailureCode = failureCode;
        FailureMessage = failureMessage;
        Resource = resource;
    }

    /// <summary>"cluster", "snapshot", ...</summary>
    public string ResourceType { get; }

    public string ResourceId { get; }

    public string? ResourceName { get; }

    public string? Status { get; }

    public string? TaskStatus { get; }

    /// <summary>The service's failure code (a cluster's failed_reasons.error_code), when given.</summary>
    public string? FailureCode { get; }

    public string? FailureMessage { get; }

    /// <summary>The resource as last read.</summary>
    public object? Resource { get; }

    private static string BuildMessage(string type, string id, string? name, string? status, string? taskStatus, string? code, string? message)
    {
        var who = string.IsNullOrEmpty(name) ? $"{type} {id}" : $"{type} '{name}' ({id})";
        var text = $"The {who} failed: status {status ?? "unknown"}";
        if (!string.IsNullOrWhiteSpace(taskStatus)) text += $", task_status {taskStatus}";
        if (code is not null || message is not null) text += $"; the service reports {code ?? "no code"}: {message ?? "no message"}";
        return text + $". Check the {type}'s events and state before retrying.";
    }
}
