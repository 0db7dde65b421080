using System.Reflection;
using System.Text;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using System.Security;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Connections;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Models.Workload;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Areas.Connections;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Areas.Workload;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;
using Xunit.Abstractions;

namespace DwsPowerShell.IntegrationTests.Reliability;

/// <summary>
/// Hostile values for every ID and name parameter of every public method of DwsSession's areas, found by
/// reflection (a new method is covered without editing this test). Each call must be refused with an
/// ArgumentException naming the parameter, or reach only the routes the same call reaches with valid values,
/// with the value percent-encoded.
/// </summary>
public class BadInputTests
{
    private readonly ITestOutputHelper _output;

    public BadInputTests(ITestOutputHelper output) => _output = output;

    public static readonly (string Label, string? Value)[] HostileValues =
    [
        ("path traversal ../x", "../x"),
        ("dot-dot", ".."),
        ("dot", "."),
        ("encoded slash ..%2f", "..%2f"),
        ("encoded dots %2e%2e", "%2e%2e"),
        ("encoded traversal %2e%2e%2fx", "%2e%2e%2fx"),
        ("slash a/b", "a/b"),
        ("backslash a\\b", "a\\b"),
        ("query a?b=c", "a?b=c"),
        ("ampersand a&b=c", "a&b=c"),
        ("fragment a#b", "a#b"),
        ("percent alone %", "%"),
        ("space a b", "a b"),
        ("plus a+b", "a+b"),
        ("CRLF", "a\r\nX-Injected: 1"),
        ("NUL", "a\0b"),
        ("10 KB", new string('x', 10 * 1024)),
        ("unicode CJK", "名前"),
        ("emoji", "snap😀"),
        ("RTL override", "\u202Eabc"),
        ("Hebrew RTL", "שלום"),
        ("empty", ""),
        ("whitespace", "  \t "),
        ("null", null),
    ];

    private static bool IsTarget(ParameterInfo p) =>
        (p.ParameterType == typeof(string) && (p.Name!.EndsWith("Id", StringComparison.Ordinal) || p.Name.EndsWith("Name", StringComparison.Ordinal) || p.Name == "name"))
        || (p.ParameterType == typeof(IEnumerable<string>) && p.Name!.EndsWith("Ids", StringComparison.Ordinal));

