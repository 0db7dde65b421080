using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the disk use of logical clusters.</summary>
/// <remarks>Lists disk usage per logical cluster of a cluster (API reference 5.2.9, every page): usage, total and percent, as the strings the service sends. -Name filters by logical cluster name (wildcards allowed). Clusters from Get-DwsCluster bind to -ClusterId by property name. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="Disk use of every logical cluster">
/// <code>
/// Get-DwsLogicalClusterVolume -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Writes one line per logical cluster with its usage, capacity and percentage.</para>
/// </example>
/// <example title="Disk use across clusters">
/// <code>
/// Get-DwsCluster | Get-DwsLogicalClusterVolume -Name 'etl*'
/// </code>
/// <para>Writes the disk use of the etl logical clusters of every cluster.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsLogicalClusterVolume", SupportsPaging = true)]
[OutputType(typeof(LogicalClusterVolume))]
public sealed class GetDwsLogicalClusterVolumeCommand : DwsClusterListCmdlet<LogicalClusterVolume>
{
    /// <summary>Logical cluster names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override IAsyncEnumerable<LogicalClusterVolume> List(string clusterId, CancellationToken ct) => DwsSession.Clusters.ListLogicalClusterVolumesAsync(clusterId, cancellationToken: ct);

    protected override Func<LogicalClusterVolume, bool>? Filter => NameFilter<LogicalClusterVolume>(Name, v => v.LogicalClusterName);
}
