using System.Management.Automation;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Pauses a running data redistribution.</summary>
/// <remarks>Suspends the redistribution (API reference 5.2.24, POST /v2/{project_id}/clusters/{cluster_id}/redistribution/suspend; DWS 2.0 clusters). Allowed only while the cluster is REDISTRIBUTING; the cluster then rests in task_status REDISTRIBUTION_PAUSED, keeping its progress, until Resume-DwsClusterRedistribution. The answer's three pairs of error fields are read; a code other than DWS.0000 is written as a warning. Writes the cluster as it is afterwards.</remarks>
/// <example title="Pause the redistribution during business hours">
/// <code>
/// Suspend-DwsClusterRedistribution -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Pauses the redistribution; the cluster shows REDISTRIBUTION_PAUSED.</para>
/// </example>
/// <example title="Pause every running redistribution">
/// <code>
/// Get-DwsCluster | Where-Object TaskStatus -eq 'REDISTRIBUTING' | Suspend-DwsClusterRedistribution -Confirm:$false
/// </code>
/// <para>Pauses the redistribution of each cluster that runs one.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Suspend, "DwsClusterRedistribution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterModel))]
public sealed class SuspendDwsClusterRedistributionCommand : DwsCmdlet
{
    /// <summary>ID of the cluster; accepts an object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(ClusterId, "Suspend the redistribution")) return;
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            var result = Await(ct => DwsSession.Clusters.SuspendRedistributionAsync(id, ct));
            if (result.ErrorCode is { } code && code != "DWS.0000") WriteWarning($"{id}: the service answered {code}: {result.ErrorMessage}");
            WriteObject(Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
        });
    }
}
