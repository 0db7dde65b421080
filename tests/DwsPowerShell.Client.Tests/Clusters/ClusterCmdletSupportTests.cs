using System.Text.Json;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>Client helpers the cluster cmdlets call: checked scale-in, default cluster version, resize options.</summary>
public class ClusterCmdletSupportTests
{
    private const string Id = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";

    private readonly RecordingHandler _server = new();

    [Fact]
    public async Task ScaleIn_refuses_a_count_not_offered_and_names_the_allowed_values_without_sending()
    {
        _server.Respond(200, """{"shrink_sequence":[3,6]}""");
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.Clusters.ScaleInAsync(Id, 4));
        Assert.Contains("Allowed values: 3, 6", ex.Message);
        Assert.Equal("RemoveNodeCount", ex.ParamName);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ScaleIn_with_nothing_to_undo_says_so()
    {
        _server.Respond(200, """{"shrink_sequence":[]}""");
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.Clusters.ScaleInAsync(Id, 3));
        Assert.Contains("none", ex.Message);
    }

    [Fact]
    public async Task ScaleIn_sends_the_type_of_the_cluster_flavor_and_returns_the_job()
    {
        _server.Respond(200, """{"shrink_sequence":["3"]}""")
            .Respond(200, """{"cluster":{"id":"ID","name":"c1","status":"AVAILABLE","flavor_detail":{"type":"Hybrid"}}}""".Replace("ID", Id))
            .Respond(202, """{"job_id":"j-1"}""");
        using var session = _server.CreateSession();
        var result = await session.Clusters.ScaleInAsync(Id, 3, online: true);
        Assert.Equal("j-1", result.JobId);
        Assert.Equal(Id, result.Job!.ClusterId);
        var post = _server.Requests[2];
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/cluster-shrink"), (post.Method, post.Path));
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal(3, body.RootElement.GetProperty("shrink_number").GetInt32());
        Assert.True(body.RootElement.GetProperty("online").GetBoolean());
        Assert.Equal("hybrid", body.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ScaleIn_defaults_the_type_to_dws_and_accepts_an_answer_without_job()
    {
        _server.Respond(200, """{"shrink_sequence":[3]}""")
            .Respond(200, """{"cluster":{"id":"ID","status":"AVAILABLE"}}""".Replace("ID", Id))
            .Respond(200, """{"error_code":"DWS.0000","error_msg":"ok"}""");
        using var session = _server.CreateSession();
        var result = await session.Clusters.ScaleInAsync(Id, 3);
        Assert.False(result.HasJob);
        using var body = JsonDocument.Parse(_server.Requests[2].Body!);
        Assert.Equal("dws", body.RootElement.GetProperty("type").GetString());
        Assert.False(body.RootElement.GetProperty("online").GetBoolean());
    }

    // Defect (issue 10): the scale-in always sent force_backup=false and need_agency=false and never retry.
    [Fact]
    public async Task ScaleIn_sends_force_backup_need_agency_and_retry_as_asked()
    {
        _server.Respond(200, """{"shrink_sequence":[3]}""")
            .Respond(200, """{"cluster":{"id":"ID","status":"AVAILABLE","number_of_node":6}}""".Replace("ID", Id))
            .Respond(202, """{"job_id":"j-2"}""");
        using var session = _server.CreateSession();
        await session.Clusters.ScaleInAsync(Id, new ShrinkClusterRequest { ShrinkNumber = 3, Type = null, ForceBackup = true, NeedAgency = true, Retry = true });
        Assert.True(JsonElement.DeepEquals(
            JsonDocument.Parse("""{"shrink_number":3,"online":false,"type":"dws","retry":true,"force_backup":true,"need_agency":true}""").RootElement,
            _server.Requests[2].BodyJson), _server.Requests[2].Body);
    }

    [Fact]
    public async Task ScaleIn_leaves_retry_out_unless_asked()
    {
        _server.Respond(200, """{"shrink_sequence":[3]}""")
            .Respond(200, """{"cluster":{"id":"ID","status":"AVAILABLE"}}""".Replace("ID", Id))
            .Respond(202, """{"job_id":"j-3"}""");
        using var session = _server.CreateSession();
        await session.Clusters.ScaleInAsync(Id, 3);
        var body = _server.Requests[2].BodyJson;
        Assert.False(body.TryGetProperty("retry", out _));
        Assert.False(body.GetProperty("force_backup").GetBoolean());
        Assert.False(body.GetProperty("need_agency").GetBoolean());
    }

    [Fact]
    public async Task ScaleIn_answered_without_a_job_gives_a_task_that_expects_the_nodes_gone()
    {
        _server.Respond(200, """{"shrink_sequence":[3,6]}""")
            .Respond(200, """{"cluster":{"id":"ID","status":"AVAILABLE","number_of_node":9}}""".Replace("ID", Id))
            .Respond(200, """{"error_code":"DWS.0000","error_msg":"Request successfully processed."}""");
        using var session = _server.CreateSession();
        var result = await session.Clusters.ScaleInAsync(Id, 6);
        Assert.Null(result.Job);
        var task = Assert.IsType<ClusterTask>(result.ClusterTask);
        Assert.Equal((Id, ClusterTask.ScaleIn, (int?)3, ClusterTask.Running), (task.ClusterId, task.Operation, task.TargetNodeCount, task.Status));
    }

    [Fact]
    public async Task ScaleIn_answered_with_a_job_gives_no_task()
    {
        _server.Respond(200, """{"shrink_sequence":[3]}""")
            .Respond(200, """{"cluster":{"id":"ID","status":"AVAILABLE","number_of_node":6}}""".Replace("ID", Id))
            .Respond(202, """{"job_id":"j-4"}""");
        using var session = _server.CreateSession();
        var result = await session.Clusters.ScaleInAsync(Id, 3);
        Assert.Equal("j-4", result.JobId);
        Assert.Null(result.ClusterTask);
    }

    [Fact]
    public async Task Default_datastore_version_is_the_newest_of_the_flavor_compared_numerically()
    {
        _server.Respond(200, """
            {"node_types":[
              {"id":"a","spec_name":"dws.d2.xlarge","datastores":[{"version":"8.1.3.333"},{"version":"8.10.0"},{"version":"8.9.1"}]},
              {"id":"b","spec_name":"dws2.m6.4xlarge.8","datastores":[{"version":"9.0.0"}]}],"count":2}
            """);
        using var session = _server.CreateSession();
        Assert.Equal("8.10.0", await session.Clusters.GetDefaultDatastoreVersionAsync("DWS.D2.XLARGE"));
        Assert.Equal("/v2/p1/node-types", _server.Single().Path);
    }

    [Fact]
    public async Task Default_datastore_version_of_an_unknown_flavor_names_the_available_ones()
    {
        _server.Respond(200, """{"node_types":[{"id":"a","spec_name":"dws.d2.xlarge","datastores":[]}]}""");
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => session.Clusters.GetDefaultDatastoreVersionAsync("nope"));
        Assert.Contains("dws.d2.xlarge", ex.Message);
        _server.Respond(200, """{"node_types":[{"id":"a","spec_name":"dws.d2.xlarge","datastores":[]}]}""");
        var none = await Assert.ThrowsAsync<ArgumentException>(() => session.Clusters.GetDefaultDatastoreVersionAsync("dws.d2.xlarge"));
        Assert.Contains("-DatastoreVersion", none.Message);
    }

    [Theory]
    [InlineData("8.2.1", "8.2.0", 1)]
    [InlineData("8.1.3.333", "8.2.0", -1)]
    [InlineData("8.10", "8.9.9", 1)]
    [InlineData("8.2", "8.2.0", -1)]
    [InlineData("8.2.0", "8.2.0", 0)]
    public void Versions_compare_number_by_number(string x, string y, int sign) =>
        Assert.Equal(sign, Math.Sign(DatastoreVersionComparer.Instance.Compare(x, y)));

    [Fact]
    public void Resize_option_sorts_and_deduplicates_the_shrink_numbers()
    {
        var option = new ClusterResizeOption(Id, new[] { 6, 3, 6 });
        Assert.Equal(new[] { 3, 6 }, option.ShrinkNumbers);
        Assert.True(option.CanScaleIn);
        Assert.False(new ClusterResizeOption(Id, Array.Empty<int>()).CanScaleIn);
    }
}
