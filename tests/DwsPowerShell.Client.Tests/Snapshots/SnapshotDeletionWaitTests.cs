using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Snapshots;

public class SnapshotDeletionWaitTests
{
    private static readonly DwsWaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(20) };

    private const string NotFound = """{"error_code":"DWS.0001","error_msg":"The snapshot does not exist."}""";

    private static (int, string) Listed(string status) => (200, """{"snapshot":{"id":"s1","name":"nightly","status":""" + "\"" + status + "\"}}");

    [Fact]
    public async Task Polls_until_the_snapshot_answers_404_and_reports_every_answer_before()
    {
        var fake = RecordingHandler.Sequence(Listed("AVAILABLE"), Listed("DELETING"), (404, NotFound));
        using var session = fake.CreateSession();
        var seen = new List<string?>();

        await session.Snapshots.WaitForDeletionAsync("s1", Fast, s => seen.Add(s.Status));

        Assert.Equal(new[] { "AVAILABLE", "DELETING" }, seen);
        Assert.Equal(3, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal("GET /v1.0/p1/snapshots/s1", r.Method + " " + r.Path));
    }

    [Fact]
    public async Task An_already_deleted_snapshot_ends_the_wait_at_once()
    {
        var fake = RecordingHandler.Sequence((404, NotFound));
        using var session = fake.CreateSession();
        await session.Snapshots.WaitForDeletionAsync("s1", Fast);
        fake.Single();
    }

    [Fact]
    public async Task Other_errors_end_the_wait_with_the_error()
    {
        var fake = RecordingHandler.Sequence(Listed("AVAILABLE"), (403, """{"error_code":"DWS.0015","error_msg":"No permission."}"""));
        using var session = fake.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsPowerShell.Client.Errors.DwsApiException>(() => session.Snapshots.WaitForDeletionAsync("s1", Fast));
        Assert.Equal(403, ex.StatusCode);
    }

    [Fact]
    public async Task A_snapshot_that_stays_times_out_naming_its_last_status()
    {
        var fake = RecordingHandler.Always(200, """{"snapshot":{"id":"s1","status":"AVAILABLE"}}""");
        using var session = fake.CreateSession();
        var options = new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(80) };

        var ex = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Snapshots.WaitForDeletionAsync("s1", options));

        Assert.Contains("AVAILABLE", Assert.Single(ex.Pending));
        Assert.Contains("deletion of snapshot s1", ex.Message);
    }

    [Fact]
    public async Task A_bad_id_is_refused_before_polling()
    {
        var fake = RecordingHandler.Always(200, "{}");
        using var session = fake.CreateSession();
        Assert.Equal("snapshotId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Snapshots.WaitForDeletionAsync("a/b", Fast))).ParamName);
        Assert.Empty(fake.Requests);
    }
}
