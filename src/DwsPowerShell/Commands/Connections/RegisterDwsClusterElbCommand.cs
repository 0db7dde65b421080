using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Binds an ELB (load balancer) to a DWS cluster.</summary>
/// <remarks>Binds the ELB to the cluster (API reference 5.9.5, POST /v2/{project_id}/clusters/{cluster_id}/elbs/{elb_id}); a cluster has at most one ELB, from its own VPC (list them with Get-DwsElb -ClusterId). The service answers with a job: without -Wait the job is written (it pipes to Wait-DwsJob); with -Wait the job is polled (API reference 5.13.1) with a progress bar and the cluster is then written (its Elb property shows the binding). A failed job ends with a DwsJobFailed error that carries failed_code and failed_detail. ELBs from Get-DwsElb bind to -ClusterId and -ElbId by property name.</remarks>
/// <example title="Bind an ELB and wait">
/// <code>
/// Register-DwsClusterElb -ClusterId 194408fa-9d41-435c-a140-91edcf5fe519 -ElbId 1e6e0b66-6223-4523-bfd9-033c88b4ce9f -Wait -PollIntervalSec 5
/// </code>
/// <para>Binds the ELB, waits for the job, and writes the cluster.</para>
/// </example>
/// <example title="Bind the ELB named dw-lb and wait for the job separately">
/// <code>
/// Get-DwsElb -ClusterId $id -Name dw-lb | Register-DwsClusterElb | Wait-DwsJob
/// </code>
/// <para>Register-DwsClusterElb writes the job; Wait-DwsJob waits for it.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Register, "DwsClusterElb", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob), typeof(ClusterModel))]
public sealed class RegisterDwsClusterElbCommand : ClusterElbCmdlet
{
    protected override (string Action, string Activity) Describe() => ($"Bind ELB {ElbId}", $"Binding ELB {ElbId} to DWS cluster {ClusterId}");

    protected override Task<DwsJob> SendAsync(CancellationToken ct) => DwsSession.Connections.BindElbAsync(ClusterId, ElbId, ct);
}
