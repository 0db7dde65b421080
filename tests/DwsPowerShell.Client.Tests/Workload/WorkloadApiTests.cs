using System.Text.Json;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Workload;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Workload;

public class WorkloadApiTests
{
    private const string Ok = """{"workload_res_code":0,"workload_res_str":"success"}""";
    private const string PlanBase = "/v2/p1/clusters/c1/workload/plans";

    private static string PlanList(params string[] names) =>
        "{\"plan_list\":[" + string.Join(",", names.Select((n, i) => $"{{\"plan_id\":\"id-{n}\",\"plan_name\":\"{n}\",\"status\":{i}}}")) + "],\"count\":" + names.Length + "}";

    private static WorkloadPlanStage NewStage(string name = "stage1") => new()
    {
        StageName = name,
        Month = "6",
        Day = "1,2",
        StartTime = "08:00:00",
        EndTime = "18:00:00",
        QueueList = new()
        {
            new WorkloadPlanQueue
            {
                QueueName = "pool1",
                QueueResources = new()
                {
                    new WorkloadResourceItem { ResourceName = WorkloadResourceNames.Cpu, ResourceValue = 20 },
                    new WorkloadResourceItem { ResourceName = WorkloadResourceNames.ShortQueryConcurrencyNum, ResourceValue = -1 },
                },
            },
        },
    };

    // ---- 5.7.18 / 5.7.19 ------------------------------------------------------------------------

    [Fact]
    public async Task CreatePlan_posts_the_name_then_finds_the_plan_by_name()
    {
        var fake = RecordingHandler.Sequence((200, """{"workload_res_code":0,"workload_res_str":"success added workload plan"}"""),
            (200, PlanList("other", "plan_a")));
        using var session = fake.CreateSession();

        var plan = await session.Workload.CreatePlanAsync("c1", "plan_a");

        Assert.Equal(2, fake.Requests.Count);
        var post = fake.Requests[0];
        Assert.Equal("POST", post.Method);
        Assert.Equal(PlanBase, post.Path);
        Assert.Equal("""{"plan_name":"plan_a"}""", post.Body);
        var list = fake.Requests[1];
        Assert.Equal("GET", list.Method);
        Assert.Equal(PlanBase, list.Path);
        Assert.Equal("0", list.QueryValue("offset"));
        Assert.Null(list.QueryValue("logical_cluster_name"));
        Assert.Equal("id-plan_a", plan.PlanId);
        Assert.Equal("id-plan_a", plan.Id);
        Assert.Equal("c1", plan.ClusterId);                  // not in this answer: filled from the request
    }

    [Fact]
    public async Task CreatePlan_sends_and_filters_by_the_logical_cluster()
    {
        var fake = RecordingHandler.Sequence((200, Ok), (200, PlanList("plan_a")));
        using var session = fake.CreateSession();

        await session.Workload.CreatePlanAsync("c1", "plan_a", "lc1");

        Assert.Equal("lc1", fake.Requests[0].BodyJson.GetProperty("logical_cluster_name").GetString());
        Assert.Equal("lc1", fake.Requests[1].QueryValue("logical_cluster_name"));
    }

    [Fact]
    public async Task CreatePlan_looks_through_later_pages_for_the_new_plan()
    {
        var firstPage = PlanList(Enumerable.Range(0, 100).Select(i => "p" + i).ToArray());
        var fake = RecordingHandler.Sequence((200, Ok), (200, firstPage), (200, PlanList("plan_z")));
        using var session = fake.CreateSession();

        var plan = await session.Workload.CreatePlanAsync("c1", "plan_z");

        Assert.Equal("id-plan_z", plan.PlanId);
        Assert.Equal("100", fake.Requests[2].QueryValue("offset"));
    }

    [Fact]
    public async Task CreatePlan_that_cannot_be_found_afterwards_says_so()
    {
        var fake = RecordingHandler.Sequence((200, Ok), (200, PlanList("other")));
        using var session = fake.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsPowerShell.Client.Errors.DwsApiException>(() => session.Workload.CreatePlanAsync("c1", "plan_a"));
        Assert.Contains("plan_a", ex.Message);
    }

