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
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The same value as <see cref="Id"/>: cmdlets bind pipelines by ClusterId.</summary>
    [JsonIgnore]
    public string ClusterId => Id;

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>CREATING, AVAILABLE/ACTIVE, FAILED, CREATE_FAILED, "CREATION FAILED", DELETING, DELETE_FAILED, DELETED, FROZEN, STOPING, STOPPED, STARTING, ...</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("updated")]
    public DateTimeOffset? Updated { get; set; }

    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; set; }

    [JsonPropertyName("port")]
    public int? Port { get; set; }

    [JsonPropertyName("endpoints")]
    public List<ClusterEndpoint>? Endpoints { get; set; }

    [JsonPropertyName("nodes")]
    public List<ClusterNode>? Nodes { get; set; }

    [JsonPropertyName("tags")]
    public List<ClusterTag>? Tags { get; set; }

    /// <summary>The administrator user name.</summary>
    [JsonPropertyName("user_name")]
    public string? UserName { get; set; }

    [JsonPropertyName("number_of_node")]
    public int? NumberOfNode { get; set; }

    /// <summary>Number of recent events.</summary>
    [JsonPropertyName("recent_event")]
    public int? RecentEvent { get; set; }

    [JsonPropertyName("availability_zone")]
    public string? AvailabilityZone { get; set; }

    [JsonPropertyName("enterprise_project_id")]
    public string? EnterpriseProjectId { get; set; }

    /// <summary>Node flavor, such as dws.m1.xlarge.ultrahigh.</summary>
    [JsonPropertyName("node_type")]
    public string? NodeType { get; set; }

    [JsonPropertyName("node_type_id")]
    public string? NodeTypeId { get; set; }

    [JsonPropertyName("vpc_id")]
    public string? VpcId { get; set; }

    [JsonPropertyName("subnet_id")]
    public string? SubnetId { get; set; }

    [JsonPropertyName("subnet_ids")]
    public List<string>? SubnetIds { get; set; }

    [JsonPropertyName("security_group_id")]
    public string? SecurityGroupId { get; set; }

    [JsonPropertyName("public_ip")]
    public ClusterPublicIp? PublicIp { get; set; }

    [JsonPropertyName("public_endpoints")]
    public List<ClusterPublicEndpoint>? PublicEndpoints { get; set; }

    /// <summary>Ongoing tasks and their progress as sent, e.g. {"SNAPSHOTTING":"20%"}.</summary>
    [JsonPropertyName("action_progress")]
    public Dictionary<string, string>? ActionProgress { get; set; }

    /// <summary>Sub-status of an AVAILABLE cluster: NORMAL, READONLY, UNBALANCED, ... joined with "|".</summary>
    [JsonPropertyName("sub_status")]
    public string? SubStatus { get; set; }

    /// <summary>The management task in progress (REBOOTING, GROWING, CLUSTER_SHRINKING, ...) or its *_FAILED/*_FAILURE result.</summary>
    [JsonPropertyName("task_status")]
    public string? TaskStatus { get; set; }

    [JsonPropertyName("failed_reasons")]
    public ClusterFailedReason? FailedReasons { get; set; }

    [JsonPropertyName("parameter_group")]
    public ClusterParameterGroup? ParameterGroup { get; set; }

    [JsonPropertyName("private_ip")]
    public List<string>? PrivateIp { get; set; }

    [JsonPropertyName("maintain_window")]
    public ClusterMaintainWindow? MaintainWindow { get; set; }

    [JsonPropertyName("resize_info")]
    public ClusterResizeInfo? ResizeInfo { get; set; }

    [JsonPropertyName("elb")]
    public ClusterElb? Elb { get; set; }

    [JsonPropertyName("flavor_detail")]
    public ClusterFlavorDetail? FlavorDetail { get; set; }

    public override string ToString() => $"{Name} ({Id}) {Status}{(string.IsNullOrEmpty(TaskStatus) ? "" : " " + TaskStatus)}";
}

/// <summary>Private network connection information (5.2.6 Endpoints).</summary>
public sealed class ClusterEndpoint
{
    [JsonPropertyName("connect_info")]
    public string? ConnectInfo { get; set; }

    [JsonPropertyName("jdbc_url")]
    public string? JdbcUrl { get; set; }

    public override string ToString() => ConnectInfo ?? string.Empty;
}

/// <summary>Public network connection information (5.2.6 PublicEndpoints).</summary>
public sealed class ClusterPublicEndpoint
{
    [JsonPropertyName("public_connect_info")]
    public string? PublicConnectInfo { get; set; }

