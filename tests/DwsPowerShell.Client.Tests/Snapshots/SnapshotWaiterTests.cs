using DwsPowerShell.Client.Errors;
using System.Text.Json;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Snapshots;

public class SnapshotWaiterTests
{
    private static readonly DwsWaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(20) };

    private static (int, string) Status(string status) => (200, """{"snapshot":{"id":"s1","name":"nightly","cluster_id":"c1","status":""" + JsonSerializer.Serialize(status) + "}}");

    [Theory]
    [InlineData("AVAILABLE", true, false)]
    [InlineData("available", true, false)]
    [InlineData(" Available ", true, false)]
    [InlineData("COMPLETED", true, false)]
    [InlineData("UNAVAILABLE", false, true)]
    [InlineData("unavailable", false, true)]
    [InlineData("FAILED", false, true)]
    [InlineData("CREATING", false, false)]
    [InlineData("RESTORING", false, false)]
    [InlineData("BUILDING", false, false)]
    [InlineData("SOMETHING_NEW", false, false)]
    [InlineData("", false, false)]
    [InlineData(null, false, false)]
    public void Statuses_classify_case_insensitively(string? status, bool ready, bool failed)
    {
        Assert.Equal(ready, SnapshotStatus.IsReady(status));
        Assert.Equal(failed, SnapshotStatus.IsFailed(status));
        Assert.Equal(!ready && !failed, SnapshotStatus.IsInProgress(status));
        var s = new Snapshot { Status = status };
        Assert.Equal(ready, s.IsReady);
        Assert.Equal(failed, s.IsFailed);
    }

    [Theory]
    [InlineData("MANUAL", true, false)]
    [InlineData("manual", true, false)]
    [InlineData("AUTOMATED", false, true)]
    [InlineData("AUTO", false, true)]
    [InlineData("auto", false, true)]
    [InlineData(null, false, false)]
    public void Types_classify_case_insensitively(string? type, bool manual, bool automated)
    {
        Assert.Equal(manual, SnapshotType.IsManual(type));
        Assert.Equal(automated, SnapshotType.IsAutomated(type));
    }

    [Fact]
    public async Task Waits_through_creating_until_available_and_reports_every_poll()
    {
        var fake = RecordingHandler.Sequence(Status("CREATING"), Status("creating"), Status("AVAILABLE"));
        using var session = fake.CreateSession();
        var seen = new List<string?>();

        var done = await session.Snapshots.WaitForStatusAsync("s1", Fast, s => seen.Add(s.Status));

        Assert.Equal("AVAILABLE", done.Status);
        Assert.Equal(new[] { "CREATING", "creating", "AVAILABLE" }, seen);
        Assert.Equal(3, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal("/v1.0/p1/snapshots/s1", r.Path));
    }

    [Fact]
    public async Task Completed_also_ends_the_wait()
    {
        var fake = RecordingHandler.Sequence(Status("RESTORING"), Status("COMPLETED"));
        using var session = fake.CreateSession();
        Assert.Equal("COMPLETED", (await session.Snapshots.WaitForStatusAsync("s1", Fast)).Status);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Theory]
    [InlineData("UNAVAILABLE")]
    [InlineData("Failed")]
    public async Task A_failure_status_ends_the_wait_with_DwsResourceFailedException(string status)
    {
        var fake = RecordingHandler.Sequence(Status("CREATING"), Status(status));
        using var session = fake.CreateSession();

        var ex = await Assert.ThrowsAsync<DwsResourceFailedException>(() => session.Snapshots.WaitForStatusAsync("s1", Fast));

        Assert.Equal("snapshot", ex.ResourceType);
        Assert.Equal("s1", ex.ResourceId);
        Assert.Equal(status, ex.Status);
        Assert.Contains("nightly", ex.FailureMessage);
        Assert.Contains(status, ex.Message);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_snapshot_that_never_finishes_times_out_naming_its_last_status()
    {
        var fake = RecordingHandler.Always(200, """{"snapshot":{"id":"s1","status":"CREATING"}}""");
        using var session = fake.CreateSession();
        var options = new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(80) };

        var ex = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Snapshots.WaitForStatusAsync("s1", options));

        Assert.Contains("CREATING", Assert.Single(ex.Pending));
        Assert.True(fake.Requests.Count >= 2);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        var fake = RecordingHandler.Always(200, """{"snapshot":{"id":"s1","status":"CREATING"}}""");
        using var session = fake.CreateSession();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Snapshots.WaitForStatusAsync("s1", Fast, null, cts.Token));
    }

    [Fact]
    public async Task A_bad_id_is_refused_before_polling()
    {
        var fake = RecordingHandler.Always(200, "{}");
        using var session = fake.CreateSession();
        Assert.Equal("snapshotId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Snapshots.WaitForStatusAsync("a/b", Fast))).ParamName);
        Assert.Empty(fake.Requests);
    }
}
