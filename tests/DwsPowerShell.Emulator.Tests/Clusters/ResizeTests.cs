using DwsPowerShell.Emulator.Areas.Clusters;
using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Clusters;

public sealed class ResizeTests
{
    private static string C(EmulatorHost host, string id, string rest, string version = "v2") => $"/{version}/{host.Project}/clusters/{id}/{rest}";

    /// <summary>A cluster with <paramref name="idle"/> idle nodes (5.2.27 create_node_only).</summary>
    private static async Task<string> ClusterWithIdleNodes(EmulatorHost host, string name, int idle = 3)
    {
        var id = await host.CreateClusterAsync(name);
        var r = await host.PostAsync(C(host, id, "resize", "v1.0"), $$$"""{"scale_out":{"count":{{{idle}}}},"create_node_only":true}""");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        return id;
    }

    private static Task<HttpResponseMessage> ScaleOutIdle(EmulatorHost host, string id, int count, bool auto, string mode = "offLine", int jobs = 4) =>
        host.PostAsync(C(host, id, "resize-with-existed-nodes"),
            $$$"""{"scale_out":{"count":{{{count}}}},"expand_with_existed_node":true,"auto_redistribute":{{{(auto ? "true" : "false")}}},"redis_conf":{"redis_mode":"{{{mode}}}","parallel_jobs":{{{jobs}}}}}""");

