using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Gets the connections of DWS clusters: endpoints, domain names, EIP and ELB.</summary>
/// <remarks>Reads each cluster's connection information (API reference 5.9.9, GET /v1/{project_id}/clusters/{cluster_id}/endpoints): the public endpoint (EIP address and ID, public domain name), the private endpoint (private IP, private domain name, the bound ELB's IP), the VPC endpoint service, and with -InstanceType dws-cn the public IPs of each CN instance. This is also where the domain names of New-DwsClusterDomainName and Set-DwsClusterDomainName show, since those APIs have no GET of their own. ip_bandwidth and bandwidth_size are documented as strings and returned as numbers; both are read as text. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Show a cluster's addresses and domain names">
/// <code>
/// Get-DwsClusterEndpoint -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | Format-List ClusterId, PrivateIp, PrivateDomainName, PublicIp, PublicDomainName, ElbIp
/// </code>
/// <para>Lists the connection details of one cluster.</para>
/// </example>
/// <example title="CN public IPs of every cluster">
/// <code>
/// Get-DwsCluster | Get-DwsClusterEndpoint -InstanceType dws-cn | ForEach-Object PublicIpInfos
/// </code>
/// <para>Writes the per-CN public IP information of each cluster.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterEndpoint")]
[OutputType(typeof(ClusterEndpoints))]
public sealed class GetDwsClusterEndpointCommand : DwsClusterReadCmdlet<ClusterEndpoints>
{
    /// <summary>Instance type: dws (data warehouse) or dws-cn (CN instances, with their public IPs).</summary>
    [Parameter]
    [ValidateSet("dws", "dws-cn")]
    public string? InstanceType { get; set; }

    protected override Task<ClusterEndpoints> ReadAsync(string clusterId, CancellationToken ct) => DwsSession.Connections.GetEndpointsAsync(clusterId, InstanceType, ct);
}
