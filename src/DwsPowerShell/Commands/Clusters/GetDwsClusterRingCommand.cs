using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the topology rings of DWS clusters.</summary>
/// <remarks>Lists the rings of a cluster's topology (API reference 5.2.12, GET /v2/{project_id}/clusters/{cluster_id}/topo/rings, every page), each with its instances (CNs and DNs) and their management, service and internal IPs. Clusters from Get-DwsCluster bind to -ClusterId by property name. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="Show a cluster's rings">
/// <code>
/// Get-DwsClusterRing -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Writes one object per ring with its instance names.</para>
/// </example>
/// <example title="List every instance IP of the topology">
/// <code>
/// Get-DwsCluster -Name prod | Get-DwsClusterRing | ForEach-Object InstanceInfoLists | Select-Object Name, TrafficIp, InternalIp
/// </code>
/// <para>Flattens the rings into their instances and shows their addresses.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterRing", SupportsPaging = true)]
[OutputType(typeof(TopologyRing))]
public sealed class GetDwsClusterRingCommand : DwsClusterListCmdlet<TopologyRing>
{
    protected override IAsyncEnumerable<TopologyRing> List(string clusterId, CancellationToken ct) => DwsSession.Clusters.ListTopologyRingsAsync(clusterId, cancellationToken: ct);
}
