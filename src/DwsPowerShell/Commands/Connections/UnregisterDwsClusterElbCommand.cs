using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Unbinds the ELB (load balancer) from a DWS cluster.</summary>
/// <remarks>Unbinds the cluster's ELB (API reference 5.9.6, DELETE /v2/{project_id}/clusters/{cluster_id}/elbs/{elb_id}); the ELB itself is kept and can be bound again. The service answers with a job: without -Wait the job is written (it pipes to Wait-DwsJob); with -Wait the job is polled (API reference 5.13.1) with a progress bar and the cluster is then written (its Elb property is then empty). A failed job ends with a DwsJobFailed error. ELBs from Get-DwsElb bind to -ClusterId and -ElbId by property name.</remarks>
/// <example title="Unbind a cluster's ELB and wait">
/// <code>
/// Unregister-DwsClusterElb -ClusterId 194408fa-9d41-435c-a140-91edcf5fe519 -ElbId 1e6e0b66-6223-4523-bfd9-033c88b4ce9f -Wait -PollIntervalSec 5
/// </code>
/// <para>Unbinds the ELB, waits for the job, and writes the cluster.</para>
/// </example>
/// <example title="Unbind whatever ELB a cluster has">
/// <code>
/// Get-DwsElb -ClusterId $id | Where-Object IsBound | Unregister-DwsClusterElb | Wait-DwsJob
/// </code>
/// <para>Finds the bound ELB (binding flag 1), unbinds it and waits for the job.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Unregister, "DwsClusterElb", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob), typeof(ClusterModel))]
public sealed class UnregisterDwsClusterElbCommand : ClusterElbCmdlet
{
    protected override (string Action, string Activity) Describe() => ($"Unbind ELB {ElbId}", $"Unbinding ELB {ElbId} from DWS cluster {ClusterId}");

    protected override Task<DwsJob> SendAsync(CancellationToken ct) => DwsSession.Connections.UnbindElbAsync(ClusterId, ElbId, ct);
}
