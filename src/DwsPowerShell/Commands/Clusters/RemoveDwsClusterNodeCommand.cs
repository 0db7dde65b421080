using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Commands.Clusters;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Deletes (or clears) idle nodes of DWS clusters.</summary>
/// <remarks>Deletes idle nodes (API reference 5.2.21, POST /v2/{project_id}/clusters/{cluster_id}/nodes/delete with node_list and operate_type delete or clear, -Mode). Nodes from the pipeline are collected and sent per cluster in one request; only idle nodes can be deleted. The service answers 202 with a message such as "Success submit 3 node delete job" but no job ID: progress shows in the cluster's task_status (DELETING_NODE). Without -Wait the answer is written; with -Wait the cmdlet polls the cluster (API reference 5.2.13) until it has no task and writes it; DELETE_NODE_FAILED ends with a DwsResourceFailed error. Asks for confirmation (ConfirmImpact High) unless -Force.</remarks>
/// <example title="Delete every idle node of a cluster">
/// <code>
/// Get-DwsClusterNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -FilterBy instCreateType -Filter NODE | Remove-DwsClusterNode -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Deletes the idle nodes in one request and writes the cluster once the deletion has finished.</para>
/// </example>
/// <example title="Preview deleting one node">
/// <code>
/// Remove-DwsClusterNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -NodeId 16413746-258e-4a3c-bea9-8496fdbefde3 -WhatIf
/// </code>
/// <para>Shows what would be deleted without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsClusterNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(NodeDeletionResult), typeof(ClusterModel))]
public sealed class RemoveDwsClusterNodeCommand : DwsLongRunningCmdlet
{
    private readonly Dictionary<string, List<string>> _byCluster = new(StringComparer.Ordinal);

    /// <summary>The cluster the nodes belong to; binds from node objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>IDs of the idle nodes to delete; binds from Get-DwsClusterNode output.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] NodeId { get; set; } = Array.Empty<string>();

    /// <summary>Delete (remove the nodes, the default) or Clear.</summary>
    [Parameter]
    public NodeDeleteMode Mode { get; set; } = NodeDeleteMode.Delete;

    /// <summary>Delete without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!_byCluster.TryGetValue(ClusterId, out var ids)) _byCluster[ClusterId] = ids = new List<string>();
        ids.AddRange(NodeId.Where(id => !ids.Contains(id)));
    }

    protected override void EndProcessing()
    {
        foreach (var pair in _byCluster)
        {
            var clusterId = pair.Key;
            var ids = pair.Value;
            if (!ShouldChange($"{string.Join(", ", ids)} (cluster {clusterId})", $"{Mode} DWS cluster nodes", Force)) continue;
            ForItem(clusterId, () =>
            {
                var result = Await(ct => DwsSession.Clusters.DeleteNodesAsync(clusterId, ids, Mode, ct));
                if (Wait)
                {
                    WriteObject(AwaitWithProgress($"Deleting nodes of cluster {clusterId}", (progress, ct) => DwsSession.Clusters.WaitForStatusAsync(clusterId, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
                }
                else
                {
                    WriteObject(result);
                }
            });
        }
    }
}
