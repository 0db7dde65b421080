using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Starts the data redistribution a cluster waits for after a scale-out.</summary>
/// <remarks>Delivers the redistribution task (API reference 5.2.31, POST /v2/{project_id}/clusters/{cluster_id}/redistribution). It is allowed only while the cluster's task_status is WAITING_REDISTRIBUTION, which a scale-out with idle nodes and -AutoRedistribute $false leaves (Resize-DwsCluster -UseIdleNode); otherwise the service refuses it (DwsInvalidRequest). -RedistributionMode is Online or Offline (sent lowercase, as this API documents) and -ParallelJobs 1 to 32. Writes the cluster in its transitional state (task_status REDISTRIBUTING); with -Wait waits, with a progress bar, until the redistribution is done (or paused) and writes the cluster. Watch the progress with Get-DwsClusterRedistribution.</remarks>
/// <example title="Redistribute online with eight jobs">
/// <code>
/// Start-DwsClusterRedistribution -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -RedistributionMode Online -ParallelJobs 8
/// </code>
/// <para>Starts the redistribution and writes the cluster, now REDISTRIBUTING.</para>
/// </example>
/// <example title="Redistribute every cluster that waits for it, and wait">
/// <code>
/// Get-DwsCluster | Where-Object TaskStatus -eq 'WAITING_REDISTRIBUTION' | Start-DwsClusterRedistribution -Wait -PollIntervalSec 30 -Confirm:$false
/// </code>
/// <para>Starts an offline redistribution on each waiting cluster and writes each once it is done.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "DwsClusterRedistribution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterModel))]
public sealed class StartDwsClusterRedistributionCommand : DwsLongRunningCmdlet
{
    /// <summary>ID of the cluster; accepts an object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Offline (default; the cluster is read-only meanwhile) or Online.</summary>
    [Parameter]
    [ValidateSet("Offline", "Online", IgnoreCase = true)]
    public string RedistributionMode { get; set; } = "Offline";

    /// <summary>Parallel redistribution jobs, 1 to 32 (default 4).</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ParallelJobs { get; set; } = 4;

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(ClusterId, $"Start {RedistributionMode.ToLowerInvariant()} redistribution with {ParallelJobs} parallel job(s)")) return;
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            Await(ct => DwsSession.Clusters.StartRedistributionAsync(id, new StartRedistributionRequest(RedistributionMode, ParallelJobs), ct));
            WriteObject(Wait
                ? AwaitWithProgress($"Redistributing DWS cluster {id}", (progress, ct) => DwsSession.Clusters.WaitForResizeAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct))
                : Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
        });
    }
}
