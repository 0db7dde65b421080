using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Quotas;

/// <summary>
/// 5.11.1 Querying Resource Quotas. "used" is computed from the clusters that exist now (a cluster counts from its
/// creation until its deletion completes), not kept as a counter. Wire shapes as the example: used and quota as
/// strings, unit "null" or "GB".
/// </summary>
internal static class QuotaRoutes
{
    public static readonly IReadOnlyList<(string Type, long Quota, string Unit)> Quotas =
    [
        ("instances", 100, "null"),
        ("core", 10000, "null"),
        ("ram", 100000, "GB"),
        ("disk", 10000, "null"),
        ("disk_capacity", 10000000, "GB"),
    ];

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.Map(DwsOperations.S5_11_1, (EmulatorState state) =>
        {
            lock (state.Gate)
            {
                ClusterLifecycle.SettleAll(state);
                var used = Used(state.Clusters.Values);
                var resources = new JsonArray();
                foreach (var (type, quota, unit) in Quotas)
                {
                    resources.Add(new JsonObject
                    {
                        ["type"] = type,
                        ["used"] = used[type].ToString(CultureInfo.InvariantCulture),
                        ["quota"] = quota.ToString(CultureInfo.InvariantCulture),
                        ["unit"] = unit,
                    });
                }
                return Wire.Json(new JsonObject { ["quotas"] = new JsonObject { ["resources"] = resources } });
            }
        });

    /// <summary>Clusters, vCPUs, RAM (GB), disks (one per node) and disk capacity (GB) of the clusters given.</summary>
    public static Dictionary<string, long> Used(IEnumerable<ClusterRecord> clusters)
    {
        var used = Quotas.ToDictionary(q => q.Type, _ => 0L);
        foreach (var c in clusters)
        {
            var nodes = c.NodeIds.Count + c.IdleNodeIds.Count;
            var spec = NodeTypeCatalog.Find(c.NodeType);
            used["instances"] += 1;
            used["core"] += nodes * (spec?.Vcpus ?? 0);
            used["ram"] += nodes * (spec?.RamGb ?? 0);
            used["disk"] += nodes;
            used["disk_capacity"] += nodes * (spec?.VolumeSizeGb ?? 0);
        }
        return used;
    }
}
