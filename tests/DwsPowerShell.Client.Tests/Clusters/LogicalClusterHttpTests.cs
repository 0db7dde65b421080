using System.Text.Json;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>Each operation's method, path, query and body against a recording fake server.</summary>
public class LogicalClusterHttpTests
{
    private const string C = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";
    private const string L = "0b494d0d-8431-4c4f-8a06-2cc42d0d0c7d";
    private const string Ok = """{"error_code":"DWS.0000","error_msg":null}""";

    private readonly RecordingHandler _server = new();

    private DwsSession Session() => _server.CreateSession();

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual!).RootElement), $"expected {expected}\n  actual {actual}");
    }

    private static LogicalClusterRing Ring(params int[] hosts) => new()
    {
        RingHosts = hosts.Select(h => new RingHost { HostName = $"host-10-0-0-{h}", BackIp = $"10.0.0.{h}", CpuCores = 4, Memory = 32, DiskSize = 200 }).ToList(),
    };

    private static string RingJson(params int[] hosts) =>
        "{\"ring_hosts\":[" + string.Join(",", hosts.Select(h => $"{{\"host_name\":\"host-10-0-0-{h}\",\"back_ip\":\"10.0.0.{h}\",\"cpu_cores\":4,\"memory\":32,\"disk_size\":200}}")) + "]}";

    [Fact]
    public async Task Create_posts_the_wrapped_body_and_reads_the_triple_fields()
    {
        _server.Respond(200, """{"retCode":"DWS.0000","retMessage":"ok","errCode":null,"error_code":null}""");
        using var s = Session();
        var result = await s.Clusters.CreateLogicalClusterAsync(C, new CreateLogicalClusterRequest { LogicalClusterName = "lc1", ClusterRings = new() { Ring(1, 2, 3) } });
        var r = _server.Single();
        Assert.Equal(("POST", $"/v2/p1/clusters/{C}/logical-clusters"), (r.Method, r.Path));
        AssertJson("{\"logical_cluster\":{\"logical_cluster_name\":\"lc1\",\"cluster_rings\":[" + RingJson(1, 2, 3) + "]}}", r.Body);
        Assert.Equal(("DWS.0000", "ok", "lc1"), (result.ErrorCode, result.ErrorMessage, result.LogicalClusterName));
        Assert.True(result.IsCleanSuccess);
    }

    [Fact]
    public async Task Create_validates_before_sending()
    {
        using var s = Session();
        await Assert.ThrowsAsync<ArgumentException>(() => s.Clusters.CreateLogicalClusterAsync(C, new CreateLogicalClusterRequest { LogicalClusterName = "lc1" }));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Convert_puts_the_name_in_the_path()
    {
        _server.Respond(200, Ok);
        using var s = Session();
        var result = await s.Clusters.ConvertToLogicalClusterAsync(C, "elastic_group");
        var r = _server.Single();
        Assert.Equal(("POST", $"/v2/p1/clusters/{C}/convert-to-logical-cluster/elastic_group"), (r.Method, r.Path));
        Assert.Null(r.Body);
        Assert.Equal("Convert", result.Operation);
        await Assert.ThrowsAsync<DwsArgumentException>(() => s.Clusters.ConvertToLogicalClusterAsync(C, "../x"));
    }

    [Fact]
    public async Task List_pages_with_offset_and_limit_and_sets_the_cluster_id()
    {
        _server.Respond(200, LogicalClusterReferenceFixes.ListResponse).Respond(200, """{"logical_clusters":[],"count":2}""");
        using var s = Session();
        var all = new List<LogicalCluster>();
        await foreach (var lc in s.Clusters.ListLogicalClustersAsync(C, pageSize: 2)) all.Add(lc);
        Assert.Equal(2, all.Count);
        Assert.All(all, lc => Assert.Equal(C, lc.ClusterId));
        Assert.Equal(new[] { "offset=0&limit=2", "offset=2&limit=2" }, _server.Requests.Select(r => r.Query));
        Assert.All(_server.Requests, r => Assert.Equal($"/v2/p1/clusters/{C}/logical-clusters", r.Path));
    }

    [Fact]
    public async Task Find_matches_id_or_name()
    {
        _server.RespondAlways(200, LogicalClusterReferenceFixes.ListResponse);
        using var s = Session();
        Assert.Equal("rrtjj", (await s.Clusters.FindLogicalClusterAsync(C, "77782e65-7cfb-4e2d-a418-8777503644b7"))!.LogicalClusterName);
        Assert.Equal("77782e65-7cfb-4e2d-a418-8777503644b7", (await s.Clusters.FindLogicalClusterAsync(C, "rrtjj"))!.LogicalClusterId);
        Assert.Null(await s.Clusters.FindLogicalClusterAsync(C, "nope"));
    }

    [Fact]
    public async Task Tasks_send_filters_and_camelCase_order()
    {
        _server.Respond(200, """{"logical_cluster_tasks":[{"type":"Grow","logical_cluster_name":"a","result":"success"}],"count":1}""");
        using var s = Session();
        var tasks = new List<LogicalClusterTask>();
        await foreach (var t in s.Clusters.ListLogicalClusterTasksAsync(C, "test_logical", "Expand", "startTime", "desc")) tasks.Add(t);
        var r = _server.Single();
        Assert.Equal($"/v2/p1/clusters/{C}/logical-clusters/tasks", r.Path);
        Assert.Equal("offset=0&limit=100&logical_cluster_name=test_logical&type=Expand&order_by=startTime&order=DESC", r.Query);
        Assert.Equal("Expand", Assert.Single(tasks).Action);
        await Assert.ThrowsAsync<ArgumentException>(async () => { await foreach (var _ in s.Clusters.ListLogicalClusterTasksAsync(C, order: "sideways")) { } });
    }

    [Fact]
    public async Task Volumes_and_available_rings_are_paged_gets()
    {
        _server.Respond(200, """{"volumes":[{"logical_cluster_name":"a","usage":"1","total":"600","percent":"0.17"}],"count":1}""")
            .Respond(200, LogicalClusterReferenceFixes.RingsResponse);
        using var s = Session();
        var volumes = new List<LogicalClusterVolume>();
        await foreach (var v in s.Clusters.ListLogicalClusterVolumesAsync(C)) volumes.Add(v);
        var rings = new List<LogicalClusterRing>();
        await foreach (var ring in s.Clusters.ListAvailableRingsAsync(C)) rings.Add(ring);
        Assert.Equal(new[] { $"/v2/p1/clusters/{C}/logical-clusters/volumes", $"/v2/p1/clusters/{C}/logical-clusters/rings" }, _server.Requests.Select(r => r.Path));
        Assert.Equal("600", Assert.Single(volumes).Total);
        Assert.Equal(C, Assert.Single(rings).ClusterId);
    }

    [Fact]
    public async Task Delete_restart_and_enable_use_their_methods()
    {
        _server.Respond(200, Ok).Respond(200, Ok).Respond(200, Ok);
        using var s = Session();
        await s.Clusters.DeleteLogicalClusterAsync(C, L);
        await s.Clusters.RestartLogicalClusterAsync(C, L);
        await s.Clusters.SetLogicalClusterFeatureAsync(C, true);
        var r = _server.Requests;
        Assert.Equal(("DELETE", $"/v2/p1/clusters/{C}/logical-clusters/{L}"), (r[0].Method, r[0].Path));
        Assert.Equal(("POST", $"/v2/p1/clusters/{C}/logical-clusters/{L}/restart"), (r[1].Method, r[1].Path));
        Assert.Null(r[1].Body);
        Assert.Equal(("PUT", $"/v2/p1/clusters/{C}/logical-clusters/enable"), (r[2].Method, r[2].Path));
        AssertJson("""{"enable":true}""", r[2].Body);
    }

    [Fact]
    public async Task Set_reads_merges_and_puts_keeping_the_rings()
    {
        _server.Respond(200, LogicalClusterReferenceFixes.ListResponse).Respond(200, Ok);
        using var s = Session();
        var result = await s.Clusters.SetLogicalClusterAsync(C, "rrtjj", mode: "read-only");
        var put = _server.Requests[1];
        Assert.Equal(("PUT", $"/v2/p1/clusters/{C}/logical-clusters/77782e65-7cfb-4e2d-a418-8777503644b7"), (put.Method, put.Path));
        AssertJson("{\"cluster_rings\":[" + RingJson(4, 5, 6) + "],\"mode\":\"read-only\",\"waiting_for_killing\":0}", put.Body);
        Assert.Equal("rrtjj", result.LogicalClusterName);
    }

    [Fact]
    public async Task Set_of_an_unknown_logical_cluster_is_not_found_without_a_put()
    {
        _server.Respond(200, LogicalClusterReferenceFixes.ListResponse);
        using var s = Session();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => s.Clusters.SetLogicalClusterAsync(C, "nope", mode: "x"));
        Assert.True(ex.IsNotFound);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Nodes_send_repeated_node_ids_and_filters()
    {
        _server.Respond(200, """{"node_list":[{"id":"n1","status":"ACTIVE","inst_create_type":"NODE"}],"count":1,"failed_count":0}""");
        using var s = Session();
        var nodes = new List<ClusterNodeInfo>();
        await foreach (var n in s.Clusters.ListNodesAsync(C, new[] { "n1", "n2" }, includeDeleted: true, "instCreateType", "NODE", "name", "asc")) nodes.Add(n);
        var r = _server.Single();
        Assert.Equal($"/v2/p1/clusters/{C}/nodes", r.Path);
        Assert.Equal("deleted=true&node_ids=n1&node_ids=n2&offset=0&limit=100&filter_by=instCreateType&filter=NODE&order_by=name&order=ASC", r.Query);
        Assert.True(Assert.Single(nodes).IsIdle);
        Assert.Equal(C, nodes[0].ClusterId);
    }

    [Fact]
    public async Task Delete_nodes_posts_node_list_and_operate_type_and_reads_the_202()
    {
        _server.Respond(202, """{"error_code":"DWS.0000","error_msg":"Success submit 1 node delete job"}""");
        using var s = Session();
        var result = await s.Clusters.DeleteNodesAsync(C, new[] { "16413746-258e-4a3c-bea9-8496fdbefde3" }, NodeDeleteMode.Clear);
        var r = _server.Single();
        Assert.Equal(("POST", $"/v2/p1/clusters/{C}/nodes/delete"), (r.Method, r.Path));
        AssertJson("""{"node_list":["16413746-258e-4a3c-bea9-8496fdbefde3"],"operate_type":"clear"}""", r.Body);
        Assert.Equal("Success submit 1 node delete job", result.ErrorMessage);
        Assert.Equal(C, result.ClusterId);
    }

    [Fact]
    public async Task Topology_instances_and_instance_use_their_paths()
    {
        _server.Respond(200, LogicalClusterReferenceFixes.TopologyResponse)
            .Respond(200, """{"cluster_id":"c0","cluster_name":"n","cluster_status":"AVAILABLE","instances":[{"instance_id":"i1","instance_status":"AVAILABLE","logical_cluster_name":"lc"}]}""")
            .Respond(200, LogicalClusterReferenceFixes.InstanceResponse);
        using var s = Session();
        var rings = new List<TopologyRing>();
        await foreach (var ring in s.Clusters.ListTopologyRingsAsync(C)) rings.Add(ring);
        var instances = await s.Clusters.ListInstancesAsync(C);
        var instance = await s.Clusters.GetInstanceAsync("13cb2c86-a598-48ca-8c2c-0389f4b78963");
        Assert.Equal(new[] { $"/v2/p1/clusters/{C}/topo/rings", $"/v2/p1/clusters/{C}/instances", "/v2/p1/instances/13cb2c86-a598-48ca-8c2c-0389f4b78963" },
            _server.Requests.Select(r => r.Path));
        Assert.Equal(1, Assert.Single(rings).RingNumber);
        Assert.Equal(("c0", "n", "lc"), (instances[0].ClusterId, instances[0].ClusterName, instances[0].LogicalClusterName));
        Assert.Equal("dws-cn", instance.Type);
    }

    [Fact]
    public async Task Cns_list_sets_limits_on_each_cn()
    {
        _server.Respond(200, """{"min_num":2,"max_num":6,"instances":[{"id":"a","name":"cn-1","private_ip":"1.1.1.1"},{"id":"b","name":"cn-2","private_ip":"1.1.1.2"}]}""");
        using var s = Session();
        var cns = await s.Clusters.ListCoordinatorNodesAsync(C);
        Assert.Equal(("GET", $"/v1.0/p1/clusters/{C}/cns"), (_server.Single().Method, _server.Single().Path));
        Assert.All(cns.Instances!, cn => Assert.Equal((2, 6, C), (cn.MinCount!.Value, cn.MaxCount!.Value, cn.ClusterId)));
        Assert.Equal("b", cns.Instances![1].CoordinatorNodeId);
    }

    [Fact]
    public async Task Add_by_count_sends_the_total_after_the_operation()
    {
        _server.Respond(200, """{"min_num":2,"max_num":6,"instances":[{"id":"a"},{"id":"b"},{"id":"c"}]}""").Respond(200, """{"job_id":"2c908185841339ce018414e9944b0020"}""");
        using var s = Session();
        var job = await s.Clusters.AddCoordinatorNodesByCountAsync(C, 2);
        var post = _server.Requests[1];
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{C}/cns/batch-create"), (post.Method, post.Path));
        AssertJson("""{"num":5}""", post.Body);
        Assert.Equal(("2c908185841339ce018414e9944b0020", C), (job.JobId, job.ClusterId));
    }

    [Fact]
    public async Task Add_by_count_beyond_max_num_is_refused_before_sending()
    {
        _server.Respond(200, """{"min_num":2,"max_num":3,"instances":[{"id":"a"},{"id":"b"},{"id":"c"}]}""");
        using var s = Session();
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => s.Clusters.AddCoordinatorNodesByCountAsync(C, 1));
        Assert.Contains("at most 0 more", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Remove_cns_posts_the_ids_and_returns_the_job()
    {
        _server.Respond(200, """{"job_id":"j1"}""").Respond(200, "{}");
        using var s = Session();
        var job = await s.Clusters.RemoveCoordinatorNodesAsync(C, new[] { "b6ad3dc3-d2de-4d2c-a5df-fdde58eca8f0" });
        AssertJson("""{"instances":["b6ad3dc3-d2de-4d2c-a5df-fdde58eca8f0"]}""", _server.Requests[0].Body);
        Assert.Equal($"/v1.0/p1/clusters/{C}/cns/batch-delete", _server.Requests[0].Path);
        Assert.Equal("j1", job.JobId);
        var missing = await Assert.ThrowsAsync<DwsApiException>(() => s.Clusters.RemoveCoordinatorNodesAsync(C, new[] { "x" }));
        Assert.Equal("DWS.Client.InvalidResponse", missing.ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a/b")]
    public async Task Set_refuses_a_bad_logical_cluster_id_naming_that_parameter(string? logicalClusterId)
    {
        using var s = Session();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => s.Clusters.SetLogicalClusterAsync(C, logicalClusterId!, mode: "x"));
        Assert.Equal("logicalClusterId", ex.ParamName);
        Assert.Empty(_server.Requests);
    }
}