    internal static IEnumerable<(object Area, MethodInfo Method)> PublicMethods(DwsSession session) =>
        typeof(DwsSession).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Namespace == "DwsPowerShell.Client.Areas")
            .SelectMany(p =>
            {
                var area = p.GetValue(session)!;
                return p.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName)
                    .Select(m => (area, m));
            });

    [Fact]
    public async Task Every_id_and_name_parameter_is_refused_or_encoded_into_its_own_route()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync(o => o.TimeScale = 60);
        using var session = host.CreateSession(o =>
        {
            o.ProjectId = host.Options.ProjectId;
            o.MaxRetries = 0;
            o.TotalTimeout = TimeSpan.FromSeconds(10);
        });
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var problems = new List<string>();
        int calls = 0, refused = 0, sent = 0;
        var covered = new List<string>();
        // What happened to each hostile value, and to each parameter name, across every method.
        var byValue = HostileValues.ToDictionary(v => v.Label, _ => (Refused: 0, Sent: 0));
        var byParameter = new SortedDictionary<string, (int Methods, int Refused, int Sent)>(StringComparer.Ordinal);
        var (projectRefused, projectLookedUp) = await ProjectIdValuesAsync(host, problems, budget.Token);

        foreach (var (area, method) in PublicMethods(session))
        {
            var targets = method.GetParameters().Where(IsTarget).ToList();
            if (targets.Count == 0) continue;
            var seed = SeedFor(host, method);
            // The routes the call reaches with valid values.
            var before = host.State.Requests.Count;
            var validArgs = Arguments(method, seed, null, null, budget.Token);
            var baseline = await InvokeAsync(area, method, validArgs, budget.Token);
            if (baseline is ArgumentException bad) problems.Add($"{Name(method)}: refused valid values: {bad.Message}");
            var baselineTargets = host.State.Requests.Skip(before).Select(e => e.RawTarget).ToList();
            if (baselineTargets.Count == 0) problems.Add($"{Name(method)}: the valid call sent nothing ({baseline?.GetType().Name}: {baseline?.Message})");

            foreach (var target in targets)
            {
                // The valid call's routes, its query pair carrying this parameter's own (valid) value left out as the hostile call's is.
                var valid = validArgs[target.Position] switch { string v => [v], IEnumerable<string> vs => vs.ToArray(), _ => Array.Empty<string>() };
                var templates = baselineTargets.Select(t => Template(t, seed, valid)).ToHashSet(StringComparer.Ordinal);
                if (target.HasDefaultValue && target.DefaultValue is null)
                {
                    // Left out, an optional parameter is valid too: add the routes of the call with its default.
                    var defaultBefore = host.State.Requests.Count;
                    await InvokeAsync(area, method, Arguments(method, seed, target, null, budget.Token), budget.Token);
                    templates.UnionWith(host.State.Requests.Skip(defaultBefore).Select(e => Template(e.RawTarget, seed, [])));
                }
                covered.Add($"{Name(method)}({target.Name})");
                byParameter.TryGetValue(target.Name!, out var counts);
                byParameter[target.Name!] = (counts.Methods + 1, counts.Refused, counts.Sent);
                foreach (var (label, value) in HostileValues)
                {
                    if (budget.IsCancellationRequested) break;
                    calls++;
                    var sentBefore = host.State.Requests.Count;
                    var error = await InvokeAsync(area, method, Arguments(method, seed, target, value, budget.Token), budget.Token);
                    var requests = host.State.Requests.Skip(sentBefore).ToList();
                    var where = $"{Name(method)}({target.Name} = {label})";
                    var (r0, s0) = (byValue[label], byParameter[target.Name!]);
                    if (error is ArgumentException arg)
                    {
                        refused++;
                        byValue[label] = (r0.Refused + 1, r0.Sent);
                        byParameter[target.Name!] = (s0.Methods, s0.Refused + 1, s0.Sent);
                        if (arg.ParamName != target.Name) problems.Add($"{where}: ArgumentException names '{arg.ParamName}', not '{target.Name}': {arg.Message}");
                        if (requests.Count > 0) problems.Add($"{where}: refused, yet sent {requests.Count} request(s): {requests[0].RawTarget}");
                        continue;
                    }
                    if (error is not null and not DwsApiException and not DwsWaitTimeoutException)
                    {
                        problems.Add($"{where}: {error.GetType().FullName} escaped: {error.Message}");
                    }
                    sent++;
                    byValue[label] = (r0.Refused, r0.Sent + 1);
                    byParameter[target.Name!] = (s0.Methods, s0.Refused, s0.Sent + 1);
                    foreach (var r in requests)
                    {
                        if (!IsEncoded(r.RawTarget)) problems.Add($"{where}: sent unencoded: {Printable(r.RawTarget)}");
                        if (!templates.Contains(Template(r.RawTarget, seed, value is null ? [] : [value])))
                            problems.Add($"{where}: {r.Method} {Printable(r.RawTarget)} is outside the call's routes ({string.Join(", ", templates)})");
                    }
                }
            }
        }

        _output.WriteLine($"{covered.Count} parameters of {covered.Select(c => c[..c.IndexOf('(')]).Distinct().Count()} methods, {HostileValues.Length} values each: {calls} calls, {refused} refused with ArgumentException, {sent} sent (encoded)");
        _output.WriteLine($"project ID (the session's ProjectId), {HostileValues.Length} values: {projectRefused} refused naming ProjectId when the session is made, nothing sent; {projectLookedUp} blank, so looked up from IAM (GET /v3/projects) and the call sent to its own route");
        _output.WriteLine("by value (refused naming the parameter / sent encoded), over every parameter:");
        foreach (var (label, n) in byValue) _output.WriteLine($"  {label}: {n.Refused} / {n.Sent}");
        _output.WriteLine("by parameter name (methods: refused / sent):");
        foreach (var (name, n) in byParameter) _output.WriteLine($"  {name} ({n.Methods}): {n.Refused} / {n.Sent}");
        foreach (var c in covered) _output.WriteLine("  " + c);
        foreach (var p in problems.Take(60)) _output.WriteLine("PROBLEM " + p);
        Assert.False(budget.IsCancellationRequested, "ran out of time");
        Assert.Equal(HostileValues.Length, projectRefused + projectLookedUp);
        Assert.True(covered.Count >= 150, $"only {covered.Count} parameters found: is the reflection still finding the areas?");
        Assert.Empty(problems);
    }

    /// <summary>
    /// The project ID is a path value of every call: each hostile value as the session's ProjectId must be refused
    /// (DwsConfigurationException naming ProjectId) before anything is sent, or, blank, be looked up from IAM, after
    /// which the call goes to its own route under the looked-up ID.
    /// </summary>
    private static async Task<(int Refused, int LookedUp)> ProjectIdValuesAsync(EmulatorHost host, List<string> problems, CancellationToken ct)
    {
        int refused = 0, lookedUp = 0;
        var expected = new HashSet<string>(StringComparer.Ordinal) { "/v3/projects", $"/v1.0/{host.Options.ProjectId}/clusters" };
        foreach (var (label, value) in HostileValues)
        {
            var where = $"DwsSessionOptions.ProjectId = {label}";
            var before = host.State.Requests.Count;
            DwsSession session;
            try
            {
                session = host.CreateSession(o =>
                {
                    o.ProjectId = value;
                    o.MaxRetries = 0;
                });
            }
            catch (DwsConfigurationException ex)
            {
                refused++;
                if (!ex.Message.StartsWith("ProjectId is ", StringComparison.Ordinal)) problems.Add($"{where}: the refusal does not name ProjectId: {ex.Message}");
                if (host.State.Requests.Count > before) problems.Add($"{where}: refused, yet sent {host.State.Requests.Count - before} request(s)");
                continue;
            }
            using (session)
            {
                if (value is not null && value.Trim().Length > 0) problems.Add($"{where}: accepted");
                try
                {
                    await session.Clusters.ListAsync(ct);
                    lookedUp++;
                }
                catch (Exception ex)
                {
                    problems.Add($"{where}: {ex.GetType().Name}: {ex.Message}");
                }
            }
            foreach (var r in host.State.Requests.Skip(before))
            {
                var path = r.RawTarget.Split('?')[0];
                if (!IsEncoded(r.RawTarget)) problems.Add($"{where}: sent unencoded: {Printable(r.RawTarget)}");
                if (!expected.Contains(path)) problems.Add($"{where}: {r.Method} {Printable(r.RawTarget)} is outside the call's routes ({string.Join(", ", expected)})");
            }
        }
        return (refused, lookedUp);
    }

    private static string Name(MethodInfo m) => $"{m.DeclaringType!.Name}.{m.Name}";

    /// <summary>Only unreserved characters, percent escapes and the URL's own delimiters.</summary>
    private static bool IsEncoded(string rawTarget) =>
        rawTarget.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~' or '%' or '/' or '?' or '&' or '=');

    /// <summary>
    /// The path with every seeded ID (and the values of the parameter under test, encoded) replaced by {}, plus the
    /// query's keys. A query parameter carrying the value of the parameter under test (left out of the valid call
    /// when optional) is not part of the route.
    /// </summary>
    private static string Template(string rawTarget, Seeded seed, IReadOnlyCollection<string> values)
    {
        var q = rawTarget.IndexOf('?');
        var path = q < 0 ? rawTarget : rawTarget[..q];
        var query = q < 0 ? "" : rawTarget[(q + 1)..];
        var encoded = values.Select(Client.Auth.SignatureEncoding.Encode).Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);
        var segments = path.Split('/').Select(s => seed.Ids.Contains(s) || encoded.Contains(s) ? "{}" : s);
        var pairs = query.Length == 0 ? [] : query.Split('&').Select(p => p.Split('=', 2))
            .Where(p => p.Length < 2 || !values.Contains(Uri.UnescapeDataString(p[1]))).Select(p => p[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var keys = pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
        return string.Join("/", segments) + keys;
    }

    private static string Printable(string s) => s.Length > 120 ? s[..120] + "…" : s;

    internal sealed record Seeded(string ClusterId, string ClusterName, string SnapshotId, string JobId, string PlanId, string StageId, HashSet<string> Ids)
    {
        public string FlavorId { get; init; } = "";
        public List<string> NodeIds { get; init; } = [];
        public string IdleNodeId { get; init; } = "";
        public string CoordinatorId { get; init; } = "";
        public string LogicalClusterId { get; init; } = "";
        public string LogicalClusterName { get; init; } = "";
        public string NewLogicalClusterName { get; init; } = "";
        public List<string> FreeRing { get; init; } = [];
        public List<string> LogicalClusterRing { get; init; } = [];
        public string ConfigurationId { get; init; } = "";
        public string ElbId { get; init; } = "";
        public string EipId { get; init; } = "";
        public string VpcId { get; init; } = "";
        public string SubnetId { get; init; } = "";
    }

    /// <summary>
    /// A fresh cluster (9 data nodes in three rings, an idle node, CNs, two logical clusters on the first two rings,
    /// a tag, a private domain name, an EIP/ELB bound when the method unbinds one), manual snapshot, job, plan and
    /// stage for one method (its valid call may delete them).
    /// </summary>
    internal static Seeded SeedFor(EmulatorHost host, MethodInfo method)
    {
        var state = host.State;
        var clusterId = Seed.Clusters(state, 1, "bi_" + Guid.NewGuid().ToString("N")[..8])[0];
        var converting = method.Name is "ConvertToLogicalClusterAsync" or "SetLogicalClusterFeatureAsync";
        string name, flavorId, coordinatorId, configurationId, vpcId, subnetId, elbId, eipId;
        List<string> nodeIds;
        string idleNodeId = clusterId + "-idle-0";
        var lcFirst = new LogicalClusterRecord { Id = EmulatorState.NewUuid(), Name = "bilc_first", First = true };
        var lc = new LogicalClusterRecord { Id = EmulatorState.NewUuid(), Name = "bilc_" + Guid.NewGuid().ToString("N")[..8] };
        lock (state.Gate)
        {
            var c = state.Clusters[clusterId];
            name = c.Name;
            c.NodeIds = Enumerable.Range(0, 9).Select(n => $"{clusterId}-node-{n}").ToList();
            c.IdleNodeIds = [idleNodeId];
            c.ScaleOutSteps = [3];
            nodeIds = c.NodeIds;
            flavorId = c.NodeTypeId;
            coordinatorId = Topology.Coordinators(c, state.Clock.UtcNow)[0].Id;
            configurationId = ParameterCatalog.GroupId(c, ParameterCatalog.ParameterGroupType);
            vpcId = c.VpcId;
            subnetId = c.SubnetId;
            elbId = ConnectionModel.ElbsOf(c.VpcId)[0].Id;
            eipId = EmulatorState.NewUuid();
            c.Tags = [new DwsPowerShell.Emulator.Areas.Clusters.ClusterTag { Key = "env", Value = "prod" }];
            state.Connections.Of(clusterId).PrivateDomainName = new ClusterDomainName { Name = "bisales", Ttl = 300 };
            if (!converting)
            {
                var rings = Topology.Rings(c);
                lcFirst.Rings = [rings[0]];
                lc.Rings = [rings[1]];
                c.LogicalClusterFeatureEnabled = true;
                c.LogicalClusters = [lcFirst, lc];
            }
            if (method.Name == "UnbindEipAsync")
            {
                c.PublicBindType = "bind_existing";
                c.EipId = eipId;
            }
            if (method.Name == "UnbindElbAsync") state.Connections.Of(clusterId).ElbId = elbId;
        }
        var snapshot = new SnapshotRecord
        {
            Id = EmulatorState.NewUuid(), Name = "bisnap" + Guid.NewGuid().ToString("N")[..8], ClusterId = clusterId, ClusterName = name,
            ClusterVersion = "8.1.3.333", DbUser = "dbadmin", Started = state.Clock.UtcNow.AddHours(-1), Duration = TimeSpan.FromMinutes(1), SizeGb = 1,
        };
        var job = new JobRecord { JobId = EmulatorState.NewHexId(), JobName = "bench", Kind = "stop", ClusterId = clusterId, BeginTime = state.Clock.UtcNow.AddHours(-1), Duration = TimeSpan.FromMinutes(1) };
        var plan = new PlanRecord { Id = EmulatorState.NewUuid(), Name = "biplan", ClusterId = clusterId, Created = state.Clock.UtcNow };
        var stage = new StageRecord { Id = EmulatorState.NewUuid(), PlanId = plan.Id, Name = "bistage", Month = "1", Day = "1", StartTime = "08:00:00", Created = state.Clock.UtcNow };
        lock (state.Gate)
        {
            state.Snapshots[snapshot.Id] = snapshot.ToNode();
            state.Jobs[job.JobId] = job;
            state.Plans[plan.Id] = plan.ToNode();
            state.Stages[stage.Id] = stage.ToNode();
        }
        var newLcName = "bilc_" + Guid.NewGuid().ToString("N")[..8];
        var ids = new HashSet<string>(StringComparer.Ordinal)
        {
            clusterId, snapshot.Id, job.JobId, plan.Id, stage.Id, host.Options.ProjectId,
            flavorId, idleNodeId, coordinatorId, configurationId, elbId, eipId, lc.Id, lc.Name, lcFirst.Id, newLcName,
        };
        ids.UnionWith(nodeIds);
        var allRings = nodeIds.Chunk(Topology.RingSize).Select(r => r.ToList()).ToList();
        return new Seeded(clusterId, name, snapshot.Id, job.JobId, plan.Id, stage.Id, ids)
        {
            FlavorId = flavorId, NodeIds = nodeIds, IdleNodeId = idleNodeId, CoordinatorId = coordinatorId,
            LogicalClusterId = lc.Id, LogicalClusterName = lc.Name, NewLogicalClusterName = newLcName,
            FreeRing = allRings[2], LogicalClusterRing = allRings[1], ConfigurationId = configurationId,
            ElbId = elbId, EipId = eipId, VpcId = vpcId, SubnetId = subnetId,
        };
    }

    private static LogicalClusterRing Ring(IEnumerable<string> nodeIds) => new()
    {
        RingHosts = nodeIds.Select(id => new RingHost { HostName = Topology.HostName(id), BackIp = Topology.BackIp(id), CpuCores = 4, Memory = 32, DiskSize = 100 }).ToList(),
    };

    private static SecureString Secure(string s)
    {
        var secure = new SecureString();
        foreach (var ch in s) secure.AppendChar(ch);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>Calls the method (enumerating an IAsyncEnumerable); returns the exception it ended with, if any.</summary>
    internal static object?[] Arguments(MethodInfo method, Seeded seed, ParameterInfo? hostile, string? value, CancellationToken ct) =>
        method.GetParameters().Select(p => p == hostile ? Hostile(p, value) : Valid(p, seed, ct)).ToArray();

    internal static async Task<Exception?> InvokeAsync(object area, MethodInfo method, object?[] args, CancellationToken ct)
    {
        try
        {
            var result = method.Invoke(area, args);
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable:
                    var enumerator = enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(result, [ct])!;
                    var moveNext = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>)).GetMethod("MoveNextAsync")!;
                    try
                    {
                        while (await (ValueTask<bool>)moveNext.Invoke(enumerator, null)!) { }
                    }
                    finally
                    {
                        await ((IAsyncDisposable)enumerator).DisposeAsync();
                    }
                    break;
            }
            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static object? Hostile(ParameterInfo p, string? value) =>
        p.ParameterType == typeof(string) ? value : value is null ? null : new[] { value };

    internal static object? Valid(ParameterInfo p, Seeded seed, CancellationToken ct)
    {
        var t = p.ParameterType;
        if (t == typeof(CancellationToken)) return ct;
        if (t == typeof(string))
        {
            return p.Name switch
            {
                "clusterId" => seed.ClusterId,
                "snapshotId" => seed.SnapshotId,
                "jobId" => seed.JobId,
                "planId" => seed.PlanId,
                "stageId" => seed.StageId,
                "flavorId" => seed.FlavorId,
                "instanceId" => seed.NodeIds[0],
                "logicalClusterId" => seed.LogicalClusterId,
                "idOrName" => seed.LogicalClusterName,
                "configurationId" => seed.ConfigurationId,
                "logicalClusterName" when p.Member.DeclaringType!.Name == "ClustersApi" => seed.LogicalClusterName,
                "elbId" => seed.ElbId,
                "eipId" => seed.EipId,
                "vpcId" => seed.VpcId,
                "subnetId" => seed.SubnetId,
                "type" when p.Member.DeclaringType!.Name == "ConnectionsApi" => "private",
                "name" when p.Member.Name == "UpdateDomainNameAsync" => "bisales2",
                "name" when p.Member.Name == "ConvertToLogicalClusterAsync" => seed.NewLogicalClusterName,
                "checkItem" => "guc",
                "description" => "bench cluster",
                // Cluster lookups by name find the seeded cluster; new snapshots and plans get fresh names.
                "name" when p.Member.Name.Contains("Snapshot", StringComparison.Ordinal) || p.Member.DeclaringType!.Name == "SnapshotsApi" => "bi" + Guid.NewGuid().ToString("N")[..10],
                "name" => seed.ClusterName,
                "planName" => "bi_" + Guid.NewGuid().ToString("N")[..10],
                _ => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"no valid value for {p.Member.Name}({p.Name})"),
            };
        }
        if (t == typeof(IEnumerable<string>) || t == typeof(IReadOnlyCollection<string>))
        {
            return p.Name switch
            {
                "jobIds" => new[] { seed.JobId },
                "nodeIds" when p.Member.Name == "DeleteNodesAsync" => new[] { seed.IdleNodeId },
                "nodeIds" => seed.NodeIds.Take(2).ToArray(),
                "coordinatorNodeIds" => new[] { seed.CoordinatorId },
                "securityGroupIds" => new[] { "sg-seeded", "sg-bench" },
                "keys" => new[] { "env" },
                _ => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"no valid value for {p.Member.Name}({p.Name})"),
            };
        }
        if (t == typeof(bool)) return p.HasDefaultValue ? p.DefaultValue : true;
        if (t == typeof(SecureString)) return Secure("NewPassw0rd!x");
        if (t == typeof(IEnumerable<ResourceTag>))
            return p.Member.Name == "RemoveAsync" ? new[] { new ResourceTag("env", "prod") } : new[] { new ResourceTag("team", "bi") };
        if (t == typeof(IEnumerable<ParameterSetting>)) return new[] { new ParameterSetting("cn", "session_timeout", "900") };
        if (t == typeof(IReadOnlyDictionary<string, string>)) return new Dictionary<string, string> { ["session_timeout"] = "900" };
        if (t == typeof(CreateLogicalClusterRequest)) return new CreateLogicalClusterRequest { LogicalClusterName = seed.NewLogicalClusterName, ClusterRings = [Ring(seed.FreeRing)] };
        if (t == typeof(UpdateLogicalClusterRequest)) return new UpdateLogicalClusterRequest { ClusterRings = [Ring(seed.LogicalClusterRing), Ring(seed.FreeRing)] };
        if (t == typeof(ChangeFlavorRequest)) return new ChangeFlavorRequest(seed.FlavorId);
        if (t == typeof(ScaleOutWithIdleNodesRequest)) return new ScaleOutWithIdleNodesRequest(3);
        if (t == typeof(GrowCheckRequest)) return new GrowCheckRequest { ScaleOut = new ScaleOutCount { Count = 3 }, ExpandWithExistedNode = true };
        if (t == typeof(StartRedistributionRequest)) return new StartRedistributionRequest("Offline", 32);
        if (t == typeof(EncryptClusterRequest)) return new EncryptClusterRequest { Encrypt = new EncryptInfo { MasterKeyId = "key-1", MasterKeyName = "KMS-test" } };
        if (t == typeof(DomainNameRequest)) return new DomainNameRequest("bisales", "private", 600);
        if (t == typeof(DwsWaitOptions)) return new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(200) };
        if (t == typeof(ResizeClusterRequest)) return new ResizeClusterRequest(3);
        if (t == typeof(ShrinkClusterRequest)) return new ShrinkClusterRequest { ShrinkNumber = 3, Online = true };
        if (t == typeof(WorkloadPlanStage))
        {
            return new WorkloadPlanStage
            {
                StageName = "bistage2", Month = "2", Day = "2", StartTime = "09:00:00", EndTime = "10:00:00",
                QueueList = [new WorkloadPlanQueue { QueueName = "q1", QueueResources = [new WorkloadResourceItem { ResourceName = "cpu", ResourceValue = 20 }] }],
            };
        }
        if (t == typeof(Action<WorkloadPlanStage>))
        {
            return new Action<WorkloadPlanStage>(s =>
            {
                s.EndTime = "11:00:00";
                if (s.QueueList is not { Count: > 0 }) s.QueueList = [new WorkloadPlanQueue { QueueName = "q1", QueueResources = [new WorkloadResourceItem { ResourceName = "cpu", ResourceValue = 20 }] }];
            });
        }
        if (p.HasDefaultValue) return p.DefaultValue;
        if (t == typeof(int))
        {
            return p.Name switch
            {
                "offset" => 0,
                "removeNodeCount" or "shrinkCount" => 3,
                "addCount" => 1,
                "totalCount" => 4,
                "newSizeGb" => 200,
                _ => 10,
            };
        }
        throw new InvalidOperationException($"no valid value for {p.Member.Name}({p.Name}: {t.Name})");
    }
}
