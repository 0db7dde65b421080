using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>An instance of a cluster (5.2.47 instances[]), with the cluster's id and name attached.</summary>
public sealed class ClusterInstance
{
    public string InstanceId { get; set; } = string.Empty;

    public string? InstanceName { get; set; }

    /// <summary>"AVAILABLE" here (quirks.md 2.6).</summary>
    public string? InstanceStatus { get; set; }

    public string? TrafficIp { get; set; }

    public string? InternalIp { get; set; }

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
    public string? ClusterId { get; set; }

    public string? ClusterName { get; set; }

    public string? ClusterStatus { get; set; }

    public List<ClusterInstance>? Instances { get; set; }
}

/// <summary>One instance by id (5.2.59): a Trove-style object (links, flavor, datastore, replicas).</summary>
public sealed class InstanceDetail
{
    public string? ConfigurationStatus { get; set; }

    public string? ParamsGroupId { get; set; }

    /// <summary>e.g. dws-cn, dws-dn.</summary>
    public string? Type { get; set; }

    public string? SubnetId { get; set; }

    public string? Role { get; set; }

    public string? InternalSubnetId { get; set; }

    public string? Group { get; set; }

    public string? SecureGroup { get; set; }

    public string? Vpc { get; set; }

    public string? Azcode { get; set; }

    public string? Region { get; set; }

    public string? ClusterId { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public string? Status { get; set; }

    public string? Name { get; set; }

    public List<InstanceLink>? Links { get; set; }

    public string Id { get; set; } = string.Empty;

    public InstanceFlavor? Flavor { get; set; }

    public InstanceVolume? Volume { get; set; }

    public InstanceDatastore? Datastore { get; set; }

    public InstanceFault? Fault { get; set; }

    public InstanceReference? Configuration { get; set; }

    public string? Locality { get; set; }

    public List<InstanceReference>? Replicas { get; set; }

    public string? DbUser { get; set; }

    public string? StorageEngine { get; set; }

    public int? PayModel { get; set; }

    public string? PublicIp { get; set; }

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
    public string? Rel { get; set; }

    public string? Href { get; set; }
}

/// <summary>ClusterFlavorResp.</summary>
public sealed class InstanceFlavor
{
    public string? Id { get; set; }

    public List<InstanceLink>? Links { get; set; }
}

/// <summary>CompatibleInstanceVolumeResp.</summary>
public sealed class InstanceVolume
{
    public string? Type { get; set; }

    public double? Used { get; set; }

    public int? Size { get; set; }
}

/// <summary>CompatibleDataStoreResp.</summary>
public sealed class InstanceDatastore
{
    public string? Type { get; set; }

    public string? Version { get; set; }
}

/// <summary>CompatibleFaultResp.</summary>
public sealed class InstanceFault
{
    public string? Message { get; set; }

    public string? Created { get; set; }

    public string? Details { get; set; }
}

/// <summary>CompatibleConfigurationResp / CompatibleReplicasResp: id, name, links.</summary>
public sealed class InstanceReference
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<InstanceLink>? Links { get; set; }
}
