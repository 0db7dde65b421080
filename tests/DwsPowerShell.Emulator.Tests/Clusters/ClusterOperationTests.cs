using System.Net;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Clusters;

public sealed class ClusterOperationTests
{
    private const string ShrinkBody = """{"shrink_number":N,"online":false,"type":"dws","force_backup":true,"need_agency":false}""";

    private static Task<HttpResponseMessage> Restart(EmulatorHost host, string id) =>
        host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/restart", """{"restart":{}}""");

    private static Task<HttpResponseMessage> ScaleOut(EmulatorHost host, string id, int count) =>
        host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/resize", $$$"""{"scale_out":{"count":{{{count}}}}}""");

    private static Task<HttpResponseMessage> Shrink(EmulatorHost host, string id, int n) =>
        host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/cluster-shrink", ShrinkBody.Replace("N", n.ToString()));

    private static async Task<List<int>> ShrinkNumbers(EmulatorHost host, string id)
    {
        var body = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/clusters/{id}/shrink-numbers"));
        return body["shrink_sequence"]!.AsArray().Select(n => (int)n!).ToList();
    }

    [Fact]
    public async Task Restart_sets_rebooting_blocks_further_work_then_returns()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-restart");

        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/restart", "{}")).StatusCode);
        var first = await Restart(host, id);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("", await first.Content.ReadAsStringAsync());
        var cluster = await host.GetClusterAsync(id);
        Assert.Equal("REBOOTING", (string?)cluster["task_status"]);
        Assert.Equal("0%", (string?)cluster["action_progress"]!["REBOOTING"]);

        var again = await Restart(host, id);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("REBOOTING", (string?)(await EmulatorHost.ReadJsonAsync(again))["error_msg"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await ScaleOut(host, id, 3)).StatusCode);

        host.Clock.Advance(host.Options.Durations.ClusterRestart);
        cluster = await host.GetClusterAsync(id);
        Assert.Null(cluster["task_status"]);
        Assert.Empty(cluster["action_progress"]!.AsObject());
        Assert.Equal(HttpStatusCode.OK, (await Restart(host, id)).StatusCode);
    }

    [Fact]
    public async Task Scale_outs_are_rings_and_shrink_undoes_them_in_reverse_order()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-rings");
        Assert.Empty(await ShrinkNumbers(host, id));

        Assert.Equal(HttpStatusCode.OK, (await ScaleOut(host, id, 3)).StatusCode);
        var growing = await host.GetClusterAsync(id);
        Assert.Equal("GROWING", (string?)growing["task_status"]);
        Assert.Equal("6", (string?)growing["resize_info"]!["target_node_num"]);
        Assert.Equal(3, (int)growing["resize_info"]!["origin_node_num"]!);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        Assert.Equal(HttpStatusCode.OK, (await ScaleOut(host, id, 4)).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        Assert.Equal(10, (int)(await host.GetClusterAsync(id))["number_of_node"]!);

        Assert.Equal([4, 7], await ShrinkNumbers(host, id));
        var refused = await Shrink(host, id, 3);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("4, 7", (string?)(await EmulatorHost.ReadJsonAsync(refused))["error_msg"]);

        var accepted = await Shrink(host, id, 4);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", (string?)(await EmulatorHost.ReadJsonAsync(accepted))["job_id"]);
        Assert.Equal("CLUSTER_SHRINKING", (string?)(await host.GetClusterAsync(id))["task_status"]);
        host.Clock.Advance(host.Options.Durations.ClusterShrink);
        Assert.Equal(6, (int)(await host.GetClusterAsync(id))["number_of_node"]!);
        Assert.Equal([3], await ShrinkNumbers(host, id));

        Assert.Equal(HttpStatusCode.Accepted, (await Shrink(host, id, 3)).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterShrink);
        Assert.Equal(3, (int)(await host.GetClusterAsync(id))["number_of_node"]!);
        Assert.Empty(await ShrinkNumbers(host, id));
        Assert.Equal(HttpStatusCode.BadRequest, (await Shrink(host, id, 3)).StatusCode);
    }

    [Fact]
    public async Task Shrink_can_answer_200_with_DWS_0000_per_the_english_page()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.ShrinkAnswer = ShrinkAnswer.Status200);
        var id = await host.CreateClusterAsync("dws-shrink200");
        await ScaleOut(host, id, 3);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);

        var response = await Shrink(host, id, 3);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal("DWS.0000", (string?)body["error_code"]);
        Assert.Null(body["job_id"]);
        Assert.Empty(host.State.Jobs);
        host.Clock.Advance(host.Options.Durations.ClusterShrink / 4);
        Assert.Equal("25%", (string?)(await host.GetClusterAsync(id))["action_progress"]!["CLUSTER_SHRINKING"]);
    }

    private static Task<HttpResponseMessage> ShrinkWith(EmulatorHost host, string id, string options) =>
        host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/cluster-shrink", """{"shrink_number":3,"online":false,"type":"dws",""" + options + "}");

    private static async Task<string> ScaledOutClusterAsync(EmulatorHost host, string name)
    {
        var id = await host.CreateClusterAsync(name);
        await ScaleOut(host, id, 3);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        return id;
    }

    [Fact]
    public async Task Shrink_requires_force_backup_and_need_agency_and_backs_up_when_asked()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await ScaledOutClusterAsync(host, "dws-shrink-backup");
        Assert.Equal(HttpStatusCode.BadRequest, (await ShrinkWith(host, id, "\"need_agency\":false")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ShrinkWith(host, id, "\"force_backup\":false")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ShrinkWith(host, id, "\"force_backup\":\"yes\",\"need_agency\":false")).StatusCode);
        Assert.Empty(host.State.Snapshots);

        Assert.Equal(HttpStatusCode.Accepted, (await ShrinkWith(host, id, "\"force_backup\":true,\"need_agency\":true")).StatusCode);
        var backup = Assert.Single(host.State.Snapshots.Values);
        Assert.Equal(id, (string?)backup["ClusterId"]);
        Assert.StartsWith("dws-shrink-backup-before-scale-in-", (string?)backup["Name"]);
    }

    [Fact]
    public async Task Shrink_retry_runs_a_failed_scale_in_again_and_is_refused_without_one()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await ScaledOutClusterAsync(host, "dws-shrink-retry");
        const string Retry = "\"retry\":true,\"force_backup\":false,\"need_agency\":false";
        var nothingToRetry = await ShrinkWith(host, id, Retry);
        Assert.Equal(HttpStatusCode.BadRequest, nothingToRetry.StatusCode);
        Assert.Contains("no failed scale-in", (string?)(await EmulatorHost.ReadJsonAsync(nothingToRetry))["error_msg"]);

        host.State.FailNext("shrink", new JobFailure("ShrinkTask-fail:DWS.0005", "DWS.0005:injected"));
        Assert.Equal(HttpStatusCode.Accepted, (await Shrink(host, id, 3)).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterShrink);
        Assert.Equal("CLUSTER_SHRINK_FAILED", (string?)(await host.GetClusterAsync(id))["task_status"]);

        Assert.Equal(HttpStatusCode.Accepted, (await ShrinkWith(host, id, Retry)).StatusCode);
        host.Clock.Advance(host.Options.Durations.ClusterShrink);
        var cluster = await host.GetClusterAsync(id);
        Assert.Null(cluster["task_status"]);
        Assert.Equal(3, (int)cluster["number_of_node"]!);
    }

    [Theory]
    [InlineData(ShrinkAnswer.Status200)]
    [InlineData(ShrinkAnswer.Job202)]
    public async Task Shrink_refused_by_the_service_answers_200_with_its_code_and_starts_nothing(ShrinkAnswer mode)
    {
        await using var host = await EmulatorHost.StartAsync(o => o.ShrinkAnswer = mode);
        var id = await ScaledOutClusterAsync(host, "dws-shrink-refused");
        host.State.FailNext("shrink-answer", new JobFailure("DWS.0016", "The cluster is being backed up; scale in later."));
        var response = await Shrink(host, id, 3);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(("DWS.0016", "The cluster is being backed up; scale in later."), ((string?)body["error_code"], (string?)body["error_msg"]));
        Assert.Null(body["job_id"]);
        var cluster = await host.GetClusterAsync(id);
        Assert.Null(cluster["task_status"]);
        Assert.Equal(6, (int)cluster["number_of_node"]!);
        Assert.DoesNotContain(host.State.Jobs.Values, j => j.Kind == "shrink");
        Assert.Equal(mode == ShrinkAnswer.Job202 ? HttpStatusCode.Accepted : HttpStatusCode.OK, (await Shrink(host, id, 3)).StatusCode); // only the next one
    }

    [Fact]
    public async Task Scale_out_with_create_node_only_adds_idle_nodes_that_the_idle_node_scale_out_uses()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-idle-nodes");
        var create = await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/resize", """{"scale_out":{"count":3},"create_node_only":true}""");
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal("CREATING_NODE", (string?)(await host.GetClusterAsync(id))["task_status"]);
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        var cluster = await host.GetClusterAsync(id);
        Assert.Equal(3, (int)cluster["number_of_node"]!);
        Assert.Empty(await ShrinkNumbers(host, id)); // idle nodes are not a scale-out to undo
        var use = await host.PostAsync($"/v2/{host.Project}/clusters/{id}/resize-with-existed-nodes", """{"scale_out":{"count":3},"expand_with_existed_node":true,"auto_redistribute":false}""");
        Assert.Equal(HttpStatusCode.OK, use.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/resize", """{"scale_out":{"count":3},"create_node_only":"yes"}""")).StatusCode);
    }

    [Fact]
    public async Task Stop_and_start_answer_job_ids_and_move_the_status()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-stop");
        var stop = await EmulatorHost.ReadJsonAsync(await host.PostAsync($"/v1/{host.Project}/clusters/{id}/stop", ""));
        Assert.Null(stop["error_code"]);
        Assert.NotNull((string?)stop["job_id"]);
        Assert.Equal("STOPING", (string?)(await host.GetClusterAsync(id))["status"]); // 5.2.6 spelling
        host.Clock.Advance(host.Options.Durations.ClusterStop);
        Assert.Equal("STOPPED", (string?)(await host.GetClusterAsync(id))["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await Restart(host, id)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/v1/{host.Project}/clusters/{id}/start", "")).StatusCode);
        Assert.Equal("STARTING", (string?)(await host.GetClusterAsync(id))["status"]);
        host.Clock.Advance(host.Options.Durations.ClusterStart);
        Assert.Equal("AVAILABLE", (string?)(await host.GetClusterAsync(id))["status"]);
    }
}
