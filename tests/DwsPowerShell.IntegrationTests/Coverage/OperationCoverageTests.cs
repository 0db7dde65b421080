using System.Reflection;
using System.Text.RegularExpressions;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Connections;
using DwsPowerShell.DocGen;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Coverage;

/// <summary>
/// Every operation the client serves (a catalogue row with a client method: <see cref="DwsOperation.Served"/>) has all
/// its layers, end to end: the client method, called with valid values against the emulator, sends the row's method
/// to the row's path, and the emulator's answer reads into the client's model (the call returns); the cmdlet the row
/// names is exported. A failure names the section.
/// </summary>
public class OperationCoverageTests : IClassFixture<OperationCoverageTests.SharedEmulator>
{
    private readonly SharedEmulator _emulator;

    public OperationCoverageTests(SharedEmulator emulator) => _emulator = emulator;

    /// <summary>One emulator for every operation: each call seeds a cluster of its own.</summary>
    public sealed class SharedEmulator : IAsyncLifetime
    {
        public EmulatorHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await EmulatorHost.InProcessAsync(o => o.TimeScale = 60);

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    /// <summary>Chapters served in full; the served set never shrinks below them (and <see cref="OtherOperations"/>).</summary>
    public static readonly string[] CompleteChapters = { "5.1", "5.2", "5.9", "5.10", "5.11" };

    /// <summary>Operations of the other chapters served so far.</summary>
    public static readonly string[] OtherOperations =
    {
        "5.3.1", "5.3.3", "5.3.4", "5.3.8", "5.3.9", "5.3.10", "5.3.11", "5.3.12", "5.3.13", "5.3.14", "5.3.23",
        "5.7.18", "5.7.19", "5.7.20", "5.7.21", "5.7.22", "5.7.23", "5.7.24", "5.7.25", "5.7.26", "5.7.27",
        "5.7.28", "5.7.29", "5.13.1",
    };

    /// <summary>Rows whose cmdlet exists while no client method is documented with them (docs/catalogue.md).</summary>
    private static readonly string[] KnownUnserved = { "5.3.2", "5.7.3", "5.7.9" };

    public static TheoryData<string> Served()
    {
        var data = new TheoryData<string>();
        foreach (var op in DwsOperations.All.Where(o => o.Served)) data.Add(op.Section);
        return data;
    }

