using System.Text.Json;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>Each operation's HTTP method, path, query and body, against a recording fake server.</summary>
public class ClustersApiHttpTests
{
    private const string Id = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";

    private readonly RecordingHandler _server = new();

    private DwsSession Session() => _server.CreateSession();

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual!).RootElement), $"expected {expected}\n  actual {actual}");
    }

    [Fact]
    public async Task ListAvailabilityZones_gets_the_az_list()
    {
        _server.Respond(200, """{"availability_zones":[{"code":"az1","name":"AZ1","status":"available","public_border_group":"center"}],"count":1}""");
        using var session = Session();
        var zones = await session.AvailabilityZones.ListAsync();
        var r = _server.Single();
        Assert.Equal(("GET", "/v1.0/p1/availability-zones", ""), (r.Method, r.Path, r.Query));
        Assert.Null(r.Body);
        Assert.Equal("az1", Assert.Single(zones).Code);
    }

    [Fact]
    public async Task List_gets_all_clusters_without_paging_parameters()
    {
        _server.Respond(200, ReferenceFixes.ListResponse);
        using var session = Session();
        var clusters = await session.Clusters.ListAsync();
        var r = _server.Single();
        Assert.Equal(("GET", "/v1.0/p1/clusters", ""), (r.Method, r.Path, r.Query));
        Assert.Equal("dws-1", Assert.Single(clusters).Name);
    }

    [Fact]
    public async Task A_list_answer_without_its_list_is_an_invalid_answer()
    {
        _server.Respond(200, """{"count":0}""");
        using var session = Session();
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
        Assert.Contains("'clusters'", error.Message);
    }

    [Fact]
    public async Task List_of_an_empty_list_is_empty()
    {
        _server.Respond(200, """{"clusters":[],"count":0}""");
        using var session = Session();
        Assert.Empty(await session.Clusters.ListAsync());
    }

    [Fact]
    public async Task Get_unwraps_the_cluster()
    {
        _server.Respond(200, ReferenceFixes.DetailResponse);
        using var session = Session();
        var cluster = await session.Clusters.GetAsync(Id);
        var r = _server.Single();
        Assert.Equal(("GET", $"/v1.0/p1/clusters/{Id}"), (r.Method, r.Path));
        Assert.Equal("7d85f602-a948-4a30-afd4-e84f47471c15", cluster.ClusterId);
        Assert.Equal("SNAPSHOTTING", cluster.TaskStatus);
    }

    [Fact]
    public async Task Get_fills_a_missing_id_from_the_request()
    {
        _server.Respond(200, """{"cluster":{"name":"dws-1","status":"AVAILABLE"}}""");
        using var session = Session();
        Assert.Equal(Id, (await session.Clusters.GetAsync(Id)).Id);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a?b")]
    [InlineData(" ")]
    public async Task Bad_cluster_ids_are_refused_before_any_request(string badId)
    {
        using var session = Session();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.GetAsync(badId));
        Assert.Equal("clusterId", ex.ParamName);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.DeleteAsync(badId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.RestartAsync(badId));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ListNodeTypes_uses_the_v2_path()
    {
        _server.Respond(200, ReferenceFixes.NodeTypesResponse);
        using var session = Session();
        var types = await session.Clusters.ListNodeTypesAsync();
        Assert.Equal(("GET", "/v2/p1/node-types"), (_server.Single().Method, _server.Single().Path));
        Assert.Equal("dws.d2.xlarge", Assert.Single(types).SpecName);
    }

    [Fact]
    public async Task ListShrinkNumbers_reads_the_sequence()
    {
        _server.Respond(200, """{"shrink_sequence":[3,7]}""");
        using var session = Session();
        Assert.Equal(new[] { 3, 7 }, await session.Clusters.ListShrinkNumbersAsync(Id));
        Assert.Equal(("GET", $"/v1.0/p1/clusters/{Id}/shrink-numbers"), (_server.Single().Method, _server.Single().Path));
    }

    [Fact]
    public async Task Create_posts_the_wrapped_v2_body_and_returns_the_order_and_name()
    {
        _server.Respond(200, """{"subscriptionsID":"20240620061015193874426"}""");
        using var session = Session();
        var created = await session.Clusters.CreateAsync(ClusterRequestTests.ValidV2());
        var r = _server.Single();
        Assert.Equal(("POST", "/v2/p1/clusters"), (r.Method, r.Path));
        Assert.Equal("application/json", r.ContentType);
        using var body = JsonDocument.Parse(r.Body!);
        Assert.Equal("dws-1", body.RootElement.GetProperty("cluster").GetProperty("name").GetString());
        Assert.Equal("dbadmin", body.RootElement.GetProperty("cluster").GetProperty("db_name").GetString());
        Assert.True(body.RootElement.GetProperty("cluster").TryGetProperty("db_password", out _));
        Assert.Equal("20240620061015193874426", created.OrderId);
        Assert.Equal("dws-1", created.Name);
    }

    [Fact]
    public async Task Create_validates_before_sending()
    {
        var request = ClusterRequestTests.ValidV2();
        request.NumNode = 2;
        using var session = Session();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.CreateAsync(request));
        Assert.Equal("NumNode", ex.ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.Clusters.CreateAsync(null!));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task CreateV1_posts_to_the_v10_path()
    {
        _server.Respond(200, """{"subscriptionsID":"o1"}""");
        using var session = Session();
        var created = await session.Clusters.CreateV1Async(ClusterRequestTests.ValidV1());
        var r = _server.Single();
        Assert.Equal(("POST", "/v1.0/p1/clusters"), (r.Method, r.Path));
        Assert.Equal("dbadmin", JsonDocument.Parse(r.Body!).RootElement.GetProperty("cluster").GetProperty("user_name").GetString());
        Assert.Equal(("o1", "dws-1"), (created.OrderId, created.Name));
    }

    [Fact]
    public async Task Delete_v2_sends_the_options_in_the_query_and_no_body()
    {
        _server.Respond(202).Respond(202);
        using var session = Session();
        await session.Clusters.DeleteAsync(Id);
        await session.Clusters.DeleteAsync(Id, keepLastManualSnapshots: 2, releaseEip: true);
        var (first, second) = (_server.Requests[0], _server.Requests[1]);
        Assert.Equal(("DELETE", $"/v2/p1/clusters/{Id}"), (first.Method, first.Path));
        Assert.Equal("keep_last_manual_backup=0&release_eip_type=NO_RELEASE", first.Query);
        Assert.Null(first.Body);
        Assert.Equal("keep_last_manual_backup=2&release_eip_type=RELEASE_BINDING", second.Query);
    }

    [Fact]
    public async Task Delete_refuses_a_negative_snapshot_count()
    {
        using var session = Session();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.DeleteAsync(Id, -1));
        Assert.Equal("keepLastManualSnapshots", ex.ParamName);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Delete_v1_sends_a_json_body_on_the_DELETE()
    {
        _server.Respond(202);
        using var session = Session();
        await session.Clusters.DeleteV1Async(Id, 1);
        var r = _server.Single();
        Assert.Equal(("DELETE", $"/v1.0/p1/clusters/{Id}", ""), (r.Method, r.Path, r.Query));
        Assert.Equal("application/json", r.ContentType);
        AssertJson("""{"keep_last_manual_snapshot":1}""", r.Body);
    }

    [Fact]
    public async Task Restart_posts_exactly_the_empty_restart_object()
    {
        _server.Respond(200);
        using var session = Session();
        await session.Clusters.RestartAsync(Id);
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/restart"), (r.Method, r.Path));
        Assert.Equal("""{"restart":{}}""", r.Body);
    }

    [Fact]
    public async Task Start_and_stop_return_a_job_that_knows_its_cluster()
    {
        const string answer = """{"error_code":null,"error_msg":null,"job_id":"2c9080d08cc99d28018ccd139e942498"}""";
        _server.Respond(200, answer).Respond(200, answer);
        using var session = Session();
        var started = await session.Clusters.StartAsync(Id);
        var stopped = await session.Clusters.StopAsync(Id);
        Assert.Equal(("POST", $"/v1/p1/clusters/{Id}/start"), (_server.Requests[0].Method, _server.Requests[0].Path));
        Assert.Equal(("POST", $"/v1/p1/clusters/{Id}/stop"), (_server.Requests[1].Method, _server.Requests[1].Path));
        Assert.Null(_server.Requests[0].Body);
        foreach (var job in new[] { started, stopped })
        {
            Assert.Equal("2c9080d08cc99d28018ccd139e942498", job.JobId);
            Assert.Equal(Id, job.ClusterId);
        }
    }

    [Fact]
    public async Task Start_without_a_job_id_says_so()
    {
        _server.Respond(200, """{"error_code":"DWS.0000","error_msg":"ok"}""");
        using var session = Session();
        var ex = await Assert.ThrowsAsync<DwsPowerShell.Client.Errors.DwsApiException>(() => session.Clusters.StartAsync(Id));
        Assert.Contains("no job ID", ex.Message);
        Assert.Contains(Id, ex.Message);
    }

    [Fact]
    public async Task Resize_posts_scale_out_and_accepts_an_empty_answer()
    {
        _server.Respond(200);
        using var session = Session();
        var result = await session.Clusters.ResizeAsync(Id, new ResizeClusterRequest(3, "08a71407-6379-42c2-893b-09408f88ee8e"));
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/resize"), (r.Method, r.Path));
        AssertJson("""{"scale_out":{"count":3,"subnet_id":"08a71407-6379-42c2-893b-09408f88ee8e"}}""", r.Body);
        Assert.Equal(Id, result.ClusterId);
        Assert.Null(result.Job);
        Assert.False(result.HasJob);
    }

    [Fact]
    public async Task Resize_validates_before_sending()
    {
        using var session = Session();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.ResizeAsync(Id, new ResizeClusterRequest(0)));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Shrink_as_the_english_reference_answers_has_no_job()
    {
        _server.Respond(200, """{"error_code":"DWS.0000","error_msg":"Request successfully processed."}""");
        using var session = Session();
        var result = await session.Clusters.ShrinkAsync(Id, new ShrinkClusterRequest { ShrinkNumber = 3, ForceBackup = true });
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/cluster-shrink"), (r.Method, r.Path));
        AssertJson("""{"shrink_number":3,"online":false,"type":"dws","force_backup":true,"need_agency":false}""", r.Body);
        Assert.Null(result.Job);
        Assert.Null(result.JobId);
        Assert.Equal("DWS.0000", result.ErrorCode);
        Assert.Equal(Id, result.ClusterId);
    }

    [Fact]
    public async Task Shrink_answered_200_without_a_job_gives_the_task_to_wait_on()
    {
        _server.Respond(200, """{"error_code":"DWS.0000","error_msg":"Request successfully processed."}""");
        using var session = Session();
        var result = await session.Clusters.ShrinkAsync(Id, new ShrinkClusterRequest { ShrinkNumber = 3 });
        var task = Assert.IsType<ClusterTask>(result.ClusterTask);
        Assert.Equal((Id, ClusterTask.ScaleIn, ClusterTask.Running, (int?)null), (task.ClusterId, task.Operation, task.Status, task.TargetNodeCount));
    }

    // Defect (issue 10): a 200 whose error_code was not DWS.0000 was only logged as a warning and the scale-in counted as accepted.
    [Fact]
    public async Task Shrink_refused_inside_a_200_is_an_error_with_the_service_code_and_no_warning()
    {
        _server.Respond(200, """{"error_code":"DWS.0016","error_msg":"The cluster is being backed up; scale in later."}""");
        var log = new List<DwsLogEntry>();
        using var session = new DwsSession(new DwsSessionOptions
        {
            Credentials = new Auth.AccessKeyCredentials("AK", "SK"),
            Endpoint = new Uri("http://127.0.0.1:1"),
            ProjectId = "p1",
            Log = log.Add,
            ConfigureHandler = _ => _server,
        });
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ShrinkAsync(Id, new ShrinkClusterRequest { ShrinkNumber = 3 }));
        Assert.Equal((200, "DWS.0016", "The cluster is being backed up; scale in later."), (ex.StatusCode, ex.ErrorCode, ex.ErrorMessage));
        Assert.Contains("DWS.0016", ex.Message);
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/cluster-shrink"), (ex.Method, ex.Path));
        Assert.DoesNotContain(log, e => e.Level == DwsLogLevel.Warning);
        Assert.Single(_server.Requests); // a refusal is an answer: not retried
    }

    [Fact]
    public async Task Other_calls_fail_on_an_error_code_inside_a_200_too()
    {
        _server.Respond(200, """{"error_code":"DWS.0016","error_msg":"odd"}""");
        using var session = Session();
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ResizeAsync(Id, new ResizeClusterRequest(3)));
        Assert.Equal("DWS.0016", error.ErrorCode);
        Assert.Contains("odd", error.Message);
    }

    [Fact]
    public async Task Shrink_as_seed_000_answers_returns_the_job()
    {
        _server.Respond(202, ReferenceFixes.ShrinkAcceptedResponse);
        using var session = Session();
        var result = await session.Clusters.ShrinkAsync(Id, new ShrinkClusterRequest { ShrinkNumber = 3 });
        Assert.True(result.HasJob);
        Assert.Equal("89cd04f168b84af6be287f71730fdb4b", result.Job!.JobId);
        Assert.Equal(Id, result.Job.ClusterId);
        Assert.Equal(result.Job.JobId, result.JobId);
    }

    [Fact]
    public async Task Mutations_are_not_retried_on_a_500_but_reads_are()
    {
        // The restart's 500 loses its outcome: the cluster is read back (a 500, retried, then the cluster, not rebooting).
        _server.Respond(500, """{"error_code":"DWS.9999","error_msg":"boom"}""").Respond(500).Respond(200, ReferenceFixes.DetailResponse);
        using var session = _server.CreateSession(maxRetries: 2);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.RestartAsync(Id));
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("DWS.9999", ex.ErrorCode);
        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("not rebooting", ex.Message);
        Assert.Equal(new[] { "POST", "GET", "GET" }, _server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Errors_become_DwsApiException_with_the_service_code()
    {
        _server.Respond(404, """{"error_code":"DWS.0001","error_msg":"Cluster not found."}""");
        using var session = Session();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.GetAsync(Id));
        Assert.True(ex.IsNotFound);
        Assert.Equal("DWS.0001", ex.ErrorCode);
    }
}
