using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>The progress-bar text for a cluster being waited on.</summary>
internal static class ClusterProgress
{
    public static string Describe(ClusterModel c)
    {
        var text = $"{c.Name ?? c.Id}: {c.Status ?? "no status"}";
        if (!string.IsNullOrWhiteSpace(c.TaskStatus)) text += " " + c.TaskStatus;
        if (c.ActionProgress is { Count: > 0 } progress) text += " (" + string.Join(", ", progress.Select(p => p.Key + " " + p.Value)) + ")";
        return text;
    }
}
