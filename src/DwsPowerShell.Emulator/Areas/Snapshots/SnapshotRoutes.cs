using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>Snapshot management: 5.3.1, 5.3.3, 5.3.4, 5.3.8, 5.3.23.</summary>
public static partial class SnapshotRoutes
{
    /// <summary>Emulated time a manual snapshot spends in CREATING (the cluster shows SNAPSHOTTING meanwhile).</summary>
    public static readonly TimeSpan CreateDuration = TimeSpan.FromMinutes(5);

    /// <summary>Key for /_emulator/jobs/fail-next: {"kind":"snapshot"} makes the next snapshot end UNAVAILABLE.</summary>
    public const string FailKind = "snapshot";

    private const string ForbiddenDescriptionChars = "!<>'=&\"";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_3_1, Create);
        routes.Map(DwsOperations.S5_3_3, List);
        routes.Map(DwsOperations.S5_3_4, Get);
        routes.Map(DwsOperations.S5_3_8, Delete);
        routes.Map(DwsOperations.S5_3_23, ListForCluster);
    }

    /// <summary>
    /// Adds an AVAILABLE automated snapshot (what a snapshot policy would produce). For tests, demos and the
    /// snapshot-policy area; the cluster must exist.
    /// </summary>
    public static SnapshotRecord AddAutomated(EmulatorState state, string clusterId, string name, int keepDays = 3,
        string period = "0 31 1/8 ? * 2,3,4,5,6,7")
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            var snapshot = NewRecord(state, c, name, "", SnapshotRecord.Automated);
            snapshot.Duration = TimeSpan.Zero;
            snapshot.KeepDays = keepDays;
            snapshot.Period = period;
            state.Snapshots[snapshot.Id] = snapshot.ToNode();
            return snapshot;
        }
    }

    /// <summary>
    /// When a deleted cluster is finally gone: its latest <paramref name="keep"/> manual snapshots stay, older manual
    /// ones go (5.2.15 keep_last_manual_snapshot, 5.2.16 keep_last_manual_backup). Call under state.Gate.
    /// </summary>
    public static void KeepLatestManual(EmulatorState state, string clusterId, int keep)
    {
        var manual = state.Snapshots.Values.Select(SnapshotRecord.FromNode)
            .Where(s => s.ClusterId == clusterId && s.Type == SnapshotRecord.Manual)
            .OrderByDescending(s => s.Started).ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var old in manual.Skip(Math.Max(0, keep))) state.Snapshots.Remove(old.Id);
    }

    // 5.3.1: the answer is only {"snapshot":{"id"}}: no job id (5.3.2 is the call that returns jobs).
    private static async Task<IResult> Create(HttpContext http, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var request = Wire.RequireObject(body!, "snapshot");
        var name = Wire.RequireString(request, "name");
        var clusterId = Wire.RequireString(request, "cluster_id");
        var description = Wire.OptionalString(request, "description") ?? "";
        ValidateName(name);
        ValidateDescription(description);
        lock (state.Gate)
        {
            var snapshots = Settle(state);
            var c = ClusterLifecycle.Get(state, clusterId);
            // 5.3.1: names are unique and case-insensitive.
            if (snapshots.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new DwsErrorException(409, DwsErrors.DuplicateName, $"The snapshot name already exists: {name}.");
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Snapshot creation");
            var op = ClusterLifecycle.StartOperation(state, c, FailKind, CreateDuration, "SNAPSHOTTING", "");
            var snapshot = NewRecord(state, c, name, description, SnapshotRecord.Manual);
            snapshot.Duration = op.Duration;
            snapshot.Failure = op.Failure;
            state.Snapshots[snapshot.Id] = snapshot.ToNode();
            return Wire.Json(new JsonObject { ["snapshot"] = new JsonObject { ["id"] = snapshot.Id } });
        }
    }

    // 5.3.3: no paging; count is the number returned.
    private static IResult List(EmulatorState state)
    {
        lock (state.Gate)
        {
            var now = state.Clock.UtcNow;
            var items = new JsonArray();
            foreach (var s in Settle(state).OrderBy(s => s.Started).ThenBy(s => s.Id, StringComparer.Ordinal))
                items.Add(Summary(s, now));
            return Wire.Json(new JsonObject { ["snapshots"] = items, ["count"] = items.Count });
        }
    }

    private static IResult Get(string snapshot_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var s = Find(state, snapshot_id);
            return Wire.Json(new JsonObject { ["snapshot"] = Detail(state, s, state.Clock.UtcNow) });
        }
    }

    // 5.3.8: 202 with no body; manual snapshots only.
    private static IResult Delete(string snapshot_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var s = Find(state, snapshot_id);
            if (s.Type != SnapshotRecord.Manual)
                throw DwsErrors.BadRequest(SnapshotIdInvalid, $"The snapshot ID is invalid: {snapshot_id} is an automated snapshot; only manual snapshots can be deleted.");
            if (s.StatusAt(state.Clock.UtcNow) == "CREATING")
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"The snapshot is still being created: {snapshot_id}; wait until it is AVAILABLE.");
            state.Snapshots.Remove(s.Id);
            return Wire.Empty(202);
        }
    }

    // 5.3.23: offset is a record offset, limit defaults to 10, count is the total; sort_key name|clusterName|startTime.
    private static IResult ListForCluster(HttpContext http, string cluster_id, EmulatorState state)
    {
        var query = http.Request.Query;
        var paging = PageQuery.Read(http, 10);
        var sortKey = query["sort_key"].ToString();
        var sortDir = query["sort_dir"].ToString();
        Func<SnapshotRecord, string> key = sortKey.Length == 0 || sortKey.Equals("startTime", StringComparison.OrdinalIgnoreCase)
            ? s => s.Started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : sortKey.Equals("name", StringComparison.OrdinalIgnoreCase) ? s => s.Name
            : sortKey.Equals("clusterName", StringComparison.OrdinalIgnoreCase) ? s => s.ClusterName
            : throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: sort_key must be name, clusterName or startTime.");
        // No sort_key: newest first. A sort_key without sort_dir: ascending.
        var descending = sortDir.Length == 0 ? sortKey.Length == 0
            : sortDir.Equals("DESC", StringComparison.OrdinalIgnoreCase) ? true
            : sortDir.Equals("ASC", StringComparison.OrdinalIgnoreCase) ? false
            : throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: sort_dir must be ASC or DESC.");
        lock (state.Gate)
        {
            var snapshots = Settle(state);
            ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            var mine = snapshots.Where(s => s.ClusterId == cluster_id);
            var ordered = descending
                ? mine.OrderByDescending(key, StringComparer.Ordinal).ThenByDescending(s => s.Id, StringComparer.Ordinal)
                : mine.OrderBy(key, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal);
            var all = ordered.ToList();
            var items = new JsonArray();
            foreach (var s in paging.Of(all)) items.Add(ClusterItem(state, s, now));
            return Wire.Json(new JsonObject
            {
                ["snapshots"] = items,
                ["project_id"] = state.Options.ProjectId,
                ["cluster_id"] = cluster_id,
                ["count"] = all.Count,
            });
        }
    }

    private const string SnapshotIdInvalid = "DWS.5149";

    private static SnapshotRecord NewRecord(EmulatorState state, ClusterRecord c, string name, string description, string type) => new()
    {
        Id = EmulatorState.NewUuid(),
        Name = name,
        Description = description,
        ClusterId = c.Id,
        ClusterName = c.Name,
        ClusterVersion = c.Version,
        DbUser = c.UserName,
        Type = type,
        Started = state.Clock.UtcNow,
        SizeGb = Math.Round(c.NodeIds.Count * 1.5, 2),
    };

    /// <summary>
    /// Settles clusters, drops automated snapshots whose cluster is gone (the service keeps only manual ones after a
    /// cluster is deleted) and returns every snapshot. Call under state.Gate.
    /// </summary>
    private static List<SnapshotRecord> Settle(EmulatorState state)
    {
        ClusterLifecycle.SettleAll(state);
        var result = new List<SnapshotRecord>(state.Snapshots.Count);
        foreach (var (id, node) in state.Snapshots.ToList())
        {
            var s = SnapshotRecord.FromNode(node);
            if (s.Type != SnapshotRecord.Manual && !state.Clusters.ContainsKey(s.ClusterId))
            {
                state.Snapshots.Remove(id);
                continue;
            }
            result.Add(s);
        }
        return result;
    }

    private static SnapshotRecord Find(EmulatorState state, string id) =>
        Settle(state).FirstOrDefault(s => s.Id == id) ?? throw DwsErrors.ResourceNotFound("snapshot", id);

    private static JsonObject Summary(SnapshotRecord s, DateTimeOffset now)
    {
        var p = s.ProgressAt(now);
        return new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["started"] = Wire.IsoZ(s.Started),
            ["finished"] = Finished(p),
            ["size"] = Size(s, p),
            ["status"] = s.StatusAt(now),
            ["type"] = s.Type,
            ["cluster_id"] = s.ClusterId,
        };
    }

    private static JsonObject Detail(EmulatorState state, SnapshotRecord s, DateTimeOffset now)
    {
        var json = Summary(s, now);
        var p = s.ProgressAt(now);
        var backupKey = s.Started.UtcDateTime.ToString("yyyyMMdd'_'HHmmss", CultureInfo.InvariantCulture);
        json["cluster_name"] = s.ClusterName;
        json["backup_key"] = backupKey;
        json["prior_backup_key"] = "FULL";
        json["base_backup_key"] = backupKey;
        json["backup_device"] = "OBS";
        json["total_backup_size"] = p.State == RunState.Succeeded ? (long)(s.SizeGb * 1024 * 1024) : 0L;
        json["base_backup_name"] = s.Name;
        json["support_inplace_restore"] = true;
        json["fine_grained_backup"] = false;
        json["fine_grained_backup_detail"] = new JsonObject();
        json["guest_agent_version"] = "8.2.0.1";
        json["cluster_status"] = state.Clusters.TryGetValue(s.ClusterId, out var c) ? ClusterLifecycle.Status(c, now) : null;
        // 5.3.23 prints bak_expected_start_time as epoch milliseconds in a string.
        json["bak_expected_start_time"] = s.Started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        json["bak_keep_day"] = s.KeepDays;
        json["bak_period"] = s.Period;
        json["db_user"] = s.DbUser;
        json["datastore"] = new JsonObject { ["type"] = "dws", ["version"] = s.ClusterVersion };
        json["progress"] = p.PercentText;
        json["backup_level"] = "cluster";
        return json;
    }

    /// <summary>5.3.23 item: the 5.3.4 detail with "updated" instead of "finished" and type AUTO for automated.</summary>
    private static JsonObject ClusterItem(EmulatorState state, SnapshotRecord s, DateTimeOffset now)
    {
        var json = Detail(state, s, now);
        var p = s.ProgressAt(now);
        json.Remove("finished");
        json["updated"] = Wire.IsoZ(p.EndedAt ?? s.Started);
        if (s.Type == SnapshotRecord.Automated) json["type"] = "AUTO";
        return json;
    }

    private static string? Finished(Progress p) => p.State == RunState.Succeeded ? Wire.IsoZ(p.EndedAt!.Value) : null;

    private static double Size(SnapshotRecord s, Progress p) => p.State == RunState.Succeeded ? s.SizeGb : 0;

    private static void ValidateName(string name)
    {
        if (name.Length is < 4 or > 64)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, "Invalid string length: a snapshot name has 4 to 64 characters.");
        if (!NamePattern().IsMatch(name))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern,
                "The snapshot name pattern is invalid: start with a letter; use letters, digits, hyphens (-) and underscores (_) only.");
    }

    private static void ValidateDescription(string description)
    {
        if (description.Length > 256)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, "Invalid string length: a snapshot description has at most 256 characters.");
        if (description.IndexOfAny(ForbiddenDescriptionChars.ToCharArray()) >= 0)
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: a snapshot description must not contain any of !<>'=&\".");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
