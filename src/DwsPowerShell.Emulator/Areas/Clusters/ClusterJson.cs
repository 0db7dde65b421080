using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Connections;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>ClusterInfo (5.2.6, <paramref name="detail"/> false) and ClusterDetail (5.2.13) wire shapes.</summary>
internal static class ClusterJson
{
    public static JsonObject ToJson(EmulatorState state, ClusterRecord c, DateTimeOffset now, bool detail)
    {
        var status = ClusterLifecycle.Status(c, now);
        var creating = status == "CREATING";
        var ip = PrivateIp(c);
        var actionProgress = new JsonObject();
        if (creating) actionProgress["CREATING"] = ClusterLifecycle.CreateProgress(c, now).PercentText;
        if (c.Operation is { TaskStatus: { } task } op)
            actionProgress[task] = Progress.At(op.StartedAt, op.Duration, op.Failure is not null, now).PercentText;

        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["status"] = status,
            ["version"] = c.Version,
            ["updated"] = Wire.IsoZ(c.Updated),
            ["created"] = Wire.IsoZ(c.Created),
            ["port"] = c.Port,
            ["endpoints"] = creating ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["connect_info"] = $"{ip}:{c.Port}",
                ["jdbc_url"] = $"jdbc:postgresql://{ip}:{c.Port}/<YOUR_DATABASE_name>",
            }),
            ["nodes"] = Nodes(c, status, detail),
            ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
            ["user_name"] = c.UserName,
            ["number_of_node"] = c.NodeIds.Count,
            ["recent_event"] = 0,
            ["availability_zone"] = c.AvailabilityZone,
            ["enterprise_project_id"] = c.EnterpriseProjectId,
            ["node_type"] = c.NodeType,
            ["vpc_id"] = c.VpcId,
            ["subnet_id"] = c.SubnetId,
            ["public_ip"] = new JsonObject { ["public_bind_type"] = c.PublicBindType, ["eip_id"] = c.EipId },
            ["public_endpoints"] = ConnectionModel.PublicEndpoints(c),
            ["action_progress"] = actionProgress,
            ["sub_status"] = ClusterLifecycle.SubStatus(c),
            ["task_status"] = c.Operation?.TaskStatus ?? c.FailedTaskStatus ?? ResizeLifecycle.ParkedTask(c),
            ["security_group_id"] = c.SecurityGroupIds.Count > 0 ? string.Join(",", c.SecurityGroupIds) : c.SecurityGroupId,
            ["failed_reasons"] = FailedReasons(c, status),
        };
        if (detail) AddDetail(json, state, c, ip, now);
        return json;
    }

    private static void AddDetail(JsonObject json, EmulatorState state, ClusterRecord c, string ip, DateTimeOffset now)
    {
        var spec = NodeTypeCatalog.Find(c.NodeType);
        json["subnet_ids"] = new JsonArray(c.SubnetId);
        json["parameter_group"] = ParameterCatalog.ParameterGroupJson(c);
        json["node_type_id"] = c.NodeTypeId;
        json["private_ip"] = new JsonArray(ip);
        json["maintain_window"] = new JsonObject { ["day"] = "Wed", ["start_time"] = "22:00", ["end_time"] = "02:00" };
        json["resize_info"] = ResizeInfo(c, now);
        json["elb"] = ConnectionModel.Elb(state, c);
        json["flavor_detail"] = spec is null ? null : new JsonObject
        {
            ["type"] = spec.DatastoreType,
            ["cpu"] = Text(spec.Vcpus),
            ["mem"] = Text(spec.RamGb),
            ["volume_type"] = spec.VolumeType,
            ["volume_size"] = Text(c.VolumeSizeGb ?? spec.VolumeSizeGb),
            ["volume_num"] = "1",
        };
    }

    // 5.2.13's example returns target_node_num as a string and origin_node_num as a number; we do the same.
    private static JsonObject? ResizeInfo(ClusterRecord c, DateTimeOffset now)
    {
        if (c.Operation is { Kind: "resize", IdleNodesOnly: false } op)
            return new JsonObject
            {
                ["target_node_num"] = Text(op.OriginNodeCount + op.NodeCount),
                ["origin_node_num"] = op.OriginNodeCount,
                ["resize_status"] = "GROWING",
                ["start_time"] = Wire.IsoZ(op.StartedAt),
            };
        if (c.FailedTaskStatus == "RESIZE_FAILURE")
            return new JsonObject { ["resize_status"] = "RESIZE_FAILURE", ["origin_node_num"] = c.NodeIds.Count };
        return null;
    }

    private static JsonObject? FailedReasons(ClusterRecord c, string status)
    {
        var failure = status == "CREATION FAILED" ? c.CreateFailure : c.LastFailure;
        return failure is null ? null : new JsonObject { ["error_code"] = failure.FailedCode, ["error_msg"] = failure.FailedDetail };
    }

    private static JsonArray Nodes(ClusterRecord c, string status, bool detail)
    {
        // 5.2.6 node status codes: 100 creating, 199 idle, 200 available, 304 deleting.
        var nodeStatus = status switch { "CREATING" => "100", "DELETING" => "304", "CREATION FAILED" => "303", _ => "200" };
        var nodes = new JsonArray();
        var i = 0;
        foreach (var id in c.NodeIds) nodes.Add(Node(id, nodeStatus, detail ? $"{c.Name}-dws-dn-{++i}" : null));
        foreach (var id in c.IdleNodeIds) nodes.Add(Node(id, "199", detail ? $"{c.Name}-dws-idle-{++i}" : null));
        return nodes;
    }

    private static JsonObject Node(string id, string status, string? name)
    {
        var node = new JsonObject { ["id"] = id };
        if (name is not null) node["name"] = name;
        node["status"] = status;
        return node;
    }

    private static string PrivateIp(ClusterRecord c)
    {
        var hash = (uint)c.Id.Aggregate(17, (h, ch) => unchecked(h * 31 + ch));
        return $"192.168.{hash % 250 + 1}.{hash / 250 % 250 + 2}";
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
