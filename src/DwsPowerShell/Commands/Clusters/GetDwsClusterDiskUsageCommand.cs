using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the disk usage of each node of a cluster.</summary>
/// <remarks>Reads the disk usage of the cluster's tenant-side nodes (API reference 5.2.49, GET /v1/{project_id}/clusters/{cluster_id}/volume). Writes one NodeDiskUsage per node: Name, NodeId, Percentage, DiskCapacity and DiskUsed (documented as strings but returned as numbers; read as numbers either way), Role, Group, plus ClusterId and Duplicate (the cluster's number of copies). Use it to decide on a disk expansion (Resize-DwsCluster -VolumeSizeGB).</remarks>
/// <example title="Show the fullest nodes">
/// <code>
/// Get-DwsClusterDiskUsage -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | Sort-Object Percentage -Descending | Select-Object -First 5
/// </code>
/// <para>Lists the five nodes with the highest disk use.</para>
/// </example>
/// <example title="Find clusters with a node above 80 percent">
/// <code>
/// Get-DwsCluster | Get-DwsClusterDiskUsage | Where-Object Percentage -gt 80 | Select-Object -ExpandProperty ClusterId -Unique
/// </code>
/// <para>Writes the ID of each cluster that has a node more than 80 percent full.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterDiskUsage")]
[OutputType(typeof(NodeDiskUsage))]
public sealed class GetDwsClusterDiskUsageCommand : DwsClusterReadCmdlet<ClusterDiskUsage>
{
    protected override Task<ClusterDiskUsage> ReadAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.GetDiskUsageAsync(clusterId, ct);

    protected override object? Output(ClusterDiskUsage answer) => answer.DiskInfoList;
}
