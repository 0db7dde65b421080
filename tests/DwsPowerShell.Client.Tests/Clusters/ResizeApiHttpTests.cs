using System.Text.Json;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>Each resize operation's HTTP method, path, query and body, against a recording fake server.</summary>
public class ResizeApiHttpTests
{
    private const string Id = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";
    private const string Triple = """{"errCode":"DWS.0000","externalMessage":"ok","error_code":null,"error_msg":null,"retCode":null,"retMessage":null}""";

    private readonly RecordingHandler _server = new();

    private DwsSession Session() => _server.CreateSession();

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual!).RootElement), $"expected {expected}\n  actual {actual}");
    }

    [Fact]
    public async Task Scale_out_with_idle_nodes_posts_the_v2_body()
    {
        _server.Respond(200, "{}");
        using var session = Session();
        var result = await session.Clusters.ScaleOutWithIdleNodesAsync(Id, new ScaleOutWithIdleNodesRequest(3)
        {
            AutoRedistribute = false,
            RedisConf = new RedistributionConfigRequest { RedisMode = "offline", ParallelJobs = 4 },
        });
        var r = _server.Single();
        Assert.Equal(("POST", $"/v2/p1/clusters/{Id}/resize-with-existed-nodes"), (r.Method, r.Path));
        AssertJson("""{"scale_out":{"count":3},"expand_with_existed_node":true,"auto_redistribute":false,"redis_conf":{"redis_mode":"offLine","parallel_jobs":4}}""", r.Body);
        Assert.False(result.HasJob);
        Assert.Equal(Id, result.ClusterId);
    }

    [Fact]
    public async Task Suspend_and_resume_read_the_triple_error_fields()
    {
        _server.Respond(200, Triple).Respond(200, Triple);
        using var session = Session();
        var suspended = await session.Clusters.SuspendRedistributionAsync(Id);
        var resumed = await session.Clusters.ResumeRedistributionAsync(Id);
        Assert.Equal(new[] { $"/v2/p1/clusters/{Id}/redistribution/suspend", $"/v2/p1/clusters/{Id}/redistribution/recovery" }, _server.Requests.Select(r => r.Path));
        Assert.All(_server.Requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal(("DWS.0000", "ok"), (suspended.ErrorCode, suspended.ErrorMessage));
        Assert.Equal("DWS.0000", resumed.ErrorCode);
    }

    [Fact]
    public async Task Deliver_redistribution_sends_lowercase_mode_and_refuses_33_jobs_before_sending()
    {
        _server.Respond(200, "{}");
        using var session = Session();
        await session.Clusters.StartRedistributionAsync(Id, new StartRedistributionRequest("OnLine", 3));
        var r = _server.Single();
        Assert.Equal(("POST", $"/v2/p1/clusters/{Id}/redistribution"), (r.Method, r.Path));
        AssertJson("""{"redis_mode":"online","parallel_jobs":3}""", r.Body);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.StartRedistributionAsync(Id, new StartRedistributionRequest("online", 33)));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Redistribution_details_pass_paging_and_filters_and_tables_page_until_short()
    {
        static string Item(int i) => "{\"id\":" + i + ",\"table_name\":\"t" + i + "\",\"status\":\"y\"}";
        static string Page(int from, int n, int total) =>
            "{\"error_code\":\"DWS.0000\",\"redis_info\":{\"status\":\"REDISTRIBUTING\",\"redis_table_detail\":{\"total\":" + total + ",\"data\":[" + string.Join(",", Enumerable.Range(from, n).Select(Item)) + "]}}}";
        _server.Respond(200, Page(0, 2, 3)).Respond(200, Page(2, 1, 3)).Respond(200, Page(0, 0, 0));
        using var session = Session();
        var tables = new List<RedistributionTable>();
        await foreach (var t in session.Clusters.ListRedistributionTablesAsync(Id, "gaussdb", "t", "y", pageSize: 2)) tables.Add(t);
        Assert.Equal(new[] { "t0", "t1", "t2" }, tables.Select(t => t.TableName));
        Assert.All(tables, t => Assert.Equal(Id, t.ClusterId));
        Assert.Equal(new[] { "limit=2&offset=0&db_name=gaussdb&table_name=t&type=y", "limit=2&offset=2&db_name=gaussdb&table_name=t&type=y" }, _server.Requests.Select(r => r.Query));
        Assert.All(_server.Requests, r => Assert.Equal(("GET", $"/v2/p1/clusters/{Id}/redistribution", null), (r.Method, r.Path, r.Body)));

        var details = await session.Clusters.GetRedistributionAsync(Id);
        Assert.Equal((Id, ""), (details.ClusterId, _server.Requests[^1].Query));
    }

    [Fact]
    public async Task Grow_check_is_a_read_whose_items_decide()
    {
        _server.Respond(200, """{"data":[{"pass":true,"type":"cluster_status","desc":"ok","required":true},{"pass":false,"type":"idle_nodes","reason":"no idle nodes","required":true}]}""")
            .Respond(200, """{"data":[]}""");
        using var session = Session();
        var failed = await session.Clusters.CheckScaleOutAsync(Id, new GrowCheckRequest { ScaleOut = new ScaleOutCount { Count = 3 }, ExpandWithExistedNode = true });
        var r = _server.Requests[0];
        Assert.Equal(("POST", $"/v2/p1/clusters/{Id}/grow-check"), (r.Method, r.Path));
        AssertJson("""{"scale_out":{"count":3},"expand_with_existed_node":true}""", r.Body);
        Assert.False(failed.Passed);
        Assert.Equal(2, failed.Items.Count);
        Assert.Contains("idle_nodes: no idle nodes", failed.Reason);
        Assert.True((await session.Clusters.CheckScaleOutAsync(Id, new GrowCheckRequest())).Passed);
    }

    [Fact]
    public async Task Shrink_check_asks_once_per_item_and_ANDs_is_passed()
    {
        _server.Respond(200, """{"is_passed":true}""").Respond(200, """{"is_passed":true}""").Respond(200, """{"is_passed":false}""");
        using var session = Session();
        var result = await session.Clusters.CheckScaleInAsync(Id, 3);
        Assert.Equal(new[] { "shrink_count=3&check_item=guc", "shrink_count=3&check_item=schema", "shrink_count=3&check_item=disk" }, _server.Requests.Select(r => r.Query));
        Assert.All(_server.Requests, r => Assert.Equal(("GET", $"/v1/p1/clusters/{Id}/shrink-check"), (r.Method, r.Path)));
        Assert.False(result.Passed);
        Assert.Contains("disk", result.Reason);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.CheckScaleInAsync(Id, 3, new[] { "cpu" }));
    }

    [Fact]
    public async Task Disk_calls_have_their_paths_and_the_check_maps_400_to_failed()
    {
        _server.Respond(200).Respond(200).Respond(400, """{"error_code":"DWS.5038","error_msg":"out of range"}""")
            .Respond(200, """{"min_size":100,"max_size":2000,"current_size":100}""")
            .Respond(200, """{"duplicate":2,"disk_info_list":[{"percentage":"1.5","disk_capacity":100,"disk_used":1.5,"id":"n1","name":"dn-1"}]}""");
        using var session = Session();
        await session.Clusters.ExpandStorageAsync(Id, 200);
        Assert.True((await session.Clusters.CheckStorageAsync(Id, 200)).Passed);
        var refused = await session.Clusters.CheckStorageAsync(Id, 150);
        Assert.Equal((false, "DWS.5038", "out of range"), (refused.Passed, refused.Code, refused.Reason));
        var range = await session.Clusters.GetStorageRangeAsync(Id);
        Assert.Equal((Id, 2000, true), (range.ClusterId, range.MaxSize, range.CanExpand));
        var usage = await session.Clusters.GetDiskUsageAsync(Id);
        var node = Assert.Single(usage.DiskInfoList!);
        Assert.Equal((Id, 2, 1.5m, "n1"), (node.ClusterId, node.Duplicate, node.Percentage, node.NodeId));

        var calls = _server.Requests.Select(r => (r.Method, r.Path)).ToList();
        Assert.Equal(new[]
        {
            ("POST", $"/v1.0/p1/clusters/{Id}/expand-instance-storage"), ("POST", $"/v1/p1/clusters/{Id}/check-instance-storage"),
            ("POST", $"/v1/p1/clusters/{Id}/check-instance-storage"), ("GET", $"/v1/p1/clusters/{Id}/storage-expand-range"),
            ("GET", $"/v1/p1/clusters/{Id}/volume"),
        }, calls);
        AssertJson("""{"new_size":200}""", _server.Requests[0].Body);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.ExpandStorageAsync(Id, 0));
    }

    [Fact]
    public async Task Flavor_calls_resolve_the_clusters_flavor_then_page_targets_and_change_returns_the_job()
    {
        _server.Respond(200, ResizeReferenceFixes.FlavorDetails)
            .Respond(200, """{"flavors":[{"id":"f1","name":"a","vcpus":8,"ram":64,"is_current_flavor":true}],"count":10}""")
            .Respond(200, """{"job_id":"53cb2c86a59848ca8c2c0389f4b56543","error_code":"DWS.0000","error_msg":"request succeeded!"}""");
        using var session = Session();
        var targets = new List<TargetFlavor>();
        await foreach (var t in session.Clusters.ListTargetFlavorsForClusterAsync(Id)) targets.Add(t);
        var target = Assert.Single(targets); // a short page ends the list although count says 10
        Assert.Equal((Id, "d60ef487-7aa8-44b7-969a-d543ddc5b96f", "f1"), (target.ClusterId, target.SourceFlavorId, target.TargetFlavorId));
        Assert.Equal(("GET", $"/v2/p1/clusters/{Id}/flavor"), (_server.Requests[0].Method, _server.Requests[0].Path));
        Assert.Equal(("/v1/p1/flavors/d60ef487-7aa8-44b7-969a-d543ddc5b96f/target-flavors", "offset=0&limit=100"), (_server.Requests[1].Path, _server.Requests[1].Query));

        var job = await session.Clusters.ChangeFlavorAsync(Id, new ChangeFlavorRequest("f2", forceBackup: true));
        Assert.Equal(("53cb2c86a59848ca8c2c0389f4b56543", Id), (job.JobId, job.ClusterId));
        Assert.Equal(("POST", $"/v1/p1/clusters/{Id}/flavor"), (_server.Requests[2].Method, _server.Requests[2].Path));
        AssertJson("""{"target_flavor_id":"f2","force_backup":true}""", _server.Requests[2].Body);
    }

    [Fact]
    public async Task Flavor_change_without_a_job_id_is_an_error()
    {
        _server.Respond(200, """{"error_code":"DWS.0000"}""");
        using var session = Session();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ChangeFlavorAsync(Id, new ChangeFlavorRequest("f2")));
        Assert.Equal("DWS.Client.InvalidResponse", ex.ErrorCode);
        Assert.Contains("no job ID", ex.Message);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/v1/{project_id}/clusters/{cluster_id}/flavor", ex.Path);
    }

    [Fact]
    public async Task A_missing_cluster_is_a_404_error()
    {
        _server.Respond(404, """{"error_code":"DWS.0001","error_msg":"The cluster does not exist."}""");
        using var session = Session();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.GetFlavorAsync(Id));
        Assert.True(ex.IsNotFound);
    }
}
