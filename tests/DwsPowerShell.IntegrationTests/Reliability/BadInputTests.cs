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

        foreach (var (area, method) in ClientCalls.PublicMethods(session))
        {
            var targets = method.GetParameters().Where(IsTarget).ToList();
            if (targets.Count == 0) continue;
            var seed = ClientCalls.SeedFor(host, method);
            // The routes the call reaches with valid values.
            var before = host.State.Requests.Count;
            var validArgs = ClientCalls.Arguments(method, seed, budget.Token);
            var baseline = await ClientCalls.InvokeAsync(area, method, validArgs, budget.Token);
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
                    await ClientCalls.InvokeAsync(area, method, ClientCalls.Arguments(method, seed, budget.Token, target, null), budget.Token);
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
                    var error = await ClientCalls.InvokeAsync(area, method, ClientCalls.Arguments(method, seed, budget.Token, target, Hostile(target, value)), budget.Token);
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
    private static string Template(string rawTarget, ClientCalls.Seeded seed, IReadOnlyCollection<string> values)
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

    private static object? Hostile(ParameterInfo p, string? value) =>
        p.ParameterType == typeof(string) ? value : value is null ? null : new[] { value };

}
