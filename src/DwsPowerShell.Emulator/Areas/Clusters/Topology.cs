using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>
/// The physical layout the emulator derives from a cluster's data nodes: rings are consecutive groups of 3 nodes
/// (scale-outs add whole rings); host names and IPs derive from node ids; CNs are made on first use. Runs under state.Gate.
/// </summary>
public static class Topology
{
    public const int RingSize = 3;
    public const int MinCoordinators = 2;
    public const int MaxCoordinators = 20;

    public static List<List<string>> Rings(ClusterRecord c) =>
        c.NodeIds.Chunk(RingSize).Select(r => r.ToList()).ToList();

    public static string BackIp(string nodeId) => Ip("10", nodeId, 0);

    public static string TrafficIp(string nodeId) => Ip("192.168", nodeId, 1);

    public static string ManageIp(string nodeId) => Ip("172.16", nodeId, 2);

    public static string HostName(string nodeId) => "host-" + BackIp(nodeId).Replace('.', '-');

    public static string NodeName(ClusterRecord c, string nodeId)
    {
        var i = c.NodeIds.IndexOf(nodeId);
        if (i >= 0) return $"{c.Name}-dws-dn-{i + 1}-1";
        var j = c.IdleNodeIds.IndexOf(nodeId);
        return j >= 0 ? $"{c.Name}-dws-idle-{j + 1}-1" : $"{c.Name}-dws-node-{nodeId[..8]}";
    }

    public static JsonObject RingHost(ClusterRecord c, string nodeId)
    {
        var spec = NodeTypeCatalog.Find(c.NodeType);
        return new JsonObject
        {
            ["host_name"] = HostName(nodeId),
            ["back_ip"] = BackIp(nodeId),
            ["cpu_cores"] = spec?.Vcpus ?? 8,
            ["memory"] = spec?.RamGb ?? 64,
            ["disk_size"] = spec?.VolumeSizeGb ?? 100,
        };
    }

    public static JsonObject Ring(ClusterRecord c, IEnumerable<string> nodeIds) =>
        new() { ["ring_hosts"] = new JsonArray(nodeIds.Select(id => (JsonNode)RingHost(c, id)).ToArray()) };

    /// <summary>The cluster's CNs as of now (made from NumberOfCn on first use).</summary>
    public static List<CoordinatorRecord> Coordinators(ClusterRecord c, DateTimeOffset now)
    {
        if (c.Coordinators is null)
        {
            c.Coordinators = [];
            for (var i = 0; i < Math.Max(1, c.NumberOfCn); i++) c.Coordinators.Add(NewCoordinator(c, c.Created));
        }
        return c.Coordinators.Where(cn => cn.ReadyAt <= now && (cn.RemovedAt is null || cn.RemovedAt > now)).ToList();
    }

    public static CoordinatorRecord NewCoordinator(ClusterRecord c, DateTimeOffset readyAt)
    {
        var id = EmulatorState.NewUuid();
        var n = (c.Coordinators?.Count ?? 0) + 1;
        return new CoordinatorRecord { Id = id, Name = $"{c.Name}-dws-cn-cn-{n}-1", PrivateIp = TrafficIp(id), ReadyAt = readyAt };
    }

    /// <summary>5.2.39 max_num: one CN per data node, at least the minimum, at most 20.</summary>
    public static int MaxCoordinatorCount(ClusterRecord c) => Math.Clamp(c.NodeIds.Count, MinCoordinators, MaxCoordinators);

    /// <summary>The logical cluster holding the node's ring, if any.</summary>
    public static LogicalClusterRecord? LogicalClusterOf(ClusterRecord c, string nodeId) =>
        c.LogicalClusters.FirstOrDefault(lc => lc.Rings.Any(r => r.Contains(nodeId)));

    public static string InstanceStatus(ClusterRecord c, DateTimeOffset now) =>
        ClusterLifecycle.Status(c, now) switch { "CREATING" => "CREATING", "DELETING" => "DELETING", _ => "AVAILABLE" };

    private static string Ip(string prefix, string id, int salt)
    {
        var hash = (uint)id.Aggregate(17 + salt, (h, ch) => unchecked(h * 31 + ch));
        var parts = prefix.Split('.').Length;
        var octets = new List<string>();
        for (var i = parts; i < 4; i++)
        {
            octets.Add((hash % 250 + (i == 3 ? 2u : 0u)).ToString(CultureInfo.InvariantCulture));
            hash /= 250;
        }
        return prefix + "." + string.Join(".", octets);
    }
}
