using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the rings of a DWS cluster that no logical cluster uses.</summary>
/// <remarks>Lists the available rings of a cluster (API reference 5.2.11, every page): rings that belong to no logical cluster, each with its hosts (host name, back-end IP, CPU cores, memory, disk). Pipe them to New-DwsLogicalCluster or pass them to Set-DwsLogicalCluster -Ring. Clusters from Get-DwsCluster bind to -ClusterId by property name. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="Build a logical cluster from the free rings">
/// <code>
/// Get-DwsLogicalClusterRing -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | New-DwsLogicalCluster -Name etl_group
/// </code>
/// <para>Creates a logical cluster from every ring no logical cluster uses.</para>
/// </example>
/// <example title="Count the free rings of every cluster">
/// <code>
/// Get-DwsCluster | Get-DwsLogicalClusterRing | Group-Object ClusterId | Select-Object Name, Count
/// </code>
/// <para>Shows how many unassigned rings each cluster has.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsLogicalClusterRing", SupportsPaging = true)]
[OutputType(typeof(LogicalClusterRing))]
public sealed class GetDwsLogicalClusterRingCommand : DwsClusterListCmdlet<LogicalClusterRing>
{
    protected override IAsyncEnumerable<LogicalClusterRing> List(string clusterId, CancellationToken ct) => DwsSession.Clusters.ListAvailableRingsAsync(clusterId, cancellationToken: ct);
}
