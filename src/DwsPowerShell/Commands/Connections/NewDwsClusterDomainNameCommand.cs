using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Applies for a domain name for a DWS cluster.</summary>
/// <remarks>Applies for a public or private domain name for each cluster (API reference 5.9.1, POST /v1.0/{project_id}/clusters/{cluster_id}/dns). A domain name can contain hyphens (-) but not underscores (_); -TtlSec, the caching period of the SOA record set, is 300 to 2147483647 seconds (default 300). The API has no GET for domain names, so the cluster's connections are then read (API reference 5.9.9) and written: the new name shows in PrivateDomainName or PublicDomainName. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Give a cluster a private domain name">
/// <code>
/// New-DwsClusterDomainName -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name sales-dw -Type private
/// </code>
/// <para>Applies for the private domain name sales-dw and writes the cluster's endpoints.</para>
/// </example>
/// <example title="Public domain names for the reporting clusters">
/// <code>
/// Get-DwsCluster -Name 'report-*' | New-DwsClusterDomainName -Name report -Type public -TtlSec 600
/// </code>
/// <para>Applies for a public domain name with a 600-second TTL for each cluster whose name starts with report- (each needs an EIP).</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsClusterDomainName", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterEndpoints))]
public sealed class NewDwsClusterDomainNameCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The domain name: letters, digits and hyphens (-), no underscores.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>public (reachable from the Internet through the cluster's EIP) or private.</summary>
    [Parameter(Mandatory = true)]
    [ValidateSet(DomainNameTypes.Public, DomainNameTypes.Private, IgnoreCase = true)]
    public string Type { get; set; } = DomainNameTypes.Private;

    /// <summary>Caching period of the SOA record set in seconds, 300 to 2147483647 (default 300).</summary>
    [Parameter]
    [ValidateRange(DomainNameTypes.MinTtl, int.MaxValue)]
    public int TtlSec { get; set; } = DomainNameTypes.DefaultTtl;

    protected override void ProcessRecord()
    {
        if (!ShouldChange(ClusterId, $"Apply for {Type} domain name '{Name}'", force: false)) return;
        ForItem(ClusterId, () =>
        {
            Await(ct => DwsSession.Connections.NewDomainNameAsync(ClusterId, new DomainNameRequest(Name, Type, TtlSec), ct));
            WriteObject(Await(ct => DwsSession.Connections.GetEndpointsAsync(ClusterId, cancellationToken: ct)));
        });
    }
}
