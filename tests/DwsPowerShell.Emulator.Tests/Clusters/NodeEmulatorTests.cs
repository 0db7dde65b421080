using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Clusters;

public sealed class NodeEmulatorTests
{
    private static async Task<JsonNode> Json(HttpResponseMessage r) => await EmulatorHost.ReadJsonAsync(r);

    private static string Cns(EmulatorHost h, string id) => $"/v1.0/{h.Project}/clusters/{id}/cns";

    private static async Task<JsonArray> Nodes(EmulatorHost h, string id, string query = "") =>
        (await Json(await h.GetAsync($"/v2/{h.Project}/clusters/{id}/nodes{query}")))["node_list"]!.AsArray();

    [Fact]
    public async Task Cn_limits_and_num_is_the_total_after_the_operation()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await h.CreateClusterAsync("cn-limits");
        var cns = await Json(await h.GetAsync(Cns(h, id)));
        Assert.Equal((2, 3, 3), ((int)cns["min_num"]!, (int)cns["max_num"]!, cns["instances"]!.AsArray().Count));

        // num = the current count adds nothing; num above max_num is refused.
        var same = await h.PostAsync(Cns(h, id) + "/batch-create", """{"num":3}""");
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("total number of CNs after the operation", (string?)(await Json(same))["error_msg"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await h.PostAsync(Cns(h, id) + "/batch-create", """{"num":4}""")).StatusCode);

        // Delete one, leaving 2 (min_num); a job is returned and the CN goes when it finishes.
        var first = (string)cns["instances"]![0]!["id"]!;
        var deleted = await h.PostAsync(Cns(h, id) + "/batch-delete", $$"""{"instances":["{{first}}"]}""");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var job = (string)(await Json(deleted))["job_id"]!;
        Assert.Equal("DEL_CN_ING", (string?)(await h.GetClusterAsync(id))["task_status"]);
        Assert.Equal(3, (await Json(await h.GetAsync(Cns(h, id))))["instances"]!.AsArray().Count);
        h.Clock.Advance(NodeRoutes.CoordinatorDuration);
        Assert.Equal("SUCCESS", (string?)(await Json(await h.GetAsync($"/v1.0/{h.Project}/job/{job}")))["status"]);
        var now = (await Json(await h.GetAsync(Cns(h, id))))["instances"]!.AsArray();
        Assert.Equal(2, now.Count);
        Assert.DoesNotContain(now, cn => (string?)cn!["id"] == first);

