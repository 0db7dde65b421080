using System.Diagnostics;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;
using Xunit.Abstractions;

namespace DwsPowerShell.IntegrationTests.Reliability;

/// <summary>
/// A seeded, scripted workload of 520 operations against the emulator on loopback with about 20% of requests
/// faulted (429 + Retry-After, 5xx, HTML 502, connection resets, truncated bodies, latency, and faults after the
/// handler ran on mutations). Every read must succeed through retries; every mutation must succeed exactly once
/// or surface as DwsApiException; the emulator must never have applied one logical mutation twice; and a mutation
/// the emulator applied is never reported as a plain failure (it succeeds after a read-back, or is OutcomeUnknown).
/// </summary>
public class FaultyWorkloadTests
{
    private const int Operations = 520;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);
    private readonly ITestOutputHelper _output;

    public FaultyWorkloadTests(ITestOutputHelper output) => _output = output;

    internal static List<FaultRule> Faults() =>
    [
        // Before the handler: the server does nothing but answer badly (or late). Truncated 200s only on
        // GET: a truncated 200 in front of a mutation would tell the client "done" for work never done.
        new() { Route = "*", Kind = FaultKind.Latency, Rate = 0.03, LatencyMs = 40 },
        new() { Route = "*", Kind = FaultKind.Throttle429, Rate = 0.04, RetryAfterSeconds = 1 },
        new() { Route = "*", Kind = FaultKind.Status500, Rate = 0.02 },
        new() { Route = "*", Kind = FaultKind.NonJsonBody, Rate = 0.01 },
        new() { Route = "*", Kind = FaultKind.Status503, Rate = 0.02 },
        new() { Route = "*", Kind = FaultKind.Status504, Rate = 0.01 },
        new() { Route = "*", Kind = FaultKind.ConnectionReset, Rate = 0.03 },
        new() { Route = "GET **", Kind = FaultKind.TruncatedBody, Rate = 0.03 },
        // After the handler: the mutation is applied and its answer lost.
        new() { Route = "POST **", Kind = FaultKind.Status502, Rate = 0.03, AfterHandler = true },
        new() { Route = "POST **", Kind = FaultKind.ConnectionReset, Rate = 0.03, AfterHandler = true },
        new() { Route = "POST **", Kind = FaultKind.TruncatedBody, Rate = 0.02, AfterHandler = true },
        new() { Route = "DELETE **", Kind = FaultKind.Status500, Rate = 0.03, AfterHandler = true },
        new() { Route = "DELETE **", Kind = FaultKind.ConnectionReset, Rate = 0.03, AfterHandler = true },
    ];

    [Fact]
    public async Task Faulty_workload_reads_all_succeed_and_no_mutation_is_applied_twice()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync(o =>
        {
            o.TimeScale = 600; // a 5-minute snapshot takes half a second
            o.RandomSeed = 20260315;
            o.Faults = Faults();
        });
        var retries = 0;
        using var session = host.CreateSession(o =>
        {
            o.ProjectId = host.Options.ProjectId;
            o.MaxRetries = 8; // 20% faults: a read fails 9 times in a row with p < 1e-6
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(2);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(20); // also caps Retry-After: 1
            o.TotalTimeout = TimeSpan.FromSeconds(20);
            o.Log = e => { if (e.Message.Contains("retrying in", StringComparison.Ordinal)) Interlocked.Increment(ref retries); };
        });
        var state = host.State;
        var model = new Model(Seed.Clusters(state, 6));
        var random = new Random(7);
        using var budget = new CancellationTokenSource(Budget);
        var ct = budget.Token;
        var watch = Stopwatch.StartNew();

        var nodeType = (await session.Clusters.ListNodeTypesAsync(ct)).First(t => t.DatastoreType == "dws");
        var zone = (await session.AvailabilityZones.ListAsync(ct)).First(z => z.IsAvailable);

        var stats = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string what) => stats[what] = stats.GetValueOrDefault(what) + 1;
        var problems = new List<string>();
        int reads = 0, mutationsOk = 0, mutationsFailed = 0, faultFailures = 0, serviceRefusals = 0, unknown = 0, unknownApplied = 0, confirmed = 0;

        for (var op = 0; op < Operations; op++)
        {
            var logBefore = state.Requests.Count;
            var roll = random.Next(100);
            var (kind, isRead, action) = Pick(roll);
            Count(kind);
            Exception? error = null;
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                error = ex;
            }
            var entries = await SettledLogAsync(state, logBefore);
            var handled = entries.Count(e => e.Mutation);

            if (isRead)
            {
                reads++;
                if (error is not null) problems.Add($"op {op} {kind}: read failed: {error.GetType().Name}: {error.Message}");
                continue;
            }
            if (handled > 1) problems.Add($"op {op} {kind}: the emulator applied the mutation {handled} times: {string.Join(", ", entries.Select(e => $"{e.Method} {e.Status} {e.Fault}"))}");
            if (error is null)
            {
                mutationsOk++;
                if (handled != 1) problems.Add($"op {op} {kind}: succeeded but the emulator applied it {handled} times");
                if (entries.Any(e => e.Mutation && e.FaultAfterHandler && e.Fault is not null)) confirmed++;
            }
            else if (error is DwsApiException api)
            {
                mutationsFailed++;
                if (entries.Any(e => e.Fault is not null)) faultFailures++; else serviceRefusals++;
                if (api.OutcomeUnknown) { unknown++; if (handled == 1) unknownApplied++; }
                else if (handled > 0) problems.Add($"op {op} {kind}: the emulator applied it but the client reported a plain failure: {api.Message}");
                Count($"failed {kind} ({(api.StatusCode == 0 ? "no answer" : "HTTP " + api.StatusCode)} {api.ErrorCode})");
            }
            else
            {
                problems.Add($"op {op} {kind}: {error.GetType().FullName} escaped: {error.Message}");
            }
        }
        watch.Stop();

        var log = state.Requests;
        var faulted = log.Count(e => e.Fault is not null);
        var faultKinds = log.Where(e => e.Fault is not null).GroupBy(e => (e.Fault, e.FaultAfterHandler))
            .OrderBy(g => g.Key.Fault).Select(g => $"{g.Key.Fault}{(g.Key.FaultAfterHandler ? " (after handler)" : "")}: {g.Count()}");
        lock (state.Gate)
        {
            foreach (var g in state.Clusters.Values.GroupBy(c => c.Name).Where(g => g.Count() > 1)) problems.Add($"{g.Count()} clusters named {g.Key}");
        }
        foreach (var g in (await session.Snapshots.ListAsync(ct)).GroupBy(s => s.Name).Where(g => g.Count() > 1)) problems.Add($"{g.Count()} snapshots named {g.Key}");

        _output.WriteLine($"operations: {Operations} ({reads} reads, {mutationsOk + mutationsFailed} mutations) in {watch.Elapsed.TotalSeconds:0.0} s");
        _output.WriteLine($"HTTP requests: {log.Count}; faults injected: {faulted} ({100.0 * faulted / log.Count:0.0}%): {string.Join(", ", faultKinds)}");
        _output.WriteLine($"retries logged by the client: {retries}");
        _output.WriteLine($"mutations succeeded: {mutationsOk} ({confirmed} of them with the answer faulted after the change was applied); failed with DwsApiException: {mutationsFailed} ({faultFailures} on an injected fault, {serviceRefusals} refused by the service, e.g. cluster busy)");
        _output.WriteLine($"failed with OutcomeUnknown: {unknown} ({unknownApplied} applied by the emulator, {unknown - unknownApplied} not); applied but reported as a plain failure: {problems.Count(p => p.Contains("plain failure", StringComparison.Ordinal))}");
        _output.WriteLine($"duplicated mutations: {problems.Count(p => p.Contains("applied", StringComparison.Ordinal) || p.Contains(" named ", StringComparison.Ordinal))}");
        foreach (var (what, n) in stats.OrderBy(p => p.Key, StringComparer.Ordinal)) _output.WriteLine($"  {what}: {n}");
        foreach (var p in problems) _output.WriteLine("PROBLEM " + p);

        Assert.False(budget.IsCancellationRequested, $"the workload ran past its budget of {Budget.TotalSeconds} s");
        Assert.Empty(problems);
        Assert.True(log.Count < 10_000, "the request log is capped at 10,000 entries; the counts above would be incomplete");
        Assert.InRange(100.0 * faulted / log.Count, 12, 30);

        (string Kind, bool IsRead, Func<Task> Action) Pick(int roll)
        {
            if (roll < 12) return ("list clusters", true, () => session.Clusters.ListAsync(ct));
            if (roll < 24 && model.Clusters.Count > 0) return ("get cluster", true, () => session.Clusters.GetAsync(Any(model.Clusters), ct));
            if (roll < 32) return ("list snapshots", true, () => session.Snapshots.ListAsync(ct));
            if (roll < 38 && model.Snapshots.Count > 0) return ("get snapshot", true, () => session.Snapshots.GetAsync(Any(model.Snapshots).Snapshot, ct));
            if (roll < 43 && model.Clusters.Count > 0)
            {
                var c = Any(model.Clusters);
                return ("list cluster snapshots (paged)", true, async () => { await foreach (var _ in session.Snapshots.ListClusterSnapshotsAsync(c, pageSize: 5, cancellationToken: ct)) { } });
            }
            if (roll < 48 && model.Plans.Count > 0)
            {
                var (c, p) = Any(model.Plans);
                return ("get plan", true, () => session.Workload.GetPlanAsync(c, p, ct));
            }
            if (roll < 52 && model.Clusters.Count > 0)
            {
                var c = Any(model.Clusters);
                return ("list plans", true, async () => { await foreach (var _ in session.Workload.ListPlansAsync(c, cancellationToken: ct)) { } });
            }
            if (roll < 66 && model.Clusters.Count > 0)
            {
                var c = Any(model.Clusters);
                var name = $"snap-{model.Next()}";
                return ("create snapshot", false, async () =>
                {
                    var created = await session.Snapshots.CreateAsync(c, name, "reliability", ct);
                    model.Snapshots.Add((c, created.SnapshotId));
                });
            }
            if (roll < 72 && model.Snapshots.Count > 0)
            {
                var s = Any(model.Snapshots);
                return ("delete snapshot", false, async () =>
                {
                    model.Snapshots.Remove(s); // deleted, refused or unknown: not used again either way
                    await session.Snapshots.DeleteAsync(s.Snapshot, ct);
                });
            }
            if (roll < 80)
            {
                var name = $"rel-{model.Next()}";
                var request = new CreateClusterRequest
                {
                    Name = name, Flavor = nodeType.SpecName, NumNode = 3, NumCn = 3, AdminUserName = "dbadmin",
                    AdminPassword = "Reliability-Passw0rd-1", AvailabilityZones = [zone.Code!], VpcId = "vpc-r", SubnetId = "subnet-r",
                    SecurityGroupId = "sg-r", DatastoreVersion = nodeType.Datastores?.Select(d => d.Version).LastOrDefault(v => v is not null),
                };
                return ("create cluster", false, () => session.Clusters.CreateAsync(request, ct));
            }
            if (roll < 85 && model.Clusters.Count > 0)
            {
                var c = Any(model.Clusters);
                return ("resize cluster", false, () => session.Clusters.ResizeAsync(c, new ResizeClusterRequest(3), ct));
            }
            if (roll < 93 && model.Clusters.Count > 0)
            {
                var c = Any(model.Clusters);
                var name = $"plan_{model.Next()}";
                return ("create workload plan", false, async () =>
                {
                    var plan = await session.Workload.CreatePlanAsync(c, name, cancellationToken: ct);
                    model.Plans.Add((c, plan.PlanId!));
                });
            }
            if (roll < 98 && model.Plans.Count > 0)
            {
                var p = Any(model.Plans);
                return ("delete workload plan", false, async () =>
                {
                    model.Plans.Remove(p);
                    await session.Workload.DeletePlanAsync(p.Cluster, p.Plan, ct);
                });
            }
            if (model.Clusters.Count > 3)
            {
                var c = Any(model.Clusters);
                return ("delete cluster", false, async () =>
                {
                    model.Clusters.Remove(c);
                    model.Plans.RemoveAll(p => p.Cluster == c);
                    // 5.2.16: once the cluster is gone its manual snapshots go too (none kept): not read again.
                    model.Snapshots.RemoveAll(s => s.Cluster == c);
                    await session.Clusters.DeleteAsync(c, cancellationToken: ct);
                });
            }
            return ("list clusters", true, () => session.Clusters.ListAsync(ct));
        }

        T Any<T>(List<T> items) => items[random.Next(items.Count)];
    }

    /// <summary>
    /// The log entries of one operation. The server records an entry when it finishes a request, which can be
    /// just after the client has its answer (or its reset): wait until the log stops growing.
    /// </summary>
    private static async Task<IReadOnlyList<RequestLogEntry>> SettledLogAsync(EmulatorState state, int from)
    {
        var count = state.Requests.Count;
        for (var stable = 0; stable < 2;)
        {
            await Task.Delay(3);
            var now = state.Requests.Count;
            stable = now == count ? stable + 1 : 0;
            count = now;
        }
        return state.Requests.Skip(from).ToList();
    }

    private sealed class Model(List<string> clusters)
    {
        private int _next;

        public List<string> Clusters { get; } = clusters;
        public List<(string Cluster, string Snapshot)> Snapshots { get; } = [];
        public List<(string Cluster, string Plan)> Plans { get; } = [];

        public int Next() => ++_next;
    }
}
