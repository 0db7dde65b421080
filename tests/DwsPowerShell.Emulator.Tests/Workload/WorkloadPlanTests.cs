using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Workload;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Workload;

public sealed class WorkloadPlanTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private string _cluster = "";

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync();
        _cluster = await _host.CreateClusterAsync("dws-workload");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Plans => $"/v2/{_host.Project}/clusters/{_cluster}/workload/plans";

    // The 5.7.25 example body.
    private static string StageBody(string name, string month = "6", string day = "1,2", string start = "00:00:00") => $$$"""
        {"workload_plan_stage":{"day":"{{{day}}}","month":"{{{month}}}","stage_name":"{{{name}}}","start_time":"{{{start}}}","end_time":"00:00:00",
         "queue_list":[{"queue_name":"pool1","queue_resources":[
          {"resource_name":"cpu","resource_value":20,"value_unit":null,"resource_description":null},
          {"resource_name":"cpu_limit","resource_value":0,"value_unit":null,"resource_description":null},
          {"resource_name":"memory","resource_value":0,"value_unit":null,"resource_description":null},
          {"resource_name":"concurrency","resource_value":10,"value_unit":null,"resource_description":null},
          {"resource_name":"shortQueryConcurrencyNum","resource_value":-1,"value_unit":null,"resource_description":null}]}]}}
        """;

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await EmulatorHost.ReadJsonAsync(response)).AsObject();
        Assert.Equal(0, (int)body["workload_res_code"]!);
        return body;
    }

    private static async Task<string> BusinessFailureAsync(HttpResponseMessage response, int code)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (int)body["workload_res_code"]!);
        var text = (string?)body["workload_res_str"];
        Assert.False(string.IsNullOrWhiteSpace(text));
        return text!;
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body["error_code"]);
        Assert.Null(body["workload_res_code"]);
    }

    private async Task<string> CreatePlanAsync(string name)
    {
        var body = await OkAsync(await _host.PostAsync(Plans, $$"""{"plan_name":"{{name}}"}"""));
        Assert.Equal("success added workload plan", (string?)body["workload_res_str"]);
        var list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync(Plans));
        return (string)list["plan_list"]!.AsArray().Single(p => (string?)p!["plan_name"] == name)!["plan_id"]!;
    }

    private async Task<string> AddStageAsync(string planId, string name)
    {
        var body = await OkAsync(await _host.PostAsync($"{Plans}/{planId}/stages", StageBody(name)));
        Assert.Equal("", (string?)body["workload_res_str"]);
        var plan = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{Plans}/{planId}"));
        return (string)plan["workload_plan"]!["stage_list"]!.AsArray().Single(s => (string?)s!["stage_name"] == name)!["stage_id"]!;
    }

    private async Task<JsonNode> GetPlanAsync(string planId) =>
        (await OkAsync(await _host.GetAsync($"{Plans}/{planId}")))["workload_plan"]!;

    [Fact]
    public async Task Create_answers_only_the_result_code_and_the_list_finds_the_plan()
    {
        var response = await _host.PostAsync(Plans, """{"plan_name":"test2"}""");

        var body = await OkAsync(response);
        // 5.7.18 example: no id (quirks 2.4).
        Assert.Equal(["workload_res_code", "workload_res_str"], body.Select(p => p.Key));
        Assert.Equal("success added workload plan", (string?)body["workload_res_str"]);

        var list = await OkAsync(await _host.GetAsync(Plans));
        Assert.Equal(1, (int)list["count"]!);
        var plan = Assert.Single(list["plan_list"]!.AsArray())!.AsObject();
        // 5.7.19 table 5-462.
        string[] fields = ["status", "project_id", "cluster_id", "plan_id", "plan_name", "current_stage", "logical_cluster_name", "stage_list"];
        Assert.Equal(fields.Order(), plan.Select(p => p.Key).Order());
        Assert.Equal(0, (int)plan["status"]!);
        Assert.Equal(_host.Project, (string?)plan["project_id"]);
        Assert.Equal(_cluster, (string?)plan["cluster_id"]);
        Assert.Equal("test2", (string?)plan["plan_name"]);
        Assert.True(Guid.TryParse((string?)plan["plan_id"], out _));
        Assert.Null(plan["current_stage"]);
        Assert.Null(plan["logical_cluster_name"]);
        Assert.Null(plan["stage_list"]);
    }

    [Fact]
    public async Task Full_lifecycle_create_stage_start_switch_stop_delete()
    {
        var planId = await CreatePlanAsync("plan1");
        var stage1 = await AddStageAsync(planId, "stage1");
        var stage2 = await AddStageAsync(planId, "stage2");

        var started = await OkAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""));
        Assert.Equal("success started workload plan", (string?)started["workload_res_str"]);
        var running = await GetPlanAsync(planId);
        Assert.Equal(1, (int)running["status"]!);
        Assert.Equal("stage1", (string?)running["current_stage"]);

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var switched = await OkAsync(await _host.PostAsync($"{Plans}/{planId}/stage-switch", $$"""{"stage_id":"{{stage2}}"}"""));
        Assert.Equal("", (string?)switched["workload_res_str"]);
        Assert.Equal("stage2", (string?)(await GetPlanAsync(planId))["current_stage"]);

        var logs = await OkAsync(await _host.GetAsync($"{Plans}/{planId}/logs"));
        var entries = logs["plan_logs"]!.AsArray();
        Assert.Equal(entries.Count, (int)logs["count"]!);
        var last = entries[^1]!.AsObject();
        // 5.7.21 table 5-471.
        Assert.Equal(["exec_time", "stage_info", "exec_result", "exec_log"], last.Select(p => p.Key));
        Assert.Equal("stage2", (string?)last["stage_info"]);
        Assert.Equal(0, (int)last["exec_result"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string?)last["exec_time"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00 UTC \|INFO\| start change stage\.$", (string?)last["exec_log"]);
        Assert.Contains(entries, e => (string?)e!["stage_info"] == "stage1");

        var stopped = await OkAsync(await _host.PostAsync($"{Plans}/{planId}/stop", ""));
        Assert.Equal("success stopped workload plan", (string?)stopped["workload_res_str"]);
        var idle = await GetPlanAsync(planId);
        Assert.Equal(0, (int)idle["status"]!);
        Assert.Null(idle["current_stage"]);

        var deleted = await OkAsync(await _host.Client.DeleteAsync($"{Plans}/{planId}"));
        Assert.Equal("success deleted workload plan", (string?)deleted["workload_res_str"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.GetAsync($"{Plans}/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.GetAsync($"{Plans}/{planId}/stages/{stage1}")).StatusCode);
        Assert.Empty(_host.State.Stages);
        Assert.Equal(0, (int)(await OkAsync(await _host.GetAsync(Plans)))["count"]!);
    }

    [Fact]
    public async Task Get_plan_and_stage_have_the_reference_fields()
    {
        var planId = await CreatePlanAsync("plan_fields");
        var stageId = await AddStageAsync(planId, "stage1");

        var plan = await GetPlanAsync(planId);
        var stage = Assert.Single(plan["stage_list"]!.AsArray())!.AsObject();
        var detail = (await OkAsync(await _host.GetAsync($"{Plans}/{planId}/stages/{stageId}")))["workload_plan_stage"]!.AsObject();

        // 5.7.26 table 5-490 (the same PlanStage as in 5.7.22).
        string[] fields = ["month", "day", "plan_id", "stage_id", "stage_name", "start_time", "end_time", "next_valid_time", "queue_list"];
        Assert.Equal(fields.Order(), detail.Select(p => p.Key).Order());
        Assert.Equal(detail.ToJsonString(), stage.ToJsonString());
        Assert.Equal("6", (string?)detail["month"]);
        Assert.Equal("1,2", (string?)detail["day"]);
        Assert.Equal(planId, (string?)detail["plan_id"]);
        Assert.Equal("00:00:00", (string?)detail["start_time"]);
        Assert.Matches(@"^\d{4}-06-0[12] 00:00:00$", (string?)detail["next_valid_time"]);
        var queue = Assert.Single(detail["queue_list"]!.AsArray())!;
        Assert.Equal("pool1", (string?)queue["queue_name"]);
        var resources = queue["queue_resources"]!.AsArray();
        Assert.Equal(["cpu", "cpu_limit", "memory", "concurrency", "shortQueryConcurrencyNum"], resources.Select(r => (string)r!["resource_name"]!));
        Assert.Equal([20, 0, 0, 10, -1], resources.Select(r => (int)r!["resource_value"]!));
        Assert.Equal(["resource_name", "resource_value", "value_unit", "resource_description"], resources[0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Next_valid_time_follows_the_clock()
    {
        var planId = await CreatePlanAsync("plan_next");
        var now = _host.Clock.UtcNow.UtcDateTime;
        var month = now.Month;
        var day = now.AddDays(1).Month == month ? now.Day + 1 : now.Day;
        await OkAsync(await _host.PostAsync($"{Plans}/{planId}/stages", StageBody("tomorrow", month.ToString(), day.ToString(), "23:59:59")));

        var stage = (await GetPlanAsync(planId))["stage_list"]![0]!;
        var expected = new DateTime(now.Year, month, day, 23, 59, 59, DateTimeKind.Utc);
        if (expected < now) expected = expected.AddYears(1);
        Assert.Equal(expected.ToString("yyyy-MM-dd HH:mm:ss"), (string?)stage["next_valid_time"]);
    }

    [Fact]
    public async Task Modify_stage_replaces_it_and_accepts_resource_item_list_and_misspelled_description()
    {
        var planId = await CreatePlanAsync("plan_modify");
        var stageId = await AddStageAsync(planId, "stage1");
        // 5.7.28: schema name resource_item_list and the example's resoruceDescription spelling.
        var body = """
            {"workload_plan_stage":{"day":"15","month":"1,7","stage_name":"renamed","start_time":"08:30:00",
             "queue_list":[{"queue_name":"pool2","resource_item_list":[
              {"resource_name":"memory","resource_value":40,"value_unit":"%","resoruceDescription":"Workload Queue Memory Percent"}]}]}}
            """;

        var modified = await OkAsync(await _host.Client.PutAsync($"{Plans}/{planId}/stages/{stageId}", EmulatorHost.JsonBody(body)));
        Assert.Equal("", (string?)modified["workload_res_str"]);

        var stage = (await OkAsync(await _host.GetAsync($"{Plans}/{planId}/stages/{stageId}")))["workload_plan_stage"]!;
        Assert.Equal("renamed", (string?)stage["stage_name"]);
        Assert.Equal("1,7", (string?)stage["month"]);
        Assert.Equal("15", (string?)stage["day"]);
        Assert.Equal("08:30:00", (string?)stage["start_time"]);
        Assert.Null(stage["end_time"]);
        var queue = Assert.Single(stage["queue_list"]!.AsArray())!;
        Assert.Equal("pool2", (string?)queue["queue_name"]);
        var resource = Assert.Single(queue["queue_resources"]!.AsArray())!;
        Assert.Equal("memory", (string?)resource["resource_name"]);
        Assert.Equal(40, (int)resource["resource_value"]!);
        Assert.Equal("%", (string?)resource["value_unit"]);
        Assert.Equal("Workload Queue Memory Percent", (string?)resource["resource_description"]);
    }

    [Fact]
    public async Task Modify_stage_requires_every_mandatory_field()
    {
        var planId = await CreatePlanAsync("plan_partial");
        var stageId = await AddStageAsync(planId, "stage1");
        var partial = """{"workload_plan_stage":{"day":"1","month":"1","stage_name":"stage1","start_time":"00:00:00"}}""";
        await AssertErrorAsync(await _host.Client.PutAsync($"{Plans}/{planId}/stages/{stageId}", EmulatorHost.JsonBody(partial)),
            HttpStatusCode.BadRequest, "DWS.5037");
        Assert.Equal("6", (string?)(await OkAsync(await _host.GetAsync($"{Plans}/{planId}/stages/{stageId}")))["workload_plan_stage"]!["month"]);
    }

    [Fact]
    public async Task Delete_stage_answers_the_reference_text()
    {
        var planId = await CreatePlanAsync("plan_delstage");
        var stageId = await AddStageAsync(planId, "stage1");

        var deleted = await OkAsync(await _host.Client.DeleteAsync($"{Plans}/{planId}/stages/{stageId}"));

        Assert.Equal("success deleted workload plan stage", (string?)deleted["workload_res_str"]);
        Assert.Null((await GetPlanAsync(planId))["stage_list"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.DeleteAsync($"{Plans}/{planId}/stages/{stageId}")).StatusCode);
    }

    [Fact]
    public async Task Business_failures_are_non_zero_codes_in_a_200()
    {
        var planId = await CreatePlanAsync("plan_rules");

        Assert.Contains("already exists", await BusinessFailureAsync(await _host.PostAsync(Plans, """{"plan_name":"plan_rules"}"""), WorkloadRoutes.Codes.PlanNameExists));
        Assert.Contains("no stage", await BusinessFailureAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""), WorkloadRoutes.Codes.PlanHasNoStages));
        Assert.Contains("not running", await BusinessFailureAsync(await _host.PostAsync($"{Plans}/{planId}/stop", ""), WorkloadRoutes.Codes.PlanNotRunning));

        var stageId = await AddStageAsync(planId, "stage1");
        await BusinessFailureAsync(await _host.PostAsync($"{Plans}/{planId}/stages", StageBody("stage1")), WorkloadRoutes.Codes.StageNameExists);
        await BusinessFailureAsync(await _host.PostAsync($"{Plans}/{planId}/stage-switch", $$"""{"stage_id":"{{stageId}}"}"""), WorkloadRoutes.Codes.PlanNotRunning);

        await OkAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""));
        await BusinessFailureAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""), WorkloadRoutes.Codes.PlanRunning);
        Assert.Contains("running", await BusinessFailureAsync(await _host.Client.DeleteAsync($"{Plans}/{planId}"), WorkloadRoutes.Codes.PlanRunning));
        await BusinessFailureAsync(await _host.Client.DeleteAsync($"{Plans}/{planId}/stages/{stageId}"), WorkloadRoutes.Codes.StageInUse);

        // Nothing changed.
        var plan = await GetPlanAsync(planId);
        Assert.Equal(1, (int)plan["status"]!);
        Assert.Single(plan["stage_list"]!.AsArray());
        Assert.Single(_host.State.Plans);
    }

    [Theory]
    [InlineData("""{"plan_name":"ab"}""", "DWS.5056")]
    [InlineData("""{"plan_name":"a23456789012345678901234567890"}""", "DWS.5056")]
    [InlineData("""{"plan_name":"Plan1"}""", "DWS.5057")]
    [InlineData("""{"plan_name":"plan-1"}""", "DWS.5057")]
    [InlineData("""{"logical_cluster_name":"lc1"}""", "DWS.5037")]
    [InlineData("""{"plan_name":7}""", "DWS.5065")]
    public async Task Invalid_plan_requests_are_400(string body, string code)
    {
        await AssertErrorAsync(await _host.PostAsync(Plans, body), HttpStatusCode.BadRequest, code);
        Assert.Empty(_host.State.Plans);
    }

    [Theory]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"13","stage_name":"s1","start_time":"00:00:00"}}""", "DWS.5038")]
    [InlineData("""{"workload_plan_stage":{"day":"0","month":"1","stage_name":"s1","start_time":"00:00:00"}}""", "DWS.5038")]
    [InlineData("""{"workload_plan_stage":{"day":"1,1","month":"1","stage_name":"s1","start_time":"00:00:00"}}""", "DWS.5038")]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"1","stage_name":"s1","start_time":"24:00:00"}}""", "DWS.5065")]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"1","stage_name":"s1","start_time":"8:00"}}""", "DWS.5065")]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"1","start_time":"00:00:00"}}""", "DWS.5037")]
    [InlineData("""{"stage_name":"s1"}""", "DWS.5037")]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"1","stage_name":"s1","start_time":"00:00:00","queue_list":[{"queue_name":"q","queue_resources":[{"resource_name":"disk","resource_value":1}]}]}}""", "DWS.5038")]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"1","stage_name":"s1","start_time":"00:00:00","queue_list":[{"queue_name":"q","queue_resources":[{"resource_name":"cpu","resource_value":101}]}]}}""", "DWS.5038")]
    [InlineData("""{"workload_plan_stage":{"day":"1","month":"1","stage_name":"s1","start_time":"00:00:00","queue_list":[{"queue_name":"q"}]}}""", "DWS.5037")]
    public async Task Invalid_stage_requests_are_400(string body, string code)
    {
        var planId = await CreatePlanAsync("plan_badstage");
        await AssertErrorAsync(await _host.PostAsync($"{Plans}/{planId}/stages", body), HttpStatusCode.BadRequest, code);
        Assert.Empty(_host.State.Stages);
    }

    [Fact]
    public async Task Unknown_cluster_plan_and_stage_are_404()
    {
        var otherPlans = $"/v2/{_host.Project}/clusters/{Guid.NewGuid()}/workload/plans";
        await AssertErrorAsync(await _host.PostAsync(otherPlans, """{"plan_name":"plan1"}"""), HttpStatusCode.NotFound, "DWS.0001");
        await AssertErrorAsync(await _host.GetAsync(otherPlans), HttpStatusCode.NotFound, "DWS.0001");

        var unknown = Guid.NewGuid();
        await AssertErrorAsync(await _host.GetAsync($"{Plans}/{unknown}"), HttpStatusCode.NotFound, "DWS.0001");
        await AssertErrorAsync(await _host.PostAsync($"{Plans}/{unknown}/start", ""), HttpStatusCode.NotFound, "DWS.0001");
        await AssertErrorAsync(await _host.GetAsync($"{Plans}/{unknown}/logs"), HttpStatusCode.NotFound, "DWS.0001");

        var planId = await CreatePlanAsync("plan_404");
        await AssertErrorAsync(await _host.GetAsync($"{Plans}/{planId}/stages/{unknown}"), HttpStatusCode.NotFound, "DWS.0001");
        await AssertErrorAsync(await _host.PostAsync($"{Plans}/{planId}/stage-switch", $$"""{"stage_id":"{{unknown}}"}"""), HttpStatusCode.NotFound, "DWS.0001");

        // A plan is only reachable under its own cluster.
        var second = await _host.CreateClusterAsync("dws-second");
        await AssertErrorAsync(await _host.GetAsync($"/v2/{_host.Project}/clusters/{second}/workload/plans/{planId}"), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task Changes_while_the_cluster_restarts_are_400_and_reads_still_work()
    {
        var planId = await CreatePlanAsync("plan_reboot");
        var stageId = await AddStageAsync(planId, "stage1");
        var restart = await _host.PostAsync($"/v1.0/{_host.Project}/clusters/{_cluster}/restart", """{"restart":{}}""");
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        Assert.Equal("REBOOTING", (string?)(await _host.GetClusterAsync(_cluster))["task_status"]);

        await AssertErrorAsync(await _host.PostAsync(Plans, """{"plan_name":"plan_new"}"""), HttpStatusCode.BadRequest, "DWS.0016");
        await AssertErrorAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""), HttpStatusCode.BadRequest, "DWS.0016");
        await AssertErrorAsync(await _host.PostAsync($"{Plans}/{planId}/stages", StageBody("stage2")), HttpStatusCode.BadRequest, "DWS.0016");
        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Plans}/{planId}/stages/{stageId}"), HttpStatusCode.BadRequest, "DWS.0016");
        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Plans}/{planId}"), HttpStatusCode.BadRequest, "DWS.0016");
        await OkAsync(await _host.GetAsync(Plans));
        await OkAsync(await _host.GetAsync($"{Plans}/{planId}/stages/{stageId}"));

        _host.Clock.Advance(_host.Options.Durations.ClusterRestart);
        await OkAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""));
    }

    [Fact]
    public async Task List_pages_by_record_offset_and_filters_by_logical_cluster()
    {
        for (var i = 0; i < 5; i++)
        {
            _host.Clock.Advance(TimeSpan.FromSeconds(1));
            await OkAsync(await _host.PostAsync(Plans, $$"""{"plan_name":"plan_{{i}}","logical_cluster_name":"{{(i % 2 == 0 ? "lc_even" : "lc_odd")}}"}"""));
        }

        var page = await OkAsync(await _host.GetAsync($"{Plans}?offset=1&limit=2"));
        Assert.Equal(5, (int)page["count"]!);
        Assert.Equal(["plan_1", "plan_2"], page["plan_list"]!.AsArray().Select(p => (string)p!["plan_name"]!));

        var even = await OkAsync(await _host.GetAsync($"{Plans}?logical_cluster_name=lc_even"));
        Assert.Equal(3, (int)even["count"]!);
        Assert.All(even["plan_list"]!.AsArray(), p => Assert.Equal("lc_even", (string?)p!["logical_cluster_name"]));

        await AssertErrorAsync(await _host.GetAsync($"{Plans}?limit=0"), HttpStatusCode.BadRequest, "DWS.5038");
        await AssertErrorAsync(await _host.GetAsync($"{Plans}?offset=-1"), HttpStatusCode.BadRequest, "DWS.5038");
    }

    [Fact]
    public async Task Logs_page_with_offset_and_limit()
    {
        var planId = await CreatePlanAsync("plan_logs");
        var s1 = await AddStageAsync(planId, "stage1");
        var s2 = await AddStageAsync(planId, "stage2");
        await OkAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""));
        foreach (var s in new[] { s2, s1, s2 })
            await OkAsync(await _host.PostAsync($"{Plans}/{planId}/stage-switch", $$"""{"stage_id":"{{s}}"}"""));

        var all = await OkAsync(await _host.GetAsync($"{Plans}/{planId}/logs"));
        var total = (int)all["count"]!;
        Assert.Equal(total, all["plan_logs"]!.AsArray().Count);
        Assert.Equal(["stage2", "stage1", "stage2"], all["plan_logs"]!.AsArray().TakeLast(3).Select(l => (string)l!["stage_info"]!));

        var page = await OkAsync(await _host.GetAsync($"{Plans}/{planId}/logs?offset={total - 2}&limit=1"));
        Assert.Equal(total, (int)page["count"]!);
        Assert.Equal("stage1", (string?)Assert.Single(page["plan_logs"]!.AsArray())!["stage_info"]);
    }

    [Fact]
    public async Task Plans_of_a_deleted_cluster_go_with_it()
    {
        await CreatePlanAsync("plan_orphan");
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{_cluster}")).StatusCode);
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);

        var other = await _host.CreateClusterAsync("dws-after");
        await OkAsync(await _host.GetAsync($"/v2/{_host.Project}/clusters/{other}/workload/plans"));
        Assert.Empty(_host.State.Plans);
        await AssertErrorAsync(await _host.GetAsync(Plans), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task Plans_stages_and_logs_survive_a_save_and_load_round_trip()
    {
        var planId = await CreatePlanAsync("plan_saved");
        var s1 = await AddStageAsync(planId, "stage1");
        var s2 = await AddStageAsync(planId, "stage2");
        await OkAsync(await _host.PostAsync($"{Plans}/{planId}/start", ""));
        await OkAsync(await _host.PostAsync($"{Plans}/{planId}/stage-switch", $$"""{"stage_id":"{{s2}}"}"""));
        var before = (await GetPlanAsync(planId)).ToJsonString();
        var logsBefore = (await OkAsync(await _host.GetAsync($"{Plans}/{planId}/logs"))).ToJsonString();
        var path = Path.Combine(Path.GetTempPath(), $"dws-emu-workload-{Guid.NewGuid():N}.json");
        try
        {
            _host.State.Save(path);
            await using var restored = await EmulatorHost.StartAsync(o => o.StateFile = path);
            var plans = $"/v2/{restored.Project}/clusters/{_cluster}/workload/plans";

            var after = (await OkAsync(await restored.GetAsync($"{plans}/{planId}")))["workload_plan"]!;
            Assert.Equal(before, after.ToJsonString());
            Assert.Equal("stage2", (string?)after["current_stage"]);
            Assert.Equal(logsBefore, (await OkAsync(await restored.GetAsync($"{plans}/{planId}/logs"))).ToJsonString());

            await OkAsync(await restored.PostAsync($"{plans}/{planId}/stage-switch", $$"""{"stage_id":"{{s1}}"}"""));
            await OkAsync(await restored.PostAsync($"{plans}/{planId}/stop", ""));
            await OkAsync(await restored.Client.DeleteAsync($"{plans}/{planId}"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
