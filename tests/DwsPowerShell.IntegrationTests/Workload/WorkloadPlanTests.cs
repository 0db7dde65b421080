using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Workload;
using DwsPowerShell.Emulator.Areas.Workload;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Workload;

/// <summary>Resource management plans and stages (5.7.18–5.7.29) against the emulator, in process.</summary>
public sealed class WorkloadPlanTests
{
    private static WorkloadPlanStage Stage(string name, string start, string? end, params (string Queue, int Cpu, int Memory)[] queues) => new()
    {
        StageName = name,
        Month = "1,2,3",
        Day = "1,15",
        StartTime = start,
        EndTime = end,
        QueueList = queues.Select(q => new WorkloadPlanQueue
        {
            QueueName = q.Queue,
            QueueResources = new List<WorkloadResourceItem>
            {
                new() { ResourceName = WorkloadResourceNames.Cpu, ResourceValue = q.Cpu, ValueUnit = "%" },
                new() { ResourceName = WorkloadResourceNames.Memory, ResourceValue = q.Memory, ValueUnit = "%" },
            },
        }).ToList(),
    };

    [Fact]
    public async Task Full_plan_lifecycle_from_create_to_delete()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var clusterId = (await TestData.CreateAvailableClusterAsync(host, session, "dws-wlm")).Id;
        var wlm = session.Workload;

        // 5.7.18 create (no id in the answer: found again by name)
        var plan = await wlm.CreatePlanAsync(clusterId, "daytime_plan");
        Assert.Equal("daytime_plan", plan.PlanName);
        Assert.Equal(host.State.Plans.Keys.Single(), plan.PlanId);
        Assert.Equal(clusterId, plan.ClusterId);

        // 5.7.19 list
        var plans = new List<WorkloadPlan>();
        await foreach (var p in wlm.ListPlansAsync(clusterId)) plans.Add(p);
        Assert.Equal(plan.PlanId, Assert.Single(plans).PlanId);
        Assert.Null(plans[0].StageList);

        // 5.7.25 add two stages (no id in the answer: found again in the plan)
        var day = await wlm.AddStageAsync(clusterId, plan.PlanId, Stage("day", "08:00:00", "18:00:00", ("queue_etl", 20, 30), ("queue_bi", 60, 50)));
        var night = await wlm.AddStageAsync(clusterId, plan.PlanId, Stage("night", "18:00:00", "23:59:59", ("queue_etl", 70, 60)));
        Assert.False(string.IsNullOrEmpty(day.StageId));
        Assert.NotEqual(day.StageId, night.StageId);
        Assert.Equal(plan.PlanId, day.PlanId);

        // 5.7.26 get a stage
        var fetched = await wlm.GetStageAsync(clusterId, plan.PlanId, day.StageId);
        Assert.Equal("day", fetched.StageName);
        Assert.Equal("1,2,3", fetched.Month);
        Assert.Equal("1,15", fetched.Day);
        Assert.Equal("08:00:00", fetched.StartTime);
        Assert.Equal("18:00:00", fetched.EndTime);
        Assert.Equal(new[] { "queue_etl", "queue_bi" }, fetched.QueueList!.Select(q => q.QueueName));
        Assert.Equal(60, fetched.QueueList![1].GetResource(WorkloadResourceNames.Cpu));

        // 5.7.28 through UpdateStageAsync: read, change one field, write the whole stage back
        var updated = await wlm.UpdateStageAsync(clusterId, plan.PlanId, day.StageId, s =>
        {
            s.EndTime = "17:30:00";
            s.QueueList![0].SetResource(WorkloadResourceNames.Cpu, 25);
        });
        Assert.Equal("17:30:00", updated.EndTime);
        Assert.Equal("day", updated.StageName);
        Assert.Equal("1,2,3", updated.Month);
        Assert.Equal("1,15", updated.Day);
        Assert.Equal("08:00:00", updated.StartTime);
        Assert.Equal(2, updated.QueueList!.Count);
        Assert.Equal(25, updated.QueueList[0].GetResource(WorkloadResourceNames.Cpu));
        Assert.Equal(30, updated.QueueList[0].GetResource(WorkloadResourceNames.Memory));
        Assert.Equal(60, updated.QueueList[1].GetResource(WorkloadResourceNames.Cpu));
        Assert.Equal(50, updated.QueueList[1].GetResource(WorkloadResourceNames.Memory));
        Assert.Single(host.Requests.EndingWith("PUT", "/stages/" + day.StageId));

