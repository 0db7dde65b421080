using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.35 Querying the Resource Statistics and 5.2.45 Querying Snapshot Statistics: name/value/unit rows.</summary>
internal static class StatisticsRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_35, Statistics);
        routes.Map(DwsOperations.S5_2_45, SnapshotStatistics);
    }

    /// <summary>Free snapshot storage per cluster (5.2.45 storage.free), GB.</summary>
    public const double FreeSnapshotStorageGb = 300.0;

    // 5.2.35 (v1.0): name/value/unit rows; "normal" counts AVAILABLE clusters and their nodes.
    private static IResult Statistics(EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var now = state.Clock.UtcNow;
            var clusters = state.Clusters.Values.ToList();
            var normal = clusters.Where(c => ClusterLifecycle.Status(c, now) == "AVAILABLE").ToList();
            var storage = clusters.Sum(c => c.NodeIds.Count * (NodeTypeCatalog.Find(c.NodeType)?.VolumeSizeGb ?? 0));
            return Wire.Json(new JsonObject
            {
                ["statistics"] = new JsonArray(
                    Row("cluster.total", clusters.Count, null),
                    Row("cluster.normal", normal.Count, null),
                    Row("instance.total", clusters.Sum(c => c.NodeIds.Count), null),
                    Row("instance.normal", normal.Sum(c => c.NodeIds.Count), null),
                    Row("storage.total", storage, "GB")),
            });
        }
    }

    // 5.2.45: used = the sizes of the cluster's snapshots; paid = what exceeds the free quota.
    private static IResult SnapshotStatistics(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.Get(state, cluster_id);
            var used = state.Snapshots.Values.Select(SnapshotRecord.FromNode).Where(s => s.ClusterId == cluster_id).Sum(s => s.SizeGb);
            used = Math.Round(used, 1);
            return Wire.Json(new JsonObject
            {
                ["statistics"] = new JsonArray(
                    Row("storage.free", FreeSnapshotStorageGb, "GB"),
                    Row("storage.paid", Math.Max(0, Math.Round(used - FreeSnapshotStorageGb, 1)), "GB"),
                    Row("storage.used", used, "GB")),
            });
        }
    }

    private static JsonObject Row(string name, double value, string? unit) => new() { ["name"] = name, ["value"] = value, ["unit"] = unit };
}
