using System.Collections.Concurrent;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Transport;

public class IamTokenTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Password = "IAM-PASSWORD-secret-77";

    private sealed class Iam
    {
        private int _tokens;
        public int TokenRequests => Volatile.Read(ref _tokens);
        public int ProjectLookups;
        public bool TokenCarriesProject { get; set; } = true;
        public Func<SeenRequest, int, HttpResponseMessage?>? Dws { get; set; }
        public Func<SeenRequest, int, Task<HttpResponseMessage?>>? DwsAsync { get; set; }
        public ConcurrentQueue<string> TokenBodies { get; } = new();
        public FakeHandler Handler { get; }
        private int _dwsCalls;

        public Iam()
        {
            Handler = new FakeHandler(async (r, ct) =>
            {
                if (r.Method == "POST" && r.Uri.AbsolutePath == "/v3/auth/tokens")
                {
                    var n = Interlocked.Increment(ref _tokens);
                    TokenBodies.Enqueue(r.BodyText);
                    await Task.Delay(20, ct);
                    var project = TokenCarriesProject ? ",\"project\":{\"id\":\"tokproj\",\"name\":\"xx-test-1\"}" : "";
                    var resp = FakeHandler.Json(201, "{\"token\":{\"expires_at\":\"2024-01-02T00:00:00.000000Z\",\"methods\":[\"password\"]" + project + "}}", ("X-Subject-Token", "TOKEN-" + n));
                    return resp;
                }
                if (r.Method == "GET" && r.Uri.AbsolutePath == "/v3/projects")
                {
                    Interlocked.Increment(ref ProjectLookups);
                    await Task.Delay(20, ct);
                    Assert.Equal("?name=xx-test-1", r.Uri.Query);
                    return FakeHandler.Json(200, "{\"projects\":[{\"id\":\"lookedup\",\"name\":\"xx-test-1\"}]}");
                }
                var i = Interlocked.Increment(ref _dwsCalls);
                if (DwsAsync is not null && await DwsAsync(r, i) is { } a) return a;
                return Dws?.Invoke(r, i) ?? FakeHandler.Json(200, "{\"job_id\":\"j1\",\"status\":\"RUNNING\"}");
            });
        }
    }

    private static DwsSession Session(Iam iam, FakeTime? time = null, string? projectId = null, ConcurrentQueue<DwsLogEntry>? log = null) =>
        TestSessions.Session(iam.Handler, credentials: new IamPasswordCredentials("alice", Password, "acme"), time: time ?? new FakeTime(Start), projectId: projectId, log: log);

    [Fact]
    public async Task The_token_is_fetched_once_for_many_concurrent_calls_and_sent_as_X_Auth_Token()
    {
        var iam = new Iam();
        using var session = Session(iam, projectId: "given");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.Jobs.GetAsync("j1")));
        Assert.Equal(1, iam.TokenRequests);
        var dws = iam.Handler.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, dws.Count);
        Assert.All(dws, r => Assert.Equal("TOKEN-1", r.Header("X-Auth-Token")));
        Assert.All(dws, r => Assert.Null(r.Header("Authorization")));
        var tokenRequest = iam.Handler.Requests.First(r => r.Uri.AbsolutePath == "/v3/auth/tokens");
        Assert.Null(tokenRequest.Header("X-Auth-Token"));
        Assert.Contains("\"password\":\"" + Password + "\"", Assert.Single(iam.TokenBodies));
        Assert.Contains("\"name\":\"xx-test-1\"", iam.TokenBodies.Single());
    }

    [Fact]
    public async Task The_token_is_renewed_when_near_expiry()
    {
        var iam = new Iam();
        var time = new FakeTime(Start);
        using var session = Session(iam, time, projectId: "given");
        await session.Jobs.GetAsync("j1");
        time.Advance(TimeSpan.FromHours(23));
        await session.Jobs.GetAsync("j1");
        Assert.Equal(1, iam.TokenRequests);
        time.Advance(TimeSpan.FromMinutes(31)); // 29 minutes before expiry: inside the renewal window
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, iam.TokenRequests);
        Assert.Equal("TOKEN-2", iam.Handler.Requests.Last().Header("X-Auth-Token"));
    }

    [Fact]
    public async Task A_401_renews_the_token_exactly_once()
    {
        var iam = new Iam { Dws = (r, i) => i == 1 ? FakeHandler.Json(401, "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"token expired\"}") : null };
        using var session = Session(iam, projectId: "given");
        var job = await session.Jobs.GetAsync("j1");
        Assert.Equal("j1", job.JobId);
        Assert.Equal(2, iam.TokenRequests);
        Assert.Equal("TOKEN-2", iam.Handler.Requests.Last().Header("X-Auth-Token"));
    }

    [Fact]
    public async Task A_401_that_persists_fails_after_one_renewal()
    {
        var iam = new Iam { Dws = (r, i) => FakeHandler.Json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"bad token\"}") };
        using var session = Session(iam, projectId: "given");
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(2, iam.TokenRequests);
        Assert.Equal(2, iam.Handler.Requests.Count(r => r.Uri.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Concurrent_401s_renew_the_token_once()
    {
        var iam = new Iam { Dws = (r, i) => r.Header("X-Auth-Token") == "TOKEN-1" ? FakeHandler.Json(401, "") : null };
        using var session = Session(iam, projectId: "given");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => session.Jobs.GetAsync("j1")));
        Assert.Equal(2, iam.TokenRequests);
    }

    [Fact]
    public async Task A_late_401_for_an_old_token_does_not_discard_the_renewed_one()
    {
        // Two calls are both sent with TOKEN-1. The first is rejected at once and renews (TOKEN-2); the
        // second's rejection of TOKEN-1 arrives only after TOKEN-2 is in use, and must not throw TOKEN-2 away.
        Iam iam = null!;
        iam = new Iam
        {
            DwsAsync = async (r, i) =>
            {
                if (r.Header("X-Auth-Token") != "TOKEN-1") return null;
                for (var n = 0; n < 3000 && iam.Handler.Requests.Count(x => x.Header("X-Auth-Token") == "TOKEN-1") < 2; n++) await Task.Delay(10);
                if (i == 1) return FakeHandler.Json(401, "");
                for (var n = 0; n < 3000 && !iam.Handler.Requests.Any(x => x.Header("X-Auth-Token") == "TOKEN-2"); n++) await Task.Delay(10);
                return FakeHandler.Json(401, "");
            },
        };
        using var session = Session(iam, projectId: "given");
        await Task.WhenAll(session.Jobs.GetAsync("a"), session.Jobs.GetAsync("b"));
        Assert.Equal(2, iam.Handler.Requests.Count(x => x.Header("X-Auth-Token") == "TOKEN-1"));
        Assert.Equal(2, iam.TokenRequests);
        Assert.DoesNotContain(iam.Handler.Requests, r => r.Header("X-Auth-Token") == "TOKEN-3");
    }

    [Fact]
    public async Task The_project_id_comes_from_the_token()
    {
        var iam = new Iam();
        using var session = Session(iam);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => session.Jobs.GetAsync("j1")));
        Assert.Equal("tokproj", session.ProjectId);
        Assert.Equal(0, iam.ProjectLookups);
        Assert.Equal(1, iam.TokenRequests);
        Assert.All(iam.Handler.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal)),
            r => Assert.StartsWith("/v1.0/tokproj/job/", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task The_project_id_is_looked_up_once_by_region_when_the_token_has_none()
    {
        var iam = new Iam { TokenCarriesProject = false };
        using var session = Session(iam);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => session.Jobs.GetAsync("j1")));
        Assert.Equal("lookedup", session.ProjectId);
        Assert.Equal(1, iam.ProjectLookups);
        Assert.Equal(1, iam.TokenRequests);
    }

    [Fact]
    public async Task AK_SK_sessions_look_the_project_up_once_with_a_signed_request()
    {
        var iam = new Iam();
        using var session = TestSessions.Session(iam.Handler, projectId: null);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => session.Jobs.GetAsync("j1")));
        Assert.Equal("lookedup", session.ProjectId);
        Assert.Equal(1, iam.ProjectLookups);
        Assert.Equal(0, iam.TokenRequests);
        TransportTests.AssertValidSignature(iam.Handler.Requests.First(r => r.Uri.AbsolutePath == "/v3/projects"));
    }

    [Fact]
    public async Task No_log_line_or_error_carries_the_password_or_token()
    {
        var log = new ConcurrentQueue<DwsLogEntry>();
        var iam = new Iam { Dws = (r, i) => FakeHandler.Json(401, "") };
        using var session = Session(iam, log: log);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        foreach (var text in log.Select(l => l.Message).Append(ex.ToString()).Append(session.ToString()))
        {
            Assert.DoesNotContain(Password, text);
            Assert.DoesNotContain("TOKEN-1", text);
            Assert.DoesNotContain("TOKEN-2", text);
        }
    }
}
