using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Services.Ddm;

/// <summary>
/// DDM (Distributed Database Middleware), seed 003 "Scaling In a DDM Instance": POST
/// /v2/{project_id}/instances/{instance_id}/action/reduce with {"node_number","group_id"}, answered 200
/// {"instanceId","instanceName","jobId"}; the effect is read on GET /v1/{project_id}/instances/{instance_id}
/// (status REDUCING, then RUNNING with fewer nodes), and the group IDs on GET /v3/{project_id}/instances/{instance_id}/groups.
/// DDM takes an IAM token only (X-Auth-Token): a call signed with AK/SK is refused 401. Errors are
/// {"errCode","externalMessage"}; the seed documents 400 DBS.280001 "Parameter error." (and no 404, so an unknown
/// instance is that 400 too).
/// </summary>
internal sealed class DdmService : IEmulatorService
{
    /// <summary>The instance and groups every emulator starts with (the IDs of seed 003's example).</summary>
    public const string SeededInstanceId = "28e8841d0b9c4f6a9a30742ee60e1068in09";
    public const string SeededInstanceName = "ddm-emulator";
    public const string FirstGroupId = "f080abf2010d45118068c28c8958f5fcgr09";
    public const string SecondGroupId = "0c5e5a1f9d7b4e2a8c3d6b1a2f4e7d90gr09";

    /// <summary>Emulated time a scale-in takes.</summary>
    public static readonly TimeSpan ReduceDuration = TimeSpan.FromMinutes(5);

    public const string ParameterError = "DBS.280001";

    public string Name => "ddm";

    public string InvalidRequestCode => ParameterError;

    public JsonObject ErrorBody(int status, string code, string message) =>
        new() { ["externalMessage"] = message, ["errCode"] = code };

    public void AddState(EmulatorState state)
    {
        var store = new DdmStore();
        store.Seed(state.Clock.UtcNow, state.Options);
        state.Add(store);
        state.OnReset(() => store.Seed(state.Clock.UtcNow, state.Options));
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapService("GET", "/v1/{project_id}/instances/{instance_id}", new ServiceRoute(Name, "DDM instance detail (read of seed 003)"),
            (string project_id, string instance_id, EmulatorState state) =>
            {
                lock (state.Gate) return Wire.Json(Find(state, project_id, instance_id).ToJson(state.Clock.UtcNow));
            }).AddEndpointFilter((c, n) => EmulatorServices.TokenOnly("DDM", c, n));
        routes.MapService("GET", "/v3/{project_id}/instances/{instance_id}/groups", new ServiceRoute(Name, "DDM instance groups (read of seed 003)"),
            (string project_id, string instance_id, EmulatorState state) =>
            {
                lock (state.Gate) return Wire.Json(Find(state, project_id, instance_id).GroupsJson(state.Clock.UtcNow));
            }).AddEndpointFilter((c, n) => EmulatorServices.TokenOnly("DDM", c, n));
        routes.MapService("POST", "/v2/{project_id}/instances/{instance_id}/action/reduce", new ServiceRoute(Name, "seed 003 scale in"), Reduce)
            .AddEndpointFilter((c, n) => EmulatorServices.TokenOnly("DDM", c, n));
    }

    private static async Task<IResult> Reduce(string project_id, string instance_id, HttpContext http, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var count = Wire.OptionalInt(body!, "node_number") ?? throw Parameter("node_number is required.");
        var groupId = Wire.OptionalString(body!, "group_id");
        lock (state.Gate)
        {
            var instance = Find(state, project_id, instance_id);
            var now = state.Clock.UtcNow;
            var status = instance.StatusAt(now);
            // Seed 003, Constraints: not while the instance is undergoing other operations.
            if (status != "RUNNING") throw Parameter($"the instance is {status}; scale it in when it is RUNNING.");
            DdmGroup group;
            if (groupId is null)
            {
                if (instance.Groups.Count > 1)
                    throw Parameter($"group_id is required: the instance has {instance.Groups.Count} node groups ({string.Join(", ", instance.Groups.Select(g => g.Id))}).");
                group = instance.Groups[0];
            }
            else
            {
                group = instance.Groups.FirstOrDefault(g => g.Id == groupId) ?? throw Parameter($"group_id {groupId} is not a group of the instance.");
            }
            var nodes = group.NodesAt(now);
            if (count < 1 || count > nodes - 1)
                throw Parameter($"node_number must be from 1 to {nodes - 1} (the group's {nodes} nodes minus 1), not {count}.");
            var jobId = instance.BeginReduce(group, count, now, ReduceDuration);
            return Wire.Json(new JsonObject { ["instanceId"] = instance.Id, ["instanceName"] = instance.Name, ["jobId"] = jobId });
        }
    }

