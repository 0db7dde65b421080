using System.Management.Automation;
using DwsPowerShell.Client.Models.Snapshots;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Previews the next automated snapshots of clusters.</summary>
/// <remarks>
/// Writes the next seven snapshots the cluster's snapshot policy will take, with their time, type and strategy ID
/// (API reference 5.3.10). Clusters from Get-DwsCluster and strategies from Get-DwsSnapshotPolicy bind to
/// -ClusterId by property name.
/// </remarks>
/// <example title="Preview the snapshots of the production clusters">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsSnapshotPolicyPlan
/// </code>
/// <para>Writes the next seven planned snapshots of each cluster.</para>
/// </example>
/// <example title="Only the full snapshots">
/// <code>
/// Get-DwsSnapshotPolicyPlan -ClusterId $id | Where-Object Type -eq 'full'
/// </code>
/// <para>Keeps the planned full snapshots.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsSnapshotPolicyPlan")]
[OutputType(typeof(SnapshotPolicyPlanItem))]
public sealed class GetDwsSnapshotPolicyPlanCommand : DwsClusterReadCmdlet<IReadOnlyList<SnapshotPolicyPlanItem>>
{
    protected override Task<IReadOnlyList<SnapshotPolicyPlanItem>> ReadAsync(string clusterId, CancellationToken ct) =>
        DwsSession.Snapshots.GetPolicyPlanAsync(clusterId, ct);
}
