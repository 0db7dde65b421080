using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A ring of the cluster topology (5.2.12 TopoRingInfo).</summary>
public sealed class TopologyRing
{
    public List<TopologyInstance>? InstanceInfoLists { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>Position of the ring in the answer, from 1.</summary>
    [JsonIgnore]
    public int RingNumber { get; set; }

    [JsonIgnore]
    public int InstanceCount => InstanceInfoLists?.Count ?? 0;

    [JsonIgnore]
    public string InstanceNames => string.Join(",", InstanceInfoLists?.Select(i => i.Name) ?? Array.Empty<string?>());

    public override string ToString() => $"ring {RingNumber}: {InstanceNames}";
}

/// <summary>An instance of a topology ring (5.2.12 TopoInstanceInfo). status is documented String but sent as the integer 200 (quirks.md 2.6).</summary>
public sealed class TopologyInstance
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ManageIp { get; set; }

    public string? TrafficIp { get; set; }

    public string? InternalIp { get; set; }

    public string? InternalMgntIp { get; set; }

    public string? Eip { get; set; }

    public string? Elb { get; set; }

    public string? Status { get; set; }

    public string? AzCode { get; set; }

    [JsonIgnore]
    public string? InstanceId => Id;

    public override string ToString() => $"{Name} {TrafficIp} {Status}".Trim();
}

/// <summary>The 5.2.12 answer.</summary>
internal sealed class TopologyRingList
{
    public List<TopologyRing>? ClusterRings { get; set; }

    public int? Count { get; set; }
}
