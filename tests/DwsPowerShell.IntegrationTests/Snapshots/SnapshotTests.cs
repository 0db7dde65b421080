using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Snapshots;

/// <summary>The client's snapshot area against the emulator, in process.</summary>
public sealed class SnapshotTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Create_5_3_1_then_Get_5_3_4_and_WaitForStatusAsync_until_AVAILABLE()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap");

        var created = await session.Snapshots.CreateAsync(cluster.Id, "nightly-01", "before the upgrade");
        var creating = await session.Snapshots.GetAsync(created.Id);
        var clusterWhileSnapshotting = await session.Clusters.GetAsync(cluster.Id);
        var seen = new List<Snapshot>();
        var ready = await session.Snapshots.WaitForStatusAsync(created.Id, TestData.Fast(), TestData.AdvanceEachPoll(host.Clock, Step, seen));

        Assert.Equal(host.State.Snapshots.Keys.Single(), created.Id);
        Assert.Equal("nightly-01", created.Snapshot.Name);
        Assert.Equal(cluster.Id, created.ClusterId);
        Assert.Null(created.Job); // 5.3.1 answers {"snapshot":{"id"}} only
        Assert.Equal(SnapshotStatus.Creating, creating.Status);
        Assert.Equal("SNAPSHOTTING", clusterWhileSnapshotting.TaskStatus);
        Assert.Equal(SnapshotStatus.Creating, seen[0].Status);
        Assert.Equal(SnapshotStatus.Available, ready.Status);
        Assert.Equal("nightly-01", ready.Name);
        Assert.Equal("before the upgrade", ready.Description);
        Assert.Equal("dws-snap", ready.ClusterName);
        Assert.Equal(4.5, ready.Size);
        Assert.NotNull(ready.Finished);
        Assert.True(ready.IsManual);
        Assert.Equal("100%", ready.Progress);
        Assert.Equal(TestData.AdminUser, ready.DbUser);
        Assert.NotNull(ready.BakExpectedStartTime);
    }

    [Fact]
    public async Task List_5_3_3_returns_the_snapshots_of_every_cluster()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var a = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-a");
        var b = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-b");

        var sa = await session.Snapshots.CreateAsync(a.Id, "snap-of-a");
        var sb = await session.Snapshots.CreateAsync(b.Id, "snap-of-b");
        host.Clock.Advance(SnapshotRoutes.CreateDuration);
        var all = await session.Snapshots.ListAsync();

        Assert.Equal(2, all.Count);
        Assert.Equal(a.Id, all.Single(s => s.Id == sa.Id).ClusterId);
        Assert.Equal(b.Id, all.Single(s => s.Id == sb.Id).ClusterId);
        Assert.All(all, s => Assert.Equal(SnapshotStatus.Available, s.Status));
        Assert.All(all, s => Assert.True(s.IsManual));
    }

    [Fact]
    public async Task Delete_5_3_8_removes_the_snapshot_and_a_later_Get_is_404()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-del");
        var created = await session.Snapshots.CreateAsync(cluster.Id, "to-be-deleted");
        host.Clock.Advance(SnapshotRoutes.CreateDuration);
        await session.Snapshots.WaitForStatusAsync(created.Id, TestData.Fast());

        await session.Snapshots.DeleteAsync(created.Id);
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.GetAsync(created.Id));

        Assert.Equal(202, Assert.Single(host.Requests.EndingWith("DELETE", "/snapshots/" + created.Id)).Status);
        Assert.True(error.IsNotFound);
        Assert.Empty(await session.Snapshots.ListAsync());
    }

    [Fact]
    public async Task Delete_of_a_snapshot_still_CREATING_is_refused_with_400()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-busy");
        var created = await session.Snapshots.CreateAsync(cluster.Id, "still-creating");

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.DeleteAsync(created.Id));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(DwsErrors.Busy, error.ErrorCode);
        Assert.Equal(1, error.Attempts);
        Assert.Single(host.State.Snapshots);
    }

    [Fact]
    public async Task Create_with_a_name_already_taken_is_409()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-dup");
        await session.Snapshots.CreateAsync(cluster.Id, "weekly");
        host.Clock.Advance(SnapshotRoutes.CreateDuration);

        // Names are unique without regard to case (5.3.1).
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.CreateAsync(cluster.Id, "WEEKLY"));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(DwsErrors.DuplicateName, error.ErrorCode);
        Assert.Single(host.State.Snapshots);
    }

    [Fact]
    public async Task ClusterSnapshots_5_3_23_pages_25_snapshots_in_3_requests_of_10()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-paging");
        var other = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-other");
        var ids = new List<string>();
        for (var i = 1; i <= 25; i++)
        {
            ids.Add((await session.Snapshots.CreateAsync(cluster.Id, $"snap-{i:00}")).Id);
            host.Clock.Advance(SnapshotRoutes.CreateDuration); // one snapshot at a time per cluster
        }
        await session.Snapshots.CreateAsync(other.Id, "not-this-cluster");
        host.Clock.Advance(SnapshotRoutes.CreateDuration);
        host.State.ClearRequests();

        var listed = new List<Snapshot>();
        await foreach (var s in session.Snapshots.ListClusterSnapshotsAsync(cluster.Id, sortKey: "name", sortDirection: "desc", pageSize: 10))
        {
            listed.Add(s);
        }

        Assert.Equal(25, listed.Count);
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), listed.Select(s => s.Id).OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"snap-{i:00}"), listed.Select(s => s.Name));
        Assert.All(listed, s => Assert.Equal(cluster.Id, s.ClusterId));
        Assert.All(listed, s => Assert.Equal(SnapshotStatus.Available, s.Status));
        var pages = host.Requests.EndingWith("GET", "/clusters/" + cluster.Id + "/snapshots");
        Assert.Equal(3, pages.Count);
        Assert.Equal(host.Requests.Count, pages.Count);
        var queries = pages.Select(TestData.QueryOf).ToList();
        Assert.Contains("offset=0", queries[0]);
        Assert.Contains("offset=10", queries[1]);
        Assert.Contains("offset=20", queries[2]);
        Assert.All(queries, q => Assert.Contains("limit=10", q));
        Assert.All(queries, q => Assert.Contains("sort_key=name", q));
        Assert.All(queries, q => Assert.Contains("sort_dir=DESC", q));
    }

    [Fact]
    public async Task ClusterSnapshots_one_page_reports_the_total_as_a_hint()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-page");
        for (var i = 1; i <= 3; i++)
        {
            await session.Snapshots.CreateAsync(cluster.Id, $"page-{i}");
            host.Clock.Advance(SnapshotRoutes.CreateDuration);
        }

        var page = await session.Snapshots.ListClusterSnapshotsPageAsync(cluster.Id, offset: 1, limit: 1, sortKey: "startTime", sortDirection: "ASC");

        Assert.Equal(3, page.Total);
        Assert.Equal("page-2", Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task WaitForStatusAsync_reports_a_snapshot_that_ends_UNAVAILABLE()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-snap-fail");
        host.State.FailNext(SnapshotRoutes.FailKind, new JobFailure("DWS.0001", "OBS bucket unreachable."));

        var created = await session.Snapshots.CreateAsync(cluster.Id, "doomed");
        var error = await Assert.ThrowsAsync<DwsResourceFailedException>(() =>
            session.Snapshots.WaitForStatusAsync(created.Id, TestData.Fast(), TestData.AdvanceEachPoll<Snapshot>(host.Clock, Step)));

        Assert.Equal("snapshot", error.ResourceType);
        Assert.Equal(created.Id, error.ResourceId);
        Assert.Equal(SnapshotStatus.Unavailable, error.Status);
        Assert.Equal("doomed", error.ResourceName);
    }

    [Fact]
    public async Task Get_of_an_unknown_snapshot_is_404()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.GetAsync("3b6a2c1e-0000-4000-8000-000000000000"));

        Assert.True(error.IsNotFound);
        Assert.Equal(DwsErrors.NotFound, error.ErrorCode);
        Assert.Equal("GET", error.Method);
        Assert.Contains("/snapshots/3b6a2c1e-0000-4000-8000-000000000000", error.Path);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
