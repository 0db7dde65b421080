using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A task of a logical cluster (5.2.8 LogicalClusterTaskInfo). type is as sent ("Grow" for an expansion, quirks.md 2.5).</summary>
public sealed class LogicalClusterTask
{
    public string? Type { get; set; }

    public string? LogicalClusterName { get; set; }

    /// <summary>yyyy-MM-dd HH:mm:ss.</summary>
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Result { get; set; }

    public string? Log { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The type with "Grow" read as Expand.</summary>
    [JsonIgnore]
    public string? Action => LogicalClusterActionInfo.NormalizeActionName(Type);

    public override string ToString() => $"{Type} {LogicalClusterName} {Result}".Trim();
}

/// <summary>Disk use of one logical cluster (5.2.9 LogicalClusterVolume); the values are strings as sent.</summary>
public sealed class LogicalClusterVolume
{
    public string? LogicalClusterName { get; set; }

    public string? Usage { get; set; }

    public string? Total { get; set; }

    public string? Percent { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    public override string ToString() => $"{LogicalClusterName} {Usage}/{Total} ({Percent})";
}

/// <summary>
/// What a logical-cluster change (5.2.4, 5.2.5, 5.2.17-5.2.20) returns: no id and no job, only error fields
/// (DWS.0000 on success; quirks.md 1.2, 1.3). Progress shows in the logical cluster's action_info (5.2.7).
/// </summary>
public sealed class LogicalClusterOperationResult
{
    public LogicalClusterOperationResult(string operation, string clusterId, string? logicalClusterId, string? logicalClusterName,
        string? errorCode, string? errorMessage)
    {
        Operation = operation;
        ClusterId = clusterId;
        LogicalClusterId = logicalClusterId;
        LogicalClusterName = logicalClusterName;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Create, Convert, Edit, Delete, Restart or Enable/Disable.</summary>
    public string Operation { get; }

    public string ClusterId { get; }

    public string? LogicalClusterId { get; }

    public string? LogicalClusterName { get; }

    /// <summary>The first non-null of error_code, retCode, errCode.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    /// <summary>False when the 2xx answer carried a code other than DWS.0000 (report it as a warning, quirks.md 1.2).</summary>
    public bool IsCleanSuccess => ErrorCode is null || string.Equals(ErrorCode, "DWS.0000", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Operation} {LogicalClusterName ?? LogicalClusterId} on cluster {ClusterId}: {ErrorCode ?? "accepted"}";
}
