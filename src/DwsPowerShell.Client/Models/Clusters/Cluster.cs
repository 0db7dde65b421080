using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// A cluster as listed by 5.2.6 (ClusterInfo) and detailed by 5.2.13 (ClusterDetail). The detail-only
/// fields (subnet_ids, parameter_group, private_ip, maintain_window, resize_info, elb, flavor_detail,
/// node_type_id) are null in list answers. Status strings are kept as the service sends them
/// (quirks.md 2.6); classify them with <see cref="ClusterStatus"/>.
/// </summary>
public sealed class Cluster
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The same value as <see cref="Id"/>: cmdlets bind pipelines by ClusterId.</summary>
    [JsonIgnore]
    public string ClusterId => Id;

    public string? Name { get; set; }

    /// <summary>CREATING, AVAILABLE/ACTIVE, FAILED, CREATE_FAILED, "CREATION FAILED", DELETING, DELETE_FAILED, DELETED, FROZEN, STOPING, STOPPED, STARTING, ...</summary>
    public string? Status { get; set; }

    public string? Version { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public DateTimeOffset? Created { get; set; }

    public int? Port { get; set; }

    public List<ClusterEndpoint>? Endpoints { get; set; }

    public List<ClusterNode>? Nodes { get; set; }

    public List<ClusterTag>? Tags { get; set; }

    /// <summary>The administrator user name.</summary>
    public string? UserName { get; set; }

    public int? NumberOfNode { get; set; }

    /// <summary>Number of recent events.</summary>
    public int? RecentEvent { get; set; }

    public string? AvailabilityZone { get; set; }

    public string? EnterpriseProjectId { get; set; }

    /// <summary>Node flavor, such as dws.m1.xlarge.ultrahigh.</summary>
    public string? NodeType { get; set; }

    public string? NodeTypeId { get; set; }

    public string? VpcId { get; set; }

    public string? SubnetId { get; set; }

    public List<string>? SubnetIds { get; set; }

    public string? SecurityGroupId { get; set; }

    public ClusterPublicIp? PublicIp { get; set; }

    public List<ClusterPublicEndpoint>? PublicEndpoints { get; set; }

    /// <summary>Ongoing tasks and their progress as sent, e.g. {"SNAPSHOTTING":"20%"}.</summary>
    public Dictionary<string, string>? ActionProgress { get; set; }

    /// <summary>Sub-status of an AVAILABLE cluster: NORMAL, READONLY, UNBALANCED, ... joined with "|".</summary>
    public string? SubStatus { get; set; }

    /// <summary>The management task in progress (REBOOTING, GROWING, CLUSTER_SHRINKING, ...) or its *_FAILED/*_FAILURE result.</summary>
    public string? TaskStatus { get; set; }

    public ClusterFailedReason? FailedReasons { get; set; }

    public ClusterParameterGroup? ParameterGroup { get; set; }

    public List<string>? PrivateIp { get; set; }

    public ClusterMaintainWindow? MaintainWindow { get; set; }

    public ClusterResizeInfo? ResizeInfo { get; set; }

    public ClusterElb? Elb { get; set; }

    public ClusterFlavorDetail? FlavorDetail { get; set; }

    public override string ToString() => $"{Name} ({Id}) {Status}{(string.IsNullOrEmpty(TaskStatus) ? "" : " " + TaskStatus)}";
}

/// <summary>Private network connection information (5.2.6 Endpoints).</summary>
public sealed class ClusterEndpoint
{
    public string? ConnectInfo { get; set; }

    public string? JdbcUrl { get; set; }

    public override string ToString() => ConnectInfo ?? string.Empty;
}

/// <summary>Public network connection information (5.2.6 PublicEndpoints).</summary>
public sealed class ClusterPublicEndpoint
{
    public string? PublicConnectInfo { get; set; }

    public string? JdbcUrl { get; set; }

