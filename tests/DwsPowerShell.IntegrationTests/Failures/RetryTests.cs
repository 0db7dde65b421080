using DwsPowerShell.Client.Errors;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Failures;

/// <summary>
/// The retry rule of DESIGN.md against injected faults: reads retry transient failures; a create is retried only
/// when the emulator provably did not run it. Every count comes from the emulator's request log.
/// </summary>
public sealed class RetryTests
{
    private const string ListRoute = "GET /v1.0/*/clusters";
    private const string CreateRoute = "POST /v2/*/clusters";

    [Theory]
    [InlineData(FaultKind.Status503, 503)]
    [InlineData(FaultKind.Status502, 502)]
    [InlineData(FaultKind.Status500, 500)]
    [InlineData(FaultKind.Status504, 504)]
    [InlineData(FaultKind.Throttle429, 429)]
    [InlineData(FaultKind.NonJsonBody, 502)]
    [InlineData(FaultKind.TruncatedBody, 200)]
    public async Task A_GET_succeeds_after_transient_answers(FaultKind kind, int status)
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = ListRoute, Kind = kind, MaxCount = 2, RetryAfterSeconds = 1 }));
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-retry-read"));

        var clusters = await session.Clusters.ListAsync();

        Assert.Equal("dws-retry-read", Assert.Single(clusters).Name);
        var lists = host.Requests.EndingWith("GET", "/clusters");
        Assert.Equal(new[] { status, status, 200 }, lists.Select(r => r.Status));
        Assert.Equal(new[] { kind.ToString(), kind.ToString(), null }, lists.Select(r => r.Fault));
        Assert.Equal(new[] { false, false, true }, lists.Select(r => r.HandlerRan));
    }

    [Fact]
    public async Task A_429_Retry_After_is_honoured_up_to_the_sessions_maximum_delay()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = ListRoute, Kind = FaultKind.Throttle429, MaxCount = 1, RetryAfterSeconds = 1 }));
        var log = new List<string>();
        using var session = host.CreateSession(o =>
        {
            o.ProjectId = host.Options.ProjectId;
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            o.Log = e => { lock (log) log.Add(e.Message); };
        });

        await session.Clusters.ListAsync();

        Assert.Equal(new[] { 429, 200 }, host.Requests.Select(r => r.Status));
        // Retry-After: 1 s, capped at the 0.2 s maximum (the exponential base alone would be 5 ms).
        Assert.Contains(log, m => m.Contains("HTTP 429; retrying in 0.2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_GET_succeeds_after_connection_resets()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = ListRoute, Kind = FaultKind.ConnectionReset, MaxCount = 2 }));
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        var clusters = await session.Clusters.ListAsync();

        Assert.Empty(clusters);
        var lists = host.Requests.EndingWith("GET", "/clusters");
        Assert.Equal(3, lists.Count);
        Assert.Equal(new[] { "ConnectionReset", "ConnectionReset", null }, lists.Select(r => r.Fault));
        Assert.Equal(200, lists[^1].Status);
    }

    [Fact]
    public async Task A_GET_that_keeps_failing_gives_up_after_the_retry_budget()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = ListRoute, Kind = FaultKind.Status503 }));
        using var session = host.CreateSession(o =>
        {
            o.ProjectId = host.Options.ProjectId;
            o.MaxRetries = 3;
        });

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("APIGW.0203", error.ErrorCode);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, host.Requests.Count);
    }

    [Fact]
    public async Task A_create_under_429_is_retried_and_the_cluster_is_created_exactly_once()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = CreateRoute, Kind = FaultKind.Throttle429, MaxCount = 2, RetryAfterSeconds = 1 }));
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        var creation = await session.Clusters.CreateAsync(TestData.ClusterV2("dws-throttled-create"));

        var creates = host.Requests.EndingWith("POST", "/clusters");
        Assert.Equal(new[] { 429, 429, 200 }, creates.Select(r => r.Status));
        Assert.Single(creates, r => r.HandlerRan);
        Assert.Single(creates, r => r.Mutation);
        var cluster = Assert.Single(host.State.Clusters.Values);
        Assert.Equal("dws-throttled-create", cluster.Name);
        Assert.Equal(cluster.SubscriptionId, creation.OrderId);
    }

    [Theory]
    [InlineData(FaultKind.Status503, 503)]
    [InlineData(FaultKind.Status502, 502)]
    [InlineData(FaultKind.Status500, 500)]
    public async Task A_create_under_a_5xx_before_the_handler_fails_clearly_and_creates_nothing(FaultKind kind, int status)
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = CreateRoute, Kind = kind, MaxCount = 1 }));
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(TestData.ClusterV2("dws-unavailable")));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/v2/" + host.Options.ProjectId + "/clusters", error.Path);
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
        Assert.Contains(error.ErrorMessage!, error.Message); // the service's text reaches the user
        // The 5xx may have come after the service acted: the outcome is unknown, and the read-back saw no such cluster.
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("no cluster named 'dws-unavailable' is listed", error.Message);
        var create = Assert.Single(host.Requests, r => r.Method == "POST");
        Assert.False(create.HandlerRan);
        Assert.False(create.Mutation);
        Assert.Empty(host.State.Clusters);
    }

    [Fact]
    public async Task A_create_whose_connection_is_reset_is_not_retried_because_the_server_may_have_seen_it()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = CreateRoute, Kind = FaultKind.ConnectionReset, MaxCount = 1 }));
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(TestData.ClusterV2("dws-reset-create")));

        Assert.True(error.IsTransportFailure);
        Assert.True(error.OutcomeUnknown);
        Assert.Equal(1, error.Attempts);
        Assert.False(Assert.Single(host.Requests, r => r.Method == "POST").HandlerRan);
        Assert.Empty(host.State.Clusters);
    }

    [Theory]
    [InlineData(FaultKind.Status503)]
    [InlineData(FaultKind.ConnectionReset)]
    [InlineData(FaultKind.TruncatedBody)]
    public async Task A_create_whose_answer_is_lost_after_the_handler_ran_is_not_retried(FaultKind kind)
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = CreateRoute, Kind = kind, MaxCount = 1, AfterHandler = true }));
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        // Not sent again: the read-back finds the cluster by name and the create is reported done.
        var created = await session.Clusters.CreateAsync(TestData.ClusterV2("dws-lost-answer"));

        Assert.Equal("dws-lost-answer", created.Name);
        var create = Assert.Single(host.Requests, r => r.Method == "POST");
        Assert.True(create.HandlerRan);
        Assert.True(create.FaultAfterHandler);
        Assert.True(create.Mutation);
        Assert.Equal("dws-lost-answer", Assert.Single(host.State.Clusters.Values).Name);
    }

    [Fact]
    public async Task A_DELETE_under_503_is_not_retried()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-delete-503");
        host.Faults.SetRules(new[] { new FaultRule { Route = "DELETE /v2/*/clusters/*", Kind = FaultKind.Status503, MaxCount = 1 } });
        host.State.ClearRequests();

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.DeleteAsync(cluster.Id));

        Assert.Equal(503, error.StatusCode);
        Assert.True(error.OutcomeUnknown); // the read-back found the cluster AVAILABLE, not deleting
        Assert.Contains("is AVAILABLE", error.Message);
        Assert.Single(host.Requests, r => r.Method == "DELETE");
        Assert.Equal("AVAILABLE", (await session.Clusters.GetAsync(cluster.Id)).Status);
    }

    [Fact]
    public async Task Waits_ride_out_a_flaky_status_endpoint()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = "GET /v1.0/*/clusters/*", Kind = FaultKind.Status503, Rate = 0.5 }));
        using var session = host.CreateSession(o =>
        {
            o.ProjectId = host.Options.ProjectId;
            o.MaxRetries = 12; // half the polls fail at random: give every poll ample retries
        });
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-flaky-wait");

        await session.Clusters.RestartAsync(cluster.Id);
        var done = await session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast(),
            TestData.AdvanceEachPoll<Client.Models.Clusters.Cluster>(host.Clock, TimeSpan.FromSeconds(30)));

        Assert.Equal("AVAILABLE", done.Status);
        Assert.True(string.IsNullOrEmpty(done.TaskStatus));
        Assert.Contains(host.Requests, r => r.Fault == "Status503");
    }
}
