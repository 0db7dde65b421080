using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Unbinds the EIP (elastic public IP) from a DWS cluster.</summary>
/// <remarks>Unbinds the EIP from the cluster (API reference 5.9.8, DELETE /v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}); the cluster is then no longer reachable from the Internet, and the EIP itself is kept. The service answers with no body and no job; the cluster's connections are then read (API reference 5.9.9) and written. The output of Get-DwsClusterEndpoint carries ClusterId and EipId, so it pipes straight in.</remarks>
/// <example title="Unbind a cluster's EIP">
/// <code>
/// Get-DwsClusterEndpoint -ClusterId 194408fa-9d41-435c-a140-91edcf5fe519 | Unregister-DwsClusterEip
/// </code>
/// <para>Reads the bound EIP from the connections and unbinds it.</para>
/// </example>
/// <example title="Unbind a known EIP">
/// <code>
/// Unregister-DwsClusterEip -ClusterId 194408fa-9d41-435c-a140-91edcf5fe519 -EipId ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983 -Confirm
/// </code>
/// <para>Asks first, then unbinds the EIP.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Unregister, "DwsClusterEip", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterEndpoints))]
public sealed class UnregisterDwsClusterEipCommand : ClusterEipCmdlet
{
    protected override string Action => $"Unbind EIP {EipId}";

    protected override Task SendAsync(CancellationToken ct) => DwsSession.Connections.UnbindEipAsync(ClusterId, EipId, ct);
}