        // 5.7.20 start: the first stage becomes current
        var started = await wlm.StartPlanAsync(clusterId, plan.PlanId);
        Assert.Equal(0, started.Code);
        var running = await wlm.GetPlanAsync(clusterId, plan.PlanId);
        Assert.Equal("day", running.CurrentStage);
        Assert.Equal("1", running.Status); // documented Integer, kept as text
        Assert.Equal(2, running.StageList!.Count);
        Assert.All(running.StageList, s => Assert.Equal(clusterId, s.ClusterId));

        // 5.7.29 switch
        await wlm.SwitchStageAsync(clusterId, plan.PlanId, night.StageId);
        Assert.Equal("night", (await wlm.GetPlanAsync(clusterId, plan.PlanId)).CurrentStage);

        // 5.7.21 logs
        var logs = new List<WorkloadPlanLog>();
        await foreach (var entry in wlm.ListPlanLogsAsync(clusterId, plan.PlanId, pageSize: 2)) logs.Add(entry);
        Assert.Equal(3, logs.Count);
        Assert.Equal(new[] { "day", "day", "night" }, logs.Select(l => l.StageInfo));
        Assert.Contains("start workload plan.", logs[0].ExecLog);
        Assert.Contains("start change stage.", logs[2].ExecLog);
        Assert.All(logs, l => Assert.Equal(0, l.ExecResult));
        Assert.All(logs, l => Assert.NotNull(l.ExecTime));
        Assert.All(logs, l => Assert.Equal(plan.PlanId, l.PlanId));
        Assert.Equal(2, host.Requests.EndingWith("GET", "/logs").Count); // pages of 2: a full page, then a short one

        // 5.7.23 stop
        await wlm.StopPlanAsync(clusterId, plan.PlanId);
        var stopped = await wlm.GetPlanAsync(clusterId, plan.PlanId);
        Assert.Null(stopped.CurrentStage);
        Assert.Equal("0", stopped.Status);

        // 5.7.27 delete a stage, 5.7.24 delete the plan
        await wlm.DeleteStageAsync(clusterId, plan.PlanId, night.StageId);
        Assert.Equal(new[] { "day" }, (await wlm.GetPlanAsync(clusterId, plan.PlanId)).StageList!.Select(s => s.StageName));
        var notFound = await Assert.ThrowsAsync<DwsApiException>(() => wlm.GetStageAsync(clusterId, plan.PlanId, night.StageId));
        Assert.True(notFound.IsNotFound);

