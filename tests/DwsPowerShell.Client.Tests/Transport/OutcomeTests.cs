using DwsPowerShell.Client.Models.Jobs;
using System.Collections.Concurrent;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Tests.Support;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Transport;

/// <summary>
/// Which failures leave a change's outcome unknown (<see cref="DwsApiException.OutcomeUnknown"/>), and a Retry-After
/// longer than the call's remaining time. The raw transport is used: no read-back runs here (see ReadBackTests).
/// </summary>
public class OutcomeTests
{
    private static DwsRequest Change() => DwsRequest.Post("/v1.0/{project_id}/clusters/{cluster_id}/restart").Path("cluster_id", "c1").WithBody(new { restart = new { } });

    private static DwsRequest Read() => DwsRequest.Get("/v1.0/{project_id}/clusters/{cluster_id}").Path("cluster_id", "c1");

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_change_answered_with_a_server_error_has_an_unknown_outcome(int status)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(status, "{\"error_code\":\"APIGW.0202\",\"error_msg\":\"Backend unavailable.\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("APIGW.0202", ex.ErrorCode);
        Assert.Contains("may or may not have been applied", ex.Message);
        Assert.Contains("Backend unavailable.", ex.Message);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_change_whose_connection_breaks_after_sending_has_an_unknown_outcome()
    {
        var handler = new FakeHandler((_, _) => throw TransportTests.Reset());
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal("DWS.Client.ConnectionBroken", ex.ErrorCode);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_change_whose_attempt_times_out_has_an_unknown_outcome()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Json(200, "{}");
        });
        using var session = TestSessions.Session(handler, o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
    }

