using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Changes the domain name of a DWS cluster.</summary>
/// <remarks>Changes the name, the TTL or both of a cluster's public or private domain name (API reference 5.9.2, PUT /v1.0/{project_id}/clusters/{cluster_id}/dns). The API replaces the whole record and has no GET of its own, so the current name and TTL are read from the cluster's connections (API reference 5.9.9), the given values replace them, and the whole record is written: changing -TtlSec keeps the name, and changing -Name keeps the TTL. The cluster's connections are then read again and written. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Raise the TTL of a private domain name">
/// <code>
/// Set-DwsClusterDomainName -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Type private -TtlSec 3600
/// </code>
/// <para>Keeps the name and sets the SOA cache period to one hour.</para>
/// </example>
/// <example title="Rename the public domain name of a cluster">
/// <code>
/// Get-DwsCluster -Name sales-dw | Set-DwsClusterDomainName -Type public -Name sales-analytics -WhatIf
/// </code>
/// <para>Shows what would change without sending anything; drop -WhatIf to rename.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsClusterDomainName", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterEndpoints))]
public sealed class SetDwsClusterDomainNameCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Which domain name to change: public or private.</summary>
    [Parameter(Mandatory = true)]
    [ValidateSet(DomainNameTypes.Public, DomainNameTypes.Private, IgnoreCase = true)]
    public string Type { get; set; } = DomainNameTypes.Private;

    /// <summary>The new domain name (letters, digits and hyphens); the current one is kept when omitted.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The new SOA caching period in seconds, 300 to 2147483647; the current one is kept when omitted.</summary>
    [Parameter]
    [ValidateRange(DomainNameTypes.MinTtl, int.MaxValue)]
    public int? TtlSec { get; set; }

    protected override void Begin()
    {
        if (Name is null && TtlSec is null)
        {
            ThrowDwsError(new ArgumentException("Give -Name, -TtlSec or both: nothing would change.", nameof(Name)), null);
        }
    }

    protected override void ProcessRecord()
    {
        var change = string.Join(", ", new[] { Name is null ? null : $"name '{Name}'", TtlSec is null ? null : $"TTL {TtlSec} s" }.Where(s => s is not null));
        if (!ShouldChange(ClusterId, $"Set {Type} domain name: {change}", force: false)) return;
        ForItem(ClusterId, () =>
        {
            Await(ct => DwsSession.Connections.UpdateDomainNameAsync(ClusterId, Type, Name, TtlSec, ct));
            WriteObject(Await(ct => DwsSession.Connections.GetEndpointsAsync(ClusterId, cancellationToken: ct)));
        });
    }
}
