namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// The scale-in choices of one cluster (5.2.46): the node counts Resize-DwsCluster -RemoveNodeCount
/// accepts, smallest first. Empty when the cluster has no scale-out to undo.
/// </summary>
public sealed class ClusterResizeOption
{
    public ClusterResizeOption(string clusterId, IEnumerable<int> shrinkNumbers)
    {
        ClusterId = clusterId ?? throw new ArgumentNullException(nameof(clusterId));
        ShrinkNumbers = (shrinkNumbers ?? Enumerable.Empty<int>()).Distinct().OrderBy(n => n).ToArray();
    }

    public string ClusterId { get; }

    /// <summary>Valid values of -RemoveNodeCount (whole rings, in reverse order of the scale-outs).</summary>
    public int[] ShrinkNumbers { get; }

    /// <summary>True when some scale-in is possible.</summary>
    public bool CanScaleIn => ShrinkNumbers.Length > 0;

    public override string ToString() => $"{ClusterId}: remove {(ShrinkNumbers.Length == 0 ? "none" : string.Join(", ", ShrinkNumbers))}";
}
