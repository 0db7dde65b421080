using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the CNs (coordinator nodes) of DWS clusters.</summary>
/// <remarks>Lists a cluster's CNs (API reference 5.2.39, GET /v1.0/{project_id}/clusters/{cluster_id}/cns): ID, name and private IP, each with the cluster's limits as MinCount and MaxCount (min_num and max_num), which bound Add-DwsCoordinatorNode and Remove-DwsCoordinatorNode. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="List a cluster's CNs">
/// <code>
/// Get-DwsCoordinatorNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Writes each CN with the minimum and maximum CN count of the cluster.</para>
/// </example>
/// <example title="How many more CNs each cluster can take">
/// <code>
/// Get-DwsCluster | ForEach-Object { $cns = @(Get-DwsCoordinatorNode -ClusterId $_.ClusterId); [pscustomobject]@{ Cluster = $_.Name; Free = $cns[0].MaxCount - $cns.Count } }
/// </code>
/// <para>Shows per cluster how many CNs can still be added.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsCoordinatorNode")]
[OutputType(typeof(CoordinatorNode))]
public sealed class GetDwsCoordinatorNodeCommand : DwsCmdlet
{
    /// <summary>The cluster whose CNs to list; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () => WriteObject(Await(ct => DwsSession.Clusters.ListCoordinatorNodesAsync(ClusterId, ct)).Instances, enumerateCollection: true));
    }
}
