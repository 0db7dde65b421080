using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Connections;

/// <summary>What 5.9 keeps for one cluster: its domain names (5.9.1-5.9.3) and its bound ELB (5.9.5, 5.9.6).</summary>
public sealed class ClusterConnections
{
    public ClusterDomainName? PublicDomainName { get; set; }
    public ClusterDomainName? PrivateDomainName { get; set; }
    /// <summary>The bound ELB (5.9.5), or null.</summary>
    public string? ElbId { get; set; }

    internal bool IsEmpty => PublicDomainName is null && PrivateDomainName is null && ElbId is null;
}

/// <summary>
/// The Connections area's state, by cluster ID, kept in the state file's Connections field (Version 3; files of
/// Versions 1 and 2 kept these three values on each cluster record and are read into it).
/// </summary>
public sealed class ConnectionStore
{
    private static readonly string[] s_clusterFields = [nameof(ClusterConnections.PublicDomainName), nameof(ClusterConnections.PrivateDomainName), nameof(ClusterConnections.ElbId)];
    private readonly Dictionary<string, ClusterConnections> _byCluster = new(StringComparer.Ordinal);
    private EmulatorState _state = null!;

    /// <summary>The cluster's connections, added when first asked for. Call under the gate.</summary>
    public ClusterConnections Of(string clusterId)
    {
        if (!_byCluster.TryGetValue(clusterId, out var connections)) _byCluster[clusterId] = connections = new ClusterConnections();
        return connections;
    }

    /// <summary>The cluster's connections, or null when it has none. Call under the gate.</summary>
    public ClusterConnections? Find(string clusterId) => _byCluster.GetValueOrDefault(clusterId);

    internal void AddTo(EmulatorState state)
    {
        _state = state;
        state.Add(this, new StateField<Dictionary<string, ClusterConnections>>("Connections", 60, Snapshot,
            map => EmulatorState.Replace(_byCluster, map), _byCluster.Clear,
            map => map.Values.Any(o => o is null) ? "has null where a cluster's connections belong" : null,
            sinceVersion: 3, upgrade: Upgrade));
    }

    /// <summary>Entries of clusters that still exist and have something set (a deleted cluster's go with it).</summary>
    private Dictionary<string, ClusterConnections> Snapshot()
    {
        var clusters = _state.Clusters;
        return _byCluster.Where(p => !p.Value.IsEmpty && clusters.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>Versions 1 and 2 kept PublicDomainName, PrivateDomainName and ElbId on each cluster record.</summary>
    private static bool Upgrade(JsonObject document, int version)
    {
        if (version >= 3 || document["Clusters"] is not JsonArray clusters) return false;
        var moved = new JsonObject();
        var changed = false;
        foreach (var cluster in clusters.OfType<JsonObject>())
        {
            var kept = new JsonObject();
            foreach (var name in s_clusterFields)
            {
                if (!cluster.ContainsKey(name)) continue;
                changed = true;
                var value = cluster[name];
                cluster.Remove(name);
                if (value is not null) kept[name] = value;
            }
            if (kept.Count > 0 && cluster["Id"] is JsonValue id && id.TryGetValue(out string? clusterId)) moved[clusterId] = kept;
        }
        if (changed) document["Connections"] = moved;
        return changed;
    }
}

public static class ConnectionState
{
    extension(EmulatorState state)
    {
        /// <summary>The domain names and ELB of each cluster (<see cref="ConnectionStore"/>). Use under <see cref="EmulatorState.Gate"/>.</summary>
        public ConnectionStore Connections => state.Part<ConnectionStore>();
    }
}
