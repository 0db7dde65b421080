using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Deletes CNs (coordinator nodes) of DWS clusters.</summary>
/// <remarks>Deletes CNs (API reference 5.2.41, POST /v1.0/{project_id}/clusters/{cluster_id}/cns/batch-delete with the CN IDs). CNs from the pipeline are collected and sent per cluster in one request; the cluster keeps at least min_num CNs (Get-DwsCoordinatorNode shows it as MinCount). Stop services while CNs are deleted. Returns the job (pipe it to Wait-DwsJob); with -Wait the cmdlet waits for the job and writes the remaining CNs. Asks for confirmation (ConfirmImpact High) unless -Force.</remarks>
/// <example title="Delete the last CN of a cluster">
/// <code>
/// Get-DwsCoordinatorNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | Select-Object -Last 1 | Remove-DwsCoordinatorNode -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Deletes one CN without asking and writes the remaining CNs once the job has succeeded.</para>
/// </example>
/// <example title="Preview deleting a CN">
/// <code>
/// Remove-DwsCoordinatorNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -CoordinatorNodeId b6ad3dc3-d2de-4d2c-a5df-fdde58eca8f0 -WhatIf
/// </code>
/// <para>Shows what would be deleted without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsCoordinatorNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DwsJob), typeof(CoordinatorNode))]
public sealed class RemoveDwsCoordinatorNodeCommand : DwsLongRunningCmdlet
{
    private readonly Dictionary<string, List<string>> _byCluster = new(StringComparer.Ordinal);

    /// <summary>The cluster the CNs belong to; binds from CN objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>IDs of the CNs to delete; binds from Get-DwsCoordinatorNode output.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] CoordinatorNodeId { get; set; } = Array.Empty<string>();

    /// <summary>Delete without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!_byCluster.TryGetValue(ClusterId, out var ids)) _byCluster[ClusterId] = ids = new List<string>();
        ids.AddRange(CoordinatorNodeId.Where(id => !ids.Contains(id)));
    }

    protected override void EndProcessing()
    {
        foreach (var pair in _byCluster)
        {
            var clusterId = pair.Key;
            var ids = pair.Value;
            if (!ShouldChange($"{string.Join(", ", ids)} (cluster {clusterId})", "Delete DWS CNs", Force)) continue;
            ForItem(clusterId, () =>
            {
                WriteJob(ct => DwsSession.Clusters.RemoveCoordinatorNodesAsync(clusterId, ids, ct), $"Deleting CNs of cluster {clusterId}", async ct => (await DwsSession.Clusters.ListCoordinatorNodesAsync(clusterId, ct).ConfigureAwait(false)).Instances);
            });
        }
    }
}
