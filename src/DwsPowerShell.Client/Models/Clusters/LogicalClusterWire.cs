using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The 5.2.7 answer.</summary>
internal sealed class LogicalClusterList
{
    public List<LogicalCluster>? LogicalClusters { get; set; }

    public int? Count { get; set; }

    /// <summary>False while other O&amp;M work runs on the cluster: no logical cluster can be added then.</summary>
    public bool? AddEnable { get; set; }

    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }
}

/// <summary>The 5.2.8 answer; count is typed Long.</summary>
internal sealed class LogicalClusterTaskList
{
    public List<LogicalClusterTask>? LogicalClusterTasks { get; set; }

    public long? Count { get; set; }
}

/// <summary>The 5.2.9 answer.</summary>
internal sealed class LogicalClusterVolumeList
{
    public List<LogicalClusterVolume>? Volumes { get; set; }

    public long? Count { get; set; }

    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }
}

/// <summary>The 5.2.11 answer: rings no logical cluster uses, and rings that cannot be scaled in.</summary>
internal sealed class LogicalClusterRingList
{
    public List<LogicalClusterRing>? ClusterRings { get; set; }

    public List<LogicalClusterRing>? UnshrinkableClusterRings { get; set; }

    public int? Count { get; set; }

    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }
}

/// <summary>5.2.4 request body: {"logical_cluster":{...}}.</summary>
internal sealed class CreateLogicalClusterEnvelope
{
    public CreateLogicalClusterRequest? LogicalCluster { get; set; }
}

/// <summary>
/// The answer of logical-cluster changes: error_code/error_msg (5.2.5, 5.2.18-5.2.20), and for 5.2.4 and 5.2.17
/// also retCode/retMessage and errCode/externalMessage, any of which can be null (quirks.md 1.3).
/// </summary>
internal sealed class LogicalClusterAnswer
{
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("retCode")]
    public string? RetCode { get; set; }

    [JsonPropertyName("retMessage")]
    public string? RetMessage { get; set; }

    [JsonPropertyName("errCode")]
    public string? ErrCode { get; set; }

    [JsonPropertyName("externalMessage")]
    public string? ExternalMessage { get; set; }
}

/// <summary>5.2.20 request body.</summary>
internal sealed class EnableLogicalClusterRequest
{
    public bool Enable { get; set; }
}
