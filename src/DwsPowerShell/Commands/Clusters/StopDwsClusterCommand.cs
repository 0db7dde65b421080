using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Stops DWS clusters.</summary>
/// <remarks>Stops each cluster (API reference 5.2.62, POST /v1/{project_id}/clusters/{cluster_id}/stop); a stopped cluster cannot be connected to until Start-DwsCluster. Asks for confirmation (ConfirmImpact High) unless -Force; -WhatIf and an explicit -Confirm win over -Force. The service answers with a job: without -Wait the job is written at once (it pipes to Wait-DwsJob and Get-DwsJob and carries the ClusterId); with -Wait the cmdlet waits for the job with a progress bar and writes the finished job, or a DwsJobFailed error with the service's failed_code and failed_detail. Accepts IDs or any object with a ClusterId property from the pipeline.</remarks>
/// <example title="Stop a cluster without prompting and wait">
/// <code>
/// Stop-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Returns when the stop job has succeeded.</para>
/// </example>
/// <example title="Stop the development clusters for the night">
/// <code>
/// Get-DwsCluster -Name 'dev-*' | Stop-DwsCluster -Force | Wait-DwsJob -TimeoutSec 3600
/// </code>
/// <para>Stops each cluster, then waits for all the stop jobs in one loop.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Stop, "DwsCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DwsJob))]
public sealed class StopDwsClusterCommand : DwsClusterJobCmdlet
{
    /// <summary>Stop without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => "Stop DWS cluster";

    protected override string Activity(string clusterId) => $"Stopping DWS cluster {clusterId}";

    protected override Task<DwsJob> SendAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.StopAsync(clusterId, ct);

    protected override bool Forced => Force;
}
