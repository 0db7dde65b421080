using System.Management.Automation;
using LogicalClusterModel = DwsPowerShell.Client.Models.Clusters.LogicalCluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the logical clusters of DWS clusters.</summary>
/// <remarks>Lists the logical clusters of a cluster (API reference 5.2.7, every page), each with its rings, status and action_info (the last action and its progress; an expansion may read "Grow"). There is no get-by-ID endpoint, so -LogicalClusterId and -Name filter the list. Clusters from Get-DwsCluster bind to -ClusterId by property name. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="List the logical clusters of the production clusters">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsLogicalCluster
/// </code>
/// <para>Writes every logical cluster of each cluster whose name starts with prod-.</para>
/// </example>
/// <example title="Find logical clusters by name">
/// <code>
/// Get-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name 'etl*' | Select-Object LogicalClusterName, Status, RingCount
/// </code>
/// <para>Keeps the logical clusters whose name starts with etl (case-insensitive).</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsLogicalCluster", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(typeof(LogicalClusterModel))]
public sealed class GetDwsLogicalClusterCommand : DwsClusterListCmdlet<LogicalClusterModel>
{
    /// <summary>Logical cluster IDs to keep.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? LogicalClusterId { get; set; }

    /// <summary>Logical cluster names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override IAsyncEnumerable<LogicalClusterModel> List(string clusterId, CancellationToken ct) => DwsSession.Clusters.ListLogicalClustersAsync(clusterId, cancellationToken: ct);

    protected override Func<LogicalClusterModel, bool>? Filter => LogicalClusterId is null && Name is null ? null : Matches;

    private bool Matches(LogicalClusterModel lc) =>
        (LogicalClusterId is null || LogicalClusterId.Contains(lc.LogicalClusterId, StringComparer.Ordinal)) &&
        (Name is null || Name.Any(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase).IsMatch(lc.LogicalClusterName ?? string.Empty)));
}
