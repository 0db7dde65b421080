using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Failures;

/// <summary>Documented failures, timeouts and cancellation, against the emulator in process.</summary>
public sealed class FailureTests
{
    private const string UnknownId = "7d85f602-a948-4a30-afd4-e84f47471c15";

    [Fact]
    public async Task Unknown_cluster_is_404_IsNotFound_with_the_services_code()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var get = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.GetAsync(UnknownId));
        var restart = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.RestartAsync(UnknownId));
        var delete = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.DeleteAsync(UnknownId));

        Assert.All(new[] { get, restart, delete }, e =>
        {
            Assert.True(e.IsNotFound);
            Assert.Equal(DwsErrors.NotFound, e.ErrorCode);
            Assert.Contains(UnknownId, e.ErrorMessage);
            Assert.Equal(1, e.Attempts);
        });
        Assert.Equal("GET", get.Method);
        Assert.Equal("/v1.0/" + host.Options.ProjectId + "/clusters/" + UnknownId, get.Path);
    }

    [Fact]
    public async Task Unknown_snapshot_is_404_for_get_and_delete()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var get = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.GetAsync(UnknownId));
        var delete = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.DeleteAsync(UnknownId));

        Assert.True(get.IsNotFound);
        Assert.True(delete.IsNotFound);
        Assert.Equal("DELETE", delete.Method);
    }

    [Fact]
    public async Task A_second_cluster_with_the_same_name_is_409_and_is_not_created()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-duplicate"));

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(TestData.ClusterV2("dws-duplicate")));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(DwsErrors.DuplicateName, error.ErrorCode);
        Assert.Contains("dws-duplicate", error.ErrorMessage);
        Assert.Equal(1, error.Attempts);
        Assert.Single(host.State.Clusters);
    }

    [Fact]
    public async Task A_shrink_number_that_is_not_offered_is_a_400_naming_the_allowed_values()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-bad-shrink", nodes: 3);
        await session.Clusters.ResizeAsync(cluster.Id, new ResizeClusterRequest(6));
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        await session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast());
        Assert.Equal(new[] { 6 }, await session.Clusters.ListShrinkNumbersAsync(cluster.Id));

        var error = await Assert.ThrowsAsync<DwsApiException>(() =>
            session.Clusters.ShrinkAsync(cluster.Id, new ShrinkClusterRequest { ShrinkNumber = 3 }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(DwsErrors.OutOfRange, error.ErrorCode);
        Assert.Contains("shrink_number 3 is not allowed", error.ErrorMessage);
        Assert.Contains("allowed values (GET .../shrink-numbers): 6", error.ErrorMessage);
        Assert.Equal(1, error.Attempts);
        Assert.False(string.IsNullOrEmpty(error.RecommendedAction), "DWS.5038 has a solution in appendix 6.2");
        Assert.Equal(9, (await session.Clusters.GetAsync(cluster.Id)).NumberOfNode);
    }

    [Fact]
    public async Task A_body_the_emulator_rejects_is_a_400_with_the_reference_code()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var request = TestData.ClusterV2("dws-bad-flavor");
        request.Flavor = "dws.no.such.flavor";

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(request));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(DwsErrors.InvalidFlavor, error.ErrorCode);
        Assert.Contains("dws.no.such.flavor", error.ErrorMessage);
        Assert.Empty(host.State.Clusters);
    }

    [Fact]
    public async Task A_wait_with_a_tiny_timeout_throws_DwsWaitTimeoutException_naming_what_is_pending()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-slow"));

        var error = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Clusters.WaitForCreationAsync("dws-slow",
            new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(150) }));

        var pending = Assert.Single(error.Pending);
        Assert.Contains("dws-slow", pending);
        Assert.Contains("CREATING", pending);
        Assert.Contains("cluster 'dws-slow'", error.Message);
    }

    [Fact]
    public async Task A_job_wait_with_a_tiny_timeout_lists_the_jobs_still_running()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-slow-job");
        var job = await session.Clusters.StopAsync(cluster.Id);

        var error = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Jobs.WaitAsync(new[] { job.JobId },
            new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(150) }));

        Assert.Equal(new[] { job.JobId }, error.Pending);
    }

    [Fact]
    public async Task The_transport_total_timeout_under_injected_latency_is_DWS_Client_Timeout()
    {
        await using var host = await EmulatorHost.InProcessAsync(o =>
            o.Faults.Add(new FaultRule { Route = "GET /v1.0/*/clusters", Kind = FaultKind.Latency, LatencyMs = 20_000 }));
        using var session = host.CreateSession(o =>
        {
            o.ProjectId = host.Options.ProjectId;
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());

        Assert.Equal("DWS.Client.Timeout", error.ErrorCode);
        Assert.Equal(0, error.StatusCode);
        Assert.True(error.IsTransportFailure);
        Assert.Equal("GET", error.Method);
        Assert.Contains("total time", error.ErrorMessage);
        Assert.Equal(1, host.Faults.InjectedCount(host.Faults.Rules[0]));
    }

    [Fact]
    public async Task Cancelling_during_a_wait_stops_it_promptly_with_OperationCanceledException()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-cancel"));
        using var cts = new CancellationTokenSource();
        var polls = 0;

        // One poll an hour, no timeout: only the cancellation can end this wait in time.
        var wait = session.Clusters.WaitForCreationAsync("dws-cancel",
            new DwsWaitOptions { PollInterval = TimeSpan.FromHours(1), Timeout = Timeout.InfiniteTimeSpan },
            _ =>
            {
                polls++;
                cts.Cancel();
            },
            cts.Token);
        var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(wait, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(1, polls);
    }

    [Fact]
    public async Task Cancelling_a_job_wait_during_its_sleep_ends_it()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-cancel-job");
        var job = await session.Clusters.StopAsync(cluster.Id);
        using var cts = new CancellationTokenSource();

        var wait = session.Jobs.WaitAsync(new[] { job.JobId },
            new DwsWaitOptions { PollInterval = TimeSpan.FromHours(1), Timeout = Timeout.InfiniteTimeSpan }, _ => cts.CancelAfter(50), cts.Token);
        var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(wait, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Clusters.ListAsync(cts.Token));

        Assert.Empty(host.Requests);
    }
}
