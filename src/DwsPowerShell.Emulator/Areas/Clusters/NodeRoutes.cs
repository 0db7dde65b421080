using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>
/// Nodes, topology, instances and CNs: 5.2.10, 5.2.12, 5.2.21, 5.2.39, 5.2.40, 5.2.41, 5.2.47, 5.2.59.
/// Only idle nodes can be deleted (202, a message and no job id); CN counts stay within min_num..max_num and 5.2.40's
/// num is the total after the operation; every change is refused (400) while the cluster is busy (restarting...).
/// </summary>
internal static class NodeRoutes
{
    public static readonly TimeSpan NodeDeleteDuration = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan CoordinatorDuration = TimeSpan.FromMinutes(3);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_10, Nodes);
        routes.Map(DwsOperations.S5_2_21, DeleteNodes);
        routes.Map(DwsOperations.S5_2_12, TopologyRings);
        routes.Map(DwsOperations.S5_2_47, Instances);
        routes.Map(DwsOperations.S5_2_59, Instance);
        routes.Map(DwsOperations.S5_2_39, Coordinators);
        routes.Map(DwsOperations.S5_2_40, AddCoordinators);
        routes.Map(DwsOperations.S5_2_41, DeleteCoordinators);
    }

    // ---- 5.2.10 ----
    private static IResult Nodes(HttpContext http, string cluster_id, EmulatorState state)
    {
        var q = http.Request.Query;
        var deleted = q["deleted"].ToString();
        if (deleted.Length > 0 && deleted is not ("true" or "false"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: deleted must be true or false.");
        // node_ids: repeated keys, or one comma-separated value (quirks.md 7.5); an empty node_ids (as in the example) filters nothing.
        var ids = q["node_ids"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        var filterBy = q["filter_by"].ToString();
        var filter = q["filter"].ToString();
        if (filterBy.Length > 0 && filterBy is not ("instCreateType" or "status" or "name" or "spec" or "azCode"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: filter_by must be instCreateType, status, name, spec or azCode.");
        var orderBy = q["order_by"].ToString();
        var descending = q["order"].ToString().Equals("DESC", StringComparison.OrdinalIgnoreCase);
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            var status = ClusterLifecycle.Status(c, now) == "CREATING" ? "BUILD" : "ACTIVE";
            var all = new List<JsonObject>();
            foreach (var id in c.NodeIds) all.Add(Node(c, id, status, "CREATED", "INST"));
            foreach (var id in c.IdleNodeIds) all.Add(Node(c, id, status, "IDLE", "NODE"));
            foreach (var r in c.RemovedNodes)
            {
                if (r.RemovedAt > now) all.Add(Node(c, r.Id, "DELETING", "DELETING", "NODE", r.Name));
                else if (deleted == "true") all.Add(Node(c, r.Id, "DELETED", "DELETED", "NODE", r.Name));
            }
            IEnumerable<JsonObject> nodes = all;
            if (ids.Count > 0) nodes = nodes.Where(n => ids.Contains((string)n["id"]!));
            if (filterBy.Length > 0)
            {
                var field = filterBy switch { "instCreateType" => "inst_create_type", "azCode" => "az_code", _ => filterBy };
                nodes = nodes.Where(n => string.Equals((string?)n[field], filter, StringComparison.OrdinalIgnoreCase));
            }
            if (orderBy.Length > 0)
            {
                var field = orderBy switch { "instCreateType" => "inst_create_type", "azCode" => "az_code", "subStatus" => "sub_status", _ => orderBy };
                nodes = descending ? nodes.OrderByDescending(n => (string?)n[field], StringComparer.Ordinal) : nodes.OrderBy(n => (string?)n[field], StringComparer.Ordinal);
            }
            var list = nodes.Cast<JsonNode>().ToList();
            return Wire.Json(new JsonObject
            {
                ["node_list"] = PageQuery.Read(http, int.MaxValue).OfJson(list),
                ["count"] = list.Count,
                ["failed_count"] = 0,
            });
        }
    }

    private static JsonObject Node(ClusterRecord c, string id, string status, string subStatus, string createType, string? name = null) => new()
    {
        ["id"] = id,
        ["name"] = name ?? Topology.NodeName(c, id),
        ["status"] = status,
        ["sub_status"] = subStatus,
        ["spec"] = c.NodeType,
        ["inst_create_type"] = createType,
        ["alias_name"] = null,
        ["az_code"] = c.AvailabilityZone,
    };

    // ---- 5.2.21 ----
    private static async Task<IResult> DeleteNodes(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var list = body!["node_list"] as JsonArray ?? throw DwsErrors.Missing("node_list");
        var ids = list.Select(n => n is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s) ? s
            : throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: node_list must be an array of node ids.")).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: node_list needs at least one node id.");
        var type = Wire.RequireString(body!, "operate_type");
        if (type is not ("delete" or "clear"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: operate_type must be delete or clear.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            ClusterLifecycle.EnsureIdle(c, now, "Deleting nodes");
            foreach (var id in ids)
            {
                if (c.NodeIds.Contains(id))
                    throw DwsErrors.BadRequest(LogicalClusterRoutes.Unsupported, $"The current instance type does not support this operation: node {id} is in use by the cluster; only idle nodes can be deleted.");
                if (!c.IdleNodeIds.Contains(id)) throw DwsErrors.ResourceNotFound("node", id);
            }
            var op = ClusterLifecycle.StartOperation(state, c, "deletenode", NodeDeleteDuration, "DELETING_NODE", "DELETE_NODE_FAILED");
            if (op.Failure is null && type == "delete")
            {
                foreach (var id in ids)
                {
                    c.RemovedNodes.Add(new RemovedNodeRecord { Id = id, Name = Topology.NodeName(c, id), RemovedAt = now + NodeDeleteDuration });
                    c.IdleNodeIds.Remove(id);
                }
            }
            // 202 with a message and no job id (quirks.md 1.7, 2.4).
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0000", ["error_msg"] = $"Success submit {ids.Count} node {type} job" }, 202);
        }
    }

    // ---- 5.2.12 ----
    private static IResult TopologyRings(HttpContext http, string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            var rings = Topology.Rings(c);
            var cns = Topology.Coordinators(c, now);
            var items = new List<JsonNode>();
            for (var i = 0; i < rings.Count; i++)
            {
                var instances = new JsonArray();
                // CNs live on the rings' hosts, spread one per ring in turn.
                for (var k = i; k < cns.Count; k += rings.Count) instances.Add(TopoInstance(c, cns[k].Id, cns[k].Name, rings[i][0]));
                foreach (var id in rings[i]) instances.Add(TopoInstance(c, id, Topology.NodeName(c, id), id));
                items.Add(new JsonObject { ["instance_info_lists"] = instances });
            }
            return Wire.Json(new JsonObject { ["cluster_rings"] = PageQuery.Read(http, int.MaxValue).OfJson(items), ["count"] = items.Count });
        }
    }

    // status is the integer 200 although documented as String (quirks.md 2.6).
    private static JsonObject TopoInstance(ClusterRecord c, string id, string name, string hostNodeId) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["manage_ip"] = Topology.ManageIp(hostNodeId),
        ["traffic_ip"] = Topology.TrafficIp(id),
        ["internal_ip"] = Topology.BackIp(hostNodeId),
        ["internal_mgnt_ip"] = null,
        ["eip"] = null,
        ["elb"] = null,
        ["status"] = 200,
        ["az_code"] = c.AvailabilityZone,
    };

    // ---- 5.2.47 ----
    private static IResult Instances(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            LogicalClusterRoutes.Settle(c, now);
            var status = Topology.InstanceStatus(c, now);
            var instances = new JsonArray();
            var firstLogical = c.LogicalClusters.FirstOrDefault(l => l.First)?.Name;
            foreach (var cn in Topology.Coordinators(c, now))
                instances.Add(InstanceJson(cn.Id, cn.Name, status, cn.PrivateIp, Topology.BackIp(cn.Id), firstLogical));
            foreach (var id in c.NodeIds)
                instances.Add(InstanceJson(id, Topology.NodeName(c, id), status, Topology.TrafficIp(id), Topology.BackIp(id), Topology.LogicalClusterOf(c, id)?.Name));
            return Wire.Json(new JsonObject
            {
                ["cluster_id"] = c.Id,
                ["cluster_name"] = c.Name,
                ["cluster_status"] = ClusterLifecycle.Status(c, now),
                ["instances"] = instances,
            });
        }
    }

    private static JsonObject InstanceJson(string id, string name, string status, string trafficIp, string internalIp, string? logical) => new()
    {
        ["instance_id"] = id,
        ["instance_name"] = name,
        ["instance_status"] = status,
        ["traffic_ip"] = trafficIp,
        ["internal_ip"] = internalIp,
        ["logical_cluster_name"] = logical,
    };

    // ---- 5.2.59 ----
    private static IResult Instance(string instance_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var now = state.Clock.UtcNow;
            foreach (var c in state.Clusters.Values)
            {
                var cn = Topology.Coordinators(c, now).FirstOrDefault(x => x.Id == instance_id);
                var isNode = c.NodeIds.Contains(instance_id);
                if (cn is null && !isNode) continue;
                var spec = NodeTypeCatalog.Find(c.NodeType);
                var link = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = null }, new JsonObject { ["rel"] = "bookmark", ["href"] = null });
                return Wire.Json(new JsonObject
                {
                    ["configuration_status"] = "In-Sync",
                    ["params_group_id"] = "157e9cc4-64a8-11e8-adc0-fa7ae01bbebc",
                    ["type"] = cn is null ? "dws-dn" : "dws-cn",
                    ["subnet_id"] = c.SubnetId,
                    ["role"] = "Standalone",
                    ["internal_subnet_id"] = c.SubnetId,
                    ["group"] = cn is null ? $"dn-{c.NodeIds.IndexOf(instance_id) + 1}" : "cn-1",
                    ["secure_group"] = c.SecurityGroupId,
                    ["vpc"] = c.VpcId,
                    ["azcode"] = c.AvailabilityZone,
                    ["region"] = state.Options.Region,
                    ["cluster_id"] = c.Id,
                    ["created"] = Wire.IsoLocal(c.Created),
                    ["updated"] = Wire.IsoLocal(c.Updated),
                    ["status"] = Topology.InstanceStatus(c, now),
                    ["name"] = cn?.Name ?? Topology.NodeName(c, instance_id),
                    ["links"] = link.DeepClone(),
                    ["id"] = instance_id,
                    ["flavor"] = new JsonObject { ["id"] = c.NodeTypeId, ["links"] = link.DeepClone() },
                    ["volume"] = spec is null ? null : new JsonObject { ["type"] = spec.VolumeType, ["used"] = 0.5, ["size"] = spec.VolumeSizeGb },
                    ["datastore"] = new JsonObject { ["type"] = spec?.DatastoreType ?? "dws", ["version"] = c.Version },
                    ["fault"] = null,
                    ["configuration"] = new JsonObject { ["id"] = "157e9cc4-64a8-11e8-adc0-fa7ae01bbebc", ["name"] = "Default-Parameter-Group-dws", ["links"] = link.DeepClone() },
                    ["locality"] = null,
                    ["replicas"] = null,
                    ["db_user"] = c.UserName,
                    ["storage_engine"] = null,
                    ["pay_model"] = 0,
                    ["public_ip"] = null,
                    ["traffic_ip"] = cn?.PrivateIp ?? Topology.TrafficIp(instance_id),
                });
            }
            throw DwsErrors.ResourceNotFound("instance", instance_id);
        }
    }

    // ---- 5.2.39 ----
    private static IResult Coordinators(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var cns = Topology.Coordinators(c, state.Clock.UtcNow);
            return Wire.Json(new JsonObject
            {
                ["min_num"] = Topology.MinCoordinators,
                ["max_num"] = Topology.MaxCoordinatorCount(c),
                ["instances"] = new JsonArray(cns.Select(cn => (JsonNode)new JsonObject { ["id"] = cn.Id, ["name"] = cn.Name, ["private_ip"] = cn.PrivateIp }).ToArray()),
            });
        }
    }

    // ---- 5.2.40: num is the TOTAL after the operation ----
    private static async Task<IResult> AddCoordinators(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var num = Wire.RequireInt(body!, "num");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            ClusterLifecycle.EnsureIdle(c, now, "Adding CNs");
            var current = Topology.Coordinators(c, now).Count;
            var max = Topology.MaxCoordinatorCount(c);
            if (num <= current)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                    $"The parameter value is out of range: num is the total number of CNs after the operation; the cluster already has {current}, so num must be {current + 1} to {max}.");
            if (num > max)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: num {num} exceeds max_num {max} (the cluster has {current} CNs).");
            var op = ClusterLifecycle.StartOperation(state, c, "addcn", CoordinatorDuration, "ADD_CN_ING", "ADD_CN_FAILED", jobName: "dwsAddCnJob");
            if (op.Failure is null)
                for (var i = current; i < num; i++) c.Coordinators!.Add(Topology.NewCoordinator(c, now + CoordinatorDuration));
            c.NumberOfCn = num;
            return Wire.Json(new JsonObject { ["job_id"] = op.JobId });
        }
    }

    // ---- 5.2.41 ----
    private static async Task<IResult> DeleteCoordinators(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var list = body!["instances"] as JsonArray ?? throw DwsErrors.Missing("instances");
        var ids = list.Select(n => n is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s) ? s
            : throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: instances must be an array of CN ids.")).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: instances needs at least one CN id.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var now = state.Clock.UtcNow;
            ClusterLifecycle.EnsureIdle(c, now, "Deleting CNs");
            var cns = Topology.Coordinators(c, now);
            foreach (var id in ids)
                if (cns.All(cn => cn.Id != id)) throw DwsErrors.ResourceNotFound("CN", id);
            var remaining = cns.Count - ids.Count;
            if (remaining < Topology.MinCoordinators)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                    $"The parameter value is out of range: the cluster needs at least {Topology.MinCoordinators} CNs (min_num); it has {cns.Count}, so at most {Math.Max(0, cns.Count - Topology.MinCoordinators)} can be deleted.");
            var op = ClusterLifecycle.StartOperation(state, c, "delcn", CoordinatorDuration, "DEL_CN_ING", "DEL_CN_FAILED", jobName: "dwsDeleteCnJob");
            if (op.Failure is null)
            {
                foreach (var cn in cns.Where(cn => ids.Contains(cn.Id))) cn.RemovedAt = now + CoordinatorDuration;
                c.NumberOfCn = remaining;
            }
            return Wire.Json(new JsonObject { ["job_id"] = op.JobId });
        }
    }
}
