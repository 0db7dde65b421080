using System.Management.Automation;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Resumes a paused data redistribution.</summary>
/// <remarks>Resumes the redistribution (API reference 5.2.23, POST /v2/{project_id}/clusters/{cluster_id}/redistribution/recovery; DWS 2.0 clusters). Allowed only while the cluster is REDISTRIBUTION_PAUSED (Suspend-DwsClusterRedistribution); the redistribution goes on from where it stopped and the cluster shows REDISTRIBUTING. The answer's three pairs of error fields are read; a code other than DWS.0000 is written as a warning. Writes the cluster; with -Wait waits, with a progress bar, until the redistribution is done and writes the cluster.</remarks>
/// <example title="Resume after business hours">
/// <code>
/// Resume-DwsClusterRedistribution -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Resumes the redistribution and writes the cluster, REDISTRIBUTING again.</para>
/// </example>
/// <example title="Resume every paused redistribution and wait for them">
/// <code>
/// Get-DwsCluster | Where-Object TaskStatus -eq 'REDISTRIBUTION_PAUSED' | Resume-DwsClusterRedistribution -Wait -PollIntervalSec 30 -Confirm:$false
/// </code>
/// <para>Resumes each paused redistribution and writes each cluster once it is AVAILABLE with no task.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Resume, "DwsClusterRedistribution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterModel))]
public sealed class ResumeDwsClusterRedistributionCommand : DwsLongRunningCmdlet
{
    /// <summary>ID of the cluster; accepts an object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(ClusterId, "Resume the redistribution")) return;
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            var result = Await(ct => DwsSession.Clusters.ResumeRedistributionAsync(id, ct));
            if (result.ErrorCode is { } code && code != "DWS.0000") WriteWarning($"{id}: the service answered {code}: {result.ErrorMessage}");
            WriteObject(Wait
                ? AwaitWithProgress($"Redistributing DWS cluster {id}", (progress, ct) => DwsSession.Clusters.WaitForResizeAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct))
                : Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
        });
    }
}
