using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Models.Workload;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Loopback;

/// <summary>
/// A representative subset over a real 127.0.0.1 socket, as users run the emulator: real HTTP framing,
/// real connection resets, the real RestSharp handler (no TestServer).
/// </summary>
public sealed class LoopbackTests
{
    [Fact]
    public async Task Create_wait_snapshot_delete_over_a_real_port()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync();
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        using var session = host.CreateSession();

        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-loopback", host.Options.Region));
        var seen = new List<Cluster>();
        var cluster = await session.Clusters.WaitForCreationAsync("dws-loopback", TestData.Fast(),
            TestData.AdvanceEachPoll(host.Clock, TimeSpan.FromMinutes(2), seen));
        Assert.Equal("CREATING", seen[0].Status);
        Assert.Equal("AVAILABLE", cluster.Status);

        var snapshot = await session.Snapshots.CreateAsync(cluster.Id, "loopback-snap", "over TCP");
        var ready = await session.Snapshots.WaitForStatusAsync(snapshot.Id, TestData.Fast(),
            TestData.AdvanceEachPoll<Snapshot>(host.Clock, TimeSpan.FromMinutes(1)));
        Assert.Equal(SnapshotStatus.Available, ready.Status);
        Assert.Equal("over TCP", ready.Description);

        var listed = new List<Snapshot>();
        await foreach (var s in session.Snapshots.ListClusterSnapshotsAsync(cluster.Id, pageSize: 10)) listed.Add(s);
        Assert.Equal(snapshot.Id, Assert.Single(listed).Id);

        await session.Snapshots.DeleteAsync(snapshot.Id);
        Assert.True((await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.GetAsync(snapshot.Id))).IsNotFound);

        // The v1.0 delete sends a JSON body with DELETE: over a real socket too.
        await session.Clusters.DeleteV1Async(cluster.Id, keepLastManualSnapshots: 0);
        await session.Clusters.WaitForDeletionAsync(cluster.Id, TestData.Fast(), TestData.AdvanceEachPoll<Cluster>(host.Clock, TimeSpan.FromSeconds(30)));
        Assert.Empty(host.State.Clusters);
        Assert.All(host.Requests, r => Assert.True(r.Status is >= 200 and < 300 || r.Status == 404, $"{r.Method} {r.RawTarget} -> {r.Status}"));
    }

    [Fact]
    public async Task IAM_token_session_and_a_job_over_a_real_port()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync();
        using var session = host.CreateSession(credentials: host.IamUser());
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-loopback-iam", host.Options.Region));
        host.Clock.Advance(host.Options.Durations.ClusterCreate);
        var cluster = await session.Clusters.WaitForCreationAsync("dws-loopback-iam", TestData.Fast());

        var job = await session.Clusters.StopAsync(cluster.Id);
        var done = await session.Jobs.WaitAsync(job.JobId, TestData.Fast(), TestData.AdvanceEachPoll<DwsJob>(host.Clock, TimeSpan.FromSeconds(30)));

        Assert.True(done.IsSucceeded);
        Assert.Equal("STOPPED", (await session.Clusters.GetAsync(cluster.Id)).Status);
        Assert.Single(host.Requests.EndingWith("POST", "/v3/auth/tokens"));
    }

    [Fact]
    public async Task Reads_survive_real_connection_resets_and_503s_over_a_real_port()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync(o =>
        {
            o.Faults.Add(new FaultRule { Route = "GET /v1.0/*/clusters", Kind = FaultKind.ConnectionReset, MaxCount = 1 });
            o.Faults.Add(new FaultRule { Route = "GET /v1.0/*/clusters", Kind = FaultKind.Status503, MaxCount = 1 });
        });
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        var clusters = await session.Clusters.ListAsync();

        Assert.Empty(clusters);
        var lists = host.Requests.EndingWith("GET", "/clusters");
        Assert.Equal(new[] { "ConnectionReset", "Status503", null }, lists.Select(r => r.Fault));
        Assert.Equal(200, lists[^1].Status);
    }

    [Fact]
    public async Task Creates_over_a_real_port_are_retried_on_429_but_not_after_the_handler_ran()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync(o =>
        {
            o.Faults.Add(new FaultRule { Route = "POST /v2/*/clusters", Kind = FaultKind.Throttle429, MaxCount = 1, RetryAfterSeconds = 1 });
        });
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-loopback-429", host.Options.Region));
        host.Faults.SetRules(new[] { new FaultRule { Route = "POST /v2/*/clusters", Kind = FaultKind.ConnectionReset, MaxCount = 1, AfterHandler = true } });
        // The reset after the handler loses the answer; the read-back finds the cluster by name: done, not sent again.
        var lost = await session.Clusters.CreateAsync(TestData.ClusterV2("dws-loopback-lost", host.Options.Region));

        var creates = host.Requests.EndingWith("POST", "/clusters");
        Assert.Equal(3, creates.Count);
        Assert.Equal(new[] { false, true, true }, creates.Select(r => r.HandlerRan));
        Assert.Equal("dws-loopback-lost", lost.Name);
        Assert.Equal(new[] { "dws-loopback-429", "dws-loopback-lost" }, host.State.Clusters.Values.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Workload_business_failure_over_a_real_port()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-loopback-wlm");
        var plan = await session.Workload.CreatePlanAsync(cluster.Id, "loop_plan");

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Workload.StartPlanAsync(cluster.Id, plan.PlanId));

        Assert.Equal("1003", error.ErrorCode);
        Assert.Contains("has no stage", error.ErrorMessage);
        var stage = await session.Workload.AddStageAsync(cluster.Id, plan.PlanId, new WorkloadPlanStage
        {
            StageName = "all_day",
            Month = "6",
            Day = "1",
            StartTime = "00:00:00",
            QueueList = new List<WorkloadPlanQueue>
            {
                new() { QueueName = "q1", QueueResources = new List<WorkloadResourceItem> { new() { ResourceName = "cpu", ResourceValue = 40 } } },
            },
        });
        await session.Workload.StartPlanAsync(cluster.Id, plan.PlanId);
        Assert.Equal("all_day", (await session.Workload.GetPlanAsync(cluster.Id, plan.PlanId)).CurrentStage);
        Assert.Equal(stage.StageId, (await session.Workload.GetStageAsync(cluster.Id, plan.PlanId, stage.StageId)).StageId);
    }
}
