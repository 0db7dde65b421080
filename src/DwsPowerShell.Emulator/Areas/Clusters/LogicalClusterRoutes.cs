using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>
/// Logical clusters: 5.2.4, 5.2.5, 5.2.7, 5.2.8, 5.2.9, 5.2.11, 5.2.17, 5.2.18, 5.2.19, 5.2.20.
/// Rules: a logical cluster is made of whole rings of its physical cluster, each ring in at most one logical cluster;
/// logical clusters are created only on a cluster that was converted (5.2.5); one logical-cluster task at a time
/// (a create while one runs answers 417, other changes 400); the first and the last logical cluster cannot be deleted;
/// nothing changes while the cluster or the logical cluster is restarting or busy (400). Progress is action_info on the clock.
/// </summary>
internal static class LogicalClusterRoutes
{
    /// <summary>Appendix 6.2: "The current instance type does not support this operation."</summary>
    internal const string Unsupported = "DWS.5095";

    public static readonly TimeSpan CreateDuration = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan EditDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RestartDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DeleteDuration = TimeSpan.FromMinutes(1);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_4, Create);
        routes.Map(DwsOperations.S5_2_5, Convert);
        routes.Map(DwsOperations.S5_2_7, List);
        routes.Map(DwsOperations.S5_2_8, Tasks);
        routes.Map(DwsOperations.S5_2_9, Volumes);
        routes.Map(DwsOperations.S5_2_11, AvailableRings);
        routes.Map(DwsOperations.S5_2_20, Enable);
        routes.Map(DwsOperations.S5_2_17, Delete);
        routes.Map(DwsOperations.S5_2_18, Edit);
        routes.Map(DwsOperations.S5_2_19, Restart);
    }

    // ---- 5.2.4 ----
    private static async Task<IResult> Create(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var info = Wire.RequireObject(body!, "logical_cluster");
        var name = Wire.RequireString(info, "logical_cluster_name");
        CheckName(name);
        var ringsJson = RequireArray(info, "cluster_rings");
        lock (state.Gate)
        {
            var (c, now) = Idle(state, cluster_id, "Creating a logical cluster");
            if (c.LogicalClusters.Count == 0)
                throw DwsErrors.BadRequest(Unsupported, "The current instance type does not support this operation: the cluster is not a logical cluster. Convert it first (POST .../convert-to-logical-cluster/{name}).");
            if (Running(c, now) is { } running)
                throw new DwsErrorException(417, DwsErrors.Busy,
                    $"Another logical cluster task is running ({running.Action!.Name} of {running.Name}); logical clusters cannot be created in parallel. Wait until it completes.");
            if (c.LogicalClusters.Any(l => l.Name == name))
                throw new DwsErrorException(409, DwsErrors.DuplicateName, $"The logical cluster name already exists: {name}.");
            var rings = ParseRings(c, ringsJson, allowedOwner: null);
            var lc = new LogicalClusterRecord { Id = EmulatorState.NewUuid(), Name = name, Rings = rings };
            c.LogicalClusters.Add(lc);
            StartAction(state, c, lc, "Create", CreateDuration, "create-logical");
            return Wire.Json(TripleOk());
        }
    }

    // ---- 5.2.5 ----
    private static IResult Convert(string cluster_id, string name, EmulatorState state)
    {
        CheckName(name);
        lock (state.Gate)
        {
            var (c, _) = Idle(state, cluster_id, "Converting to a logical cluster");
            if (c.LogicalClusters.Count > 0)
                throw DwsErrors.BadRequest(Unsupported, "The current instance type does not support this operation: the cluster is already a logical cluster.");
            var lc = new LogicalClusterRecord { Id = EmulatorState.NewUuid(), Name = name, Rings = Topology.Rings(c), First = true };
            c.LogicalClusters.Add(lc);
            c.LogicalClusterFeatureEnabled = true;
            StartAction(state, c, lc, "Create", CreateDuration, "convert-logical");
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0000", ["error_msg"] = null });
        }
    }

    // ---- 5.2.7 ----
    private static IResult List(HttpContext http, string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var (c, now) = Current(state, cluster_id);
            var clusterBusy = c.Operation is not null || ClusterLifecycle.Status(c, now) != "AVAILABLE";
            var anyRunning = Running(c, now) is not null;
            var items = c.LogicalClusters.Select(lc => ToJson(c, lc, now, clusterBusy, anyRunning)).ToList();
            return Wire.Json(new JsonObject
            {
                ["logical_clusters"] = PageQuery.Read(http, int.MaxValue).OfJson(items),
                ["count"] = items.Count,
                ["add_enable"] = c.LogicalClusters.Count > 0 && !clusterBusy && !anyRunning,
                ["error_code"] = "DWS.0000",
                ["error_msg"] = null,
            });
        }
    }

    // ---- 5.2.8 ----
    private static IResult Tasks(HttpContext http, string cluster_id, EmulatorState state)
    {
        var q = http.Request.Query;
        var name = q["logical_cluster_name"].ToString();
        var type = q["type"].ToString();
        var orderBy = q["order_by"].ToString();
        var order = q["order"].ToString();
        if (orderBy.Length > 0 && orderBy is not ("startTime" or "endTime" or "type" or "logicalClusterName"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: order_by must be startTime, endTime, type or logicalClusterName (camelCase).");
        if (order.Length > 0 && !order.Equals("ASC", StringComparison.OrdinalIgnoreCase) && !order.Equals("DESC", StringComparison.OrdinalIgnoreCase))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: order must be ASC or DESC.");
        lock (state.Gate)
        {
            var (c, now) = Current(state, cluster_id);
            IEnumerable<LogicalClusterTaskRecord> tasks = c.LogicalClusterTasks;
            if (name.Length > 0) tasks = tasks.Where(t => t.LogicalClusterName == name);
            if (type.Length > 0) tasks = tasks.Where(t => string.Equals(t.Type, type, StringComparison.OrdinalIgnoreCase)
                || (type.Equals("Expand", StringComparison.OrdinalIgnoreCase) && t.Type == "Grow"));
            Func<LogicalClusterTaskRecord, object> key = orderBy switch
            {
                "type" => t => t.Type,
                "logicalClusterName" => t => t.LogicalClusterName,
                "endTime" => t => t.StartedAt + t.Duration,
                _ => t => t.StartedAt,
            };
            var sorted = order.Equals("DESC", StringComparison.OrdinalIgnoreCase) ? tasks.OrderByDescending(key) : tasks.OrderBy(key);
            var items = sorted.Select(t => TaskJson(t, now)).ToList();
            return Wire.Json(new JsonObject { ["logical_cluster_tasks"] = PageQuery.Read(http, int.MaxValue).OfJson(items), ["count"] = items.Count });
        }
    }

    // ---- 5.2.9 ----
    private static IResult Volumes(HttpContext http, string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var (c, _) = Current(state, cluster_id);
            var perHost = Topology.RingHost(c, "x")["disk_size"]!.GetValue<int>();
            var items = c.LogicalClusters.Select(lc =>
            {
                var total = lc.Rings.Sum(r => r.Count) * perHost;
                var usage = Math.Round(total * 0.015 * (1 + (uint)lc.Id.GetHashCode() % 5), 2);
                return (JsonNode)new JsonObject
                {
                    ["logical_cluster_name"] = lc.Name,
                    ["usage"] = usage.ToString("0.00", CultureInfo.InvariantCulture),
                    ["total"] = total.ToString("0.00", CultureInfo.InvariantCulture),
                    ["percent"] = (total == 0 ? 0 : usage / total * 100).ToString("0.00", CultureInfo.InvariantCulture),
                };
            }).ToList();
            return Wire.Json(new JsonObject { ["volumes"] = PageQuery.Read(http, int.MaxValue).OfJson(items), ["count"] = items.Count, ["error_code"] = "DWS.0000", ["error_msg"] = null });
        }
    }

    // ---- 5.2.11 ----
    private static IResult AvailableRings(HttpContext http, string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var (c, _) = Current(state, cluster_id);
            var used = c.LogicalClusters.SelectMany(l => l.Rings).SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
            var free = Topology.Rings(c).Where(r => !r.Any(used.Contains)).Select(r => (JsonNode)Topology.Ring(c, r)).ToList();
            // The rings a logical cluster cannot give up: each logical cluster's only ring.
            var unshrinkable = c.LogicalClusters.Where(l => l.Rings.Count == 1).Select(l => (JsonNode)Topology.Ring(c, l.Rings[0])).ToList();
            return Wire.Json(new JsonObject
            {
                ["error_code"] = "DWS.0000",
                ["error_msg"] = null,
                ["cluster_rings"] = PageQuery.Read(http, int.MaxValue).OfJson(free),
                ["count"] = free.Count,
                ["unshrinkable_cluster_rings"] = unshrinkable.Count == 0 ? null : new JsonArray(unshrinkable.ToArray()),
            });
        }
    }

    // ---- 5.2.20 ----
    private static async Task<IResult> Enable(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var enable = Wire.RequireBool(body!, "enable");
        lock (state.Gate)
        {
            var (c, _) = Idle(state, cluster_id, "Switching the logical cluster feature");
            c.LogicalClusterFeatureEnabled = enable || c.LogicalClusters.Count > 0; // no effect once the cluster is logical
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0000", ["error_msg"] = null });
        }
    }

    // ---- 5.2.17 ----
    private static IResult Delete(string cluster_id, string logical_cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var (c, now) = Idle(state, cluster_id, "Deleting a logical cluster");
            var lc = Find(c, logical_cluster_id);
            EnsureNoTask(c, now, "deleted");
            if (c.LogicalClusters.Count == 1)
                throw DwsErrors.BadRequest(Unsupported, $"The last logical cluster cannot be deleted: {lc.Name} is the only logical cluster of the cluster.");
            if (lc.First)
                throw DwsErrors.BadRequest(Unsupported, $"The first logical cluster cannot be deleted: {lc.Name} holds the system views.");
            StartAction(state, c, lc, "Delete", DeleteDuration, "delete-logical");
            return Wire.Json(TripleOk());
        }
    }

    // ---- 5.2.18 ----
    private static async Task<IResult> Edit(HttpContext http, string cluster_id, string logical_cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var ringsJson = RequireArray(body!, "cluster_rings");
        var mode = Wire.OptionalString(body!, "mode");
        var waiting = Wire.OptionalInt(body!, "waiting_for_killing");
        lock (state.Gate)
        {
            var (c, now) = Idle(state, cluster_id, "Editing a logical cluster");
            var lc = Find(c, logical_cluster_id);
            EnsureNoTask(c, now, "edited");
            var rings = ParseRings(c, ringsJson, allowedOwner: lc);
            var before = lc.Rings.Select(r => string.Join(",", r.Order(StringComparer.Ordinal))).ToHashSet();
            var after = rings.Select(r => string.Join(",", r.Order(StringComparer.Ordinal))).ToHashSet();
            if (mode is not null) lc.Mode = mode;
            if (waiting is not null) lc.WaitingForKilling = waiting.Value;
            if (!before.SetEquals(after))
            {
                var previous = lc.Rings;
                lc.Rings = rings;
                // The service reports an expansion as "Grow", not the documented "Expand" (quirks.md 2.5).
                var action = StartAction(state, c, lc, after.IsSupersetOf(before) ? "Grow" : "Shrink", EditDuration, "edit-logical");
                action.PreviousRings = previous;
            }
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0000", ["error_msg"] = null });
        }
    }

    // ---- 5.2.19 ----
    private static IResult Restart(string cluster_id, string logical_cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var (c, now) = Idle(state, cluster_id, "Restarting a logical cluster");
            var lc = Find(c, logical_cluster_id);
            EnsureNoTask(c, now, "restarted");
            StartAction(state, c, lc, "Restart", RestartDuration, "restart-logical");
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0000", ["error_msg"] = null });
        }
    }

    // ---- state ----

    /// <summary>Applies finished actions: deleted logical clusters go, failed edits get their rings back. Under Gate.</summary>
    public static void Settle(ClusterRecord c, DateTimeOffset now)
    {
        foreach (var lc in c.LogicalClusters.ToList())
        {
            if (lc.Action is not { } a) continue;
            var p = Progress.At(a.StartedAt, a.Duration, a.Failure is not null, now);
            if (p.State == RunState.Running) continue;
            if (p.State == RunState.Succeeded && a.Name == "Delete") c.LogicalClusters.Remove(lc);
            if (p.State == RunState.Failed && a.PreviousRings is { } previous)
            {
                lc.Rings = previous;
                a.PreviousRings = null;
            }
        }
    }

    private static (ClusterRecord, DateTimeOffset) Current(EmulatorState state, string clusterId)
    {
        var c = ClusterLifecycle.Get(state, clusterId);
        var now = state.Clock.UtcNow;
        Settle(c, now);
        return (c, now);
    }

    /// <summary>The cluster, refusing with 400 while it is not AVAILABLE or runs a task (restarting, resizing...).</summary>
    private static (ClusterRecord, DateTimeOffset) Idle(EmulatorState state, string clusterId, string action)
    {
        var (c, now) = Current(state, clusterId);
        ClusterLifecycle.EnsureIdle(c, now, action);
        return (c, now);
    }

    private static LogicalClusterRecord? Running(ClusterRecord c, DateTimeOffset now) =>
        c.LogicalClusters.FirstOrDefault(l => IsRunning(l, now));

    private static bool IsRunning(LogicalClusterRecord lc, DateTimeOffset now) =>
        lc.Action is { } a && Progress.At(a.StartedAt, a.Duration, a.Failure is not null, now).State == RunState.Running;

    private static void EnsureNoTask(ClusterRecord c, DateTimeOffset now, string what)
    {
        if (Running(c, now) is { } running)
            throw DwsErrors.BadRequest(DwsErrors.Busy,
                $"A logical cluster cannot be {what} while a logical cluster task runs ({running.Action!.Name} of {running.Name}{(running.Action.Name == "Restart" ? ": restarting" : "")}). Wait until it completes.");
    }

    private static LogicalClusterRecord Find(ClusterRecord c, string id) =>
        c.LogicalClusters.FirstOrDefault(l => l.Id == id) ?? throw DwsErrors.ResourceNotFound("logical cluster", id);

    private static LogicalClusterAction StartAction(EmulatorState state, ClusterRecord c, LogicalClusterRecord lc, string name, TimeSpan duration, string failKind)
    {
        var now = state.Clock.UtcNow;
        var failure = state.TakePendingFailure(failKind);
        lc.Action = new LogicalClusterAction { Name = name, StartedAt = now, Duration = duration, Failure = failure };
        c.LogicalClusterTasks.Add(new LogicalClusterTaskRecord { Type = name, LogicalClusterName = lc.Name, StartedAt = now, Duration = duration, Failure = failure });
        c.Updated = now;
        return lc.Action;
    }

    /// <summary>Each requested ring must be exactly one ring of the cluster, free or already the logical cluster's own.</summary>
    private static List<List<string>> ParseRings(ClusterRecord c, JsonArray ringsJson, LogicalClusterRecord? allowedOwner)
    {
        if (ringsJson.Count == 0) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: cluster_rings needs at least one ring.");
        var physical = Topology.Rings(c);
        var byIp = c.NodeIds.ToDictionary(Topology.BackIp, id => id, StringComparer.Ordinal);
        var byHost = c.NodeIds.ToDictionary(Topology.HostName, id => id, StringComparer.Ordinal);
        var result = new List<List<string>>();
        foreach (var ringNode in ringsJson)
        {
            if (ringNode is not JsonObject ring) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: each cluster_rings item must be an object.");
            var hosts = RequireArray(ring, "ring_hosts");
            var ids = new List<string>();
            foreach (var hostNode in hosts)
            {
                if (hostNode is not JsonObject host) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: each ring_hosts item must be an object.");
                var hostName = Wire.RequireString(host, "host_name");
                var backIp = Wire.RequireString(host, "back_ip");
                foreach (var f in new[] { "cpu_cores", "memory", "disk_size" })
                    if (host[f] is null) throw DwsErrors.Missing(f);
                if (!byIp.TryGetValue(backIp, out var id) || !byHost.TryGetValue(hostName, out var id2) || id != id2)
                    throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: host {hostName} ({backIp}) is not a data node of the cluster.");
                ids.Add(id);
            }
            var match = physical.FirstOrDefault(p => p.Count == ids.Count && !p.Except(ids).Any());
            if (match is null)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: a ring must list exactly the hosts of one ring of the cluster (GET .../logical-clusters/rings).");
            if (result.Any(r => r.SequenceEqual(match)))
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: the same ring is listed twice.");
            var owner = c.LogicalClusters.FirstOrDefault(l => l.Rings.Any(r => r.Intersect(match).Any()));
            if (owner is not null && owner != allowedOwner)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: ring {string.Join(",", match.Select(Topology.HostName))} already belongs to logical cluster {owner.Name}.");
            result.Add(match);
        }
        return result;
    }

    private static JsonObject ToJson(ClusterRecord c, LogicalClusterRecord lc, DateTimeOffset now, bool clusterBusy, bool anyRunning)
    {
        var running = IsRunning(lc, now);
        JsonObject? action = null;
        var status = "Normal";
        if (lc.Action is { } a)
        {
            var p = Progress.At(a.StartedAt, a.Duration, a.Failure is not null, now);
            action = new JsonObject
            {
                ["action_name"] = a.Name,
                ["progress"] = p.State == RunState.Running ? Math.Max(10, p.Percent) : p.State == RunState.Succeeded ? 100 : p.Percent,
                ["completed"] = p.State != RunState.Running,
                ["start_time"] = Plain(a.StartedAt),
                ["end_time"] = p.EndedAt is { } end ? Plain(end) : null,
                ["result"] = p.State switch { RunState.Succeeded => "success", RunState.Failed => "failed", _ => "" },
                ["logs"] = p.State == RunState.Failed ? $"{a.Failure!.FailedCode}: {a.Failure.FailedDetail}" : p.State == RunState.Succeeded ? $"{a.Name} {lc.Name} successful." : null,
            };
            status = p.State switch
            {
                RunState.Running => a.Name switch { "Create" => "Creating", "Grow" => "Expanding", "Shrink" => "Shrinking", "Restart" => "Restarting", "Delete" => "Deleting", _ => "Running" },
                RunState.Failed when a.Name == "Create" => "Abnormal",
                _ => "Normal",
            };
        }
        var free = !clusterBusy && !anyRunning;
        return new JsonObject
        {
            ["logical_cluster_id"] = lc.Id,
            ["logical_cluster_name"] = lc.Name,
            ["cluster_rings"] = new JsonArray(lc.Rings.Select(r => (JsonNode)Topology.Ring(c, r)).ToArray()),
            ["status"] = status,
            ["first_logical_cluster"] = lc.First,
            ["action_info"] = action,
            ["edit_enable"] = free,
            ["restart_enable"] = free,
            ["delete_enable"] = free && !lc.First && c.LogicalClusters.Count > 1 && !running,
            ["add_to_elastic"] = true,
            ["base_vw"] = lc.First,
            ["mode"] = lc.Mode,
            ["waiting_for_killing"] = lc.WaitingForKilling,
            ["cluster_type"] = "dws",
        };
    }

    private static JsonObject TaskJson(LogicalClusterTaskRecord t, DateTimeOffset now)
    {
        var p = Progress.At(t.StartedAt, t.Duration, t.Failure is not null, now);
        return new JsonObject
        {
            ["type"] = t.Type,
            ["logical_cluster_name"] = t.LogicalClusterName,
            ["start_time"] = Plain(t.StartedAt),
            ["end_time"] = p.EndedAt is { } end ? Plain(end) : null,
            ["result"] = p.State switch { RunState.Succeeded => "success", RunState.Failed => "failed", _ => "running" },
            ["log"] = p.State == RunState.Failed ? t.Failure!.FailedDetail : p.State == RunState.Succeeded ? $"{t.Type} {t.LogicalClusterName} success" : null,
        };
    }

    private static JsonArray RequireArray(JsonObject parent, string name) =>
        parent[name] switch
        {
            JsonArray a => a,
            null => throw DwsErrors.Missing(name),
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {name} must be an array."),
        };

    private static void CheckName(string name)
    {
        if (name.Length is < 1 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern,
                $"Invalid logical cluster name '{name}': 1 to 63 characters, letters, digits and underscores, starting with a letter.");
    }

    /// <summary>The three pairs of error fields 5.2.4 and 5.2.17 return (quirks.md 1.3).</summary>
    private static JsonObject TripleOk() => new()
    {
        ["errCode"] = "DWS.0000",
        ["externalMessage"] = "Request successfully processed.",
        ["error_code"] = "DWS.0000",
        ["error_msg"] = "Request successfully processed.",
        ["retCode"] = "DWS.0000",
        ["retMessage"] = "Request successfully processed.",
    };

    /// <summary>yyyy-MM-dd HH:mm:ss (5.2.7, 5.2.8).</summary>
    private static string Plain(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
