using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets how a cluster can be resized: the node counts it can be scaled in by, its disk range, or the flavors it can change to.</summary>
/// <remarks>Reads the scale-in choices of each cluster (API reference 5.2.46, GET /v1.0/{project_id}/clusters/{cluster_id}/shrink-numbers). A scale-in removes whole rings in reverse order of the scale-outs, so only some counts are allowed. Writes one ClusterResizeOption per cluster: ClusterId, ShrinkNumbers (the valid values of Resize-DwsCluster -RemoveNodeCount, smallest first; empty when there is no scale-out to undo) and CanScaleIn. Accepts IDs or any object with a ClusterId property from the pipeline. With -Storage writes the disk scale-out range instead (API reference 5.2.50, GET /v1/{project_id}/clusters/{cluster_id}/storage-expand-range): ClusterStorageRange with MinSize, MaxSize and CurrentSize in GB per node, the values Resize-DwsCluster -VolumeSizeGB takes. With -Flavor writes the flavors the cluster can change to (API reference 5.2.56, GET /v1/{project_id}/flavors/{flavor_id}/target-flavors, every page; the cluster's flavor ID comes from API reference 5.2.48; objects from Get-DwsClusterFlavor bind by their ClusterId), or, with -FlavorId instead, those of a flavor ID: TargetFlavor with Name, Vcpus, Ram (as sent: documented MB, looks like GB), IsCurrentFlavor and TargetFlavorId, which binds Resize-DwsCluster -TargetFlavorId; -First and -Skip apply.</remarks>
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
/// <example title="See the disk range and the flavors a cluster can change to">
/// <code>
/// Get-DwsClusterResizeOption -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Storage
/// Get-DwsClusterResizeOption -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Flavor | Where-Object { -not $_.IsCurrentFlavor }
/// </code>
/// <para>Shows the allowed GB per node for a disk expansion, then the flavors other than the current one.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterResizeOption", DefaultParameterSetName = ScaleInSet, SupportsPaging = true)]
[OutputType(typeof(ClusterResizeOption), typeof(ClusterStorageRange), typeof(TargetFlavor))]
public sealed class GetDwsClusterResizeOptionCommand : DwsCmdlet
{
    private const string ScaleInSet = "ScaleIn";
    private const string StorageSet = "Storage";
    private const string FlavorSet = "Flavor";
    private const string FlavorIdSet = "FlavorId";

    /// <summary>Cluster IDs; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ScaleInSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = StorageSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FlavorSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Write the disk scale-out range (GB per node) instead of the scale-in counts.</summary>
    [Parameter(Mandatory = true, ParameterSetName = StorageSet)]
    public SwitchParameter Storage { get; set; }

    /// <summary>Write the flavors the cluster can change to.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FlavorSet)]
    public SwitchParameter Flavor { get; set; }

    /// <summary>Flavor IDs whose target flavors to list (the FlavorId of Get-DwsClusterFlavor's objects).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FlavorIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] FlavorId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == FlavorIdSet)
        {
            foreach (var flavorId in FlavorId)
            {
                ForItem(flavorId, () => WriteAll(ct => DwsSession.Clusters.ListTargetFlavorsAsync(flavorId, cancellationToken: ct)));
            }
            return;
        }
        foreach (var id in ClusterId)
        {
            ForItem(id, () =>
            {
                switch (ParameterSetName)
                {
                    case StorageSet:
                        WriteObject(Await(ct => DwsSession.Clusters.GetStorageRangeAsync(id, ct)));
                        break;
                    case FlavorSet:
                        WriteAll(ct => DwsSession.Clusters.ListTargetFlavorsForClusterAsync(id, cancellationToken: ct));
                        break;
                    default:
                        WriteObject(new ClusterResizeOption(id, Await(ct => DwsSession.Clusters.ListShrinkNumbersAsync(id, ct))));
                        break;
                }
            });
        }
    }
}
