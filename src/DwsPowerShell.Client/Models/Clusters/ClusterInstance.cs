using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>An instance of a cluster (5.2.47 instances[]), with the cluster's id and name attached.</summary>
public sealed class ClusterInstance
{
    [JsonPropertyName("instance_id")]
    public string InstanceId { get; set; } = string.Empty;

    [JsonPropertyName("instance_name")]
    public string? InstanceName { get; set; }

    /// <summary>"AVAILABLE" here (quirks.md 2.6).</summary>
    [JsonPropertyName("instance_status")]
    public string? InstanceStatus { get; set; }

    [JsonPropertyName("traffic_ip")]
    public string? TrafficIp { get; set; }

    [JsonPropertyName("internal_ip")]
    public string? InternalIp { get; set; }

    [JsonPropertyName("logical_cluster_name")]
    public string? LogicalClusterName { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    [JsonIgnore]
    public string? ClusterName { get; set; }

    public override string ToString() => $"{InstanceName} {InstanceStatus}".Trim();
}

/// <summary>The 5.2.47 answer (not paged).</summary>
internal sealed class ClusterInstanceList
{
    [JsonPropertyName("cluster_id")]
    public string? ClusterId { get; set; }

    [JsonPropertyName("cluster_name")]
    public string? ClusterName { get; set; }

    [JsonPropertyName("cluster_status")]
    public string? ClusterStatus { get; set; }

    [JsonPropertyName("instances")]
    public List<ClusterInstance>? Instances { get; set; }
}

/// <summary>One instance by id (5.2.59): a Trove-style object (links, flavor, datastore, replicas).</summary>
public sealed class InstanceDetail
{
    [JsonPropertyName("configuration_status")]
    public string? ConfigurationStatus { get; set; }

    [JsonPropertyName("params_group_id")]
    public string? ParamsGroupId { get; set; }

    /// <summary>e.g. dws-cn, dws-dn.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("subnet_id")]
    public string? SubnetId { get; set; }

    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("internal_subnet_id")]
    public string? InternalSubnetId { get; set; }

    [JsonPropertyName("group")]
    public string? Group { get; set; }

    [JsonPropertyName("secure_group")]
    public string? SecureGroup { get; set; }

    [JsonPropertyName("vpc")]
    public string? Vpc { get; set; }

    [JsonPropertyName("azcode")]
    public string? Azcode { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("cluster_id")]
    public string? ClusterId { get; set; }

    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; set; }

    [JsonPropertyName("updated")]
    public DateTimeOffset? Updated { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("links")]
    public List<InstanceLink>? Links { get; set; }

    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("flavor")]
    public InstanceFlavor? Flavor { get; set; }

    [JsonPropertyName("volume")]
    public InstanceVolume? Volume { get; set; }

    [JsonPropertyName("datastore")]
    public InstanceDatastore? Datastore { get; set; }

    [JsonPropertyName("fault")]
    public InstanceFault? Fault { get; set; }

    [JsonPropertyName("configuration")]
    public InstanceReference? Configuration { get; set; }

    [JsonPropertyName("locality")]
    public string? Locality { get; set; }

    [JsonPropertyName("replicas")]
    public List<InstanceReference>? Replicas { get; set; }

    [JsonPropertyName("db_user")]
    public string? DbUser { get; set; }

    [JsonPropertyName("storage_engine")]
    public string? StorageEngine { get; set; }

    [JsonPropertyName("pay_model")]
    public int? PayModel { get; set; }

    [JsonPropertyName("public_ip")]
    public string? PublicIp { get; set; }

    [JsonPropertyName("traffic_ip")]
    public string? TrafficIp { get; set; }

    [JsonIgnore]
    public string InstanceId => Id;

    [JsonIgnore]
    public string? InstanceName => Name;

    public override string ToString() => $"{Name} ({Id}) {Type}".Trim();
}

/// <summary>LinkResp.</summary>
public sealed class InstanceLink
{
    [JsonPropertyName("rel")]
    public string? Rel { get; set; }

    [JsonPropertyName("href")]
    public string? Href { get; set; }
}

/// <summary>ClusterFlavorResp.</summary>
public sealed class InstanceFlavor
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("links")]
    public List<InstanceLink>? Links { get; set; }
}

/// <summary>CompatibleInstanceVolumeResp.</summary>
public sealed class InstanceVolume
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("used")]
    public double? Used { get; set; }

    [JsonPropertyName("size")]
    public int? Size { get; set; }
}

/// <summary>CompatibleDataStoreResp.</summary>
public sealed class InstanceDatastore
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }
}

/// <summary>CompatibleFaultResp.</summary>
public sealed class InstanceFault
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("created")]
    public string? Created { get; set; }

    [JsonPropertyName("details")]
    public string? Details { get; set; }
}

/// <summary>CompatibleConfigurationResp / CompatibleReplicasResp: id, name, links.</summary>
public sealed class InstanceReference
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("links")]
    public List<InstanceLink>? Links { get; set; }
}
