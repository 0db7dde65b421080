using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Switches DWS cluster instances back to their original primary/standby roles.</summary>
/// <remarks>Performs a switchback (API reference 5.2.36, POST /v1.0/{project_id}/clusters/{cluster_id}/switchover) on a cluster whose sub_status contains UNBALANCED, restoring the balance of primary instances across nodes (clusters of 8.1.1.202 or later). Service is interrupted briefly, so this is a high-risk operation: besides the -Confirm prompt it asks again unless -Force. Returns the job (pipe to Wait-DwsJob); with -Wait it waits, with a progress bar, until the job ends.</remarks>
/// <example title="Switch back an unbalanced cluster and wait">
/// <code>
/// Invoke-DwsClusterSwitchback -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Starts the switchback without prompting and writes the finished job.</para>
/// </example>
/// <example title="Switch back every unbalanced cluster">
/// <code>
/// Get-DwsCluster | Where-Object SubStatus -like '*UNBALANCED*' | Invoke-DwsClusterSwitchback -Force | Wait-DwsJob
/// </code>
/// <para>Starts a switchback per unbalanced cluster and waits for all the jobs.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "DwsClusterSwitchback", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob))]
public sealed class InvokeDwsClusterSwitchbackCommand : DwsLongRunningCmdlet
{
    /// <summary>IDs of the clusters; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Do not ask for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange(id, "Switch back DWS cluster (brief service interruption)", Force, highRisk: true)) continue;
            ForItem(id, () => WriteJob(id, ct => DwsSession.Clusters.SwitchbackAsync(id, ct), $"Switching back DWS cluster {id}"));
        }
    }
}