    private static async Task<JsonNode> Redistribution(EmulatorHost host, string id, string query = "") =>
        await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "redistribution") + query));

    private static async Task<string> ErrorCode(HttpResponseMessage r) => (string)(await EmulatorHost.ReadJsonAsync(r))["error_code"]!;

    [Fact]
    public async Task Idle_node_scale_out_without_auto_redistribution_waits_then_redistributes_with_suspend_and_resume()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await ClusterWithIdleNodes(host, "dws-idle");
        Assert.Equal(3, (await host.GetClusterAsync(id))["nodes"]!.AsArray().Count(n => (string?)n!["status"] == "199"));

        var wrongCount = await ScaleOutIdle(host, id, 6, auto: false);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCount.StatusCode);
        Assert.Equal("DWS.5047", await ErrorCode(wrongCount));
        Assert.Equal(HttpStatusCode.BadRequest, (await ScaleOutIdle(host, id, 3, auto: false, mode: "offline")).StatusCode); // 5.2.22 casing is offLine
        Assert.Equal(HttpStatusCode.BadRequest, (await ScaleOutIdle(host, id, 3, auto: false, jobs: 201)).StatusCode);

        var accepted = await ScaleOutIdle(host, id, 3, auto: false, jobs: 200);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("{}", await accepted.Content.ReadAsStringAsync());
        Assert.Equal("GROWING", (string?)(await host.GetClusterAsync(id))["task_status"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "redistribution"), """{"redis_mode":"online","parallel_jobs":3}""")).StatusCode);

        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        var waiting = await host.GetClusterAsync(id);
        Assert.Equal("WAITING_REDISTRIBUTION", (string?)waiting["task_status"]);
        Assert.Equal(6, (int)waiting["number_of_node"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "restart", "v1.0"), """{"restart":{}}""")).StatusCode);
        Assert.Equal("WAITING_REDISTRIBUTION", (string?)(await Redistribution(host, id))["redis_info"]!["status"]);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "redistribution"), """{"redis_mode":"onLine","parallel_jobs":3}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "redistribution"), """{"redis_mode":"online","parallel_jobs":33}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "redistribution/recovery"), "")).StatusCode);
        var delivered = await host.PostAsync(C(host, id, "redistribution"), """{"redis_mode":"online","parallel_jobs":3}""");
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("REDISTRIBUTING", (string?)(await host.GetClusterAsync(id))["task_status"]);

        host.Clock.Advance(host.Options.Durations.ClusterRedistribute / 4);
        var details = await Redistribution(host, id);
        Assert.Equal("DWS.0000", (string?)details["error_code"]);
        Assert.True((bool)details["pause_enable"]!);
        Assert.Equal("online", (string?)details["redis_info"]!["redis_conf"]!["redis_mode"]);
        Assert.Equal(3, (int)details["redis_info"]!["redis_conf"]!["parallelJobs"]!);
        Assert.True(details["redis_info"]!["redis_conf"]!["schedule_conf"]!.AsObject().ContainsKey("scheduleStart"));
        Assert.Equal(25, (int)details["redis_info"]!["redis_process"]!["total_progress"]!);
        Assert.EndsWith(" KB/s", (string?)details["redis_info"]!["redis_process"]!["redis_rate"]);

        var suspended = await EmulatorHost.ReadJsonAsync(await host.PostAsync(C(host, id, "redistribution/suspend"), ""));
        Assert.Equal("DWS.0000", (string?)suspended["errCode"]);
        Assert.Null(suspended["retCode"]);
        Assert.Equal("REDISTRIBUTION_PAUSED", (string?)(await host.GetClusterAsync(id))["task_status"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "redistribution/suspend"), "")).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterRedistribute);
        var paused = await Redistribution(host, id);
        Assert.Equal(25, (int)paused["redis_info"]!["redis_process"]!["total_progress"]!);
        Assert.True((bool)paused["recover_enable"]!);
        Assert.True((bool)paused["redis_info"]!["redis_process"]!["pause_by_user"]!);
        Assert.Equal("0 KB/s", (string?)paused["redis_info"]!["redis_process"]!["redis_rate"]);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(C(host, id, "redistribution/recovery"), "")).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterRedistribute / 4);
        Assert.Equal(50, (int)(await Redistribution(host, id))["redis_info"]!["redis_process"]!["total_progress"]!);
        host.Clock.Advance(host.Options.Durations.ClusterRedistribute);
        var done = await host.GetClusterAsync(id);
        Assert.Null(done["task_status"]);
        var final = await Redistribution(host, id);
        Assert.Equal("COMPLETED", (string?)final["redis_info"]!["status"]);
        Assert.True((bool)final["redis_info"]!["redis_process"]!["completed"]!);
        Assert.Equal([3], (await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "shrink-numbers", "v1.0"))))["shrink_sequence"]!.AsArray().Select(n => (int)n!));
    }

    [Fact]
    public async Task Auto_redistribution_follows_the_scale_out_on_the_clock_and_tables_page()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await ClusterWithIdleNodes(host, "dws-auto");
        Assert.Equal("", (string?)(await Redistribution(host, id))["redis_info"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await ScaleOutIdle(host, id, 3, auto: true)).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut + host.Options.Durations.ClusterRedistribute / 2);
        Assert.Equal("REDISTRIBUTING", (string?)(await host.GetClusterAsync(id))["task_status"]);
        var page = await Redistribution(host, id, "?limit=5&offset=10");
        var detail = page["redis_info"]!["redis_table_detail"]!;
        Assert.Equal(12, (int)detail["total"]!);
        Assert.Equal(2, detail["data"]!.AsArray().Count);
        var done = await Redistribution(host, id, "?type=y&limit=100");
        Assert.Equal(6, (int)done["redis_info"]!["redis_table_detail"]!["total"]!);
        Assert.Equal(0, (int)(await Redistribution(host, id, "?db_name=other"))["redis_info"]!["redis_table_detail"]!["total"]!);
        host.Clock.Advance(host.Options.Durations.ClusterRedistribute);
        Assert.Null((await host.GetClusterAsync(id))["task_status"]);
    }

    [Fact]
    public async Task Grow_check_returns_a_pass_flag_per_item()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-grow");
        var ok = await EmulatorHost.ReadJsonAsync(await host.PostAsync(C(host, id, "grow-check"), """{"scale_out":{"count":3}}"""));
        Assert.All(ok["data"]!.AsArray(), i => Assert.True((bool)i!["pass"]!));
        Assert.Contains(ok["data"]!.AsArray(), i => (string?)i!["type"] == "node_count");
        var idle = await EmulatorHost.ReadJsonAsync(await host.PostAsync(C(host, id, "grow-check"), """{"scale_out":{"count":3},"expand_with_existed_node":true}"""));
        var item = idle["data"]!.AsArray().Single(i => (string?)i!["type"] == "idle_nodes")!;
        Assert.False((bool)item["pass"]!);
        Assert.Contains("no idle nodes", (string?)item["reason"]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostAsync(C(host, "nope", "grow-check"), "{}")).StatusCode);
    }

    [Fact]
    public async Task Disk_expansion_checks_the_range_moves_through_DISK_EXPANDING_and_updates_the_size()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-disk"); // dwsk2.xlarge: 100 GB per node
        var range = await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "storage-expand-range", "v1")));
        Assert.Equal((100, 2000, 100), ((int)range["min_size"]!, (int)range["max_size"]!, (int)range["current_size"]!));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(C(host, id, "check-instance-storage", "v1"), """{"new_size":300}""")).StatusCode);
        foreach (var bad in new[] { 100, 150, 2100 })
        {
            var refused = await host.PostAsync(C(host, id, "check-instance-storage", "v1"), $$"""{"new_size":{{bad}}}""");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("DWS.5038", await ErrorCode(refused));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "expand-instance-storage", "v1.0"), "{}")).StatusCode);
        var expand = await host.PostAsync(C(host, id, "expand-instance-storage", "v1.0"), """{"new_size":300}""");
        Assert.Equal(HttpStatusCode.OK, expand.StatusCode);
        Assert.Equal("", await expand.Content.ReadAsStringAsync());
        Assert.Equal("DISK_EXPANDING", (string?)(await host.GetClusterAsync(id))["task_status"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "check-instance-storage", "v1"), """{"new_size":400}""")).StatusCode);
        host.Clock.Advance(host.Options.Durations.DiskExpand);
        var cluster = await host.GetClusterAsync(id);
        Assert.Null(cluster["task_status"]);
        Assert.Equal("300", (string?)cluster["flavor_detail"]!["volume_size"]);
        Assert.Equal(300, (int)(await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "storage-expand-range", "v1"))))["current_size"]!);
        var usage = await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "volume", "v1")));
        Assert.Equal(2, (int)usage["duplicate"]!);
        Assert.Equal(3, usage["disk_info_list"]!.AsArray().Count);
        Assert.All(usage["disk_info_list"]!.AsArray(), n => Assert.Equal(300m, (decimal)n!["disk_capacity"]!));
    }

    [Fact]
    public async Task Disk_expansion_and_flavor_change_are_refused_while_the_cluster_restarts()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-busy");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(C(host, id, "restart", "v1.0"), """{"restart":{}}""")).StatusCode);
        var disk = await host.PostAsync(C(host, id, "expand-instance-storage", "v1.0"), """{"new_size":200}""");
        Assert.Equal(HttpStatusCode.BadRequest, disk.StatusCode);
        Assert.Contains("REBOOTING", (string?)(await EmulatorHost.ReadJsonAsync(disk))["error_msg"]);
        var flavor = await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "flavor")));
        var targets = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1/{host.Project}/flavors/{flavor["flavor"]!["id"]}/target-flavors"));
        var other = targets["flavors"]!.AsArray().First(f => !(bool)f!["is_current_flavor"]!)!["id"]!.GetValue<string>();
        var change = await host.PostAsync(C(host, id, "flavor", "v1"), $$"""{"target_flavor_id":"{{other}}","force_backup":false}""");
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal("DWS.0016", await ErrorCode(change));
    }

    [Fact]
    public async Task Flavor_details_targets_and_change_by_job()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-flavor");
        var flavor = (await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, "flavor"))))["flavor"]!;
        Assert.Equal("dwsk2.xlarge", (string?)flavor["spec_name"]);
        Assert.Equal(3, (int)flavor["current_node"]!);
        Assert.Equal("4", (string?)flavor["attribute"]!.AsArray().Single(a => (string?)a!["code"] == "cpuNum")!["value"]);
        var flavorId = (string)flavor["id"]!;

        var all = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1/{host.Project}/flavors/{flavorId}/target-flavors"));
        Assert.Equal(4, (int)all["count"]!);
        Assert.Single(all["flavors"]!.AsArray(), f => (bool)f!["is_current_flavor"]!);
        var page = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1/{host.Project}/flavors/{flavorId}/target-flavors?limit=3&offset=3"));
        Assert.Single(page["flavors"]!.AsArray());
        Assert.Equal(4, (int)page["count"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/v1/{host.Project}/flavors/no-such/target-flavors")).StatusCode);

        var target = all["flavors"]!.AsArray().First(f => (string?)f!["name"] == "dws2.m6.4xlarge.8")!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "flavor", "v1"), $$"""{"target_flavor_id":"{{target}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(C(host, id, "flavor", "v1"), $$"""{"target_flavor_id":"{{flavorId}}","force_backup":false}""")).StatusCode);
        var answer = await EmulatorHost.ReadJsonAsync(await host.PostAsync(C(host, id, "flavor", "v1"), $$"""{"target_flavor_id":"{{target}}","force_backup":true}"""));
        Assert.Equal("DWS.0000", (string?)answer["error_code"]);
        var jobId = (string)answer["job_id"]!;
        Assert.Equal("RUNNING", (string?)(await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/job/{jobId}")))["status"]);
        host.Clock.Advance(host.Options.Durations.FlavorChange);
        Assert.Equal("SUCCESS", (string?)(await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/job/{jobId}")))["status"]);
        Assert.Equal("dws2.m6.4xlarge.8", (string?)(await host.GetClusterAsync(id))["node_type"]);
    }

    [Fact]
    public async Task Shrink_check_answers_is_passed_per_item()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-shrinkcheck");
        async Task<bool> Check(int n, string item) =>
            (bool)(await EmulatorHost.ReadJsonAsync(await host.GetAsync(C(host, id, $"shrink-check?shrink_count={n}&check_item={item}", "v1"))))["is_passed"]!;
        Assert.True(await Check(3, "guc"));
        Assert.False(await Check(3, "disk"));
        await host.PostAsync(C(host, id, "resize", "v1.0"), """{"scale_out":{"count":3}}""");
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        Assert.True(await Check(3, "disk"));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync(C(host, id, "shrink-check?shrink_count=3&check_item=cpu", "v1"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync(C(host, id, "shrink-check?check_item=disk", "v1"))).StatusCode);
    }

    [Fact]
    public async Task Redistribution_state_survives_save_and_load()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dws-resize-{Guid.NewGuid():N}.json");
        try
        {
            await using var host = await EmulatorHost.StartAsync();
            var id = await ClusterWithIdleNodes(host, "dws-save");
            await ScaleOutIdle(host, id, 3, auto: false);
            host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
            host.State.Save(file);
            host.State.Reset();
            host.State.Load(file);
            Assert.Equal("WAITING_REDISTRIBUTION", (string?)(await host.GetClusterAsync(id))["task_status"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_flavor_change_for_a_cluster_of_an_unknown_node_type_is_refused_not_a_server_failure()
    {
        // A cluster kept in a state file may name a node type this emulator does not offer.
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-oldtype");
        host.Clock.Advance(host.Options.Durations.ClusterCreate);
        lock (host.State.Gate) host.State.Clusters[id].NodeType = "dws.m3.xlarge";
        var change = await host.PostAsync(C(host, id, "flavor", "v1"), """{"target_flavor_id":"2d6b2b1e-6a3c-4c5c-9a26-0b4d1c2f3a01","force_backup":false}""");
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal("DWS.5006", await ErrorCode(change));
    }
}