    [Fact]
    public void The_served_set_covers_the_complete_chapters_and_the_listed_operations()
    {
        var floor = DwsOperations.All.Where(o => CompleteChapters.Contains(o.Section[..o.Section.LastIndexOf('.')])).Select(o => o.Section)
            .Concat(OtherOperations).Except(KnownUnserved).ToList();
        var missing = floor.Where(s => DwsOperations.BySection(s) is not { Served: true }).ToList();
        Assert.True(missing.Count == 0, "no client method is documented with: " + string.Join(", ", missing));
        Assert.Equal(78, DwsOperations.All.Count(o => CompleteChapters.Any(c => o.Section.StartsWith(c + ".", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(Served))]
    public void Has_the_cmdlet_its_row_names(string section)
    {
        var op = DwsOperations.BySection(section)!;
        Assert.True(ModuleMetadata.Instance.Cmdlets.Any(c => c.Name == op.Cmdlet), $"{op}: cmdlet {op.Cmdlet} does not exist");
    }

    [Theory]
    [MemberData(nameof(Served))]
    public async Task The_client_call_reaches_the_rows_route_and_reads_the_answer(string section)
    {
        var op = DwsOperations.BySection(section)!;
        var host = _emulator.Host;
        using var session = host.CreateSession(o => o.MaxRetries = 0);
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var route = Route(op, host.Options.ProjectId);
        var problems = new List<string>();
        foreach (var (area, method) in Methods(session, op))
        {
            var seed = ClientCalls.SeedFor(host, method);
            var replace = await PrepareAsync(op.Section, host, session, seed);
            var args = method.GetParameters().Select(p => replace(p) ?? ClientCalls.Valid(p, seed, budget.Token)).ToArray();
            var before = host.Requests.Count;
            var error = await ClientCalls.InvokeAsync(area, method, args, budget.Token);
            var sent = host.Requests.Skip(before).ToList();
            var where = $"{op.Section} {op.Title}: {method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
            if (error is not null) problems.Add($"{where} ended with {error.GetType().Name}: {error.Message}");
            if (!sent.Any(r => r.Method == op.Method && route.IsMatch(r.RawTarget.Split('?')[0])))
                problems.Add($"{where} never sent {op.Method} {op.Path}; it sent: {string.Join(", ", sent.Select(r => $"{r.Method} {r.RawTarget}"))}");
            else if (sent.First(r => r.Method == op.Method && route.IsMatch(r.RawTarget.Split('?')[0])).Status >= 400 && error is null)
                problems.Add($"{where}: the emulator answered the row's route with an error, yet the call returned");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// What a valid call needs beyond <see cref="BadInputTests"/>' values: the state the operation's business rule asks
    /// for, reached through the API as a user would, and arguments its request must carry. Returns replacement values by
    /// parameter (null: keep the common one).
    /// </summary>
    private static async Task<Func<System.Reflection.ParameterInfo, object?>> PrepareAsync(string section, EmulatorHost host, DwsSession session, ClientCalls.Seeded seed)
    {
        var id = seed.ClusterId;
        var d = host.Options.Durations;
        switch (section)
        {
            case "5.2.1":
                return p => p.ParameterType == typeof(CreateClusterV1Request) ? TestData.ClusterV1("cov-" + Guid.NewGuid().ToString("N")[..8]) : null;
            case "5.2.3" or "5.2.29":
                return p => p.ParameterType == typeof(CreateClusterRequest) ? TestData.ClusterV2("cov-" + Guid.NewGuid().ToString("N")[..8]) : null;
            case "5.2.34":
                return p => p.ParameterType == typeof(IEnumerable<TagFilter>) ? new[] { new TagFilter("env", ["prod"]) } : null;
            case "5.2.22":
                // 5.2.22 takes every idle node: the seeded cluster has one.
                return p => p.ParameterType == typeof(ScaleOutWithIdleNodesRequest) ? new ScaleOutWithIdleNodesRequest(1) : null;
            case "5.2.31" or "5.2.24" or "5.2.23":
                // Redistribution is delivered while WAITING_REDISTRIBUTION (a scale-out without auto_redistribute),
                // suspended while it runs, resumed while paused.
                await session.Clusters.ScaleOutWithIdleNodesAsync(id, new ScaleOutWithIdleNodesRequest(1) { AutoRedistribute = false });
                host.Clock.Advance(d.ClusterScaleOut);
                await session.Clusters.WaitForResizeAsync(id, TestData.Fast());
                if (section == "5.2.31") return _ => null;
                await session.Clusters.StartRedistributionAsync(id, new StartRedistributionRequest("Offline", 32));
                host.Clock.Advance(d.ClusterRedistribute / 2);
                if (section == "5.2.23") await session.Clusters.SuspendRedistributionAsync(id);
                return _ => null;
            case "5.2.36":
                // A switchback is for a cluster whose primary and standby instances are unbalanced: the emulator's control route.
                using (var control = host.CreateControlClient())
                    (await control.PostAsync($"/_emulator/clusters/{id}/unbalanced", null)).EnsureSuccessStatusCode();
                return _ => null;
            case "5.2.38" or "5.2.52":
                // The seeded flavor's disks are 200 GB; a new size is larger by a multiple of 100 GB.
                return p => p.Name == "newSizeGb" ? 300 : null;
            case "5.2.57":
                var target = (await session.Clusters.ListTargetFlavorsPageAsync(seed.FlavorId, 0, 10)).Items[0];
                return p => p.ParameterType == typeof(ChangeFlavorRequest) ? new ChangeFlavorRequest(target.Id!) : null;
            case "5.2.61":
                await session.Clusters.StopAsync(id);
                host.Clock.Advance(d.ClusterStop);
                return _ => null;
            case "5.9.1" or "5.9.3":
                // The seeded cluster has its private name; a public one needs an EIP, and only a public one can be deleted.
                await session.Connections.BindEipAsync(id, seed.EipId);
                if (section == "5.9.3") await session.Connections.NewDomainNameAsync(id, new DomainNameRequest("covpublic", "public", 300));
                return p => p.ParameterType == typeof(DomainNameRequest) ? new DomainNameRequest("covpublic", "public", 300)
                    : p.Name == "type" ? "public" : null;
            case "5.7.23" or "5.7.29":
                await session.Workload.StartPlanAsync(id, seed.PlanId);
                return _ => null;
            default:
                return _ => null;
        }
    }

    /// <summary>The row's template as a pattern: each {placeholder} one path segment, {project_id} the session's.</summary>
    private static Regex Route(DwsOperation op, string projectId) =>
        new("^" + Regex.Replace(Regex.Escape(op.Path).Replace(@"\{", "{"), @"\{(\w+)}", m => m.Groups[1].Value == "project_id" ? Regex.Escape(projectId) : "[^/]+") + "$");

    /// <summary>The public overloads named by the row's ClientMethods ("ClustersApi.GetAsync"), on the session's area objects.</summary>
    private static List<(object Area, MethodInfo Method)> Methods(DwsSession session, DwsOperation op)
    {
        var found = ClientCalls.PublicMethods(session)
            .Where(m => op.ClientMethods.Contains($"{m.Method.DeclaringType!.Name}.{m.Method.Name}", StringComparer.Ordinal))
            .ToList();
        Assert.True(found.Count > 0, $"{op}: none of its client methods ({string.Join(", ", op.ClientMethods)}) is a public method of a session area");
        return found;
    }
}
