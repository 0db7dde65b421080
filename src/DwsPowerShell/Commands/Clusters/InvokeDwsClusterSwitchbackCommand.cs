using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;

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
public sealed class InvokeDwsClusterSwitchbackCommand : DwsClusterJobCmdlet
{
    /// <summary>Do not ask for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => "Switch back DWS cluster (brief service interruption)";

    protected override string Activity(string clusterId) => $"Switching back DWS cluster {clusterId}";

    protected override Task<DwsJob> SendAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.SwitchbackAsync(clusterId, ct);

    protected override bool Forced => Force;

    protected override bool HighRisk => true;
}
