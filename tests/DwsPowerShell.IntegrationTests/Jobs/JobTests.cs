using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Jobs;

/// <summary>5.13.1 and the one polling loop for many jobs, against the emulator in process.</summary>
public sealed class JobTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Get_5_13_1_reports_a_running_job_then_its_success()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-job-get");
        var started = await session.Clusters.StopAsync(cluster.Id);

        var running = await session.Jobs.GetAsync(started.JobId);
        host.Clock.Advance(host.Options.Durations.ClusterStop / 2);
        var halfway = await session.Jobs.GetAsync(started.JobId);
        host.Clock.Advance(host.Options.Durations.ClusterStop);
        var done = await session.Jobs.GetAsync(started.JobId);

        Assert.Equal(started.JobId, running.JobId);
        Assert.Equal("dwsClusterStopJob", running.JobName);
        Assert.Equal("RUNNING", running.Status);
        Assert.False(running.IsFinished);
        Assert.NotNull(running.BeginTime);
        Assert.Null(running.EndTime);
        Assert.InRange(halfway.ProgressPercent!.Value, 50, 99);
        Assert.True(done.IsSucceeded);
        Assert.Equal(100, done.ProgressPercent);
        Assert.NotNull(done.EndTime);
        Assert.Null(done.FailedCode);
    }

    [Fact]
    public async Task Job_and_cluster_times_read_back_as_the_emulators_UTC_times()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-job-times");
        var job = await session.Clusters.StopAsync(cluster.Id);
        host.Clock.Advance(host.Options.Durations.ClusterStop);

        var done = await session.Jobs.GetAsync(job.JobId);

        var record = host.State.Jobs[job.JobId];
        // 5.13.1 prints times without a zone ("2022-11-09T20:25:00"): they are UTC, to the second.
        Assert.Equal(Truncate(record.BeginTime), done.BeginTime);
        Assert.Equal(Truncate(record.BeginTime + record.Duration), done.EndTime);
        Assert.Equal(TimeSpan.Zero, done.BeginTime!.Value.Offset);
        Assert.Equal(Truncate(host.State.Clusters[cluster.Id].Created), cluster.Created);
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) =>
        new DateTimeOffset(t.UtcDateTime.Ticks - t.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    [Fact]
    public async Task Get_of_an_unknown_job_is_404()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("0123456789abcdef0123456789abcdef"));

        Assert.True(error.IsNotFound);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task WaitAsync_waits_for_many_jobs_with_one_loop_and_returns_each_in_its_final_state()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var clusters = new List<string>();
        for (var i = 1; i <= 4; i++) clusters.Add((await TestData.CreateAvailableClusterAsync(host, session, $"dws-many-{i}")).Id);
        host.State.FailNext("stop", new JobFailure("DWS.0114", "Node 2 did not stop."));
        var jobs = new List<DwsJob>();
        foreach (var id in clusters) jobs.Add(await session.Clusters.StopAsync(id));
        host.State.ClearRequests();

        var updates = new List<DwsJob>();
        var results = await session.Jobs.WaitAsync(jobs.Select(j => j.JobId), TestData.Fast(), TestData.AdvanceEachRound(host.Clock, Step, jobs.Count, updates));

        Assert.Equal(jobs.Select(j => j.JobId), results.Select(r => r.JobId));
        var failed = Assert.Single(results, r => r.IsFailed);
        Assert.Equal(jobs[0].JobId, failed.JobId); // the first stop took the queued failure
        Assert.Equal("DWS.0114", failed.FailedCode);
        Assert.Equal("Node 2 did not stop.", failed.FailedDetail);
        Assert.Equal(3, results.Count(r => r.IsSucceeded));
        // Every job was polled while running and again when finished; only job requests were made.
        Assert.All(jobs, j => Assert.True(updates.Count(u => u.JobId == j.JobId) >= 2));
        Assert.All(host.Requests, r => Assert.Contains("/job/", TestData.PathOf(r)));
        Assert.Equal(updates.Count, host.Requests.Count);
        // Nothing is polled once it has finished.
        foreach (var j in jobs)
        {
            var mine = updates.Where(u => u.JobId == j.JobId).ToList();
            Assert.True(mine[^1].IsFinished);
            Assert.All(mine.Take(mine.Count - 1), u => Assert.False(u.IsFinished));
        }
    }

    [Fact]
    public async Task WaitAsync_for_one_job_turns_FAIL_into_DwsJobFailedException()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-job-fail");
        host.State.FailNext("stop", new JobFailure("CreateELBTask-fail:DWS.0114", "The ELB could not be detached."));
        var job = await session.Clusters.StopAsync(cluster.Id);

        var error = await Assert.ThrowsAsync<DwsJobFailedException>(() =>
            session.Jobs.WaitAsync(job.JobId, TestData.Fast(), TestData.AdvanceEachPoll<DwsJob>(host.Clock, Step)));

        Assert.Equal(job.JobId, error.Job.JobId);
        Assert.Equal("FAIL", error.Job.Status);
        Assert.Equal("CreateELBTask-fail:DWS.0114", error.FailedCode);
        Assert.Equal("The ELB could not be detached.", error.FailedDetail);
        Assert.Contains("CreateELBTask-fail:DWS.0114", error.Message);
        Assert.Contains("The ELB could not be detached.", error.Message);
        // The failed stop leaves the cluster running.
        Assert.Equal("AVAILABLE", (await session.Clusters.GetAsync(cluster.Id)).Status);
    }
}