    [Theory]
    [InlineData("ab")]                 // too short
    [InlineData("Plan_a")]             // must start lowercase
    [InlineData("1plan")]
    [InlineData("plan-a")]             // hyphen not allowed
    [InlineData("a23456789012345678901234567890")] // 30 characters
    public async Task CreatePlan_refuses_bad_names_before_sending(string name)
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsArgumentException>(() => session.Workload.CreatePlanAsync("c1", name));
        Assert.Equal("planName", ex.ParamName);
        Assert.Contains("lowercase", ex.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task ListPlansPage_sends_offset_and_limit_and_fills_cluster_ids()
    {
        var fake = RecordingHandler.Always(200, """{"plan_list":[{"plan_id":"x","plan_name":"a","stage_list":[{"stage_id":"s","stage_name":"n"}]}],"count":5}""");
        using var session = fake.CreateSession();

        var page = await session.Workload.ListPlansPageAsync("c1", 10, 20);

        var r = fake.Single();
        Assert.Equal("GET", r.Method);
        Assert.Equal(PlanBase, r.Path);
        Assert.Equal("10", r.QueryValue("offset"));
        Assert.Equal("20", r.QueryValue("limit"));
        Assert.Equal(5, page.Total);
        var stage = page.Items[0].StageList![0];
        Assert.Equal("c1", stage.ClusterId);
        Assert.Equal("x", stage.PlanId);
    }

    [Fact]
    public async Task ListPlans_stops_on_a_short_page()
    {
        var fake = RecordingHandler.Sequence((200, PlanList("a", "b")), (200, PlanList("c")));
        using var session = fake.CreateSession();
        var names = new List<string?>();
        await foreach (var p in session.Workload.ListPlansAsync("c1", pageSize: 2)) names.Add(p.PlanName);
        Assert.Equal(new[] { "a", "b", "c" }, names);
        Assert.Equal(2, fake.Requests.Count);
    }

    // ---- 5.7.20 - 5.7.24 ------------------------------------------------------------------------

    [Fact]
    public async Task Start_stop_and_delete_plan_use_their_methods_and_paths_with_no_body()
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();

        Assert.Equal("success", (await session.Workload.StartPlanAsync("c1", "pl1")).Message);
        await session.Workload.StopPlanAsync("c1", "pl1");
        await session.Workload.DeletePlanAsync("c1", "pl1");

        Assert.Equal(new[] { $"POST {PlanBase}/pl1/start", $"POST {PlanBase}/pl1/stop", $"DELETE {PlanBase}/pl1" },
            fake.Requests.Select(r => r.Method + " " + r.Path));
        Assert.All(fake.Requests, r => Assert.Null(r.Body));
        Assert.All(fake.Requests, r => Assert.Empty(r.Query));
    }

    [Fact]
    public async Task Plan_logs_are_paged_and_carry_their_cluster_and_plan()
    {
        var fake = RecordingHandler.Always(200, """{"plan_logs":[{"exec_time":"2023-08-23 13:28:50","stage_info":"stage1","exec_result":0,"exec_log":"x"}],"count":1}""");
        using var session = fake.CreateSession();

        var page = await session.Workload.ListPlanLogsPageAsync("c1", "pl1", 0, 50);
        var all = new List<WorkloadPlanLog>();
        await foreach (var l in session.Workload.ListPlanLogsAsync("c1", "pl1", pageSize: 10)) all.Add(l);

        var r = fake.Requests[0];
        Assert.Equal("GET", r.Method);
        Assert.Equal($"{PlanBase}/pl1/logs", r.Path);
        Assert.Equal("0", r.QueryValue("offset"));
        Assert.Equal("50", r.QueryValue("limit"));
        Assert.Equal("10", fake.Requests[1].QueryValue("limit"));
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal("c1", page.Items[0].ClusterId);
        Assert.Equal("pl1", all[0].PlanId);
        Assert.Equal(new DateTimeOffset(2023, 8, 23, 13, 28, 50, TimeSpan.Zero), all[0].ExecTime);
    }

    [Fact]
    public async Task GetPlan_unwraps_and_fills_the_stages_parent_ids()
    {
        var fake = RecordingHandler.Always(200, WorkloadModelTests.PlanDetailExample);
        using var session = fake.CreateSession();

        var plan = await session.Workload.GetPlanAsync("c1", "dde42d0c-38f7-4592-841d-5a16c5512408");

        var r = fake.Single();
        Assert.Equal("GET", r.Method);
        Assert.Equal($"{PlanBase}/dde42d0c-38f7-4592-841d-5a16c5512408", r.Path);
        Assert.Equal("862201cd-f822-4dbc-ae3b-c7b9d080eea6", plan.ClusterId);   // the wire value is kept
        var stage = Assert.Single(plan.StageList!);
        Assert.Equal(plan.ClusterId, stage.ClusterId);
        Assert.Equal(plan.PlanId, stage.PlanId);
    }

