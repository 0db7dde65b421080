using System.Management.Automation;
using DwsPowerShell.Completers;
using LogicalClusterModel = DwsPowerShell.Client.Models.Clusters.LogicalCluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Restarts logical clusters.</summary>
/// <remarks>Restarts a logical cluster (API reference 5.2.19, POST .../logical-clusters/{logical_cluster_id}/restart, no body); its instances are unavailable meanwhile, and other logical-cluster changes are refused until it completes. Without -Wait the logical cluster is written in its transitional state (API reference 5.2.7); with -Wait the cmdlet polls it until the Restart action has completed. High risk: ConfirmImpact Medium plus a second confirmation (ShouldContinue) unless -Force; -WhatIf and an explicit -Confirm win over -Force.</remarks>
/// <example title="Restart a logical cluster and wait">
/// <code>
/// Get-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name etl_group | Restart-DwsLogicalCluster -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Restarts etl_group without asking and writes it once the restart has completed.</para>
/// </example>
/// <example title="Preview a restart">
/// <code>
/// Restart-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -LogicalClusterId 0b494d0d-8431-4c4f-8a06-2cc42d0d0c7d -WhatIf
/// </code>
/// <para>Shows what would be restarted without sending anything.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Restart, "DwsLogicalCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LogicalClusterModel))]
public sealed class RestartDwsLogicalClusterCommand : DwsLongRunningCmdlet
{
    /// <summary>The cluster the logical cluster belongs to; binds from logical cluster objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>IDs of the logical clusters to restart; binds from Get-DwsLogicalCluster output.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] LogicalClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Restart without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in LogicalClusterId)
        {
            if (!ShouldChange($"{id} (cluster {ClusterId})", "Restart DWS logical cluster", Force, highRisk: true)) continue;
            ForItem(id, () =>
            {
                var result = Await(ct => DwsSession.Clusters.RestartLogicalClusterAsync(ClusterId, id, ct));
                if (LogicalClusterOutput.Warning(result) is { } warning) WriteWarning(warning);
                var lc = Wait
                    ? AwaitWithProgress($"Restarting logical cluster {id}", (progress, ct) => DwsSession.Clusters.WaitForLogicalClusterAsync(ClusterId, id, false, WaitOptions, l => progress(LogicalClusterOutput.Describe(l), l.ActionInfo?.Progress), ct))
                    : Await(ct => DwsSession.Clusters.FindLogicalClusterAsync(ClusterId, id, ct));
                if (lc is not null) WriteObject(lc);
            });
        }
    }
}