    [Fact]
    public async Task A_change_still_in_flight_when_the_total_time_runs_out_has_an_unknown_outcome()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Json(200, "{}");
        });
        using var session = TestSessions.Session(handler, o => o.TotalTimeout = TimeSpan.FromMilliseconds(300));
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
        Assert.True(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task A_change_that_runs_out_of_time_between_throttled_attempts_was_not_applied()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}"));
        using var session = TestSessions.Session(handler, o =>
        {
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
            o.RetryBaseDelay = TimeSpan.FromHours(1);
            o.RetryMaxDelay = TimeSpan.FromHours(1);
        });
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
        Assert.False(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task A_change_whose_2xx_answer_cannot_be_read_has_an_unknown_outcome()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"job_id\":"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync<DwsJob>(Change()));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal("DWS.Client.InvalidResponse", ex.ErrorCode);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(429)]
    public async Task A_change_refused_with_a_definite_answer_is_a_plain_failure(int status)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(status, "{\"error_code\":\"DWS.0016\",\"error_msg\":\"no\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.False(ex.OutcomeUnknown);
        Assert.DoesNotContain("may or may not", ex.Message);
    }

    [Fact]
    public async Task A_change_that_never_connects_was_not_applied()
    {
        var handler = new FakeHandler((_, _) => throw TransportTests.Refused());
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.Equal("DWS.Client.ConnectionFailed", ex.ErrorCode);
        Assert.False(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task A_change_throttled_then_reset_has_an_unknown_outcome()
    {
        var n = 0;
        var handler = new FakeHandler((_, _) => Interlocked.Increment(ref n) == 1
            ? Task.FromResult(FakeHandler.Json(429, "{}"))
            : throw TransportTests.Reset());
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task A_read_never_has_an_unknown_outcome()
    {
        var handler = new FakeHandler((_, _) => throw TransportTests.Reset());
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));
        Assert.False(ex.OutcomeUnknown);
        Assert.Equal(4, handler.Count); // retried: MaxRetries 3
    }

    [Fact]
    public void IsAnswerLost_classifies_each_kind_of_answer()
    {
        static bool Lost(DwsResponse response, Exception? readError = null) => DwsTransport.IsAnswerLost(new DwsTransport.Attempt(response, null, readError));
        var none = new Dictionary<string, string>();
        Assert.True(Lost(DwsResponse.Failed(DwsTransportFailure.Broken, null)));
        Assert.True(Lost(DwsResponse.Failed(DwsTransportFailure.Timeout, null)));
        Assert.False(Lost(DwsResponse.Failed(DwsTransportFailure.NotSent, null)));
        foreach (var status in new[] { 500, 502, 503, 504 }) Assert.True(Lost(new DwsResponse(status, "", none)), $"HTTP {status}");
        foreach (var status in new[] { 200, 202, 400, 401, 404, 409, 429, 501 }) Assert.False(Lost(new DwsResponse(status, "", none)), $"HTTP {status}");
        Assert.True(Lost(new DwsResponse(200, "{", none), new System.Text.Json.JsonException("cut off")));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_time_left_fails_at_once_saying_when_to_try_again()
    {
        var start = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var time = new FakeTime(start) { AutoAdvance = true, AutoFireLimit = TimeSpan.FromSeconds(60) }; // the total-time timer (minutes) never fires by itself
        var handler = new FakeHandler(_ => FakeHandler.Json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}", ("Retry-After", "3600")));
        using var session = TestSessions.Session(handler, o => { o.TotalTimeout = TimeSpan.FromMinutes(3); o.RetryMaxDelay = TimeSpan.FromSeconds(30); }, time: time);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(1, handler.Count);
        Assert.Empty(time.Delays);
        Assert.Equal(start.AddHours(1), ex.RetryAfter);
        Assert.Contains("asked to wait 3600 s (Retry-After), longer than the 180 s left", ex.Message);
        Assert.Contains("Try again after 2024-05-01 11:00:00 UTC", ex.Message);
        Assert.False(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task A_Retry_After_that_fits_the_time_left_is_waited_for()
    {
        var time = new FakeTime(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)) { AutoAdvance = true, AutoFireLimit = TimeSpan.FromSeconds(60) }; // the total-time timer (minutes) never fires by itself
        var n = 0;
        var handler = new FakeHandler(_ => Interlocked.Increment(ref n) == 1
            ? FakeHandler.Json(429, "", ("Retry-After", "20"))
            : FakeHandler.Json(200, "{\"job_id\":\"j1\"}"));
        using var session = TestSessions.Session(handler, o => { o.TotalTimeout = TimeSpan.FromMinutes(3); o.RetryMaxDelay = TimeSpan.FromSeconds(30); }, time: time);
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, handler.Count);
        Assert.Contains(TimeSpan.FromSeconds(20), time.Delays);
    }

    [Fact]
    public async Task The_time_left_counts_the_attempts_already_made()
    {
        // 100 s of a 180 s budget go by in the first attempt; the 429 then asks for 90 s: more than the 80 s left.
        var time = new FakeTime(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)) { AutoAdvance = true, AutoFireLimit = TimeSpan.FromSeconds(60) }; // the total-time timer (minutes) never fires by itself
        var handler = new FakeHandler(_ =>
        {
            time.Advance(TimeSpan.FromSeconds(100));
            return FakeHandler.Json(429, "", ("Retry-After", "90"));
        });
        using var session = TestSessions.Session(handler, o => { o.TotalTimeout = TimeSpan.FromMinutes(3); o.RetryMaxDelay = TimeSpan.FromMinutes(5); }, time: time);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(1, handler.Count);
        Assert.Contains("longer than the 80 s left", ex.Message);
    }

    [Fact]
    public async Task A_throttled_failure_carries_the_services_Retry_After()
    {
        var start = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var time = new FakeTime(start) { AutoAdvance = true, AutoFireLimit = TimeSpan.FromSeconds(60) }; // the total-time timer (minutes) never fires by itself
        var handler = new FakeHandler(_ => FakeHandler.Json(429, "{}", ("Retry-After", "2")));
        var log = new ConcurrentQueue<DwsLogEntry>();
        using var session = TestSessions.Session(handler, o => o.MaxRetries = 1, log: log, time: time);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(2, handler.Count);
        Assert.NotNull(ex.RetryAfter);
        Assert.DoesNotContain("longer than", ex.Message);
    }
}
