using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>5.2.4 CreateLogicalClusterInfo: a name and the rings (from 5.2.11) the logical cluster is made of.</summary>
public sealed class CreateLogicalClusterRequest : IValidatedRequest
{
    public string? LogicalClusterName { get; set; }

    public List<LogicalClusterRing>? ClusterRings { get; set; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LogicalClusterName)) throw new ArgumentException("A logical cluster needs a name (logical_cluster_name).", "Name");
        LogicalClusterRules.CheckRings(ClusterRings, "Ring");
    }
}

/// <summary>
/// 5.2.18 body: replaces the logical cluster's rings (all of them: adding rings grows it, leaving some out
/// shrinks it), with optional mode and waiting_for_killing. Build it with
/// <c>ClustersApi.SetLogicalClusterAsync</c>, which reads the current rings and merges.
/// </summary>
public sealed class UpdateLogicalClusterRequest : IValidatedRequest
{
    public List<LogicalClusterRing>? ClusterRings { get; set; }

    public string? Mode { get; set; }

    public int? WaitingForKilling { get; set; }

    public void Validate() => LogicalClusterRules.CheckRings(ClusterRings, "Ring");
}

/// <summary>Checks shared by the logical-cluster requests.</summary>
public static class LogicalClusterRules
{
    /// <summary>Every ring needs hosts, and every host a host_name and back_ip (all RingHost fields are mandatory).</summary>
    public static void CheckRings(IReadOnlyList<LogicalClusterRing>? rings, string parameter)
    {
        if (rings is null || rings.Count == 0)
            throw new ArgumentException("At least one ring is required: list the available rings with Get-DwsLogicalClusterRing (API 5.2.11).", parameter);
        for (var i = 0; i < rings.Count; i++)
        {
            var hosts = rings[i]?.RingHosts;
            if (hosts is null || hosts.Count == 0) throw new ArgumentException($"Ring {i + 1} has no hosts.", parameter);
            foreach (var h in hosts)
            {
                if (h is null || string.IsNullOrWhiteSpace(h.HostName) || string.IsNullOrWhiteSpace(h.BackIp))
                    throw new ArgumentException($"Ring {i + 1} has a host without host_name or back_ip: pass rings as Get-DwsLogicalClusterRing or Get-DwsLogicalCluster return them.", parameter);
            }
        }
        for (var i = 0; i < rings.Count; i++)
            for (var j = i + 1; j < rings.Count; j++)
                if (rings[i].SameHosts(rings[j])) throw new ArgumentException($"Rings {i + 1} and {j + 1} are the same ring.", parameter);
    }
}
