using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>Cluster parameters: 5.2.42 groups, 5.2.43 settings (v1.0 GET), 5.2.44 modify (v2 PUT: quirks.md 8.1), 5.2.53 audit records.</summary>
internal static class ParameterRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_42, Groups);
        routes.Map(DwsOperations.S5_2_53, AuditRecords);
        routes.Map(DwsOperations.S5_2_43, Settings);
        routes.Map(DwsOperations.S5_2_44, Modify);
    }

    // 5.2.42: fail_reason is the string "null" in the reference's example; we send the same.
    private static IResult Groups(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var list = new JsonArray();
            foreach (var (name, type) in ParameterCatalog.Groups)
            {
                list.Add(new JsonObject
                {
                    ["id"] = ParameterCatalog.GroupId(c, type),
                    ["name"] = ParameterCatalog.GroupName(c, name),
                    ["type"] = type,
                    ["status"] = type == ParameterCatalog.ParameterGroupType ? c.ParameterGroupStatus : "In-Sync",
                    ["fail_reason"] = "null",
                });
            }
            return Wire.Json(new JsonObject { ["configurations"] = list });
        }
    }

    // 5.2.43: the "parameterGroup" group holds the GUC parameters; the other groups are served empty.
    private static IResult Settings(string cluster_id, string configuration_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var type = GroupType(c, configuration_id);
            var list = new JsonArray();
            if (type == ParameterCatalog.ParameterGroupType)
            {
                foreach (var p in ParameterCatalog.Parameters)
                {
                    list.Add(new JsonObject
                    {
                        ["name"] = p.Name,
                        ["values"] = new JsonArray(
                            new JsonObject { ["type"] = "cn", ["value"] = ParameterCatalog.Value(c, p, "cn"), ["default_value"] = p.CnDefault },
                            new JsonObject { ["type"] = "dn", ["value"] = ParameterCatalog.Value(c, p, "dn"), ["default_value"] = p.DnDefault }),
                        ["unit"] = p.Unit,
                        ["type"] = p.Type,
                        ["readonly"] = p.ReadOnly,
                        ["value_range"] = p.ValueRange,
                        ["restart_required"] = p.RestartRequired,
                        ["description"] = p.Description,
                    });
                }
            }
            return Wire.Json(new JsonObject { ["configurations"] = list });
        }
    }

    // 5.2.44: {"configurations":[{"type":"cn|dn","name","value"}]}; no answer body. Refused while the cluster is
    // busy (restarting, resizing...) or read-only. Changed values set parameter_group.status (Pending-Reboot when a
    // changed parameter needs a restart, otherwise In-Sync) and are recorded for 5.2.53.
    private static async Task<IResult> Modify(HttpContext http, string cluster_id, string configuration_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        if (body!["configurations"] is not JsonArray items) throw DwsErrors.Missing("configurations");
        if (items.Count == 0) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: configurations is empty.");
        var changes = new List<(string Role, ParameterSpec Spec, string Value)>();
        foreach (var item in items)
        {
            if (item is not JsonObject o) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: configurations[] must hold objects.");
            var role = Wire.RequireString(o, "type").ToLowerInvariant();
            var name = Wire.RequireString(o, "name");
            var value = Wire.OptionalString(o, "value") ?? throw DwsErrors.Missing("value");
            if (role is not ("cn" or "dn"))
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: type '{role}' of {name} must be cn or dn.");
            var spec = ParameterCatalog.Find(name) ?? throw DwsErrors.BadRequest(DwsErrors.MissingParameter, $"The parameter does not exist: {name}.");
            if (changes.Any(ch => ch.Role == role && ch.Spec.Name == name))
                throw DwsErrors.BadRequest(DuplicateParameters, $"Duplicate parameters: {role} {name} is given twice.");
            if (!ParameterCatalog.Accepts(spec, value))
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: {name} = '{value}' is outside {spec.ValueRange}.");
            changes.Add((role, spec, value));
        }
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            if (GroupType(c, configuration_id) != ParameterCatalog.ParameterGroupType)
                throw DwsErrors.BadRequest(InvalidGroup, $"The parameter group ID is invalid: {configuration_id} holds no modifiable parameters of cluster {cluster_id}.");
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Modifying parameters");
            var now = state.Clock.UtcNow;
            var restart = false;
            foreach (var (role, spec, value) in changes)
            {
                var current = ParameterCatalog.Value(c, spec, role);
                if (current == value) continue;
                if (spec.ReadOnly)
                    throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: {spec.Name} is read-only.");
            }
            foreach (var (role, spec, value) in changes)
            {
                var current = ParameterCatalog.Value(c, spec, role);
                if (current == value) continue;
                c.ParameterValues[ParameterCatalog.Key(role, spec.Name)] = value;
                restart |= spec.RestartRequired;
                c.ParameterAudit.Add(new ParameterAuditRecord
                {
                    Id = c.ParameterAudit.Count == 0 ? 1 : c.ParameterAudit.Max(r => r.Id) + 1,
                    Operator = $"{role}:{spec.Name}={value} (was {current})",
                    StartTime = now,
                    EndTime = now,
                    Status = "SUCCESS",
                });
            }
            if (restart) c.ParameterGroupStatus = "Pending-Reboot";
            else if (c.ParameterGroupStatus != "Pending-Reboot") c.ParameterGroupStatus = "In-Sync";
            c.Updated = now;
            return Wire.Empty();
        }
    }

    // 5.2.53: ids are numbers (documented String), times ISO with milliseconds. action_time (epoch ms) keeps records
    // from then on; filter_by (operator|status) + filter keep records whose field contains the text.
    private static IResult AuditRecords(HttpContext http, string cluster_id, EmulatorState state)
    {
        var q = http.Request.Query;
        var paging = PageQuery.Read(http, 10);
        long? actionTime = null;
        if (q["action_time"].ToString() is { Length: > 0 } at)
            actionTime = long.TryParse(at, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms
                : throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: action_time must be epoch milliseconds.");
        var filterBy = q["filter_by"].ToString();
        var filter = q["filter"].ToString();
        if (filterBy.Length > 0 && filterBy is not ("operator" or "status"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: filter_by must be operator or status.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var matched = c.ParameterAudit
                .Where(r => actionTime is null || r.StartTime.ToUnixTimeMilliseconds() >= actionTime)
                .Where(r => filterBy.Length == 0 || filter.Length == 0
                    || (filterBy == "operator" ? r.Operator : r.Status).Contains(filter, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.Id)
                .ToList();
            var records = new JsonArray();
            foreach (var r in paging.Of(matched))
            {
                records.Add(new JsonObject
                {
                    ["id"] = r.Id,
                    ["operator"] = r.Operator,
                    ["start_time"] = Millis(r.StartTime),
                    ["end_time"] = Millis(r.EndTime),
                    ["status"] = r.Status,
                    ["failed_reason"] = r.FailedReason,
                });
            }
            return Wire.Json(new JsonObject { ["records"] = records, ["count"] = matched.Count });
        }
    }

    private const string DuplicateParameters = "DWS.5039";
    private const string InvalidGroup = "DWS.5054";

    private static string GroupType(ClusterRecord c, string configurationId)
    {
        foreach (var (_, type) in ParameterCatalog.Groups)
            if (ParameterCatalog.GroupId(c, type) == configurationId) return type;
        throw DwsErrors.ResourceNotFound("parameter group", configurationId);
    }

    private static string Millis(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
