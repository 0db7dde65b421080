using System.Management.Automation;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Restarts DWS clusters.</summary>
/// <remarks>Restarts each cluster (API reference 5.2.25, POST /v1.0/{project_id}/clusters/{cluster_id}/restart with the body {"restart":{}}); the cluster is unavailable while it reboots. The service returns no job: progress shows in the cluster's task_status (REBOOTING). Without -Wait the cluster is read again and written in that transitional state; with -Wait the cmdlet polls the cluster (API reference 5.2.13) with a progress bar until it is AVAILABLE with no task, and writes it; REBOOT_FAILURE ends with a DwsResourceFailed error. Asks for confirmation (ConfirmImpact High) unless -Force; -WhatIf and an explicit -Confirm win over -Force.</remarks>
/// <example title="Restart a cluster and wait until it is available">
/// <code>
/// Restart-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Writes the cluster once it is AVAILABLE again.</para>
/// </example>
/// <example title="Preview restarting clusters by name">
/// <code>
/// Get-DwsCluster -Name 'report-*' | Restart-DwsCluster -WhatIf
/// </code>
/// <para>Lists what would be restarted without sending anything.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Restart, "DwsCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ClusterModel))]
public sealed class RestartDwsClusterCommand : DwsLongRunningCmdlet
{
    /// <summary>IDs of the clusters to restart; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Restart without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange(id, "Restart DWS cluster", Force)) continue;
            ForItem(id, () =>
            {
                Await(ct => DwsSession.Clusters.RestartAsync(id, ct));
                WriteObject(Wait
                    ? AwaitWithProgress($"Restarting DWS cluster {id}", (progress, ct) => DwsSession.Clusters.WaitForStatusAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct))
                    : Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
            });
        }
    }
}
