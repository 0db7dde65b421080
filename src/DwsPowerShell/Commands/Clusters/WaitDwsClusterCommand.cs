using System.Management.Automation;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Waits until DWS clusters are available, with progress, and writes each one.</summary>
/// <remarks>Polls each cluster's details (API reference 5.2.13) until its status is AVAILABLE (or ACTIVE) with no task_status and no action in progress, showing the status and task as a progress bar, then writes the cluster. A failure state (FAILED, CREATION FAILED, REBOOT_FAILURE, RESIZE_FAILURE, any *_FAILED) becomes an error record (ErrorId DwsResourceFailed) carrying the service's failed_reasons, and the next cluster is waited for. -TimeoutSec gives up with DwsWaitTimedOut; Ctrl+C stops the wait. Accepts IDs or any object with a ClusterId property from the pipeline.</remarks>
/// <example title="Wait for a cluster after a restart">
/// <code>
/// Restart-DwsCluster -ClusterId $id -Force | Wait-DwsCluster -PollIntervalSec 10
/// </code>
/// <para>The restarted cluster binds by its ClusterId; the cluster is written once it is AVAILABLE.</para>
/// </example>
/// <example title="Wait for every busy cluster, at most half an hour">
/// <code>
/// Get-DwsCluster | Where-Object TaskStatus | Wait-DwsCluster -TimeoutSec 1800
/// </code>
/// <para>Waits for each cluster that has a task running.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Wait, "DwsCluster")]
[OutputType(typeof(ClusterModel))]
public sealed class WaitDwsClusterCommand : DwsWaitingCmdlet
{
    /// <summary>IDs of the clusters to wait for; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            ForItem(id, () =>
            {
                WriteObject(AwaitWithProgress($"Waiting for DWS cluster {id}", (progress, ct) =>
                    DwsSession.Clusters.WaitForStatusAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
            });
        }
    }
}
