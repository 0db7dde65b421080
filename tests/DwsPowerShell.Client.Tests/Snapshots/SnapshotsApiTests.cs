using System.Text.Json;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Snapshots;

public class SnapshotsApiTests
{
    private const string OneSnapshot = """{"snapshot":{"id":"s1","name":"snap-1","status":"CREATING","cluster_id":"c1"}}""";

    [Fact]
    public async Task Create_posts_the_v1_0_body_and_returns_the_new_id()
    {
        var fake = RecordingHandler.Always(200, """{"snapshot":{"id":"2a4d0f86"}}""");
        using var session = fake.CreateSession();

        var result = await session.Snapshots.CreateAsync("c1", "snap-1", "nightly");

        var r = fake.Single();
        Assert.Equal("POST", r.Method);
        Assert.Equal("/v1.0/p1/snapshots", r.Path);
        Assert.Empty(r.QueryParameters);
        Assert.Equal("""{"snapshot":{"name":"snap-1","cluster_id":"c1","description":"nightly"}}""", r.Body);
        Assert.Equal("2a4d0f86", result.SnapshotId);
        Assert.Equal("2a4d0f86", result.Id);
        Assert.Equal("c1", result.ClusterId);
        Assert.Equal("snap-1", result.Snapshot.Name);
        Assert.Null(result.Job);
        Assert.Null(result.JobId);
    }

    [Fact]
    public async Task Create_leaves_out_a_missing_description_and_returns_a_job_when_one_comes_back()
    {
        var fake = RecordingHandler.Always(200, """{"snapshot":{"id":"s9"},"job_id":"job-7"}""");
        using var session = fake.CreateSession();

        var result = await session.Snapshots.CreateAsync("c1", "snap-1");

        Assert.False(fake.Single().BodyJson.GetProperty("snapshot").TryGetProperty("description", out _));
        Assert.Equal("job-7", result.JobId);
        Assert.Equal("c1", result.Job!.ClusterId);
    }

    [Fact]
    public async Task Create_without_an_id_in_the_answer_is_an_error_not_an_empty_snapshot()
    {
        var fake = RecordingHandler.Always(200, "{}");
        using var session = fake.CreateSession();
        await Assert.ThrowsAsync<DwsPowerShell.Client.Errors.DwsApiException>(() => session.Snapshots.CreateAsync("c1", "snap-1"));
    }

