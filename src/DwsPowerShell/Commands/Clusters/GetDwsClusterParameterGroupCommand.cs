using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the parameter groups of DWS clusters.</summary>
/// <remarks>Lists each cluster's parameter groups (API reference 5.2.42, GET /v1.0/{project_id}/clusters/{cluster_id}/configurations): Id (also ConfigurationId), Name, Type, Status (In-Sync, Applying, Pending-Reboot, Sync-Failure) and FailureReason (the service sends the string "null" when there is none; FailReason keeps it as sent). The group of type parameterGroup holds the modifiable parameters. Accepts IDs and any object with a ClusterId property from the pipeline; the groups pipe to Get-DwsClusterParameter by ClusterId and ConfigurationId.</remarks>
/// <example title="List the parameter groups of a cluster">
/// <code>
/// Get-DwsClusterParameterGroup -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Shows each group's type and status.</para>
/// </example>
/// <example title="Clusters waiting for a restart to apply parameters">
/// <code>
/// Get-DwsCluster | Get-DwsClusterParameterGroup | Where-Object Status -eq 'Pending-Reboot'
/// </code>
/// <para>Lists the groups whose changes need a restart.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterParameterGroup")]
[OutputType(typeof(ClusterParameterGroupInfo))]
public sealed class GetDwsClusterParameterGroupCommand : DwsClusterReadCmdlet<IReadOnlyList<ClusterParameterGroupInfo>>
{
    protected override Task<IReadOnlyList<ClusterParameterGroupInfo>> ReadAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.ListParameterGroupsAsync(clusterId, ct);
}