    public override string ToString() => PublicConnectInfo ?? string.Empty;
}

/// <summary>A cluster instance. <see cref="Status"/> is a numeric string: 100 creating, 199 idle, 200 available, 300 unavailable, 303 creation failed, 304 deleting, 305 deletion failed, 400 deleted.</summary>
public sealed class ClusterNode
{
    public string? Id { get; set; }

    /// <summary>Not in the parameter table; the 5.2.13 example returns it.</summary>
    public string? Name { get; set; }

    public string? Status { get; set; }

    public override string ToString() => $"{Name ?? Id} {Status}".Trim();
}

/// <summary>A tag (key/value).</summary>
public sealed class ClusterTag
{
    public ClusterTag()
    {
    }

    public ClusterTag(string key, string value)
    {
        Key = key;
        Value = value;
    }

    public string? Key { get; set; }

    public string? Value { get; set; }

    public override string ToString() => $"{Key}={Value}";
}

/// <summary>EIP binding: public_bind_type is auto_assign, not_use or bind_existing.</summary>
public sealed class ClusterPublicIp
{
    public const string AutoAssign = "auto_assign";
    public const string NotUse = "not_use";
    public const string BindExisting = "bind_existing";

    public string? PublicBindType { get; set; }

    public string? EipId { get; set; }

    public override string ToString() => string.IsNullOrEmpty(EipId) ? PublicBindType ?? string.Empty : $"{PublicBindType} {EipId}";
}

/// <summary>Why a cluster failed; empty when it is healthy.</summary>
public sealed class ClusterFailedReason
{
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    public override string ToString() => $"{ErrorCode} {ErrorMessage}".Trim();
}

/// <summary>Parameter group; status is In-Sync, Applying, Pending-Reboot or Sync-Failure.</summary>
public sealed class ClusterParameterGroup
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    public override string ToString() => $"{Name} {Status}".Trim();
}

/// <summary>Weekly maintenance window; times are "HH:mm" in GMT+0 as sent.</summary>
public sealed class ClusterMaintainWindow
{
    /// <summary>Mon, Tue, Wed, Thu, Fri, Sat or Sun.</summary>
    public string? Day { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public override string ToString() => $"{Day} {StartTime}-{EndTime} GMT+0";
}

/// <summary>Scale-out details; the node counts arrive as strings in the example (quirks.md 6).</summary>
public sealed class ClusterResizeInfo
{
    public int? TargetNodeNum { get; set; }

    public int? OriginNodeNum { get; set; }

    /// <summary>GROWING or RESIZE_FAILURE.</summary>
    public string? ResizeStatus { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public override string ToString() => $"{OriginNodeNum} -> {TargetNodeNum} {ResizeStatus}".Trim();
}

/// <summary>The load balancer bound to the cluster (5.2.13 ElbResp).</summary>
public sealed class ClusterElb
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? PublicIp { get; set; }

    public string? PrivateIp { get; set; }

    public string? PrivateEndpoint { get; set; }

    public string? VpcId { get; set; }

    public override string ToString() => $"{Name} {PrivateEndpoint}".Trim();
}

/// <summary>Flavor details; the reference types every number as a string, the example sends strings.</summary>
public sealed class ClusterFlavorDetail
{
    /// <summary>dws, stream or hybrid.</summary>
    public string? Type { get; set; }

    /// <summary>Number of vCPUs.</summary>
    public int? Cpu { get; set; }

    /// <summary>Memory (GB).</summary>
    public int? Mem { get; set; }

    /// <summary>Storage space in GB.</summary>
    public int? VolumeSize { get; set; }

    /// <summary>SATA, SAS, SSD, ESSD or ESSD2.</summary>
    public string? VolumeType { get; set; }

    public int? VolumeNum { get; set; }

    public override string ToString() => $"{Type} {Cpu} vCPU {Mem} GB, {VolumeNum} x {VolumeSize} GB {VolumeType}";
}