    [Theory]
    [InlineData("abc", "name")]              // too short
    [InlineData("1abc", "name")]             // must start with a letter
    [InlineData("snap shot", "name")]        // space
    [InlineData("snap.1", "name")]           // dot
    public async Task Create_refuses_bad_names_before_sending(string name, string parameter)
    {
        var fake = RecordingHandler.Always(200, OneSnapshot);
        using var session = fake.CreateSession();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => session.Snapshots.CreateAsync("c1", name));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("letter", ex.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Create_refuses_a_65_character_name_a_bad_description_and_a_bad_cluster_id()
    {
        var fake = RecordingHandler.Always(200, OneSnapshot);
        using var session = fake.CreateSession();
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => session.Snapshots.CreateAsync("c1", "a" + new string('b', 64)))).ParamName);
        var bad = await Assert.ThrowsAsync<ArgumentException>(() => session.Snapshots.CreateAsync("c1", "snap-1", "a<b"));
        Assert.Equal("description", bad.ParamName);
        Assert.Contains("'<'", bad.Message);
        Assert.Equal("description", (await Assert.ThrowsAsync<ArgumentException>(() => session.Snapshots.CreateAsync("c1", "snap-1", new string('x', 257)))).ParamName);
        Assert.Equal("clusterId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Snapshots.CreateAsync("../c1", "snap-1"))).ParamName);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task List_gets_every_snapshot_unpaged()
    {
        var fake = RecordingHandler.Always(200, """{"snapshots":[{"id":"a","size":"500,"},{"id":"b"}],"count":2}""");
        using var session = fake.CreateSession();

        var all = await session.Snapshots.ListAsync();

        var r = fake.Single();
        Assert.Equal("GET", r.Method);
        Assert.Equal("/v1.0/p1/snapshots", r.Path);
        Assert.Empty(r.QueryParameters);
        Assert.Equal(new[] { "a", "b" }, all.Select(s => s.SnapshotId));
        Assert.Equal(500d, all[0].Size);
    }

    [Fact]
    public async Task Get_unwraps_the_snapshot()
    {
        var fake = RecordingHandler.Always(200, OneSnapshot);
        using var session = fake.CreateSession();

        var s = await session.Snapshots.GetAsync("s1");

        var r = fake.Single();
        Assert.Equal("GET", r.Method);
        Assert.Equal("/v1.0/p1/snapshots/s1", r.Path);
        Assert.Equal("s1", s.SnapshotId);
        Assert.Equal("c1", s.ClusterId);
        Assert.Equal("CREATING", s.Status);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("x?y")]
    [InlineData(" ")]
    public async Task Get_and_delete_refuse_ids_that_would_change_the_path(string id)
    {
        var fake = RecordingHandler.Always(200, OneSnapshot);
        using var session = fake.CreateSession();
        Assert.Equal("snapshotId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Snapshots.GetAsync(id))).ParamName);
        Assert.Equal("snapshotId", (await Assert.ThrowsAsync<DwsArgumentException>(() => session.Snapshots.DeleteAsync(id))).ParamName);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Delete_sends_DELETE_and_accepts_202_with_no_body()
    {
        var fake = RecordingHandler.Always(202, "");
        using var session = fake.CreateSession();

        await session.Snapshots.DeleteAsync("s1");

        var r = fake.Single();
        Assert.Equal("DELETE", r.Method);
        Assert.Equal("/v1.0/p1/snapshots/s1", r.Path);
        Assert.Null(r.Body);
    }

    [Fact]
    public async Task Delete_of_a_missing_snapshot_is_a_404_DwsApiException()
    {
        var fake = RecordingHandler.Always(404, """{"error_code":"DWS.0001","error_msg":"Snapshot not found."}""");
        using var session = fake.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Snapshots.DeleteAsync("s1"));
        Assert.True(ex.IsNotFound);
        Assert.Equal("DELETE", ex.Method);
    }

    [Fact]
    public async Task Cluster_snapshot_page_sends_offset_limit_and_sort_in_documented_casing()
    {
        var fake = RecordingHandler.Always(200, """{"snapshots":[{"id":"a"},{"id":"b","cluster_id":"other"}],"count":7,"cluster_id":"c1"}""");
        using var session = fake.CreateSession();

        var page = await session.Snapshots.ListClusterSnapshotsPageAsync("c1", 20, 10, "STARTTIME", "desc");

        var r = fake.Single();
        Assert.Equal("GET", r.Method);
        Assert.Equal("/v1.0/p1/clusters/c1/snapshots", r.Path);
        Assert.Equal("20", r.QueryValue("offset"));
        Assert.Equal("10", r.QueryValue("limit"));
        Assert.Equal("startTime", r.QueryValue("sort_key"));
        Assert.Equal("DESC", r.QueryValue("sort_dir"));
        Assert.Equal(7, page.Total);
        Assert.Equal("c1", page.Items[0].ClusterId);     // filled from the answer's cluster_id
        Assert.Equal("other", page.Items[1].ClusterId);  // the wire value wins
    }

    [Fact]
    public async Task Cluster_snapshot_page_without_sort_sends_no_sort_and_a_key_alone_sorts_ascending()
    {
        var fake = RecordingHandler.Always(200, """{"snapshots":[],"count":0}""");
        using var session = fake.CreateSession();

        await session.Snapshots.ListClusterSnapshotsPageAsync("c1", 0, 5);
        await session.Snapshots.ListClusterSnapshotsPageAsync("c1", 0, 5, "name");

        Assert.Null(fake.Requests[0].QueryValue("sort_key"));
        Assert.Null(fake.Requests[0].QueryValue("sort_dir"));
        Assert.Equal("name", fake.Requests[1].QueryValue("sort_key"));
        Assert.Equal("ASC", fake.Requests[1].QueryValue("sort_dir"));
    }

    [Fact]
    public async Task Cluster_snapshot_page_fills_the_cluster_id_from_the_request_when_the_answer_has_none()
    {
        var fake = RecordingHandler.Always(200, """{"snapshots":[{"id":"a"}]}""");
        using var session = fake.CreateSession();
        var page = await session.Snapshots.ListClusterSnapshotsPageAsync("c1", 0, 5);
        Assert.Equal("c1", page.Items[0].ClusterId);
        Assert.Null(page.Total);
    }

    [Fact]
    public void Sorting_and_paging_arguments_are_checked_at_once_with_the_fix_named()
    {
        var fake = RecordingHandler.Always(200, "{}");
        using var session = fake.CreateSession();
        var key = Assert.Throws<ArgumentException>(() => session.Snapshots.ListClusterSnapshotsAsync("c1", "size"));
        Assert.Equal("sortKey", key.ParamName);
        Assert.Contains("clusterName", key.Message);
        Assert.Equal("sortDirection", Assert.Throws<ArgumentException>(() => session.Snapshots.ListClusterSnapshotsAsync("c1", "name", "up")).ParamName);
        Assert.Equal("sortDirection", Assert.Throws<ArgumentException>(() => session.Snapshots.ListClusterSnapshotsAsync("c1", null, "ASC")).ParamName);
        Assert.Equal("clusterId", Assert.Throws<DwsArgumentException>(() => session.Snapshots.ListClusterSnapshotsAsync("c/1")).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Snapshots.ListClusterSnapshotsAsync("c1", pageSize: 0));
        Assert.Empty(fake.Requests);
    }
}
