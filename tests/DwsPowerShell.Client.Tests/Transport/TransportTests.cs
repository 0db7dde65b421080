using DwsPowerShell.Client.Models.Jobs;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Tests.Support;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Transport;

public class TransportTests
{
    private const string JobJson = "{\"job_id\":\"j1\",\"status\":\"RUNNING\",\"progress\":\"9%\"}";

    /// <summary>Recomputes the Authorization header from exactly what went on the wire.</summary>
    internal static void AssertValidSignature(SeenRequest seen, string ak = TestSessions.Ak, string sk = TestSessions.Sk)
    {
        var authorization = seen.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=", authorization);
        var signedList = authorization!.Split("SignedHeaders=")[1].Split(',')[0];
        var signing = new SigningRequest(seen.Method, seen.Uri.AbsolutePath) { Body = seen.Body };
        var query = seen.Uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            foreach (var part in query.Split('&'))
            {
                var eq = part.IndexOf('=');
                var k = eq < 0 ? part : part.Substring(0, eq);
                var v = eq < 0 ? "" : part.Substring(eq + 1);
                signing.Query.Add(new(SignatureEncoding.Decode(k, true), SignatureEncoding.Decode(v, true)));
            }
        }
        foreach (var name in signedList.Split(';'))
        {
            var value = name == "host" ? seen.Header("Host") ?? seen.Uri.Authority : seen.Header(name);
            Assert.True(value is not null, $"signed header {name} was not sent");
            signing.Headers[name] = value!;
        }
        Assert.Contains("host", signedList.Split(';'));
        Assert.Contains("x-sdk-date", signedList.Split(';'));
        var date = signing.Headers["x-sdk-date"];
        var expected = SdkHmacSigner.Sign(signing, ak, sk, DateTime.UtcNow);
        Assert.Equal(expected, authorization);
        Assert.Matches(@"^\d{8}T\d{6}Z$", date);
    }

    [Fact]
    public async Task A_GET_is_sent_signed_with_date_project_and_host()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler);
        var job = await session.Jobs.GetAsync("j 1/ü".Replace("/", "-"));
        Assert.Equal("RUNNING", job.Status);
        var seen = Assert.Single(handler.Requests);
        Assert.Equal("GET", seen.Method);
        Assert.Equal("/v1.0/proj-1/job/j%201-%C3%BC", seen.Uri.AbsolutePath);
        Assert.Equal("proj-1", seen.Header("X-Project-Id"));
        Assert.Equal("127.0.0.1:1", seen.Header("Host") ?? seen.Uri.Authority);
        AssertValidSignature(seen);
    }

    [Fact]
    public async Task A_POST_body_is_sent_as_the_exact_json_that_was_signed()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{}"));
        using var session = TestSessions.Session(handler);
        await session.Transport.SendAsync(DwsRequest.Post("/v1.0/{project_id}/clusters/{cluster_id}/restart").Path("cluster_id", "c1")
            .Query("name", "a b+c").WithBody(new { restart = new { }, name = "x" }));
        var seen = Assert.Single(handler.Requests);
        Assert.Equal("{\"restart\":{},\"name\":\"x\"}", seen.BodyText);
        Assert.StartsWith("application/json", seen.Header("Content-Type"));
        Assert.Equal("?name=a%20b%2Bc", seen.Uri.Query);
        AssertValidSignature(seen);
    }

    [Fact]
    public async Task Signature_is_valid_with_a_security_token_and_the_token_is_signed()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler, credentials: new AccessKeyCredentials(TestSessions.Ak, TestSessions.Sk, "tok-123"));
        await session.Jobs.GetAsync("j1");
        var seen = Assert.Single(handler.Requests);
        Assert.Equal("tok-123", seen.Header("X-Security-Token"));
        Assert.Contains("x-security-token", seen.Header("Authorization"));
        AssertValidSignature(seen);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task A_GET_is_retried_on_transient_status_then_fails_with_the_attempt_count(int status)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(status, "{\"error_code\":\"DWS.0001\",\"error_msg\":\"busy\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(4, handler.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("DWS.0001", ex.ErrorCode);
        foreach (var seen in handler.Requests) AssertValidSignature(seen);
    }

    [Fact]
    public async Task A_GET_recovers_when_a_retry_succeeds()
    {
        var n = 0;
        var handler = new FakeHandler(_ => Interlocked.Increment(ref n) < 3 ? FakeHandler.Json(503, "") : FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler);
        var job = await session.Jobs.GetAsync("j1");
        Assert.Equal("j1", job.JobId);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task A_GET_is_not_retried_on_a_client_error()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(404, "{\"error_code\":\"DWS.0015\",\"error_msg\":\"gone\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(1, handler.Count);
        Assert.True(ex.IsNotFound);
    }

    internal static Exception Refused() => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)",
        new SocketException((int)SocketError.ConnectionRefused));

    internal static Exception Reset() => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.",
        new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));

    [Fact]
    public async Task A_GET_is_retried_on_connection_failures()
    {
        var n = 0;
        var handler = new FakeHandler((_, _) => Interlocked.Increment(ref n) switch
        {
            1 => throw Refused(),
            2 => throw Reset(),
            _ => Task.FromResult(FakeHandler.Json(200, JobJson)),
        });
        using var session = TestSessions.Session(handler);
        await session.Jobs.GetAsync("j1");
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task A_GET_that_never_connects_fails_with_ConnectionFailed_after_all_attempts()
    {
        var handler = new FakeHandler((_, _) => throw Refused());
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(4, handler.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(0, ex.StatusCode);
        Assert.Equal("DWS.Client.ConnectionFailed", ex.ErrorCode);
    }

    private static DwsRequest Mutation() => DwsRequest.Post("/v1.0/{project_id}/clusters/{cluster_id}/restart").Path("cluster_id", "c1").WithBody(new { restart = new { } });

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_POST_mutation_is_not_retried_on_a_server_error(int status)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(status, "{\"error_code\":\"DWS.0001\",\"error_msg\":\"oops\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Mutation()));
        Assert.Equal(1, handler.Count);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_POST_mutation_is_not_retried_after_a_reset()
    {
        var handler = new FakeHandler((_, _) => throw Reset());
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Mutation()));
        Assert.Equal(1, handler.Count);
        Assert.Equal("DWS.Client.ConnectionBroken", ex.ErrorCode);
    }

    [Fact]
    public async Task A_POST_mutation_is_not_retried_after_an_attempt_timeout()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Json(200, "{}");
        });
        using var session = TestSessions.Session(handler, o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Mutation()));
        Assert.Equal(1, handler.Count);
        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
    }

    [Fact]
    public async Task A_GET_is_retried_after_an_attempt_timeout()
    {
        var n = 0;
        var handler = new FakeHandler(async (_, ct) =>
        {
            if (Interlocked.Increment(ref n) == 1) await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Json(200, JobJson);
        });
        using var session = TestSessions.Session(handler, o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task A_POST_mutation_is_retried_on_429_and_on_connection_refused()
    {
        var n = 0;
        var handler = new FakeHandler((_, _) => Interlocked.Increment(ref n) switch
        {
            1 => Task.FromResult(FakeHandler.Json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}")),
            2 => throw Refused(),
            _ => Task.FromResult(FakeHandler.Json(200, "{}")),
        });
        using var session = TestSessions.Session(handler);
        await session.Transport.SendAsync(Mutation());
        Assert.Equal(3, handler.Count);
        var bodies = handler.Requests.Select(r => r.BodyText).Distinct().ToList();
        Assert.Equal("{\"restart\":{}}", Assert.Single(bodies));
        foreach (var seen in handler.Requests) AssertValidSignature(seen);
    }

    [Fact]
    public async Task Retry_After_seconds_is_honoured()
    {
        var time = new FakeTime(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)) { AutoAdvance = true };
        var n = 0;
        var handler = new FakeHandler(_ => Interlocked.Increment(ref n) == 1 ? FakeHandler.Json(429, "", ("Retry-After", "7")) : FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler, o => { o.RetryMaxDelay = TimeSpan.FromSeconds(30); o.TotalTimeout = Timeout.InfiniteTimeSpan; }, time: time);
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, handler.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), time.Delays);
    }

    [Fact]
    public async Task Retry_After_http_date_is_honoured()
    {
        var start = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var time = new FakeTime(start) { AutoAdvance = true };
        var n = 0;
        var handler = new FakeHandler(_ => Interlocked.Increment(ref n) == 1
            ? FakeHandler.Json(503, "", ("Retry-After", start.AddSeconds(12).ToString("r", System.Globalization.CultureInfo.InvariantCulture)))
            : FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler, o => { o.RetryMaxDelay = TimeSpan.FromSeconds(30); o.TotalTimeout = Timeout.InfiniteTimeSpan; }, time: time);
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, handler.Count);
        Assert.Contains(TimeSpan.FromSeconds(12), time.Delays);
    }

    [Fact]
    public async Task Retry_After_is_capped_at_RetryMaxDelay()
    {
        var time = new FakeTime(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)) { AutoAdvance = true };
        var n = 0;
        var handler = new FakeHandler(_ => Interlocked.Increment(ref n) == 1 ? FakeHandler.Json(429, "", ("Retry-After", "86400")) : FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler, o => { o.RetryMaxDelay = TimeSpan.FromSeconds(5); o.TotalTimeout = Timeout.InfiniteTimeSpan; }, time: time);
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, handler.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(time.Delays));
    }

    [Fact]
    public async Task TotalTimeout_ends_the_call_with_DWS_Client_Timeout()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Json(200, JobJson);
        });
        using var session = TestSessions.Session(handler, o => o.TotalTimeout = TimeSpan.FromMilliseconds(300));
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
        Assert.Equal(0, ex.StatusCode);
    }

    [Fact]
    public async Task TotalTimeout_also_bounds_retry_delays()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(503, ""));
        using var session = TestSessions.Session(handler, o =>
        {
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
            o.RetryBaseDelay = TimeSpan.FromHours(1);
            o.RetryMaxDelay = TimeSpan.FromHours(1);
        });
        var call = session.Jobs.GetAsync("j1");
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(call, finished);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => call);
        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Cancellation_stops_a_call_waiting_between_retries()
    {
        using var firstSeen = new SemaphoreSlim(0);
        var handler = new FakeHandler(_ => { firstSeen.Release(); return FakeHandler.Json(503, ""); });
        using var session = TestSessions.Session(handler, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromHours(1);
            o.RetryMaxDelay = TimeSpan.FromHours(1);
            o.TotalTimeout = TimeSpan.FromHours(3);
        });
        using var cts = new CancellationTokenSource();
        var call = session.Jobs.GetAsync("j1", cts.Token);
        Assert.True(await firstSeen.WaitAsync(TimeSpan.FromSeconds(60)));
        cts.Cancel();
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(call, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Jobs.GetAsync("j1", new CancellationToken(true)));
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Truncated_json_on_a_GET_is_retried_then_reported_as_InvalidResponse()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"job_id\":\"j1\",\"sta"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal("DWS.Client.InvalidResponse", ex.ErrorCode);
        Assert.Equal(4, handler.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(200, ex.StatusCode);
    }

    public sealed class Counted
    {
        [JsonPropertyName("n")]
        public int N { get; set; }
    }

    [Fact]
    public async Task A_number_too_large_for_its_field_is_an_InvalidResponse_not_a_raw_exception()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"n\":\"99999999999\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync<Counted>(DwsRequest.Get("/v1.0/{project_id}/x")));
        Assert.Equal("DWS.Client.InvalidResponse", ex.ErrorCode);
    }

    [Fact]
    public async Task A_truncated_answer_to_a_POST_mutation_is_not_resent()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"job_id\":"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync<DwsJob>(Mutation()));
        Assert.Equal("DWS.Client.InvalidResponse", ex.ErrorCode);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData("{\"workload_res_code\":1,\"workload_res_str\":\"queue is busy\"}", "1", "queue is busy")]
    [InlineData("{\"workload_res_code\":\"5\",\"workload_res_str\":\"bad\"}", "5", "bad")]
    [InlineData("{\"ret_code\":2,\"ret_msg\":\"no perm space\"}", "2", "no perm space")]
    public async Task A_failure_code_inside_a_200_fails_a_call_marked_WithResultCode(string body, string code, string text)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, body));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(DwsRequest.Get("/v2/{project_id}/clusters/{cluster_id}/workload/queues").Path("cluster_id", "c1").WithResultCode()));
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(text, ex.ErrorMessage);
        Assert.Contains(text, ex.Message);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData("{\"workload_res_code\":0,\"workload_res_str\":\"ok\"}")]
    [InlineData("{\"workload_res_code\":\"0\"}")]
    [InlineData("{\"workload_res_code\":null}")]
    [InlineData("{\"workload_queue_name_list\":[\"q1\"]}")]
    [InlineData("{\"ret_code\":0}")]
    [InlineData("")]
    public async Task A_zero_or_missing_result_code_is_success(string body)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, body));
        using var session = TestSessions.Session(handler);
        await session.Transport.SendAsync(DwsRequest.Get("/v2/{project_id}/clusters/{cluster_id}/workload/queues").Path("cluster_id", "c1").WithResultCode());
    }

    [Fact]
    public async Task A_result_code_is_only_checked_on_calls_marked_WithResultCode()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"ret_code\":3,\"ret_msg\":\"a field of another API\"}"));
        using var session = TestSessions.Session(handler);
        await session.Transport.SendAsync(DwsRequest.Get("/v1.0/{project_id}/clusters/{cluster_id}").Path("cluster_id", "c1"));
    }

    [Theory]
    [InlineData("{\"error_code\":\"DWS.0138\",\"error_msg\":\"description changed\"}", "DWS.0138")]
    [InlineData("{\"error_code\":\"DWS.0000\",\"error_msg\":\"Request successfully processed.\"}", null)]
    [InlineData("{\"error_code\":null,\"error_msg\":null,\"job_id\":\"j\"}", null)]
    public async Task A_2xx_with_another_error_code_is_a_failure(string body, string? code)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, body));
        using var session = TestSessions.Session(handler);
        var send = () => session.Transport.SendAsync(DwsRequest.Post("/v1.0/{project_id}/clusters/{cluster_id}/description").Path("cluster_id", "c1").WithBody(new { description = "d" }));
        if (code is null)
        {
            await send();
            return;
        }
        var error = await Assert.ThrowsAsync<DwsApiException>(send);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("/v1.0/proj-1/clusters/c1/description", error.Message);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData("DWS.0138", false)]
    [InlineData("DWS.6001", true)]
    public async Task Only_a_code_the_operation_documents_as_success_passes(string code, bool fails)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, $"{{\"error_code\":\"{code}\",\"error_msg\":null}}"));
        using var session = TestSessions.Session(handler);
        var send = () => session.Transport.SendAsync(DwsRequest.Post("/v1/{project_id}/clusters/{cluster_id}/description").Path("cluster_id", "c1")
            .WithBody(new { description_info = "d" }).WithSuccessCode("DWS.0138"));
        if (fails) Assert.Equal(code, (await Assert.ThrowsAsync<DwsApiException>(send)).ErrorCode);
        else await send();
    }

    [Fact]
    public async Task Saving_a_description_answered_with_its_documented_DWS_0138_logs_no_warning()
    {
        // 5.2.54's success example answers 200 {"error_code":"DWS.0138","error_msg":null}.
        var log = new ConcurrentQueue<DwsLogEntry>();
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"error_code\":\"DWS.0138\",\"error_msg\":null}"));
        using var session = TestSessions.Session(handler, log: log);
        var saved = await session.Clusters.SetDescriptionAsync("c1", "nightly ETL");
        Assert.Equal("DWS.0138", saved.ErrorCode);
        Assert.DoesNotContain(log, e => e.Level == DwsLogLevel.Warning);
    }

    [Fact]
    public async Task No_log_line_contains_a_secret()
    {
        var log = new ConcurrentQueue<DwsLogEntry>();
        var n = 0;
        var handler = new FakeHandler((r, _) =>
        {
            var i = Interlocked.Increment(ref n);
            if (i == 1) throw Refused();
            if (i == 2) return Task.FromResult(FakeHandler.Json(503, "{\"error_code\":\"DWS.0001\",\"error_msg\":\"x\"}", ("Retry-After", "0")));
            return Task.FromResult(FakeHandler.Json(200, "{\"error_code\":\"DWS.0138\",\"error_msg\":\"refused\"}"));
        });
        using var session = TestSessions.Session(handler, log: log, credentials: new AccessKeyCredentials(TestSessions.Ak, TestSessions.Sk, "SECURITYTOKENvalue"));
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(DwsRequest.Get("/v1.0/{project_id}/clusters")));
        Assert.DoesNotContain(TestSessions.Sk, error.Message);
        Assert.DoesNotContain("SECURITYTOKENvalue", error.Message);
        Assert.NotEmpty(log);
        var authorizations = handler.Requests.Select(r => r.Header("Authorization")!).ToList();
        var signatures = authorizations.Select(a => a.Split("Signature=")[1]).ToList();
        foreach (var entry in log)
        {
            Assert.DoesNotContain(TestSessions.Sk, entry.Message);
            Assert.DoesNotContain("SECURITYTOKENvalue", entry.Message);
            foreach (var a in authorizations) Assert.DoesNotContain(a, entry.Message);
            foreach (var s in signatures) Assert.DoesNotContain(s, entry.Message);
        }
    }

    [Fact]
    public async Task A_static_token_is_sent_as_X_Auth_Token_without_a_signature()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, JobJson));
        using var session = TestSessions.Session(handler, credentials: new TokenCredentials("MIItoken"));
        await session.Jobs.GetAsync("j1");
        var seen = Assert.Single(handler.Requests);
        Assert.Equal("MIItoken", seen.Header("X-Auth-Token"));
        Assert.Null(seen.Header("Authorization"));
    }
}