    [Fact]
    public async Task Ids_that_would_change_the_path_are_refused_before_sending()
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();
        Assert.Equal("planId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Workload.GetPlanAsync("c1", "../x"))).ParamName);
        Assert.Equal("clusterId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Workload.StartPlanAsync("c/1", "p"))).ParamName);
        Assert.Equal("stageId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Workload.DeleteStageAsync("c1", "p", "a?b"))).ParamName);
        Assert.Equal("stageId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Workload.SwitchStageAsync("c1", "p", "a/b"))).ParamName);
        Assert.Equal("planId", Assert.Throws<DwsArgumentException>(() => session.Workload.ListPlanLogsAsync("c1", "a/b")).ParamName);
        Assert.Equal("clusterId", Assert.Throws<DwsArgumentException>(() => session.Workload.ListPlansAsync("..")).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Workload.ListPlansAsync("c1", pageSize: 0));
        Assert.Empty(fake.Requests);
    }

    // ---- 5.7.25 - 5.7.29 ------------------------------------------------------------------------

    [Fact]
    public async Task AddStage_posts_only_the_stage_fields_then_finds_the_stage_by_name()
    {
        var fake = RecordingHandler.Sequence((200, """{"workload_res_code":0,"workload_res_str":""}"""),
            (200, """{"workload_plan":{"plan_id":"pl1","stage_list":[{"stage_id":"st0","stage_name":"old"},{"stage_id":"st9","stage_name":"stage1","month":6}]}}"""));
        using var session = fake.CreateSession();
        var stage = NewStage();
        stage.StageId = "ignored";
        stage.PlanId = "ignored";
        stage.NextValidTime = DateTimeOffset.UtcNow;

        var created = await session.Workload.AddStageAsync("c1", "pl1", stage);

        var post = fake.Requests[0];
        Assert.Equal("POST", post.Method);
        Assert.Equal($"{PlanBase}/pl1/stages", post.Path);
        Assert.Equal(
            """{"workload_plan_stage":{"day":"1,2","month":"6","stage_name":"stage1","start_time":"08:00:00","end_time":"18:00:00","queue_list":[{"queue_name":"pool1","queue_resources":[{"resource_name":"cpu","resource_value":20},{"resource_name":"shortQueryConcurrencyNum","resource_value":-1}]}]}}""",
            post.Body);
        Assert.Equal($"GET {PlanBase}/pl1", fake.Requests[1].Method + " " + fake.Requests[1].Path);
        Assert.Equal("st9", created.StageId);
        Assert.Equal("pl1", created.PlanId);
        Assert.Equal("c1", created.ClusterId);
    }

    [Fact]
    public async Task GetStage_unwraps_and_fills_ids()
    {
        var fake = RecordingHandler.Always(200, """{"workload_plan_stage":{"stage_name":"s","month":4}}""");
        using var session = fake.CreateSession();

        var stage = await session.Workload.GetStageAsync("c1", "pl1", "st1");

        var r = fake.Single();
        Assert.Equal("GET", r.Method);
        Assert.Equal($"{PlanBase}/pl1/stages/st1", r.Path);
        Assert.Equal("st1", stage.StageId);
        Assert.Equal("pl1", stage.PlanId);
        Assert.Equal("c1", stage.ClusterId);
        Assert.Equal("4", stage.Month);
    }

    [Fact]
    public async Task DeleteStage_sends_DELETE()
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();
        await session.Workload.DeleteStageAsync("c1", "pl1", "st1");
        var r = fake.Single();
        Assert.Equal("DELETE", r.Method);
        Assert.Equal($"{PlanBase}/pl1/stages/st1", r.Path);
        Assert.Null(r.Body);
    }

    [Fact]
    public async Task ModifyStage_puts_the_whole_stage()
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();

        await session.Workload.ModifyStageAsync("c1", "pl1", "st1", NewStage());

        var r = fake.Single();
        Assert.Equal("PUT", r.Method);
        Assert.Equal($"{PlanBase}/pl1/stages/st1", r.Path);
        var s = r.BodyJson.GetProperty("workload_plan_stage");
        Assert.Equal(new[] { "day", "month", "stage_name", "start_time", "end_time", "queue_list" }, s.EnumerateObject().Select(p => p.Name));
        Assert.True(s.GetProperty("queue_list")[0].TryGetProperty("queue_resources", out _));
    }

    [Theory]
    [InlineData("Month")]
    [InlineData("Day")]
    [InlineData("StartTime")]
    [InlineData("QueueList")]
    [InlineData("StageName")]
    public async Task ModifyStage_refuses_a_stage_missing_a_mandatory_field(string field)
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();
        var stage = NewStage();
        typeof(WorkloadPlanStage).GetProperty(field)!.SetValue(stage, null);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Workload.ModifyStageAsync("c1", "pl1", "st1", stage));

