namespace DwsPowerShell.Client.Waiting;

/// <summary>A resource being waited on reached a failure state (e.g. CREATE_FAILED, UNAVAILABLE).</summary>
public sealed class DwsResourceFailedException : Exception
{
    public DwsResourceFailedException(string resourceType, string resourceId, string status, string? detail)
        : base($"{resourceType} {resourceId} reached status {status}{(string.IsNullOrEmpty(detail) ? "" : ": " + detail)}.")
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
