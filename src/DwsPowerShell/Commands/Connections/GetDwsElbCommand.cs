using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Gets the ELBs (load balancers) a DWS cluster can use.</summary>
/// <remarks>With -ClusterId, lists the ELBs that can be bound to the cluster (API reference 5.9.4, GET /v2/{project_id}/clusters/{cluster_id}/elbs); each carries the cluster's ID, so the output pipes to Register-DwsClusterElb. With -VpcId and -SubnetId, lists the ELBs of that network a page at a time (API reference 5.9.10, GET /v2/{project_id}/elbs, offset/limit): -First, -Skip and -IncludeTotalCount work, and paging stops at the first short page whatever the service's count says. Bandwidth is the binding flag (1 bound, 0 not; IsBound says the same) and AdminStateUp is a Boolean. -Name filters by ELB name (wildcards, case-insensitive).</remarks>
/// <example title="Bind the first free ELB to a cluster">
/// <code>
/// Get-DwsElb -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | Where-Object { -not $_.IsBound } | Select-Object -First 1 | Register-DwsClusterElb -Wait
/// </code>
/// <para>ClusterId and ElbId bind by property name; waits until the binding job finishes.</para>
/// </example>
/// <example title="List the ELBs of a cluster's network">
/// <code>
/// $c = Get-DwsCluster -Name sales-dw
/// Get-DwsElb -VpcId $c.VpcId -SubnetId $c.SubnetId -First 10 -IncludeTotalCount
/// </code>
/// <para>Lists up to ten ELBs of the cluster's VPC subnet, and how many were seen.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsElb", DefaultParameterSetName = ByClusterSet, SupportsPaging = true)]
[OutputType(typeof(ClusterElbInfo))]
public sealed class GetDwsElbCommand : DwsCmdlet
{
    private const string ByClusterSet = "ByCluster";
    private const string ByNetworkSet = "ByNetwork";

    /// <summary>The cluster whose bindable ELBs to list; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByClusterSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The VPC whose ELBs to list (with -SubnetId); accepts objects with a VpcId property from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByNetworkSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string VpcId { get; set; } = string.Empty;

    /// <summary>The subnet (with -VpcId); accepts objects with a SubnetId property from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByNetworkSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string SubnetId { get; set; } = string.Empty;

    /// <summary>ELB names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ParameterSetName == ByNetworkSet ? VpcId : ClusterId, () =>
        {
            if (ParameterSetName == ByNetworkSet)
            {
                WriteAll(ct => DwsSession.Connections.ListElbsAsync(VpcId, SubnetId, cancellationToken: ct), NameFilter<ClusterElbInfo>(Name, e => e.Name));
            }
            else
            {
                WriteAll(ct => ToAsync(DwsSession.Connections.ListClusterElbsAsync(ClusterId, ct)), NameFilter<ClusterElbInfo>(Name, e => e.Name));
            }
        });
    }

    private static async IAsyncEnumerable<ClusterElbInfo> ToAsync(Task<IReadOnlyList<ClusterElbInfo>> list)
    {
        foreach (var item in await list.ConfigureAwait(false)) yield return item;
    }
}
