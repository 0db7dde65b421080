using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Snapshots;

public class SnapshotPagingTests
{
    private static string Page(int count, params string[] ids) =>
        "{\"snapshots\":[" + string.Join(",", ids.Select(i => "{\"id\":\"" + i + "\"}")) + "],\"count\":" + count + "}";

    [Fact]
    public async Task The_next_page_is_fetched_only_when_enumeration_passes_the_current_one()
    {
        var fake = RecordingHandler.Sequence((200, Page(99, "a", "b")), (200, Page(99, "c", "d")), (200, Page(99, "e")));
        using var session = fake.CreateSession();

        await using var e = session.Snapshots.ListClusterSnapshotsAsync("c1", pageSize: 2).GetAsyncEnumerator();
        Assert.Empty(fake.Requests);                      // nothing before the first MoveNext

        Assert.True(await e.MoveNextAsync());
        Assert.Equal("a", e.Current.Id);
        Assert.Single(fake.Requests);
        Assert.True(await e.MoveNextAsync());
        Assert.Equal("b", e.Current.Id);
        Assert.Single(fake.Requests);                     // still inside page 1

        Assert.True(await e.MoveNextAsync());
        Assert.Equal("c", e.Current.Id);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal("2", fake.Requests[1].QueryValue("offset"));
        Assert.Equal("2", fake.Requests[1].QueryValue("limit"));
    }

    [Fact]
    public async Task Paging_stops_on_a_short_page_even_when_count_claims_more()
    {
        var fake = RecordingHandler.Sequence((200, Page(99, "a", "b")), (200, Page(99, "c")));
        using var session = fake.CreateSession();

        var ids = new List<string>();
        await foreach (var s in session.Snapshots.ListClusterSnapshotsAsync("c1", "name", "ASC", pageSize: 2)) ids.Add(s.Id);

        Assert.Equal(new[] { "a", "b", "c" }, ids);
        Assert.Equal(2, fake.Requests.Count);             // a third request would throw in the fake
        Assert.Equal(new[] { "0", "2" }, fake.Requests.Select(r => r.QueryValue("offset")));
        Assert.All(fake.Requests, r => Assert.Equal("name", r.QueryValue("sort_key")));
        Assert.All(fake.Requests, r => Assert.Equal("c1", r.Path.Split('/')[4]));
    }

    [Fact]
    public async Task A_full_last_page_costs_one_empty_request_and_no_more()
    {
        var fake = RecordingHandler.Sequence((200, Page(2, "a", "b")), (200, Page(2)));
        using var session = fake.CreateSession();

        var count = 0;
        await foreach (var _ in session.Snapshots.ListClusterSnapshotsAsync("c1", pageSize: 2)) count++;

        Assert.Equal(2, count);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Stopping_early_fetches_no_further_page()
    {
        var fake = RecordingHandler.Sequence((200, Page(99, "a", "b")), (200, Page(99, "c", "d")));
        using var session = fake.CreateSession();

        var first = new List<string>();
        await foreach (var s in session.Snapshots.ListClusterSnapshotsAsync("c1", pageSize: 2))
        {
            first.Add(s.Id);
            if (first.Count == 2) break;
        }

        Assert.Single(fake.Requests);
    }
}