    private static DdmInstance Find(EmulatorState state, string projectId, string instanceId) =>
        EmulatorServices.InProject(state, projectId) && state.Part<DdmStore>().Instances.TryGetValue(instanceId, out var instance)
            ? instance
            : throw Parameter($"the DDM instance {instanceId} does not exist.");

    private static DwsErrorException Parameter(string detail) => DwsErrors.BadRequest(ParameterError, "Parameter error: " + detail);
}

/// <summary>The DDM instances (one, seeded). Kept in memory only: not in the state file. Use under the state's gate.</summary>
public sealed class DdmStore
{
    public Dictionary<string, DdmInstance> Instances { get; } = new(StringComparer.Ordinal);

    internal void Seed(DateTimeOffset now, EmulatorOptions options)
    {
        Instances.Clear();
        Instances[DdmService.SeededInstanceId] = new DdmInstance(DdmService.SeededInstanceId, DdmService.SeededInstanceName, options.Region + "a", options.ProjectId, now,
            [new DdmGroup(DdmService.FirstGroupId, "group-1", 3), new DdmGroup(DdmService.SecondGroupId, "group-2", 2)]);
    }
}

/// <summary>A node group: its node count drops when a scale-in ends.</summary>
public sealed class DdmGroup(string id, string name, int nodes)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    internal int Nodes = nodes;
    internal int Removing;
    internal DateTimeOffset ReduceEnds;

    public int NodesAt(DateTimeOffset now) => Removing > 0 && now >= ReduceEnds ? Nodes - Removing : Nodes;

    /// <summary>Makes a finished scale-in part of the count (before the next one starts).</summary>
    internal void Settle(DateTimeOffset now)
    {
        Nodes = NodesAt(now);
        Removing = 0;
    }
}

/// <summary>A DDM instance: REDUCING while a scale-in runs, on the clock.</summary>
public sealed class DdmInstance(string id, string name, string zone, string projectId, DateTimeOffset created, List<DdmGroup> groups)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public IReadOnlyList<DdmGroup> Groups { get; } = groups;
    private readonly DateTimeOffset _created = created;
    private DateTimeOffset _updated = created;
    private DateTimeOffset _reduceEnds = DateTimeOffset.MinValue;

    public string StatusAt(DateTimeOffset now) => now < _reduceEnds ? "REDUCING" : "RUNNING";

    internal string BeginReduce(DdmGroup group, int count, DateTimeOffset now, TimeSpan duration)
    {
        foreach (var g in Groups) g.Settle(now);
        group.Removing = count;
        group.ReduceEnds = _reduceEnds = now + duration;
        _updated = now;
        return Guid.NewGuid().ToString("D");
    }

    private IEnumerable<(DdmGroup Group, int Index)> Nodes(DateTimeOffset now) =>
        Groups.SelectMany(g => Enumerable.Range(1, g.NodesAt(now)).Select(i => (g, i)));

    private static string NodeId(DdmGroup group, int index) => $"{group.Id[..28]}no{index:D2}";

    /// <summary>
    /// The instance detail kept minimal: seed 003 shows no read, so the fields of the DDM reference's "Querying
    /// Details of a DDM Instance" that show a scale-in (status, node_count, nodes) and identify the instance.
    /// </summary>
    public JsonObject ToJson(DateTimeOffset now)
    {
        var nodes = new JsonArray();
        var n = 0;
        foreach (var (group, index) in Nodes(now))
        {
            n++;
            nodes.Add(new JsonObject
            {
                ["node_id"] = NodeId(group, index),
                ["status"] = "normal",
                ["ip"] = $"192.168.0.{10 + n}",
                ["port"] = "5066",
            });
        }
        return new JsonObject
        {
            ["id"] = Id,
            ["status"] = StatusAt(now),
            ["name"] = Name,
            ["created"] = Wire.IsoZ(_created),
            ["updated"] = Wire.IsoZ(now >= _reduceEnds && _reduceEnds > _updated ? _reduceEnds : _updated),
            ["available_zone"] = zone,
            ["node_count"] = n,
            ["access_port"] = "5066",
            ["node_status"] = "normal",
            ["project_id"] = projectId,
            ["nodes"] = nodes,
        };
    }

    /// <summary>GET /v3/.../groups kept minimal: total_count and group_list with each group's id, name and node_list.</summary>
    public JsonObject GroupsJson(DateTimeOffset now)
    {
        var list = new JsonArray();
        foreach (var group in Groups)
        {
            var groupNodes = new JsonArray();
            for (var i = 1; i <= group.NodesAt(now); i++)
                groupNodes.Add(new JsonObject { ["id"] = NodeId(group, i), ["name"] = $"{Name}-{group.Name}-{i}", ["az"] = zone });
            list.Add(new JsonObject { ["id"] = group.Id, ["name"] = group.Name, ["node_list"] = groupNodes });
        }
        return new JsonObject { ["total_count"] = Groups.Count, ["group_list"] = list };
    }
}
