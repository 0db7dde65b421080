using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Clusters;

public sealed class LogicalClusterEmulatorTests
{
    private static string Lcs(EmulatorHost h, string id) => $"/v2/{h.Project}/clusters/{id}/logical-clusters";

    /// <summary>A cluster of <paramref name="nodes"/> data nodes (rings of 3), AVAILABLE.</summary>
    private static async Task<string> Cluster(EmulatorHost h, string name, int nodes = 6)
    {
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync($"/v2/{h.Project}/clusters", EmulatorHost.CreateV2Body(name, nodes))).StatusCode);
        var list = await EmulatorHost.ReadJsonAsync(await h.GetAsync($"/v1.0/{h.Project}/clusters"));
        var id = (string)list["clusters"]!.AsArray().Single(c => (string?)c!["name"] == name)!["id"]!;
        h.Clock.Advance(h.Options.Durations.ClusterCreate);
        return id;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage r) => await EmulatorHost.ReadJsonAsync(r);

    private static async Task<JsonArray> List(EmulatorHost h, string id) =>
        (await Json(await h.GetAsync(Lcs(h, id))))["logical_clusters"]!.AsArray();

    private static async Task<JsonArray> FreeRings(EmulatorHost h, string id) =>
        (await Json(await h.GetAsync(Lcs(h, id) + "/rings")))["cluster_rings"]!.AsArray();

    private static Task<HttpResponseMessage> Put(EmulatorHost h, string path, string json) => h.Client.PutAsync(path, EmulatorHost.JsonBody(json));

    private static string CreateBody(string name, params JsonNode[] rings) =>
        new JsonObject { ["logical_cluster"] = new JsonObject { ["logical_cluster_name"] = name, ["cluster_rings"] = new JsonArray(rings.Select(r => r.DeepClone()).ToArray()) } }.ToJsonString();

    private static string EditBody(params JsonNode[] rings) =>
        new JsonObject { ["cluster_rings"] = new JsonArray(rings.Select(r => r.DeepClone()).ToArray()) }.ToJsonString();

    private static async Task<string> Code(HttpResponseMessage r) => (string)(await Json(r))["error_code"]!;

    [Fact]
    public async Task Convert_makes_one_first_logical_cluster_of_all_rings_with_action_info_on_the_clock()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await Cluster(h, "lc-convert");
        Assert.Empty(await List(h, id));
        var converted = await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/elastic_group", "");
        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);
        Assert.Equal("DWS.0000", await Code(converted));

        var lc = Assert.Single(await List(h, id))!;
        Assert.Equal("elastic_group", (string?)lc["logical_cluster_name"]);
        Assert.True((bool)lc["first_logical_cluster"]!);
        Assert.Equal(2, lc["cluster_rings"]!.AsArray().Count);
        Assert.Equal("Creating", (string?)lc["status"]);
        Assert.Equal(("Create", false, ""), ((string)lc["action_info"]!["action_name"]!, (bool)lc["action_info"]!["completed"]!, (string)lc["action_info"]!["result"]!));
        Assert.Equal(10, (int)lc["action_info"]!["progress"]!);
        Assert.Empty(await FreeRings(h, id));

        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        lc = Assert.Single(await List(h, id))!;
        Assert.Equal(("Normal", true, "success", 100), ((string)lc["status"]!, (bool)lc["action_info"]!["completed"]!, (string)lc["action_info"]!["result"]!, (int)lc["action_info"]!["progress"]!));
        Assert.False((bool)lc["delete_enable"]!);

        var again = await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/other", "");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(LogicalClusterRoutes.Unsupported, await Code(again));
    }

    [Fact]
    public async Task Create_needs_a_converted_cluster_and_free_whole_rings_and_no_other_task_417()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await Cluster(h, "lc-rules", nodes: 9);
        var before = await h.PostAsync(Lcs(h, id), CreateBody("lc2", new JsonObject { ["ring_hosts"] = new JsonArray() }));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(LogicalClusterRoutes.Unsupported, await Code(before));

        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        var first = Assert.Single(await List(h, id))!;
        var rings = first["cluster_rings"]!.AsArray();
        Assert.Equal(3, rings.Count);

        // A ring that belongs to the first logical cluster is refused.
        var taken = await h.PostAsync(Lcs(h, id), CreateBody("lc2", rings[2]!));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("already belongs to logical cluster base", (string?)(await Json(taken))["error_msg"]);

        // Shrink the first logical cluster to one ring: the other two become free.
        var shrink = await Put(h, Lcs(h, id) + "/" + (string)first["logical_cluster_id"]!, EditBody(rings[0]!));
        Assert.Equal(HttpStatusCode.OK, shrink.StatusCode);
        Assert.Equal("Shrink", (string?)(await List(h, id))[0]!["action_info"]!["action_name"]);
        h.Clock.Advance(LogicalClusterRoutes.EditDuration);
        var free = await FreeRings(h, id);
        Assert.Equal(2, free.Count);

        // Half a ring is not a ring.
        var partial = new JsonObject { ["ring_hosts"] = new JsonArray(free[0]!["ring_hosts"]![0]!.DeepClone()) };
        Assert.Equal(HttpStatusCode.BadRequest, (await h.PostAsync(Lcs(h, id), CreateBody("lc2", partial))).StatusCode);

        var created = await h.PostAsync(Lcs(h, id), CreateBody("lc2", free[0]!));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var triple = await Json(created);
        Assert.Equal(("DWS.0000", "DWS.0000", "DWS.0000"), ((string)triple["error_code"]!, (string)triple["retCode"]!, (string)triple["errCode"]!));
        var listed = await Json(await h.GetAsync(Lcs(h, id)));
        Assert.False((bool)listed["add_enable"]!);

        // No parallel creates: the real service answers 417.
        var parallel = await h.PostAsync(Lcs(h, id), CreateBody("lc3", free[1]!));
        Assert.Equal((HttpStatusCode)417, parallel.StatusCode);
        Assert.Contains("in parallel", (string?)(await Json(parallel))["error_msg"]);

        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        Assert.Equal(HttpStatusCode.Conflict, (await h.PostAsync(Lcs(h, id), CreateBody("lc2", free[1]!))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync(Lcs(h, id), CreateBody("lc3", free[1]!))).StatusCode);
        Assert.Equal(3, (await Json(await h.GetAsync(Lcs(h, id))))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Growing_reports_Grow_and_tasks_filter_sort_and_page()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await Cluster(h, "lc-grow");
        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        var lc = (await List(h, id))[0]!;
        var lcPath = Lcs(h, id) + "/" + (string)lc["logical_cluster_id"]!;
        var rings = lc["cluster_rings"]!.AsArray();
        await Put(h, lcPath, EditBody(rings[0]!));
        h.Clock.Advance(LogicalClusterRoutes.EditDuration);
        var grow = await Put(h, lcPath, EditBody(rings[0]!, rings[1]!) .Replace("]}", "],\"mode\":\"read-only\",\"waiting_for_killing\":1}"));
        Assert.Equal(HttpStatusCode.OK, grow.StatusCode);
        lc = (await List(h, id))[0]!;
        Assert.Equal(("Grow", "Expanding", "read-only", 1), ((string)lc["action_info"]!["action_name"]!, (string)lc["status"]!, (string)lc["mode"]!, (int)lc["waiting_for_killing"]!));
        h.Clock.Advance(LogicalClusterRoutes.EditDuration);

        var all = (await Json(await h.GetAsync(Lcs(h, id) + "/tasks?order_by=startTime&order=DESC")));
        Assert.Equal(3, (int)all["count"]!);
        Assert.Equal(new[] { "Grow", "Shrink", "Create" }, all["logical_cluster_tasks"]!.AsArray().Select(t => (string)t!["type"]!));
        var expand = await Json(await h.GetAsync(Lcs(h, id) + "/tasks?type=Expand&logical_cluster_name=base"));
        Assert.Equal("success", (string?)Assert.Single(expand["logical_cluster_tasks"]!.AsArray())!["result"]);
        var page = await Json(await h.GetAsync(Lcs(h, id) + "/tasks?offset=1&limit=1&order_by=startTime&order=ASC"));
        Assert.Equal("Shrink", (string?)Assert.Single(page["logical_cluster_tasks"]!.AsArray())!["type"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await h.GetAsync(Lcs(h, id) + "/tasks?order_by=start_time")).StatusCode);

        var volumes = await Json(await h.GetAsync(Lcs(h, id) + "/volumes"));
        var v = Assert.Single(volumes["volumes"]!.AsArray())!;
        Assert.Equal("base", (string?)v["logical_cluster_name"]);
        Assert.IsType<string>(v["total"]!.GetValue<string>());
    }

    [Fact]
    public async Task First_and_last_logical_clusters_cannot_be_deleted_others_go_after_the_delete_action()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await Cluster(h, "lc-delete");
        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        var baseLc = (await List(h, id))[0]!;
        var basePath = Lcs(h, id) + "/" + (string)baseLc["logical_cluster_id"]!;
        var last = await h.Client.DeleteAsync(basePath);
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("last logical cluster cannot be deleted", (string?)(await Json(last))["error_msg"]);

        var rings = baseLc["cluster_rings"]!.AsArray();
        await Put(h, basePath, EditBody(rings[0]!));
        h.Clock.Advance(LogicalClusterRoutes.EditDuration);
        await h.PostAsync(Lcs(h, id), CreateBody("lc2", rings[1]!));
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);

        var first = await h.Client.DeleteAsync(basePath);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("first logical cluster cannot be deleted", (string?)(await Json(first))["error_msg"]);

        var lc2 = (await List(h, id)).Single(l => (string?)l!["logical_cluster_name"] == "lc2")!;
        Assert.True((bool)lc2["delete_enable"]!);
        var deleted = await h.Client.DeleteAsync(Lcs(h, id) + "/" + (string)lc2["logical_cluster_id"]!);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("DWS.0000", (string?)(await Json(deleted))["retCode"]);
        Assert.Equal("Deleting", (string?)(await List(h, id)).Single(l => (string?)l!["logical_cluster_name"] == "lc2")!["status"]);
        h.Clock.Advance(LogicalClusterRoutes.DeleteDuration);
        Assert.Single(await List(h, id));
        Assert.Single(await FreeRings(h, id));
        Assert.Equal(HttpStatusCode.NotFound, (await h.Client.DeleteAsync(Lcs(h, id) + "/" + (string)lc2["logical_cluster_id"]!)).StatusCode);
    }

    [Fact]
    public async Task Changes_are_refused_while_a_logical_cluster_or_the_cluster_restarts()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await Cluster(h, "lc-restart");
        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        var lc = (await List(h, id))[0]!;
        var path = Lcs(h, id) + "/" + (string)lc["logical_cluster_id"]!;
        var rings = lc["cluster_rings"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync(path + "/restart", "")).StatusCode);
        Assert.Equal("Restarting", (string?)(await List(h, id))[0]!["status"]);
        var edit = await Put(h, path, EditBody(rings[0]!));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Contains("restarting", (string?)(await Json(edit))["error_msg"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await h.PostAsync(path + "/restart", "")).StatusCode);
        h.Clock.Advance(LogicalClusterRoutes.RestartDuration);

        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync($"/v1.0/{h.Project}/clusters/{id}/restart", """{"restart":{}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(h, path, EditBody(rings[0]!))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(h, Lcs(h, id) + "/enable", """{"enable":true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await h.PostAsync($"/v1.0/{h.Project}/clusters/{id}/cns/batch-create", """{"num":4}""")).StatusCode);
        Assert.False((bool)(await Json(await h.GetAsync(Lcs(h, id))))["add_enable"]!);
        h.Clock.Advance(h.Options.Durations.ClusterRestart);
        Assert.Equal(HttpStatusCode.OK, (await Put(h, Lcs(h, id) + "/enable", """{"enable":false}""")).StatusCode);
    }

    [Fact]
    public async Task A_failed_edit_gives_the_rings_back()
    {
        await using var h = await EmulatorHost.StartAsync();
        var id = await Cluster(h, "lc-fail");
        await h.PostAsync($"/v2/{h.Project}/clusters/{id}/convert-to-logical-cluster/base", "");
        h.Clock.Advance(LogicalClusterRoutes.CreateDuration);
        var lc = (await List(h, id))[0]!;
        await h.PostAsync("/_emulator/jobs/fail-next", """{"kind":"edit-logical","failed_code":"DWS.9999","failed_detail":"disk check failed"}""");
        await Put(h, Lcs(h, id) + "/" + (string)lc["logical_cluster_id"]!, EditBody(lc["cluster_rings"]![0]!));
        h.Clock.Advance(LogicalClusterRoutes.EditDuration);
        lc = (await List(h, id))[0]!;
        Assert.Equal(("failed", 2), ((string)lc["action_info"]!["result"]!, lc["cluster_rings"]!.AsArray().Count));
        Assert.Contains("disk check failed", (string?)lc["action_info"]!["logs"]);
    }
}