        var belowMin = await h.PostAsync(Cns(h, id) + "/batch-delete", $$"""{"instances":["{{(string)now[0]!["id"]!}}"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, belowMin.StatusCode);
        Assert.Contains("at least 2 CNs", (string?)(await Json(belowMin))["error_msg"]);
        Assert.Equal(HttpStatusCode.NotFound, (await h.PostAsync(Cns(h, id) + "/batch-delete", """{"instances":["nope"]}""")).StatusCode);

        var added = await h.PostAsync(Cns(h, id) + "/batch-create", """{"num":3}""");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("ADD_CN_ING", (string?)(await h.GetClusterAsync(id))["task_status"]);
        h.Clock.Advance(NodeRoutes.CoordinatorDuration);
        Assert.Equal(3, (await Json(await h.GetAsync(Cns(h, id))))["instances"]!.AsArray().Count);
    }

    [Fact]
    public async Task Only_idle_nodes_are_deleted_with_202_a_message_and_no_job()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await h.CreateClusterAsync("node-delete");
        var nodes = await Nodes(h, id);
        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(("ACTIVE", "INST"), ((string)n!["status"]!, (string)n["inst_create_type"]!)));

        var inUse = await h.PostAsync($"/v2/{h.Project}/clusters/{id}/nodes/delete", $$"""{"node_list":["{{(string)nodes[0]!["id"]!}}"],"operate_type":"delete"}""");
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);
        Assert.Contains("only idle nodes", (string?)(await Json(inUse))["error_msg"]);

        // Idle nodes come from a scale-out that only creates nodes (5.2.27 create_node_only).
        await h.PostAsync($"/v1.0/{h.Project}/clusters/{id}/resize", """{"scale_out":{"count":3},"create_node_only":true}""");
        h.Clock.Advance(h.Options.Durations.ClusterScaleOut);
        var idle = await Nodes(h, id, "?filter_by=instCreateType&filter=NODE");
        Assert.Equal(3, idle.Count);
        Assert.Equal(6, (int)(await Json(await h.GetAsync($"/v2/{h.Project}/clusters/{id}/nodes?limit=2")))["count"]!);
        Assert.Single(await Nodes(h, id, $"?node_ids={(string)idle[0]!["id"]!}"));
        Assert.Equal(2, (await Nodes(h, id, $"?node_ids={(string)idle[0]!["id"]!}&node_ids={(string)idle[1]!["id"]!}")).Count);

        var body = new JsonObject { ["node_list"] = new JsonArray(idle.Take(2).Select(n => (JsonNode)(string)n!["id"]!).ToArray()), ["operate_type"] = "delete" };
        var accepted = await h.PostAsync($"/v2/{h.Project}/clusters/{id}/nodes/delete", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var answer = await Json(accepted);
        Assert.Equal(("DWS.0000", "Success submit 2 node delete job"), ((string)answer["error_code"]!, (string)answer["error_msg"]!));
        Assert.Null(answer["job_id"]);
        Assert.Equal("DELETING_NODE", (string?)(await h.GetClusterAsync(id))["task_status"]);
        Assert.Equal(2, (await Nodes(h, id, "?filter_by=status&filter=DELETING")).Count);

        h.Clock.Advance(NodeRoutes.NodeDeleteDuration);
        Assert.Null((await h.GetClusterAsync(id))["task_status"]);
        Assert.Equal(4, (await Nodes(h, id)).Count);
        Assert.Equal(2, (await Nodes(h, id, "?deleted=true&filter_by=status&filter=DELETED")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await h.PostAsync($"/v2/{h.Project}/clusters/{id}/nodes/delete", """{"node_list":["x"],"operate_type":"drop"}""")).StatusCode);
    }

    [Fact]
    public async Task Topology_instances_and_instance_by_id_agree()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await h.CreateClusterAsync("topology");
        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);

        var topo = await Json(await h.GetAsync($"/v2/{h.Project}/clusters/{id}/topo/rings"));
        var ring = Assert.Single(topo["cluster_rings"]!.AsArray())!;
        var instances = ring["instance_info_lists"]!.AsArray();
        Assert.Equal(6, instances.Count); // 3 CNs + 3 DNs
        Assert.All(instances, i => Assert.Equal(200, (int)i!["status"]!));

        var list = await Json(await h.GetAsync($"/v2/{h.Project}/clusters/{id}/instances"));
        Assert.Equal(("topology", "AVAILABLE"), ((string)list["cluster_name"]!, (string)list["cluster_status"]!));
        var dn = list["instances"]!.AsArray().First(i => ((string)i!["instance_name"]!).Contains("-dn-"))!;
        Assert.Equal("base", (string?)dn["logical_cluster_name"]);
        Assert.Equal("AVAILABLE", (string?)dn["instance_status"]);

        var one = await Json(await h.GetAsync($"/v2/{h.Project}/instances/{(string)dn["instance_id"]!}"));
        Assert.Equal(("dws-dn", id, (string)dn["instance_name"]!), ((string)one["type"]!, (string)one["cluster_id"]!, (string)one["name"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/v2/{h.Project}/instances/nope")).StatusCode);
    }

    [Fact]
    public async Task Logical_clusters_and_cns_survive_save_and_load()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await h.CreateClusterAsync("persist");
        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        await h.GetAsync($"/v1.0/{h.Project}/clusters/{id}/cns");
        var file = Path.Combine(Path.GetTempPath(), $"dws-lc-{Guid.NewGuid():N}.json");
        try
        {
            h.State.Save(file);
            h.State.Reset();
            h.State.Load(file);
            var lcs = (await Json(await h.GetAsync($"/v2/{h.Project}/clusters/{id}/logical-clusters")))["logical_clusters"]!.AsArray();
            Assert.Equal("base", (string?)Assert.Single(lcs)!["logical_cluster_name"]);
            Assert.Equal(3, (await Json(await h.GetAsync($"/v1.0/{h.Project}/clusters/{id}/cns")))["instances"]!.AsArray().Count);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
