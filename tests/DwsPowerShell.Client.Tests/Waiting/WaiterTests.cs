using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using System.Collections.Concurrent;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Tests.Support;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Tests.Waiting;

public class WaiterTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A job server: each job finishes (SUCCESS or FAIL) at its Nth poll; records (job, clock time) per request.</summary>
    private sealed class Jobs
    {
        private readonly Dictionary<string, (int Polls, string Final)> _plan;
        private readonly ConcurrentDictionary<string, int> _counts = new();
        public ConcurrentQueue<(string Job, DateTimeOffset At)> Seen { get; } = new();
        public FakeTime Time { get; } = new(Start) { AutoAdvance = true };
        public FakeHandler Handler { get; }

        public Jobs(Dictionary<string, (int, string)> plan)
        {
            _plan = plan;
            Handler = new FakeHandler(r =>
            {
                var id = Uri.UnescapeDataString(r.Uri.AbsolutePath.Split('/').Last());
                Seen.Enqueue((id, Time.GetUtcNow()));
                var n = _counts.AddOrUpdate(id, 1, (_, c) => c + 1);
                var (polls, final) = _plan[id];
                var status = n >= polls ? final : "RUNNING";
                var failed = status == "FAIL" ? ",\"failed_code\":\"CreateELBTask-fail:DWS.0114\",\"failed_detail\":\"ELB quota exceeded\"" : "";
                return FakeHandler.Json(200, $"{{\"job_id\":\"{id}\",\"job_name\":\"n-{id}\",\"status\":\"{status}\",\"progress\":\"{Math.Min(100, n * 10)}%\"{failed}}}");
            });
        }

        public int Count(string id) => _counts.TryGetValue(id, out var c) ? c : 0;

        public DwsSession Session() => TestSessions.Session(Handler, o => o.TotalTimeout = Timeout.InfiniteTimeSpan, time: Time);

        public DwsWaitOptions Options(TimeSpan? timeout = null) => new()
        {
            PollInterval = TimeSpan.FromSeconds(10),
            Timeout = timeout ?? TimeSpan.FromHours(1),
            TimeProvider = Time,
        };
    }

    [Fact]
    public async Task Many_jobs_share_one_loop_asking_once_per_running_job_per_round()
    {
        var jobs = new Jobs(new()
        {
            ["a"] = (1, "SUCCESS"),
            ["b"] = (3, "SUCCESS"),
            ["c"] = (5, "FAIL"),
            ["d"] = (2, "SUCCESS"),
        });
        using var session = jobs.Session();
        var updates = new ConcurrentQueue<DwsJob>();
        var result = await session.Jobs.WaitAsync(new[] { "a", "b", "c", "d", "b" }, jobs.Options(), updates.Enqueue);

        Assert.Equal(new[] { "a", "b", "c", "d" }, result.Select(j => j.JobId));
        Assert.True(result[0].IsSucceeded);
        Assert.True(result[2].IsFailed);
        Assert.Equal("CreateELBTask-fail:DWS.0114", result[2].FailedCode);
        Assert.Equal("ELB quota exceeded", result[2].FailedDetail);

        // Exactly as many requests as each job needed: finished jobs are never asked again.
        Assert.Equal(1, jobs.Count("a"));
        Assert.Equal(3, jobs.Count("b"));
        Assert.Equal(5, jobs.Count("c"));
        Assert.Equal(2, jobs.Count("d"));
        Assert.Equal(11, updates.Count);

        // One round per poll interval, each asking once per still-running job.
        var rounds = jobs.Seen.GroupBy(s => s.At).OrderBy(g => g.Key).ToList();
        Assert.Equal(5, rounds.Count);
        Assert.Equal(new[] { 4, 3, 2, 1, 1 }, rounds.Select(r => r.Count()));
        foreach (var round in rounds) Assert.Equal(round.Count(), round.Select(s => s.Job).Distinct().Count());
        for (var i = 1; i < rounds.Count; i++) Assert.Equal(TimeSpan.FromSeconds(10), rounds[i].Key - rounds[i - 1].Key);
    }

    [Fact]
    public async Task OnUpdate_is_never_called_concurrently()
    {
        // A cmdlet writes progress from onUpdate, which PowerShell allows on one thread at a time only.
        var arrived = 0;
        var handler = new FakeHandler(async (r, ct) =>
        {
            Interlocked.Increment(ref arrived);
            for (var n = 0; n < 3000 && Volatile.Read(ref arrived) < 8; n++) await Task.Delay(5, ct);
            return FakeHandler.Json(200, "{\"status\":\"SUCCESS\"}");
        });
        using var session = TestSessions.Session(handler);
        var inside = 0;
        var overlaps = 0;
        var calls = 0;
        await session.Jobs.WaitAsync(Enumerable.Range(1, 8).Select(i => "job" + i), new DwsWaitOptions { PollInterval = TimeSpan.FromSeconds(1) }, job =>
        {
            if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref overlaps);
            Thread.Sleep(20);
            Interlocked.Decrement(ref inside);
            Interlocked.Increment(ref calls);
        });
        Assert.Equal(8, calls);
        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task A_single_failed_job_throws_with_its_code_and_detail()
    {
        var jobs = new Jobs(new() { ["x1"] = (2, "FAIL") });
        using var session = jobs.Session();
        var ex = await Assert.ThrowsAsync<DwsJobFailedException>(() => session.Jobs.WaitAsync("x1", jobs.Options()));
        Assert.Equal("CreateELBTask-fail:DWS.0114", ex.FailedCode);
        Assert.Equal("ELB quota exceeded", ex.FailedDetail);
        Assert.Contains("x1", ex.Message);
        Assert.Contains("ELB quota exceeded", ex.Message);
        Assert.Equal(2, jobs.Count("x1"));
    }

    [Fact]
    public async Task A_single_successful_job_is_returned()
    {
        var jobs = new Jobs(new() { ["ok"] = (3, "SUCCESS") });
        using var session = jobs.Session();
        var job = await session.Jobs.WaitAsync("ok", jobs.Options());
        Assert.True(job.IsSucceeded);
        Assert.Equal(3, jobs.Count("ok"));
    }

    [Fact]
    public async Task Timeout_names_the_pending_jobs()
    {
        var jobs = new Jobs(new() { ["done"] = (1, "SUCCESS"), ["slow1"] = (1000, "SUCCESS"), ["slow2"] = (1000, "SUCCESS") });
        using var session = jobs.Session();
        var ex = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Jobs.WaitAsync(new[] { "done", "slow1", "slow2" }, jobs.Options(TimeSpan.FromSeconds(60))));
        Assert.Equal(new[] { "slow1", "slow2" }, ex.Pending);
        Assert.Contains("slow1", ex.Message);
        Assert.Contains("slow2", ex.Message);
        Assert.DoesNotContain("done,", ex.Message);
        Assert.Equal(1, jobs.Count("done"));
        Assert.InRange(jobs.Count("slow1"), 6, 8);
        Assert.True(jobs.Time.GetUtcNow() - Start <= TimeSpan.FromSeconds(70));
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        var jobs = new Jobs(new() { ["slow"] = (int.MaxValue, "SUCCESS") });
        using var session = jobs.Session();
        using var cts = new CancellationTokenSource();
        var polls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            session.Jobs.WaitAsync(new[] { "slow" }, jobs.Options(), _ => { if (++polls == 3) cts.Cancel(); }, cts.Token));
        Assert.Equal(3, jobs.Count("slow"));
    }

    [Fact]
    public async Task Cancellation_during_a_real_delay_is_prompt()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"job_id\":\"j\",\"status\":\"RUNNING\"}"));
        using var session = TestSessions.Session(handler);
        using var cts = new CancellationTokenSource();
        var wait = session.Jobs.WaitAsync("j", new DwsWaitOptions { PollInterval = TimeSpan.FromHours(1) }, _ => cts.Cancel(), cts.Token);
        var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(wait, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Bad_job_ids_are_refused_before_any_request()
    {
        var jobs = new Jobs(new());
        using var session = jobs.Session();
        await Assert.ThrowsAsync<DwsArgumentException>(() => session.Jobs.WaitAsync(new[] { "ok", "../x" }, jobs.Options()));
        Assert.Equal(0, jobs.Handler.Count);
    }

    [Fact]
    public async Task PollAsync_checks_its_options()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DwsWaiter.PollAsync(_ => Task.FromResult(true),
            new DwsWaitOptions { PollInterval = TimeSpan.Zero }, () => Array.Empty<string>(), "x", default));
    }
}