    [JsonPropertyName("jdbc_url")]
    public string? JdbcUrl { get; set; }

    public override string ToString() => PublicConnectInfo ?? string.Empty;
}

/// <summary>A cluster instance. <see cref="Status"/> is a numeric string: 100 creating, 199 idle, 200 available, 300 unavailable, 303 creation failed, 304 deleting, 305 deletion failed, 400 deleted.</summary>
public sealed class ClusterNode
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Not in the parameter table; the 5.2.13 example returns it.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
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

    [JsonPropertyName("key")]
    public string? Key { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }

    public override string ToString() => $"{Key}={Value}";
}

/// <summary>EIP binding: public_bind_type is auto_assign, not_use or bind_existing.</summary>
public sealed class ClusterPublicIp
{
    public const string AutoAssign = "auto_assign";
    public const string NotUse = "not_use";
    public const string BindExisting = "bind_existing";

    [JsonPropertyName("public_bind_type")]
    public string? PublicBindType { get; set; }

    [JsonPropertyName("eip_id")]
    public string? EipId { get; set; }

    public override string ToString() => string.IsNullOrEmpty(EipId) ? PublicBindType ?? string.Empty : $"{PublicBindType} {EipId}";
}

/// <summary>Why a cluster failed; empty when it is healthy.</summary>
public sealed class ClusterFailedReason
{
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    public override string ToString() => $"{ErrorCode} {ErrorMessage}".Trim();
}

/// <summary>Parameter group; status is In-Sync, Applying, Pending-Reboot or Sync-Failure.</summary>
public sealed class ClusterParameterGroup
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    public override string ToString() => $"{Name} {Status}".Trim();
}

/// <summary>Weekly maintenance window; times are "HH:mm" in GMT+0 as sent.</summary>
public sealed class ClusterMaintainWindow
{
    /// <summary>Mon, Tue, Wed, Thu, Fri, Sat or Sun.</summary>
    [JsonPropertyName("day")]
    public string? Day { get; set; }

    [JsonPropertyName("start_time")]
    public string? StartTime { get; set; }

    [JsonPropertyName("end_time")]
    public string? EndTime { get; set; }

    public override string ToString() => $"{Day} {StartTime}-{EndTime} GMT+0";
}

/// <summary>Scale-out details; the node counts arrive as strings in the example (quirks.md 6).</summary>
public sealed class ClusterResizeInfo
{
    [JsonPropertyName("target_node_num")]
    public int? TargetNodeNum { get; set; }

    [JsonPropertyName("origin_node_num")]
    public int? OriginNodeNum { get; set; }

    /// <summary>GROWING or RESIZE_FAILURE.</summary>
    [JsonPropertyName("resize_status")]
    public string? ResizeStatus { get; set; }

    [JsonPropertyName("start_time")]
    public DateTimeOffset? StartTime { get; set; }

    public override string ToString() => $"{OriginNodeNum} -> {TargetNodeNum} {ResizeStatus}".Trim();
}

/// <summary>The load balancer bound to the cluster (5.2.13 ElbResp).</summary>
public sealed class ClusterElb
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("public_ip")]
    public string? PublicIp { get; set; }

    [JsonPropertyName("private_ip")]
    public string? PrivateIp { get; set; }

    [JsonPropertyName("private_endpoint")]
    public string? PrivateEndpoint { get; set; }

    [JsonPropertyName("vpc_id")]
    public string? VpcId { get; set; }

    public override string ToString() => $"{Name} {PrivateEndpoint}".Trim();
}

/// <summary>Flavor details; the reference types every number as a string, the example sends strings.</summary>
public sealed class ClusterFlavorDetail
{
    /// <summary>dws, stream or hybrid.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Number of vCPUs.</summary>
    [JsonPropertyName("cpu")]
    public int? Cpu { get; set; }

    /// <summary>Memory (GB).</summary>
    [JsonPropertyName("mem")]
    public int? Mem { get; set; }

    /// <summary>Storage space in GB.</summary>
    [JsonPropertyName("volume_size")]
    public int? VolumeSize { get; set; }

    /// <summary>SATA, SAS, SSD, ESSD or ESSD2.</summary>
    [JsonPropertyName("volume_type")]
    public string? VolumeType { get; set; }

    [JsonPropertyName("volume_num")]
    public int? VolumeNum { get; set; }

    public override string ToString() => $"{Type} {Cpu} vCPU {Mem} GB, {VolumeNum} x {VolumeSize} GB {VolumeType}";
}
