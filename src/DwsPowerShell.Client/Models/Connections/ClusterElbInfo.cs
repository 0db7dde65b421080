using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Connections;

/// <summary>
/// An ELB (ClusterElbInfo of 5.9.4 and 5.9.10). admin_state_up is a Boolean although the reference describes
/// it with ACTIVE/PENDING_CREATE/ERROR, and bandwidth is the 0/1 binding flag (quirks.md 6).
/// </summary>
public sealed class ClusterElbInfo
{
    public string? Id { get; set; }

    /// <summary>The cluster the ELB is bound to (5.9.10), or the cluster it was listed for (5.9.4).</summary>
    public string? ClusterId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? VipAddress { get; set; }

    public string? VipSubnetId { get; set; }

    public string? TenantId { get; set; }

    /// <summary>Internal (dedicated) or External (shared).</summary>
    public string? Type { get; set; }

    public bool? AdminStateUp { get; set; }

    /// <summary>Binding flag: 1 bound, 0 not bound.</summary>
    public int? Bandwidth { get; set; }

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
    public List<ClusterElbInfo>? Elbs { get; set; }

    public int? Count { get; set; }
}
