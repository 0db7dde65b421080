using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the specification (flavor) a cluster uses.</summary>
/// <remarks>Reads the cluster's flavor details (API reference 5.2.48, GET /v2/{project_id}/clusters/{cluster_id}/flavor): FlavorId, SpecName, the current, minimum and maximum node counts, Classify (flavor type), DatastoreVersion, the extended Attribute list (cpuNum, memSize, diskType...) and VolumeNode (volume type, disks per node, usable capacity per node). Writes one ClusterFlavor per cluster; it carries ClusterId and FlavorId, so it pipes to Get-DwsClusterResizeOption -Flavor to list the flavors the cluster can change to.</remarks>
/// <example title="See the flavor of a cluster">
/// <code>
/// Get-DwsClusterFlavor -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Shows the spec name, node counts and volume of the cluster's flavor.</para>
/// </example>
/// <example title="From a cluster's flavor to the flavors it can change to">
/// <code>
/// Get-DwsCluster -Name sales-dw | Get-DwsClusterFlavor | Get-DwsClusterResizeOption -Flavor
/// </code>
/// <para>Lists the target flavors of the cluster's current flavor.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterFlavor")]
[OutputType(typeof(ClusterFlavor))]
public sealed class GetDwsClusterFlavorCommand : DwsClusterReadCmdlet<ClusterFlavor>
{
    protected override Task<ClusterFlavor> ReadAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.GetFlavorAsync(clusterId, ct);
}
