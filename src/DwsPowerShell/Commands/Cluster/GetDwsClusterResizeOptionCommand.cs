using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Cluster;

/// <summary>Gets the node counts a cluster can be scaled in by.</summary>
/// <remarks>Reads the scale-in choices of each cluster (API reference 5.2.46, GET /v1.0/{project_id}/clusters/{cluster_id}/shrink-numbers). A scale-in removes whole rings in reverse order of the scale-outs, so only some counts are allowed. Writes one ClusterResizeOption per cluster: ClusterId, ShrinkNumbers (the valid values of Resize-DwsCluster -RemoveNodeCount, smallest first; empty when there is no scale-out to undo) and CanScaleIn. Accepts IDs or any object with a ClusterId property from the pipeline.</remarks>
/// <example title="See how many nodes a cluster can lose">
/// <code>
/// Get-DwsClusterResizeOption -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Shows the cluster ID and the allowed -RemoveNodeCount values, such as 3, 6.</para>
/// </example>
/// <example title="Undo the last scale-out of every cluster that has one">
/// <code>
/// Get-DwsCluster -Name 'etl-*' | Get-DwsClusterResizeOption | Where-Object CanScaleIn |
///     ForEach-Object { Resize-DwsCluster -ClusterId $_.ClusterId -RemoveNodeCount $_.ShrinkNumbers[0] -Force }
/// </code>
/// <para>Removes the smallest allowed number of nodes from each cluster that can scale in.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterResizeOption")]
[OutputType(typeof(ClusterResizeOption))]
public sealed class GetDwsClusterResizeOptionCommand : DwsCmdlet
{
    /// <summary>Cluster IDs; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            try
            {
                WriteObject(new ClusterResizeOption(id, Await(ct => DwsSession.Clusters.ListShrinkNumbersAsync(id, ct))));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
            {
                WriteDwsError(ex, id);
            }
        }
    }
}
