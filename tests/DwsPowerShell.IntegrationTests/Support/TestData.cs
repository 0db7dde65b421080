using DwsPowerShell.Client.Models.AvailabilityZones;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.IntegrationTests.Support;

/// <summary>Valid request bodies and wait options for the emulator's defaults.</summary>
public static class TestData
{
    public const string Flavor = "dws.m1.xlarge.ultrahigh";

    /// <summary>The emulator's ID of <see cref="Flavor"/> (its node type catalogue).</summary>
    public const string FlavorId = "2d6b2b1e-6a3c-4c5c-9a26-0b4d1c2f3a01";
    public const string Version = "8.1.3.333";
    public const string Vpc = "85b20d7e-9eb7-4b2a-98f3-3c8843ea3574";
    public const string Subnet = "b6b3b9a9-5dbe-4a2c-8c5c-0e8a3e3f0f01";
    public const string SecurityGroup = "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6";
    public const string AdminUser = "dbadmin";
    public const string AdminPassword = "Dws@Passw0rd-2024";

    public static CreateClusterRequest ClusterV2(string name, string region = "eu-west-101", int nodes = 3) => new()
    {
        Name = name,
        Flavor = Flavor,
        NumNode = nodes,
        NumCn = 3,
        AdminUserName = AdminUser,
        AdminPassword = AdminPassword,
        AvailabilityZones = new List<string> { region + "a" },
        VpcId = Vpc,
        SubnetId = Subnet,
        DatastoreVersion = Version,
        Port = 8000,
    };

    public static CreateClusterV1Request ClusterV1(string name, string region = "eu-west-101", int nodes = 3) => new()
    {
        Name = name,
        NodeType = Flavor,
        NumberOfNode = nodes,
        AdminUserName = AdminUser,
        AdminPassword = AdminPassword,
        AvailabilityZone = region + "b",
        VpcId = Vpc,
        SubnetId = Subnet,
        SecurityGroupId = SecurityGroup,
        Port = 8123,
        NumberOfCn = 3,
    };

    /// <summary>Polls every few milliseconds; the test's timeout is generous so a loaded machine does not flake.</summary>
    public static DwsWaitOptions Fast(TimeSpan? timeout = null) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(10),
        Timeout = timeout ?? TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// An onUpdate callback that moves the emulated clock by <paramref name="step"/> on every poll: waits then
    /// see the intermediate states and finish after a deterministic number of polls, independent of real time.
    /// </summary>
    public static Action<T> AdvanceEachPoll<T>(EmulatorClock clock, TimeSpan step, List<T>? seen = null) => item =>
    {
        seen?.Add(item);
        clock.Advance(step);
    };

    /// <summary>
    /// For a wait on several jobs: moves the clock by <paramref name="step"/> once every job still running has been
    /// reported in the current round of polls. Moving it on each report would let a job polled later in the same
    /// round see the moved clock, and finish before it was ever seen running (it did, under load).
    /// </summary>
    public static Action<DwsJob> AdvanceEachRound(EmulatorClock clock, TimeSpan step, int jobs, List<DwsJob> seen)
    {
        var gate = new object();
        var round = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var expected = jobs;
        return job =>
        {
            lock (gate)
            {
                seen.Add(job);
                round.Add(job.JobId);
                if (job.IsFinished) finished.Add(job.JobId);
                if (round.Count < expected) return;
                clock.Advance(step);
                round.Clear();
                expected = jobs - finished.Count;
            }
        };
    }

    /// <summary>Creates a cluster (v2) and brings it to AVAILABLE by moving the emulated clock.</summary>
    public static async Task<Cluster> CreateAvailableClusterAsync(EmulatorHost host, DwsSession session, string name, int nodes = 3)
    {
        await session.Clusters.CreateAsync(ClusterV2(name, host.Options.Region, nodes));
        host.Clock.Advance(host.Options.Durations.ClusterCreate + TimeSpan.FromSeconds(1));
        var cluster = await session.Clusters.WaitForCreationAsync(name, Fast());
        Assert.Equal("AVAILABLE", cluster.Status);
        return cluster;
    }

    /// <summary>Requests whose path (query ignored) ends with <paramref name="suffix"/>.</summary>
    public static IReadOnlyList<RequestLogEntry> EndingWith(this IReadOnlyList<RequestLogEntry> log, string method, string suffix) =>
        log.Where(e => e.Method == method && PathOf(e).EndsWith(suffix, StringComparison.Ordinal)).ToList();

    /// <summary>The path of a logged request, without scheme, host or query.</summary>
    public static string PathOf(RequestLogEntry entry)
    {
        var target = entry.RawTarget;
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
            target = absolute.PathAndQuery;
        var q = target.IndexOf('?');
        return q < 0 ? target : target[..q];
    }

    /// <summary>The query string of a logged request (without '?'), or "".</summary>
    public static string QueryOf(RequestLogEntry entry)
    {
        var q = entry.RawTarget.IndexOf('?');
        return q < 0 ? "" : entry.RawTarget[(q + 1)..];
    }
}
