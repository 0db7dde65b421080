using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the snapshot storage statistics of DWS clusters.</summary>
/// <remarks>Reads the snapshot statistics of each cluster (API reference 5.2.45, GET /v1.0/{project_id}/clusters/{cluster_id}/snapshots/statistics) and writes one object per cluster: FreeGB (storage.free), PaidGB (storage.paid) and UsedGB (storage.used), with ClusterId. Accepts IDs and any object with a ClusterId property from the pipeline.</remarks>
/// <example title="Snapshot storage of one cluster">
/// <code>
/// Get-DwsSnapshotStatistic -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Shows used, free and paid snapshot storage.</para>
/// </example>
/// <example title="Clusters that pay for snapshot storage">
/// <code>
/// Get-DwsCluster | Get-DwsSnapshotStatistic | Where-Object PaidGB -gt 0
/// </code>
/// <para>Lists the clusters whose snapshots exceed the free quota.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsSnapshotStatistic")]
[OutputType(typeof(DwsSnapshotStatistic))]
public sealed class GetDwsSnapshotStatisticCommand : DwsClusterReadCmdlet<DwsSnapshotStatistic>
{
    protected override Task<DwsSnapshotStatistic> ReadAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.GetSnapshotStatisticsAsync(clusterId, ct);
}