        Assert.Equal("stage", ex.ParamName);
        Assert.Contains(field, ex.Message);
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData("StartTime", "8:00")]
    [InlineData("EndTime", "24:00:00")]
    [InlineData("Month", "13")]
    [InlineData("Day", "1,,2")]
    [InlineData("Day", "0")]
    public async Task Stage_values_in_the_wrong_format_are_refused_with_the_format_named(string field, string value)
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();
        var stage = NewStage();
        typeof(WorkloadPlanStage).GetProperty(field)!.SetValue(stage, value);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Workload.AddStageAsync("c1", "pl1", stage));

        Assert.Equal("stage", ex.ParamName);
        Assert.Contains(field, ex.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_queue_resource_without_a_value_is_refused()
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();
        var stage = NewStage();
        stage.QueueList![0].QueueResources![0].ResourceValue = null;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => session.Workload.ModifyStageAsync("c1", "pl1", "st1", stage));
        Assert.Contains("ResourceValue", ex.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task UpdateStage_reads_merges_one_change_writes_the_whole_stage_and_rereads()
    {
        const string current = """
            {"workload_plan_stage":{"stage_id":"st1","plan_id":"pl1","stage_name":"stage2","month":4,"day":4,
             "start_time":"00:00:00","end_time":"06:00:00","next_valid_time":"2024-04-04 00:00:00",
             "queue_list":[{"queue_name":"q1","queue_resources":[
               {"resource_name":"cpu","resource_value":1,"value_unit":"%","resource_description":"CPU share"},
               {"resource_name":"memory","resource_value":30}]}]}}
            """;
        var fake = RecordingHandler.Sequence((200, current), (200, Ok), (200, current.Replace("06:00:00", "18:00:00")));
        using var session = fake.CreateSession();

        var updated = await session.Workload.UpdateStageAsync("c1", "pl1", "st1", s => s.EndTime = "18:00:00");

        Assert.Equal(new[] { "GET", "PUT", "GET" }, fake.Requests.Select(r => r.Method));
        Assert.All(fake.Requests, r => Assert.Equal($"{PlanBase}/pl1/stages/st1", r.Path));
        var sent = fake.Requests[1].BodyJson.GetProperty("workload_plan_stage");
        Assert.Equal("18:00:00", sent.GetProperty("end_time").GetString());
        Assert.Equal("00:00:00", sent.GetProperty("start_time").GetString());
        Assert.Equal("stage2", sent.GetProperty("stage_name").GetString());
        Assert.Equal("4", sent.GetProperty("month").GetString());
        Assert.Equal("4", sent.GetProperty("day").GetString());
        var resources = sent.GetProperty("queue_list")[0].GetProperty("queue_resources");
        Assert.Equal(2, resources.GetArrayLength());
        Assert.Equal("CPU share", resources[0].GetProperty("resource_description").GetString());
        Assert.Equal(30, resources[1].GetProperty("resource_value").GetInt32());
        Assert.False(sent.TryGetProperty("stage_id", out _));
        Assert.False(sent.TryGetProperty("next_valid_time", out _));
        Assert.Equal("18:00:00", updated.EndTime);
        Assert.Equal("c1", updated.ClusterId);
    }

    [Fact]
    public async Task UpdateStage_can_change_one_queue_resource_and_keep_the_rest()
    {
        const string current = """{"workload_plan_stage":{"stage_name":"s","month":"1","day":"1","start_time":"00:00:00","queue_list":[{"queue_name":"q","queue_resources":[{"resource_name":"cpu","resource_value":1},{"resource_name":"concurrency","resource_value":10}]}]}}""";
        var fake = RecordingHandler.Sequence((200, current), (200, Ok), (200, current));
        using var session = fake.CreateSession();

        await session.Workload.UpdateStageAsync("c1", "pl1", "st1", s => s.QueueList![0].SetResource("cpu", 40));

        var resources = fake.Requests[1].BodyJson.GetProperty("workload_plan_stage").GetProperty("queue_list")[0].GetProperty("queue_resources");
        Assert.Equal(40, resources[0].GetProperty("resource_value").GetInt32());
        Assert.Equal(10, resources[1].GetProperty("resource_value").GetInt32());
    }

    [Fact]
    public async Task UpdateStage_whose_change_breaks_the_stage_sends_nothing()
    {
        var fake = RecordingHandler.Sequence((200, """{"workload_plan_stage":{"stage_name":"s","month":"1","day":"1","start_time":"00:00:00","queue_list":[{"queue_name":"q","queue_resources":[{"resource_name":"cpu","resource_value":1}]}]}}"""));
        using var session = fake.CreateSession();
        await Assert.ThrowsAsync<ArgumentException>(() => session.Workload.UpdateStageAsync("c1", "pl1", "st1", s => s.Month = null));
        Assert.Equal(new[] { "GET" }, fake.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task SwitchStage_posts_the_stage_id()
    {
        var fake = RecordingHandler.Always(200, Ok);
        using var session = fake.CreateSession();

        await session.Workload.SwitchStageAsync("c1", "pl1", "st2");

        var r = fake.Single();
        Assert.Equal("POST", r.Method);
        Assert.Equal($"{PlanBase}/pl1/stage-switch", r.Path);
        Assert.Equal("""{"stage_id":"st2"}""", r.Body);
    }

    // ---- workload_res_code (quirks.md 1.1) ------------------------------------------------------

    public static TheoryData<string> Operations => new()
    {
        "CreatePlan", "ListPlansPage", "StartPlan", "ListPlanLogsPage", "GetPlan", "StopPlan", "DeletePlan",
        "AddStage", "GetStage", "DeleteStage", "ModifyStage", "SwitchStage",
    };

    private static Task Call(DwsSession s, string operation) => operation switch
    {
        "CreatePlan" => s.Workload.CreatePlanAsync("c1", "plan_a"),
        "ListPlansPage" => s.Workload.ListPlansPageAsync("c1", 0, 10),
        "StartPlan" => s.Workload.StartPlanAsync("c1", "pl1"),
        "ListPlanLogsPage" => s.Workload.ListPlanLogsPageAsync("c1", "pl1", 0, 10),
        "GetPlan" => s.Workload.GetPlanAsync("c1", "pl1"),
        "StopPlan" => s.Workload.StopPlanAsync("c1", "pl1"),
        "DeletePlan" => s.Workload.DeletePlanAsync("c1", "pl1"),
        "AddStage" => s.Workload.AddStageAsync("c1", "pl1", NewStage()),
        "GetStage" => s.Workload.GetStageAsync("c1", "pl1", "st1"),
        "DeleteStage" => s.Workload.DeleteStageAsync("c1", "pl1", "st1"),
        "ModifyStage" => s.Workload.ModifyStageAsync("c1", "pl1", "st1", NewStage()),
        "SwitchStage" => s.Workload.SwitchStageAsync("c1", "pl1", "st1"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_turns_a_nonzero_code_in_a_200_into_DwsApiException(string operation)
    {
        var fake = RecordingHandler.Always(200, """{"workload_res_code":1003,"workload_res_str":"The plan is running and cannot be changed."}""");
        using var session = fake.CreateSession();

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => Call(session, operation));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("1003", ex.ErrorCode);
        Assert.Equal("The plan is running and cannot be changed.", ex.ErrorMessage);
        Assert.Contains("The plan is running", ex.Message);
        Assert.Single(fake.Requests);                        // no re-query after a failed create
    }

    [Theory]
    [InlineData("""{"workload_res_code":0,"workload_res_str":"ok"}""")]
    [InlineData("""{"workload_res_code":"0"}""")]
    [InlineData("""{"workload_res_str":"no code at all"}""")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task A_zero_or_missing_code_is_success(string body)
    {
        var fake = RecordingHandler.Always(200, body);
        using var session = fake.CreateSession();
        var result = await session.Workload.StopPlanAsync("c1", "pl1");
        Assert.NotNull(result);
        Assert.True(result.Code is null or 0);
    }

    [Fact]
    public async Task A_list_without_a_code_reads_normally()
    {
        var fake = RecordingHandler.Always(200, PlanList("a"));
        using var session = fake.CreateSession();
        Assert.Single((await session.Workload.ListPlansPageAsync("c1", 0, 10)).Items);
    }
}
