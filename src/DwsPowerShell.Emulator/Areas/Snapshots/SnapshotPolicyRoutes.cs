using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>Snapshot policies: 5.3.9 to 5.3.14.</summary>
public static partial class SnapshotPolicyRoutes
{
    /// <summary>5.3.10 previews the next seven snapshots.</summary>
    public const int PlanLength = 7;

    private static readonly string[] s_types = ["full", "increment"];
    private static readonly string[] s_devices = ["OBS", "NBU", "NFS"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_3_9, Add);
        routes.Map(DwsOperations.S5_3_10, Plan);
        routes.Map(DwsOperations.S5_3_11, Query);
        routes.Map(DwsOperations.S5_3_12, Detail);
        routes.Map(DwsOperations.S5_3_13, Modify);
        routes.Map(DwsOperations.S5_3_14, Delete);
    }

    /// <summary>Adds the store to the state, cleared on reset (the state file does not keep it).</summary>
    internal static void AddState(EmulatorState state)
    {
        var store = new SnapshotPolicyStore();
        state.Add(store);
        state.OnReset(store.Policies.Clear);
    }

    private static SnapshotPolicyRecord PolicyOf(EmulatorState state, string clusterId)
    {
        ClusterLifecycle.Get(state, clusterId);
        var policies = state.Part<SnapshotPolicyStore>().Policies;
        if (!policies.TryGetValue(clusterId, out var policy)) policies[clusterId] = policy = new SnapshotPolicyRecord();
        return policy;
    }

    private static SnapshotStrategyRecord Find(SnapshotPolicyRecord policy, string id) =>
        policy.Strategies.FirstOrDefault(s => s.Id == id) ?? throw DwsErrors.ResourceNotFound("snapshot policy", id);

    // 5.3.9: PUT creates. Strategies are added to the cluster's policy; keep_day and the device replace the old values.
    private static async Task<IResult> Add(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = (await Wire.ReadObjectAsync(http, required: true))!;
        var keepDay = Wire.OptionalInt(body, "keep_day");
        if (keepDay is < 1 or > 31)
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter is out of range: keep_day is {keepDay}; it must be 1 to 31.");
        var strategies = new List<JsonObject>();
        switch (body["backup_strategies"])
        {
            case null:
                break;
            case JsonArray array:
                foreach (var item in array)
                    strategies.Add(item as JsonObject ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: each backup_strategies item must be an object."));
                break;
            case JsonObject one: // 5.3.9 documents one object; the example sends an array (quirks.md 7.9).
                strategies.Add(one);
                break;
            default:
                throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: backup_strategies must be an array of objects.");
        }
        var device = Wire.OptionalString(body, "device_name");
        var ips = body["server_ips"] switch
        {
            null => null,
            JsonArray a => a.Select(n => n is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s
                : throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: server_ips must be an array of strings.")).ToList(),
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: server_ips must be an array of strings."),
        };
        var port = Wire.OptionalString(body, "server_port");
        var param = Wire.OptionalString(body, "backup_param");
        if (device is not null)
        {
            device = s_devices.FirstOrDefault(d => d.Equals(device, StringComparison.OrdinalIgnoreCase))
                ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: device_name '{device}' is not OBS, NBU or NFS.");
            if (device != "OBS" && (ips is null || ips.Count == 0)) throw DwsErrors.Missing("server_ips");
            if (device == "NBU" && string.IsNullOrEmpty(port)) throw DwsErrors.Missing("server_port");
            if (device == "NBU" && string.IsNullOrEmpty(param)) throw DwsErrors.Missing("backup_param");
        }
        lock (state.Gate)
        {
            var policy = PolicyOf(state, cluster_id);
            if (strategies.Count == 0 && policy.Strategies.Count == 0) throw DwsErrors.Missing("backup_strategies");
            var now = state.Clock.UtcNow;
            var added = new List<SnapshotStrategyRecord>();
            foreach (var s in strategies)
            {
                var name = Wire.RequireString(s, "policy_name");
                CheckName(name, policy.Strategies.Concat(added), null);
                added.Add(new SnapshotStrategyRecord
                {
                    Id = EmulatorState.NewUuid(),
                    Name = name,
                    Cron = Cron(Wire.RequireString(s, "backup_strategy")),
                    Type = Type(Wire.RequireString(s, "backup_type")),
                    Level = Level(Wire.RequireString(s, "backup_level")),
                    Updated = now,
                });
            }
            policy.Strategies.AddRange(added);
            if (keepDay is not null) policy.KeepDay = keepDay;
            if (device is not null) (policy.DeviceName, policy.ServerIps, policy.ServerPort, policy.BackupParam) = (device, ips, port, param);
        }
        return Wire.Empty();
    }

    // 5.3.10: the next seven runs of all the cluster's strategies, from the emulator clock.
    private static IResult Plan(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var policy = PolicyOf(state, cluster_id);
            var now = state.Clock.UtcNow;
            var runs = policy.Strategies
                .SelectMany(s => s.Cron.Next(now, PlanLength).Select(t => (Time: t, Strategy: s)))
                .OrderBy(r => r.Time).ThenBy(r => r.Strategy.Id, StringComparer.Ordinal)
                .Take(PlanLength);
            var items = new JsonArray();
            foreach (var (time, s) in runs)
                items.Add(new JsonObject { ["id"] = s.Id, ["level"] = s.Level, ["time"] = Wire.IsoLocal(time), ["type"] = s.Type });
            return Wire.Json(new JsonObject { ["backup_time"] = items });
        }
    }

    // 5.3.11: one object; keep_day a number (documented String), next_fire_time epoch ms as a string.
    private static IResult Query(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var policy = PolicyOf(state, cluster_id);
            var now = state.Clock.UtcNow;
            var strategies = new JsonArray();
            foreach (var s in policy.Strategies)
            {
                var o = Strategy(s, now);
                if (o["next_fire_time"] is JsonValue v) o["next_fire_time"] = v.GetValue<long>().ToString(CultureInfo.InvariantCulture);
                strategies.Add(o);
            }
            return Wire.Json(new JsonObject
            {
                ["keep_day"] = policy.KeepDay,
                ["backup_strategies"] = strategies,
                ["device_name"] = policy.DeviceName?.ToLowerInvariant(),
                ["server_ips"] = policy.ServerIps is null ? null : new JsonArray([.. policy.ServerIps.Select(i => (JsonNode?)i)]),
                ["server_port"] = policy.ServerPort,
                ["backup_param"] = policy.BackupParam ?? "",
            });
        }
    }

    // 5.3.12: a bare object (the reference's example wraps it in [ ]; clients accept either), next_fire_time a number.
    private static IResult Detail(string cluster_id, string id, EmulatorState state)
    {
        lock (state.Gate)
            return Wire.Json(Strategy(Find(PolicyOf(state, cluster_id), id), state.Clock.UtcNow));
    }

    // 5.3.13: policy_name and backup_strategy are mandatory; type and level keep their values when left out.
    private static async Task<IResult> Modify(HttpContext http, string cluster_id, string id, EmulatorState state)
    {
        var body = (await Wire.ReadObjectAsync(http, required: true))!;
        var name = Wire.RequireString(body, "policy_name");
        var cron = Cron(Wire.RequireString(body, "backup_strategy"));
        var type = Wire.OptionalString(body, "backup_type") is { } t ? Type(t) : null;
        var level = Wire.OptionalString(body, "backup_level") is { } l ? Level(l) : null;
        if (Wire.OptionalString(body, "policy_id") is { Length: > 0 } bodyId && bodyId != id)
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: policy_id {bodyId} is not the policy in the path ({id}).");
        lock (state.Gate)
        {
            var policy = PolicyOf(state, cluster_id);
            var s = Find(policy, id);
            CheckName(name, policy.Strategies, s);
            s.Name = name;
            s.Cron = cron;
            s.Type = type ?? s.Type;
            s.Level = level ?? s.Level;
            s.Updated = state.Clock.UtcNow;
        }
        return Wire.Empty();
    }

    private static IResult Delete(string cluster_id, string id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var policy = PolicyOf(state, cluster_id);
            policy.Strategies.Remove(Find(policy, id));
        }
        return Wire.Empty();
    }

    private static JsonObject Strategy(SnapshotStrategyRecord s, DateTimeOffset now) => new()
    {
        ["policy_id"] = s.Id,
        ["policy_name"] = s.Name,
        ["backup_strategy"] = s.Cron.Text,
        ["backup_type"] = s.Type,
        ["backup_level"] = s.Level,
        ["next_fire_time"] = s.Cron.Next(now, 1).Select(t => (long?)t.ToUnixTimeMilliseconds()).FirstOrDefault(),
        ["update_time"] = Wire.IsoLocal(s.Updated),
    };

    private static void CheckName(string name, IEnumerable<SnapshotStrategyRecord> others, SnapshotStrategyRecord? self)
    {
        if (name.Length is < 4 or > 92)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, "Invalid string length: a policy name has 4 to 92 characters.");
        if (!NamePattern().IsMatch(name))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern,
                "The policy name pattern is invalid: start with a letter; use letters, digits, hyphens (-) and underscores (_) only.");
        if (others.Any(o => o != self && o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            throw DwsErrors.BadRequest(DwsErrors.DuplicateName, $"The policy name already exists: {name}.");
    }

    private static SnapshotCron Cron(string text) =>
        SnapshotCron.TryParse(text, out var problem) ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: backup_strategy is not a cron expression: {problem}.");

    private static string Type(string text) =>
        s_types.FirstOrDefault(t => t.Equals(text, StringComparison.OrdinalIgnoreCase))
        ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: backup_type '{text}' is not full or increment.");

    private static string Level(string text) =>
        text.Equals("cluster", StringComparison.OrdinalIgnoreCase) ? "cluster"
        : throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: backup_level '{text}' is not cluster.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
