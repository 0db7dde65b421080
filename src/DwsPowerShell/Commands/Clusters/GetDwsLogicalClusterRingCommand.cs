using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the rings of a DWS cluster that no logical cluster uses.</summary>
/// <remarks>Lists the available rings of a cluster (API reference 5.2.11, every page): rings that belong to no logical cluster, each with its hosts (host name, back-end IP, CPU cores, memory, disk). Pipe them to New-DwsLogicalCluster or pass them to Set-DwsLogicalCluster -Ring. Clusters from Get-DwsCluster bind to -ClusterId by property name. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="Build a logical cluster from the free rings">
/// <code>
/// Get-DwsLogicalClusterRing -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | New-DwsLogicalCluster -Name etl_group
/// </code>
/// <para>Creates a logical cluster from every ring no logical cluster uses.</para>
/// </example>
/// <example title="Count the free rings of every cluster">
/// <code>
/// Get-DwsCluster | Get-DwsLogicalClusterRing | Group-Object ClusterId | Select-Object Name, Count
/// </code>
/// <para>Shows how many unassigned rings each cluster has.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsLogicalClusterRing", SupportsPaging = true)]
[OutputType(typeof(LogicalClusterRing))]
public sealed class GetDwsLogicalClusterRingCommand : DwsCmdlet
{
    /// <summary>The cluster whose free rings to list; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () => WriteAll(ct => DwsSession.Clusters.ListAvailableRingsAsync(ClusterId, cancellationToken: ct)));
    }
}
