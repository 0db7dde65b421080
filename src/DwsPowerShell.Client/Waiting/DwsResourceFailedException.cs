namespace DwsPowerShell.Client.Waiting;

/// <summary>
/// A resource being waited for reached a failure status (a snapshot UNAVAILABLE or FAILED, a cluster
/// CREATE_FAILED, ...). Carries the resource type and ID, the status as the service sent it, and
/// whatever detail the service gave.
/// </summary>
public sealed class DwsResourceFailedException : Exception
{
    public DwsResourceFailedException(string resourceType, string resourceId, string status, string? detail)
        : base($"The {resourceType} {resourceId} is {status}{(string.IsNullOrWhiteSpace(detail) ? "" : ": " + detail)}. Check the {resourceType} in the console or with a Get- cmdlet before retrying.")
    {
        ResourceType = resourceType;
        ResourceId = resourceId;
        Status = status;
        Detail = detail;
    }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string Status { get; }

    public string? Detail { get; }
}
