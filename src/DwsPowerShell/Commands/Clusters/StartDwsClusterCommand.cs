using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Starts stopped DWS clusters.</summary>
/// <remarks>Starts each cluster (API reference 5.2.61, POST /v1/{project_id}/clusters/{cluster_id}/start). The service answers with a job: without -Wait the job is written at once (it pipes to Wait-DwsJob and Get-DwsJob and carries the ClusterId); with -Wait the cmdlet waits for the job with a progress bar and writes the finished job, or a DwsJobFailed error with the service's failed_code and failed_detail. Accepts IDs or any object with a ClusterId property from the pipeline.</remarks>
/// <example title="Start a cluster and wait">
/// <code>
/// Start-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Wait -PollIntervalSec 10
/// </code>
/// <para>Returns when the start job has succeeded.</para>
/// </example>
/// <example title="Start every stopped cluster and wait for all of them at once">
/// <code>
/// Get-DwsCluster | Where-Object Status -eq 'STOPPED' | Start-DwsCluster | Wait-DwsJob
/// </code>
/// <para>Starts the clusters one after the other, then waits for all the jobs in one loop.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "DwsCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob))]
public sealed class StartDwsClusterCommand : DwsClusterJobCmdlet
{
    protected override string Action => "Start DWS cluster";

    protected override string Activity(string clusterId) => $"Starting DWS cluster {clusterId}";

    protected override Task<DwsJob> SendAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.StartAsync(clusterId, ct);
}
