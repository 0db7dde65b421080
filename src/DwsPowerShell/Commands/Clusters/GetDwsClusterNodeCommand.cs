using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the nodes of DWS clusters, idle nodes included.</summary>
/// <remarks>Lists a cluster's nodes (API reference 5.2.10, GET /v2/{project_id}/clusters/{cluster_id}/nodes, every page): ID, name, status, sub-status, flavor, creation type (INST for nodes with instances, NODE for idle nodes) and AZ. -NodeId selects nodes (sent as repeated node_ids keys); -IncludeDeleted adds deleted nodes; -FilterBy/-Filter filter on the service (for example -FilterBy instCreateType -Filter NODE lists idle nodes); -SortBy/-Descending sort. Clusters from Get-DwsCluster bind to -ClusterId by property name. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="List the idle nodes of a cluster">
/// <code>
/// Get-DwsClusterNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -FilterBy instCreateType -Filter NODE
/// </code>
/// <para>Writes the nodes that carry no instances, which Remove-DwsClusterNode can delete.</para>
/// </example>
/// <example title="Every node of the production clusters">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsClusterNode -SortBy name | Format-Table Name, Status, Spec
/// </code>
/// <para>Lists the nodes of each production cluster sorted by name.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterNode", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(typeof(ClusterNodeInfo))]
public sealed class GetDwsClusterNodeCommand : DwsCmdlet
{
    /// <summary>The cluster whose nodes to list; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Only these node IDs.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NodeId { get; set; }

    /// <summary>Include deleted nodes (deleted=true).</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>Field the service filters on, e.g. instCreateType or status (with -Filter).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FilterBy { get; set; }

    /// <summary>Value of the -FilterBy field, e.g. INST or NODE.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>Sort key, camelCase as the service takes it (e.g. name, status).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    /// <summary>Sorts in descending order (with -SortBy).</summary>
    [Parameter]
    public SwitchParameter Descending { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () =>
        {
            var order = SortBy is null ? null : Descending ? "DESC" : "ASC";
            WriteAll(ct => DwsSession.Clusters.ListNodesAsync(ClusterId, NodeId, IncludeDeleted, FilterBy, Filter, SortBy, order, cancellationToken: ct));
        });
    }
}
