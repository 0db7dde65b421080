using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Binds an EIP (elastic public IP) to a DWS cluster.</summary>
/// <remarks>Binds the EIP to the cluster (API reference 5.9.7, POST /v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}), making it reachable from the Internet; a cluster has one EIP. The service answers with no body and no job, and the API has no GET of the binding, so the cluster's connections are then read (API reference 5.9.9) and written: PublicIp and EipId show the binding. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Bind an EIP to a cluster">
/// <code>
/// Register-DwsClusterEip -ClusterId 194408fa-9d41-435c-a140-91edcf5fe519 -EipId ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983
/// </code>
/// <para>Binds the EIP and writes the cluster's connections with its public IP.</para>
/// </example>
/// <example title="Bind an EIP to a cluster found by name">
/// <code>
/// Get-DwsCluster -Name sales-dw | Register-DwsClusterEip -EipId $eip | Select-Object ClusterId, PublicIp
/// </code>
/// <para>Shows the cluster's new public IP address.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Register, "DwsClusterEip", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterEndpoints))]
public sealed class RegisterDwsClusterEipCommand : ClusterEipCmdlet
{
    protected override string Action => $"Bind EIP {EipId}";

    protected override Task SendAsync(CancellationToken ct) => DwsSession.Connections.BindEipAsync(ClusterId, EipId, ct);
}
