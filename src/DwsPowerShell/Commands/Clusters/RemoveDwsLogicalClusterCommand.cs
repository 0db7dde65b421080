using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Deletes logical clusters.</summary>
/// <remarks>Deletes a logical cluster (API reference 5.2.17, DELETE /v2/{project_id}/clusters/{cluster_id}/logical-clusters/{logical_cluster_id}); its rings become free. The first logical cluster (it holds the system views) and the last one cannot be deleted: the service refuses with 400. Logical clusters from Get-DwsLogicalCluster bind -ClusterId and -LogicalClusterId by property name. Writes the service's answer; with -Wait the cmdlet first polls the list (API reference 5.2.7) until the logical cluster is gone. Asks for confirmation (ConfirmImpact High) unless -Force.</remarks>
/// <example title="Delete a logical cluster by name">
/// <code>
/// Get-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name etl_group | Remove-DwsLogicalCluster -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Deletes etl_group without asking and returns once it is no longer listed.</para>
/// </example>
/// <example title="Preview a deletion">
/// <code>
/// Remove-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -LogicalClusterId 0b494d0d-8431-4c4f-8a06-2cc42d0d0c7d -WhatIf
/// </code>
/// <para>Shows what would be deleted without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsLogicalCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(LogicalClusterOperationResult))]
public sealed class RemoveDwsLogicalClusterCommand : DwsLongRunningCmdlet
{
    /// <summary>The cluster the logical cluster belongs to; binds from logical cluster objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>IDs of the logical clusters to delete; binds from Get-DwsLogicalCluster output.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] LogicalClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Delete without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in LogicalClusterId)
        {
            if (!ShouldChange($"{id} (cluster {ClusterId})", "Delete DWS logical cluster", Force)) continue;
            ForItem(id, () =>
            {
                var result = Await(ct => DwsSession.Clusters.DeleteLogicalClusterAsync(ClusterId, id, ct));
                if (LogicalClusterOutput.Warning(result) is { } warning) WriteWarning(warning);
                if (Wait)
                {
                    AwaitWithProgress($"Deleting logical cluster {id}", (progress, ct) => DwsSession.Clusters.WaitForLogicalClusterAsync(ClusterId, id, true, WaitOptions, l => progress(LogicalClusterOutput.Describe(l), l.ActionInfo?.Progress), ct));
                }
                WriteObject(result);
            });
        }
    }
}
