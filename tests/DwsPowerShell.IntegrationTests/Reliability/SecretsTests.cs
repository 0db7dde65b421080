using System.Collections.Concurrent;
using System.Text;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;
using Xunit.Abstractions;

namespace DwsPowerShell.IntegrationTests.Reliability;

/// <summary>
/// A representative scenario with each kind of credentials (AK/SK, IAM password, token), capturing every log
/// line, every exception's message and ToString(), and ToString() of sessions, credentials, requests and results.
/// None may contain the secret key, the IAM password, the token, the cluster admin password, or any
/// Authorization / X-Auth-Token value that went on the wire.
/// </summary>
public class SecretsTests
{
    private const string AdminPassword = "Secret-Admin-Passw0rd-7731";
    private readonly ITestOutputHelper _output;

    public SecretsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task No_secret_or_credential_header_appears_in_logs_messages_or_ToString()
    {
        await using var host = await EmulatorHost.OnLoopbackAsync(o => o.TimeScale = 600);
        var texts = new ConcurrentQueue<(string Where, string Text)>();
        var sentSecrets = new ConcurrentDictionary<string, byte>();
        void Keep(string where, object? value)
        {
            if (value is null) return;
            texts.Enqueue((where, value.ToString() ?? ""));
            if (value is Exception ex)
            {
                for (var e = ex; e is not null; e = e.InnerException) texts.Enqueue((where + " message", e.Message));
            }
        }
        Seed.Clusters(host.State, 1, "secrets");
        // Some faults, so that retry and failure lines are logged too.
        host.State.FailNext("snapshot", new JobFailure("DWS.9999", "injected"));

        DwsSession Make(string name, DwsCredentials credentials, string? projectId) => host.CreateSession(o =>
        {
            o.ProjectId = projectId;
            o.Log = e => Keep(name + " log", e.Message);
            var inner = o.ConfigureHandler;
            o.ConfigureHandler = h => new Capturing(inner is null ? h : inner(h), sentSecrets);
        }, credentials);

        using var akSk = Make("ak/sk", new AccessKeyCredentials(host.Options.AccessKey, host.Options.SecretKey), null);
        using var iam = Make("iam", host.IamUser(), null);
        await RunScenarioAsync("ak/sk", akSk, Keep);
        await RunScenarioAsync("iam", iam, Keep);
        var token = sentSecrets.Keys.First(k => k.StartsWith("X-Auth-Token: ", StringComparison.Ordinal))["X-Auth-Token: ".Length..];
        using var byToken = Make("token", new TokenCredentials(token), host.Options.ProjectId);
        await RunScenarioAsync("token", byToken, Keep);

        // Wrong secrets: the failure messages must not echo them either.
        const string wrongSk = "wrong-secret-key-0000000000000000000000";
        const string wrongPassword = "Wrong-Passw0rd-123456";
        using var badSk = Make("bad sk", new AccessKeyCredentials(host.Options.AccessKey, wrongSk), host.Options.ProjectId);
        Keep("bad sk", await Record(() => badSk.Clusters.ListAsync()));
        using var badIam = Make("bad iam", new IamPasswordCredentials(host.Options.IamUserName, wrongPassword, host.Options.IamDomainName), null);
        Keep("bad iam", await Record(() => badIam.Clusters.ListAsync()));
        foreach (var s in new[] { akSk, iam, byToken, badSk, badIam })
        {
            Keep("session", s);
            Keep("credentials", s.Credentials);
            Keep("options", s.Options);
        }

        var secrets = new List<(string Name, string Value)>
        {
            ("secret key", host.Options.SecretKey),
            ("IAM password", host.Options.IamPassword),
            ("token", token),
            ("cluster admin password", AdminPassword),
            ("wrong secret key", wrongSk),
            ("wrong IAM password", wrongPassword),
        };
        foreach (var header in sentSecrets.Keys)
        {
            var value = header[(header.IndexOf(':') + 2)..];
            secrets.Add((header[..header.IndexOf(':')] + " value", value));
            // The signature part alone, too (the access key and header names in it are not secret).
            var signature = value.IndexOf("Signature=", StringComparison.Ordinal);
            if (signature >= 0) secrets.Add(("Authorization signature", value[(signature + 10)..]));
        }

        var leaks = (from t in texts from s in secrets where t.Text.Contains(s.Value, StringComparison.Ordinal) select $"{s.Name} in {t.Where}: {Shorten(t.Text)}").Distinct().ToList();
        _output.WriteLine($"{texts.Count} texts checked (log lines, exception messages and ToString(), session/credential/result ToString()) against {secrets.Count} secret values ({sentSecrets.Count} distinct Authorization/X-Auth-Token values sent)");
        foreach (var l in leaks) _output.WriteLine("LEAK " + l);
        Assert.True(sentSecrets.Keys.Any(k => k.StartsWith("Authorization", StringComparison.Ordinal)), "no signed request was captured");
        Assert.True(texts.Count > 50, "too little was captured for the check to mean anything");
        Assert.Empty(leaks);
    }

    private static async Task RunScenarioAsync(string name, DwsSession session, Action<string, object?> keep)
    {
        keep(name, await session.GetProjectIdAsync());
        var clusters = await session.Clusters.ListAsync();
        foreach (var c in clusters) keep(name + " cluster", c);
        var cluster = clusters[0];
        keep(name + " get", await session.Clusters.GetAsync(cluster.Id));
        var nodeType = (await session.Clusters.ListNodeTypesAsync()).First(t => t.DatastoreType == "dws");
        var zone = (await session.AvailabilityZones.ListAsync()).First(z => z.IsAvailable);
        var request = new CreateClusterRequest
        {
            Name = "secrets-" + name.Replace("/", "", StringComparison.Ordinal), Flavor = nodeType.SpecName, NumNode = 3, NumCn = 3,
            AdminUserName = "dbadmin", AdminPassword = AdminPassword, AvailabilityZones = [zone.Code!], VpcId = "vpc-s", SubnetId = "subnet-s",
            SecurityGroupId = "sg-s", DatastoreVersion = nodeType.Datastores?.Select(d => d.Version).LastOrDefault(v => v is not null),
        };
        keep(name + " request", request);
        keep(name + " create", await session.Clusters.CreateAsync(request));
        keep(name + " duplicate create", await Record(() => session.Clusters.CreateAsync(request)));
        keep(name + " snapshot", await Record(() => session.Snapshots.CreateAsync(cluster.Id, "snap-" + name.Replace("/", "", StringComparison.Ordinal))));
        keep(name + " missing", await Record(() => session.Clusters.GetAsync("00000000-0000-0000-0000-000000000000")));
        keep(name + " bad argument", await Record(() => session.Clusters.GetAsync("../x")));
        keep(name + " wait timeout", await Record(() => session.Clusters.WaitForCreationAsync("never-created",
            new Client.Waiting.DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(100) })));
    }

    private static async Task<object?> Record<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is DwsApiException or ArgumentException or TimeoutException or DwsConfigurationException)
        {
            return ex;
        }
    }

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;

    /// <summary>Records the Authorization and X-Auth-Token values sent, and the IAM token issued.</summary>
    private sealed class Capturing(HttpMessageHandler inner, ConcurrentDictionary<string, byte> seen) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var name in new[] { "Authorization", "X-Auth-Token", "X-Security-Token" })
            {
                if (request.Headers.TryGetValues(name, out var values)) foreach (var v in values) seen.TryAdd($"{name}: {v}", 0);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("X-Subject-Token", out var issued)) foreach (var v in issued) seen.TryAdd($"X-Auth-Token: {v}", 0);
            return response;
        }
    }
}
