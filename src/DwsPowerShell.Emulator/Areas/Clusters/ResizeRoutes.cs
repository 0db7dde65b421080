using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>
/// Capacity: 5.2.22 scale-out with idle nodes, 5.2.23/5.2.24 resume/suspend redistribution, 5.2.26 grow-check,
/// 5.2.31/5.2.32 deliver/query redistribution, 5.2.38 disk expansion, 5.2.48 flavor details, 5.2.49 disk usage,
/// 5.2.50 disk range, 5.2.52 disk check, 5.2.55 scale-in check, 5.2.56 target flavors, 5.2.57 flavor change.
/// </summary>
internal static class ResizeRoutes
{
    private const int MaxNodes = 256;
    private const string Ok = "Request successfully processed.";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_22, ScaleOutWithIdleNodes);
        routes.Map(DwsOperations.S5_2_23, (string cluster_id, EmulatorState state) => Resume(state, cluster_id));
        routes.Map(DwsOperations.S5_2_24, (string cluster_id, EmulatorState state) => Suspend(state, cluster_id));
        routes.Map(DwsOperations.S5_2_26, GrowCheck);
        routes.Map(DwsOperations.S5_2_31, Deliver);
        routes.Map(DwsOperations.S5_2_32, Details);
        routes.Map(DwsOperations.S5_2_38, ExpandStorage);
        routes.Map(DwsOperations.S5_2_48, (string cluster_id, EmulatorState state) => Flavor(state, cluster_id));
        routes.Map(DwsOperations.S5_2_49, (string cluster_id, EmulatorState state) => DiskUsage(state, cluster_id));
        routes.Map(DwsOperations.S5_2_50, (string cluster_id, EmulatorState state) => StorageRange(state, cluster_id));
        routes.Map(DwsOperations.S5_2_52, CheckStorage);
        routes.Map(DwsOperations.S5_2_55, ShrinkCheck);
        routes.Map(DwsOperations.S5_2_56, TargetFlavors);
        routes.Map(DwsOperations.S5_2_57, ChangeFlavor);
    }

    // 5.2.22: all idle nodes must be used; redis_mode offLine/onLine (this API's casing), parallel_jobs 1-200. Answer {}.
    private static async Task<IResult> ScaleOutWithIdleNodes(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var count = Wire.RequireInt(Wire.RequireObject(body!, "scale_out"), "count");
        if (!Wire.RequireBool(body!, "expand_with_existed_node"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: expand_with_existed_node must be true here; add new nodes with POST /v1.0/{project_id}/clusters/{cluster_id}/resize.");
        var auto = Wire.OptionalBool(body!, "auto_redistribute") ?? true;
        Wire.OptionalBool(body!, "force_backup");
        Wire.OptionalString(body!, "mode");
        Wire.OptionalString(body!, "logical_cluster_name");
        var mode = "offline";
        var jobs = 4;
        if (body!["redis_conf"] is not null)
        {
            var conf = Wire.RequireObject(body, "redis_conf");
            mode = Wire.RequireString(conf, "redis_mode") switch
            {
                "offLine" => "offline",
                "onLine" => "online",
                var other => throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: redis_mode '{other}' must be offLine or onLine."),
            };
            jobs = Wire.RequireInt(conf, "parallel_jobs");
            if (jobs is < 1 or > 200) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: parallel_jobs must be 1 to 200.");
        }
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Scale-out");
            if (c.IdleNodeIds.Count == 0)
                throw DwsErrors.BadRequest(DwsErrors.InvalidNodeCount, "Invalid instance quantity: the cluster has no idle nodes; create them first (POST .../resize with create_node_only).");
            if (count != c.IdleNodeIds.Count)
                throw DwsErrors.BadRequest(DwsErrors.InvalidNodeCount, $"Invalid instance quantity: all idle nodes must be used for the scale-out; the cluster has {c.IdleNodeIds.Count}, count is {count}.");
            if (c.NodeIds.Count + count > MaxNodes)
                throw DwsErrors.BadRequest(DwsErrors.TooManyNodes, "The number of nodes has reached the maximum: a cluster has at most 256 nodes.");
            var op = ClusterLifecycle.StartOperation(state, c, ResizeLifecycle.ScaleOutIdleKind, state.Options.Durations.ClusterScaleOut, "GROWING", "RESIZE_FAILURE");
            op.NodeCount = count;
            c.Redistribution = new RedistributionRecord { Id = EmulatorState.NewUuid(), AutoRedistribute = auto, Mode = mode, ParallelJobs = jobs };
            return Wire.Json(new JsonObject());
        }
    }

    // 5.2.23: only while paused; the answer carries three pairs of error fields (quirks.md 1.3).
    private static IResult Resume(EmulatorState state, string clusterId)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            if (c.Redistribution is not { Status: RedistributionRecord.Paused } r)
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"Redistribution can be resumed only while it is paused (now: {RedistributionStatus(c)}).");
            ResizeLifecycle.StartRedistribution(state, c, r, state.Clock.UtcNow);
            return Triple();
        }
    }

    // 5.2.24: only while redistributing.
    private static IResult Suspend(EmulatorState state, string clusterId)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            if (c.Operation is not { Kind: ResizeLifecycle.RedistributeKind } op || c.Redistribution is not { } r)
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"Redistribution can be suspended only while it runs (now: {RedistributionStatus(c)}).");
            var now = state.Clock.UtcNow;
            r.Elapsed = now - op.StartedAt;
            r.Status = RedistributionRecord.Paused;
            if (op.Failure is not null) state.PendingFailures[ResizeLifecycle.RedistributeKind] = op.Failure; // a queued failure still comes after resume
            c.Operation = null;
            c.Updated = now;
            return Triple();
        }
    }

    // 5.2.26: a read; data[] with a pass flag per item.
    private static async Task<IResult> GrowCheck(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: false) ?? new JsonObject();
        var scaleOut = body["scale_out"] is null ? null : Wire.RequireObject(body, "scale_out");
        var count = scaleOut is null ? null : Wire.OptionalInt(scaleOut, "count");
        var idle = Wire.OptionalBool(body, "expand_with_existed_node") ?? false;
        Wire.OptionalBool(body, "create_node_only");
        Wire.OptionalBool(body, "auto_redistribute");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            var data = new JsonArray();
            string? busy = null;
            try { ClusterLifecycle.EnsureIdle(c, now, "Scale-out"); }
            catch (DwsErrorException ex) { busy = ex.Message; }
            data.Add(Item("cluster_status", "The cluster is available and runs no other task.", busy));
            var adding = count ?? 0;
            data.Add(Item("node_quota", $"The cluster stays within {MaxNodes} nodes.",
                c.NodeIds.Count + c.IdleNodeIds.Count + (idle ? 0 : adding) > MaxNodes ? $"{c.NodeIds.Count} + {adding} nodes exceed {MaxNodes}." : null));
            if (idle)
                data.Add(Item("idle_nodes", "All idle nodes are used for the scale-out.",
                    c.IdleNodeIds.Count == 0 ? "The cluster has no idle nodes." : adding != c.IdleNodeIds.Count ? $"The cluster has {c.IdleNodeIds.Count} idle nodes; count is {adding}." : null));
            else if (count is not null)
                data.Add(Item("node_count", "A scale-out adds at least one ring of 3 nodes.", adding < 3 ? $"count {adding} is less than 3." : null));
            return Wire.Json(new JsonObject { ["data"] = data });
        }
    }

    private static JsonObject Item(string type, string desc, string? failure) => new()
    {
        ["pass"] = failure is null,
        ["reason"] = failure ?? "",
        ["required"] = true,
        ["desc"] = desc,
        ["type"] = type,
    };

    // 5.2.31: only while WAITING_REDISTRIBUTION (quirks.md 2.7); redis_mode online|offline (lowercase here), parallel_jobs 1-32.
    private static async Task<IResult> Deliver(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var mode = Wire.RequireString(body!, "redis_mode");
        var jobs = Wire.RequireInt(body!, "parallel_jobs");
        if (mode is not ("online" or "offline"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: redis_mode '{mode}' must be online or offline.");
        if (jobs is < 1 or > 32) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: parallel_jobs must be 1 to 32.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            if (c.Operation is not null || c.Redistribution is not { Status: RedistributionRecord.Waiting } r)
                throw DwsErrors.BadRequest(DwsErrors.Busy,
                    $"Redistribution can be delivered only while task_status is WAITING_REDISTRIBUTION (now: {c.Operation?.TaskStatus ?? ResizeLifecycle.ParkedTask(c) ?? "none"}).");
            r.Mode = mode;
            r.ParallelJobs = jobs;
            ResizeLifecycle.StartRedistribution(state, c, r, state.Clock.UtcNow);
            return Wire.Json(new JsonObject());
        }
    }

    // 5.2.32: the example's shape: schedule_conf in camelCase, redis_conf with parallel_jobs and parallelJobs, redis_rate "N KB/s".
    private static IResult Details(HttpContext http, string cluster_id, EmulatorState state)
    {
        var paging = PageQuery.Read(http, 10);
        var dbName = http.Request.Query["db_name"].ToString();
        var tableName = http.Request.Query["table_name"].ToString();
        var type = http.Request.Query["type"].ToString();
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            var r = c.Redistribution is { Status: not RedistributionRecord.Pending } seen ? seen : null;
            var running = c.Operation is { Kind: ResizeLifecycle.RedistributeKind };
            var paused = r?.Status == RedistributionRecord.Paused;
            var percent = r is null ? 0 : ResizeLifecycle.Percent(state, c, now);
            var tableCount = r?.TableCount ?? 0;
            var done = tableCount * percent / 100;
            const long tableBytes = 64L * 1024 * 1024;
            var tables = Enumerable.Range(0, tableCount).Select(i => new
            {
                Id = i + 1,
                Name = $"sales_{i + 1:D3}",
                Status = i < done ? "y" : i == done && running ? "i" : "n",
            })
                .Where(t => dbName.Length == 0 || string.Equals(dbName, "gaussdb", StringComparison.Ordinal))
                .Where(t => tableName.Length == 0 || t.Name.Contains(tableName, StringComparison.OrdinalIgnoreCase))
                .Where(t => type.Length == 0 || string.Equals(t.Status, type, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var page = new JsonArray(paging.Of(tables).Select(t => (JsonNode)new JsonObject
            {
                ["table_name"] = t.Name,
                ["id"] = t.Id,
                ["schema_name"] = "public",
                ["logical_cluster_name"] = null,
                ["size"] = tableBytes,
                ["status"] = t.Status,
            }).ToArray());
            var status = r is null ? "" : r.Status;
            var rate = running ? 20480 * (r?.ParallelJobs ?? 1) : 0;
            var remaining = c.Operation is { Kind: ResizeLifecycle.RedistributeKind } op ? op.StartedAt + op.Duration - now : (TimeSpan?)null;
            var info = new JsonObject
            {
                ["id"] = r?.Id,
                ["cluster_id"] = c.Id,
                ["start_time"] = r?.StartTime is { } st ? Wire.IsoZ(st) : "",
                ["end_time"] = r?.EndTime is { } et ? Wire.IsoZ(et) : "",
                ["status"] = status,
                ["redis_conf"] = new JsonObject
                {
                    ["redis_mode"] = r?.Mode,
                    ["schedule_conf"] = new JsonObject
                    {
                        ["scheduleStart"] = null,
                        ["scheduleEnd"] = null,
                        ["scheduleType"] = null,
                        ["scheduleDate"] = null,
                        ["scheduleTime"] = null,
                    },
                    ["parallel_jobs"] = r?.ParallelJobs,
                    ["parallelJobs"] = r?.ParallelJobs,
                },
                ["redis_process"] = new JsonObject
                {
                    ["bytes_done"] = done * tableBytes,
                    ["byte_left"] = (tableCount - done) * tableBytes,
                    ["tables_done"] = done,
                    ["tables_left"] = tableCount - done,
                    ["table_progress"] = percent,
                    ["total_progress"] = percent,
                    ["redis_rate"] = rate.ToString(CultureInfo.InvariantCulture) + " KB/s",
                    ["estimated_time"] = remaining is { } left ? left.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : null,
                    ["completed"] = r?.Status == RedistributionRecord.Completed,
                    ["initialed"] = r?.StartTime is not null,
                    ["fail_count"] = r?.Status == RedistributionRecord.Failed ? 1 : 0,
                    ["redistributing"] = running,
                    ["status"] = r is null ? null : status,
                    ["pause_by_user"] = paused,
                    ["total_redis_rate"] = null,
                },
                ["redis_table_detail"] = new JsonObject { ["data"] = page, ["total"] = tables.Count },
            };
            return Wire.Json(new JsonObject
            {
                ["error_code"] = "DWS.0000",
                ["error_msg"] = null,
                ["redis_info"] = info,
                ["schedule_mode"] = false,
                ["pause_enable"] = running,
                ["recover_enable"] = paused,
                ["retry_enable"] = r?.Status == RedistributionRecord.Failed,
                ["update_enable"] = paused,
                ["control_enable"] = running || paused,
            });
        }
    }

    // 5.2.38: {"new_size": GB per node}; no body; task_status DISK_EXPANDING, then the new size.
    private static async Task<IResult> ExpandStorage(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var size = Wire.RequireInt(body!, "new_size");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Disk expansion");
            ResizeLifecycle.CheckNewSize(c, size);
            ClusterLifecycle.StartOperation(state, c, ResizeLifecycle.DiskKind, state.Options.Durations.DiskExpand, "DISK_EXPANDING", "DISK_EXPAND_FAILED");
            c.PendingVolumeSizeGb = size;
            return Wire.Empty();
        }
    }

    // 5.2.52: only the HTTP status answers (quirks.md 1.6).
    private static async Task<IResult> CheckStorage(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var size = Wire.RequireInt(body!, "new_size");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Disk expansion");
            ResizeLifecycle.CheckNewSize(c, size);
            return Wire.Empty();
        }
    }

    // 5.2.48 ClusterFlavorDetailInfo.
    private static IResult Flavor(EmulatorState state, string clusterId)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            var spec = NodeTypeCatalog.Find(c.NodeType) ?? throw DwsErrors.ResourceNotFound("flavor of cluster", clusterId);
            var size = ResizeLifecycle.CurrentSizeGb(c);
            return Wire.Json(new JsonObject
            {
                ["flavor"] = new JsonObject
                {
                    ["id"] = spec.Id,
                    ["spec_name"] = spec.SpecName,
                    ["current_node"] = c.NodeIds.Count,
                    ["min_node"] = 3,
                    ["max_node"] = MaxNodes,
                    ["classify"] = spec.DatastoreType,
                    ["attribute"] = new JsonArray(
                        Attribute("cpuNum", spec.Vcpus.ToString(CultureInfo.InvariantCulture)),
                        Attribute("diskType", spec.VolumeType),
                        Attribute("memSize", spec.RamGb.ToString(CultureInfo.InvariantCulture))),
                    ["volume_node"] = new JsonObject { ["volume_type"] = spec.VolumeType, ["volume_num"] = 1, ["capacity"] = size, ["volume_size"] = size },
                    ["datastore_version"] = c.Version,
                },
            });
        }
    }

    private static JsonObject Attribute(string code, string value) => new() { ["code"] = code, ["value"] = value };

    // 5.2.49: percentage/disk_capacity/disk_used as numbers although documented String (quirks.md 6).
    private static IResult DiskUsage(EmulatorState state, string clusterId)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            var capacity = ResizeLifecycle.CurrentSizeGb(c);
            var list = new JsonArray();
            var i = 0;
            foreach (var id in c.NodeIds)
            {
                var hash = (uint)id.Aggregate(17, (h, ch) => unchecked(h * 31 + ch));
                var percentage = Math.Round(1 + hash % 3000 / 100m, 2);
                list.Add(new JsonObject
                {
                    ["percentage"] = percentage,
                    ["disk_capacity"] = capacity,
                    ["disk_used"] = Math.Round(capacity * percentage / 100m, 2),
                    ["role"] = null,
                    ["id"] = id,
                    ["group"] = null,
                    ["name"] = $"{c.Name}-dws-dn-{++i}",
                });
            }
            return Wire.Json(new JsonObject { ["duplicate"] = 2, ["disk_info_list"] = list });
        }
    }

    // 5.2.50: GB per node.
    private static IResult StorageRange(EmulatorState state, string clusterId)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            var current = ResizeLifecycle.CurrentSizeGb(c);
            return Wire.Json(new JsonObject { ["min_size"] = current, ["max_size"] = ResizeLifecycle.MaxSizeGb(c), ["current_size"] = current });
        }
    }

    // 5.2.55: ?shrink_count&check_item (guc, schema, disk); {"is_passed": bool}. disk passes when the count is one 5.2.46 offers.
    private static IResult ShrinkCheck(HttpContext http, string cluster_id, EmulatorState state)
    {
        var count = QueryInt(http, "shrink_count") ?? throw DwsErrors.Missing("shrink_count");
        var item = http.Request.Query["check_item"].ToString();
        if (item.Length == 0) throw DwsErrors.Missing("check_item");
        if (item is not ("guc" or "schema" or "disk"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: check_item '{item}' must be guc, schema or disk.");
        if (count < 1) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: shrink_count must be at least 1.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var passed = item != "disk" || ClusterLifecycle.ShrinkSequence(c).Contains(count);
            return Wire.Json(new JsonObject { ["is_passed"] = passed });
        }
    }

    // 5.2.56: flavors of the same datastore type (the current one flagged); vcpus/ram as numbers, ram in GB like the example.
    private static IResult TargetFlavors(HttpContext http, string flavor_id)
    {
        var source = NodeTypeCatalog.All.FirstOrDefault(s => s.Id == flavor_id) ?? throw DwsErrors.ResourceNotFound("flavor", flavor_id);
        var paging = PageQuery.Read(http, 10);
        var all = Targets(source).ToList();
        var page = new JsonArray(paging.Of(all).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.SpecName,
            ["vcpus"] = s.Vcpus,
            ["ram"] = s.RamGb,
            ["is_current_flavor"] = s.Id == source.Id,
        }).ToArray());
        return Wire.Json(new JsonObject { ["flavors"] = page, ["count"] = all.Count });
    }

    private static IEnumerable<NodeTypeSpec> Targets(NodeTypeSpec source) =>
        NodeTypeCatalog.All.Where(s => s.DatastoreType == source.DatastoreType);

    // 5.2.57: {"target_flavor_id","force_backup"} both mandatory; answers job_id next to error_code.
    private static async Task<IResult> ChangeFlavor(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var target = Wire.RequireString(body!, "target_flavor_id");
        Wire.RequireBool(body!, "force_backup");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Flavor change");
            var current = NodeTypeCatalog.Find(c.NodeType)
                ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFlavor, $"Invalid flavor: the cluster's node type {c.NodeType} is not one of this emulator's node types, so no flavor change is offered.");
            var spec = Targets(current).FirstOrDefault(s => s.Id == target)
                ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFlavor, $"Invalid flavor: {target} is not a flavor cluster {c.Id} can change to.");
            if (spec.Id == current.Id)
                throw DwsErrors.BadRequest(DwsErrors.InvalidFlavor, $"Invalid flavor: the cluster already uses {spec.SpecName}.");
            var op = ClusterLifecycle.StartOperation(state, c, ResizeLifecycle.FlavorKind, state.Options.Durations.FlavorChange,
                "RESIZING_FLAVOR", "RESIZE_FLAVOR_FAILED", jobName: "dwsClusterFlavorChangeJob");
            c.PendingFlavor = spec.SpecName;
            return Wire.Json(new JsonObject { ["job_id"] = op.JobId, ["error_code"] = "DWS.0000", ["error_msg"] = "request succeeded!" });
        }
    }

    private static string RedistributionStatus(ClusterRecord c) =>
        c.Operation?.TaskStatus ?? c.Redistribution?.Status switch { null or RedistributionRecord.Pending => "no redistribution", var s => s };

    private static IResult Triple() => Wire.Json(new JsonObject
    {
        ["errCode"] = "DWS.0000",
        ["externalMessage"] = Ok,
        ["error_code"] = "DWS.0000",
        ["error_msg"] = Ok,
        ["retCode"] = null,
        ["retMessage"] = null,
    });

    private static int? QueryInt(HttpContext http, string name)
    {
        var text = http.Request.Query[name].ToString();
        if (text.Length == 0) return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {name} must be an integer.");
    }
}