        await wlm.DeletePlanAsync(clusterId, plan.PlanId);
        Assert.Empty(host.State.Plans);
        Assert.Empty(host.State.Stages);
        var remaining = new List<WorkloadPlan>();
        await foreach (var p in wlm.ListPlansAsync(clusterId)) remaining.Add(p);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task Starting_a_plan_without_stages_fails_inside_a_200_with_the_services_text()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var clusterId = (await TestData.CreateAvailableClusterAsync(host, session, "dws-wlm-empty")).Id;
        var plan = await session.Workload.CreatePlanAsync(clusterId, "empty_plan");

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Workload.StartPlanAsync(clusterId, plan.PlanId));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(WorkloadRoutes.Codes.PlanHasNoStages.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorCode);
        Assert.Equal("workload plan empty_plan has no stage; add a stage before starting it", error.ErrorMessage);
        Assert.Contains("has no stage", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Null((await session.Workload.GetPlanAsync(clusterId, plan.PlanId)).CurrentStage);
    }

    [Fact]
    public async Task Business_failures_of_create_stop_switch_and_delete_surface_as_DwsApiException()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var clusterId = (await TestData.CreateAvailableClusterAsync(host, session, "dws-wlm-errors")).Id;
        var wlm = session.Workload;
        var plan = await wlm.CreatePlanAsync(clusterId, "busy_plan");
        var stage = await wlm.AddStageAsync(clusterId, plan.PlanId, Stage("only", "00:00:00", null, ("queue_a", 10, 10)));

        var duplicatePlan = await Assert.ThrowsAsync<DwsApiException>(() => wlm.CreatePlanAsync(clusterId, "busy_plan"));
        var stopIdle = await Assert.ThrowsAsync<DwsApiException>(() => wlm.StopPlanAsync(clusterId, plan.PlanId));
        var switchIdle = await Assert.ThrowsAsync<DwsApiException>(() => wlm.SwitchStageAsync(clusterId, plan.PlanId, stage.StageId));
        var duplicateStage = await Assert.ThrowsAsync<DwsApiException>(() => wlm.AddStageAsync(clusterId, plan.PlanId, Stage("only", "01:00:00", null, ("queue_a", 5, 5))));
        await wlm.StartPlanAsync(clusterId, plan.PlanId);
        var startTwice = await Assert.ThrowsAsync<DwsApiException>(() => wlm.StartPlanAsync(clusterId, plan.PlanId));
        var deleteCurrentStage = await Assert.ThrowsAsync<DwsApiException>(() => wlm.DeleteStageAsync(clusterId, plan.PlanId, stage.StageId));
        var deleteRunning = await Assert.ThrowsAsync<DwsApiException>(() => wlm.DeletePlanAsync(clusterId, plan.PlanId));

        Assert.Equal("1001", duplicatePlan.ErrorCode);
        Assert.Equal("workload plan busy_plan already exists", duplicatePlan.ErrorMessage);
        Assert.Equal("1004", stopIdle.ErrorCode);
        Assert.Equal("workload plan busy_plan is not running", stopIdle.ErrorMessage);
        Assert.Equal("1004", switchIdle.ErrorCode);
        Assert.Equal("1005", duplicateStage.ErrorCode);
        Assert.Equal("stage only already exists in workload plan busy_plan", duplicateStage.ErrorMessage);
        Assert.Equal("1002", startTwice.ErrorCode);
        Assert.Equal("1006", deleteCurrentStage.ErrorCode);
        Assert.Equal("1002", deleteRunning.ErrorCode);
        Assert.Contains("stop it before deleting it", deleteRunning.ErrorMessage);
        Assert.All(new[] { duplicatePlan, stopIdle, switchIdle, duplicateStage, startTwice, deleteCurrentStage, deleteRunning },
            e => Assert.Equal(200, e.StatusCode));
        Assert.Single(host.State.Plans);
        Assert.Single(host.State.Stages);
    }

    [Fact]
    public async Task Malformed_stage_and_unknown_plan_are_HTTP_errors_not_result_codes()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var clusterId = (await TestData.CreateAvailableClusterAsync(host, session, "dws-wlm-http")).Id;
        var plan = await session.Workload.CreatePlanAsync(clusterId, "http_plan");

        var badResource = Stage("bad", "08:00:00", null, ("queue_a", 10, 10));
        badResource.QueueList![0].QueueResources![0].ResourceValue = 150; // a percentage above 100
        var invalid = await Assert.ThrowsAsync<DwsApiException>(() => session.Workload.AddStageAsync(clusterId, plan.PlanId, badResource));
        var unknownPlan = await Assert.ThrowsAsync<DwsApiException>(() => session.Workload.GetPlanAsync(clusterId, "00000000-0000-4000-8000-000000000000"));

        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal("DWS.5038", invalid.ErrorCode);
        Assert.Contains("percentage", invalid.ErrorMessage);
        Assert.True(unknownPlan.IsNotFound);
        Assert.Empty(host.State.Stages);
    }

    [Fact]
    public async Task Changes_are_refused_while_the_cluster_restarts()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var clusterId = (await TestData.CreateAvailableClusterAsync(host, session, "dws-wlm-reboot")).Id;
        await session.Clusters.RestartAsync(clusterId);

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Workload.CreatePlanAsync(clusterId, "reboot_plan"));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("REBOOTING", error.ErrorMessage);
        Assert.Empty(host.State.Plans);
    }
}
