using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Connections;

/// <summary>
/// An ELB (ClusterElbInfo of 5.9.4 and 5.9.10). admin_state_up is a Boolean although the reference describes
/// it with ACTIVE/PENDING_CREATE/ERROR, and bandwidth is the 0/1 binding flag (quirks.md 6).
/// </summary>
public sealed class ClusterElbInfo
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The cluster the ELB is bound to (5.9.10), or the cluster it was listed for (5.9.4).</summary>
    [JsonPropertyName("cluster_id")]
    public string? ClusterId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("vip_address")]
    public string? VipAddress { get; set; }

    [JsonPropertyName("vip_subnet_id")]
    public string? VipSubnetId { get; set; }

    [JsonPropertyName("tenant_id")]
    public string? TenantId { get; set; }

    /// <summary>Internal (dedicated) or External (shared).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("admin_state_up")]
    public bool? AdminStateUp { get; set; }

    /// <summary>Binding flag: 1 bound, 0 not bound.</summary>
    [JsonPropertyName("bandwidth")]
    public int? Bandwidth { get; set; }

    [JsonPropertyName("vpc_id")]
    public string? VpcId { get; set; }

    /// <summary>The ELB's ID (what Register-DwsClusterElb -ElbId takes).</summary>
    [JsonIgnore]
    public string? ElbId => Id;

    /// <summary>True when the ELB is bound to a cluster (bandwidth flag 1).</summary>
    [JsonIgnore]
    public bool IsBound => Bandwidth == 1;

    public override string ToString() => $"{Name} {VipAddress}".Trim();
}

/// <summary>The 5.9.4 and 5.9.10 answer; <see cref="Count"/> is a hint that can disagree with the items (quirks.md 3.5).</summary>
internal sealed class ElbList
{
    [JsonPropertyName("elbs")]
    public List<ClusterElbInfo>? Elbs { get; set; }

    [JsonPropertyName("count")]
    public int? Count { get; set; }
}
