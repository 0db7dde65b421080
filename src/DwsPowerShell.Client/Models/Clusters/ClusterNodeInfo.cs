using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A node of a cluster (5.2.10 ClusterNodeInfo), idle nodes included. Status reads "ACTIVE" here (quirks.md 2.6).</summary>
public sealed class ClusterNodeInfo
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Status { get; set; }

    public string? SubStatus { get; set; }

    /// <summary>Node flavor, e.g. dws2.kc1.2xlarge.</summary>
    public string? Spec { get; set; }

    /// <summary>INST (the node carries database instances) or NODE (an idle node); null in the reference's example.</summary>
    public string? InstCreateType { get; set; }

    public string? AliasName { get; set; }

    public string? AzCode { get; set; }

    /// <summary>Same as <see cref="Id"/>: Remove-DwsClusterNode binds NodeId by property name.</summary>
    [JsonIgnore]
    public string NodeId => Id;

    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>An idle node: inst_create_type NODE, or sub_status IDLE.</summary>
    [JsonIgnore]
    public bool IsIdle => string.Equals(InstCreateType, "NODE", StringComparison.OrdinalIgnoreCase) || string.Equals(SubStatus, "IDLE", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name ?? Id} {Status}".Trim();
}

/// <summary>The 5.2.10 answer.</summary>
internal sealed class ClusterNodeList
{
    public List<ClusterNodeInfo>? NodeList { get; set; }

    public int? Count { get; set; }

    public int? FailedCount { get; set; }
}

/// <summary>How 5.2.21 treats the nodes (operate_type).</summary>
public enum NodeDeleteMode
{
    /// <summary>operate_type "delete": remove the nodes.</summary>
    Delete,

    /// <summary>operate_type "clear": clear the nodes.</summary>
    Clear,
}

/// <summary>5.2.21 request body.</summary>
public sealed class DeleteNodesRequest
{
    public List<string>? NodeList { get; set; }

    /// <summary>delete or clear.</summary>
    public string? OperateType { get; set; }
}

/// <summary>5.2.21 answer: 202 with error_code/error_msg ("Success submit 3 node delete job") and no job id (quirks.md 2.4).</summary>
public sealed class NodeDeletionResult
{
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The nodes the request named.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> NodeIds { get; set; } = Array.Empty<string>();

    public override string ToString() => $"cluster {ClusterId}: {ErrorMessage ?? ErrorCode} (no job: watch the cluster's task_status)";
}
