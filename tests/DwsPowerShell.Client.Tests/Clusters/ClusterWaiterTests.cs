using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Clusters;

public class ClusterWaiterTests
{
    private const string Id = "c1";

    private static readonly DwsWaitOptions s_fast = new() { PollInterval = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(30) };

    private readonly RecordingHandler _server = new();

    private static string Detail(string status, string? taskStatus = null, string? progress = null, string name = "dws-1", string? failed = null) =>
        "{\"cluster\":{\"id\":\"" + Id + "\",\"name\":\"" + name + "\",\"status\":\"" + status + "\""
        + (taskStatus is null ? "" : ",\"task_status\":\"" + taskStatus + "\"")
        + (progress is null ? "" : ",\"action_progress\":{" + progress + "}")
        + (failed is null ? "" : ",\"failed_reasons\":{\"error_code\":\"" + failed + "\",\"error_msg\":\"it broke\"}")
        + "}}";

    private static string List(params (string Id, string Name, string Status)[] clusters) =>
        "{\"clusters\":[" + string.Join(",", clusters.Select(c => $"{{\"id\":\"{c.Id}\",\"name\":\"{c.Name}\",\"status\":\"{c.Status}\"}}")) + "],\"count\":" + clusters.Length + "}";

    [Theory]
    [InlineData("AVAILABLE", null, false, true)]
    [InlineData("available", "", false, true)]
    [InlineData("ACTIVE", null, false, true)]
    [InlineData("AVAILABLE", "REBOOTING", false, false)]
    [InlineData("AVAILABLE", null, true, false)]
    [InlineData("CREATING", null, false, false)]
    [InlineData("STOPPED", null, false, false)]
    [InlineData(null, null, false, false)]
    public void Ready_means_available_with_no_task_and_no_progress(string? status, string? task, bool progress, bool ready)
    {
        var actions = progress ? new Dictionary<string, string> { ["GROWING"] = "40%" } : new Dictionary<string, string>();
        Assert.Equal(ready, ClusterStatus.IsReady(status, task, actions));
    }

    [Theory]
    [InlineData("FAILED", null)]
    [InlineData("CREATE_FAILED", null)]
    [InlineData("CREATION FAILED", null)]
    [InlineData("creation failed", null)]
    [InlineData("DELETE_FAILED", null)]
    [InlineData("DELETION FAILED", null)]
    [InlineData("REBOOT_FAILURE", null)]
    [InlineData("AVAILABLE", "REBOOT_FAILURE")]
    [InlineData("AVAILABLE", "RESIZE_FAILURE")]
    [InlineData("AVAILABLE", "CLUSTER_SHRINK_FAILED")]
    [InlineData("AVAILABLE", "ELB_SWITCHING_FAILED")]
    [InlineData("AVAILABLE", "ACTIVE_STANDY_SWITCHOVER_FAILURE")]
    public void Failure_states_are_recognised(string status, string? task) => Assert.True(ClusterStatus.IsFailed(status, task));

    [Theory]
    [InlineData("AVAILABLE", null)]
    [InlineData("CREATING", "GROWING")]
    [InlineData("AVAILABLE", "WAITING_REDISTRIBUTION")]
    [InlineData("DELETING", null)]
    [InlineData("FROZEN", null)]
    [InlineData("STOPING", null)]
    [InlineData("SOMETHING_NEW", "FAILOVER")]
    [InlineData(null, null)]
    public void Other_states_are_not_failures(string? status, string? task) => Assert.False(ClusterStatus.IsFailed(status, task));

    [Fact]
    public void Deletion_states()
    {
        Assert.True(ClusterStatus.IsDeletionFailed("DELETE_FAILED"));
        Assert.True(ClusterStatus.IsDeletionFailed("Deletion Failed"));
        Assert.False(ClusterStatus.IsDeletionFailed("FAILED"));
        Assert.True(ClusterStatus.IsDeleted("deleted"));
        Assert.False(ClusterStatus.IsDeleted("DELETING"));
    }

    [Fact]
    public async Task WaitForStatus_follows_the_cluster_until_ready()
    {
        _server.Respond(200, Detail("AVAILABLE", "REBOOTING", "\"REBOOTING\":\"10%\""))
               .Respond(200, Detail("AVAILABLE", "REBOOTING", "\"REBOOTING\":\"90%\""))
               .Respond(200, Detail("AVAILABLE", null, "\"REBOOTING\":\"100%\""))
               .Respond(200, Detail("AVAILABLE"));
        using var session = _server.CreateSession();
        var seen = new List<string>();
        var cluster = await session.Clusters.WaitForStatusAsync(Id, s_fast, c => seen.Add($"{c.TaskStatus}|{string.Join(",", c.ActionProgress?.Values ?? Enumerable.Empty<string>())}"));
        Assert.Equal(new[] { "REBOOTING|10%", "REBOOTING|90%", "|100%", "|" }, seen);
        Assert.True(ClusterStatus.IsReady(cluster));
        Assert.Equal(4, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(("GET", "/v1.0/p1/clusters/c1"), (r.Method, r.Path)));
    }

    [Theory]
    [InlineData("CREATE_FAILED", null)]
    [InlineData("CREATION FAILED", null)]
    [InlineData("FAILED", null)]
    [InlineData("AVAILABLE", "CLUSTER_SHRINK_FAILED")]
    [InlineData("AVAILABLE", "REBOOT_FAILURE")]
    public async Task WaitForStatus_throws_on_a_failure_state(string status, string? task)
    {
        _server.Respond(200, Detail("CREATING")).Respond(200, Detail(status, task, failed: "DWS.0114"));
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsResourceFailedException>(() => session.Clusters.WaitForStatusAsync(Id, s_fast));
        Assert.Equal(("cluster", Id, "dws-1"), (ex.ResourceType, ex.ResourceId, ex.ResourceName));
        Assert.Equal(status, ex.Status);
        Assert.Equal(task, ex.TaskStatus);
        Assert.Equal("DWS.0114", ex.FailureCode);
        Assert.Contains(status, ex.Message);
        Assert.Contains("DWS.0114", ex.Message);
        Assert.IsType<Cluster>(ex.Resource);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task WaitForStatus_gives_up_at_the_timeout_naming_the_state()
    {
        _server.RespondAlways(200, Detail("AVAILABLE", "GROWING", "\"GROWING\":\"40%\""));
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Clusters.WaitForStatusAsync(Id,
            new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromMilliseconds(100) }));
        var pending = Assert.Single(ex.Pending);
        Assert.Contains("GROWING 40%", pending);
        Assert.True(_server.Requests.Count >= 2);
    }

    [Fact]
    public async Task WaitForStatus_passes_on_a_404()
    {
        _server.Respond(404, """{"error_code":"DWS.0001","error_msg":"not found"}""");
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.WaitForStatusAsync(Id, s_fast));
        Assert.True(ex.IsNotFound);
    }

    private static string Nodes(string status, string? taskStatus, int nodes) =>
        "{\"cluster\":{\"id\":\"" + Id + "\",\"name\":\"dws-1\",\"status\":\"" + status + "\",\"number_of_node\":" + nodes
        + (taskStatus is null ? "" : ",\"task_status\":\"" + taskStatus + "\"") + "}}";

    [Fact]
    public async Task WaitForTask_ends_once_the_cluster_is_idle_with_the_nodes_removed()
    {
        // Right after a 200 answer the cluster may not show the scale-in yet: idle with all its nodes is not "done".
        _server.Respond(200, Nodes("AVAILABLE", null, 6))
               .Respond(200, Nodes("AVAILABLE", "CLUSTER_SHRINKING", 6))
               .Respond(200, Nodes("AVAILABLE", null, 3));
        using var session = _server.CreateSession();
        var seen = new List<string?>();
        var done = await session.Clusters.WaitForTaskAsync(new ClusterTask(Id, ClusterTask.ScaleIn, 3), s_fast, c => seen.Add(c.TaskStatus));
        Assert.Equal(new string?[] { null, "CLUSTER_SHRINKING", null }, seen);
        Assert.Equal((ClusterTask.Success, 3), (done.Status, done.Cluster!.NumberOfNode));
        Assert.True(done.IsSucceeded);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task WaitForTask_without_a_target_ends_when_the_cluster_is_ready()
    {
        _server.Respond(200, Nodes("AVAILABLE", "CLUSTER_SHRINKING", 6)).Respond(200, Nodes("AVAILABLE", null, 6));
        using var session = _server.CreateSession();
        var done = await session.Clusters.WaitForTaskAsync(new ClusterTask(Id, ClusterTask.ScaleIn), s_fast);
        Assert.Equal(ClusterTask.Success, done.Status);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task WaitForTask_throws_when_the_scale_in_fails()
    {
        _server.Respond(200, Nodes("AVAILABLE", "CLUSTER_SHRINKING", 6)).Respond(200, Detail("AVAILABLE", "CLUSTER_SHRINK_FAILED", failed: "DWS.0005"));
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsResourceFailedException>(() => session.Clusters.WaitForTaskAsync(new ClusterTask(Id, ClusterTask.ScaleIn, 3), s_fast));
        Assert.Equal(("CLUSTER_SHRINK_FAILED", "DWS.0005"), (ex.TaskStatus, ex.FailureCode));
    }

    [Fact]
    public void A_task_is_done_only_by_an_idle_cluster_with_the_target_node_count()
    {
        var task = new ClusterTask(Id, ClusterTask.ScaleIn, 3);
        Assert.False(task.IsDoneBy(new Cluster { Id = Id, Status = "AVAILABLE", NumberOfNode = 6 }));
        Assert.False(task.IsDoneBy(new Cluster { Id = Id, Status = "AVAILABLE", TaskStatus = "CLUSTER_SHRINKING", NumberOfNode = 3 }));
        Assert.True(task.IsDoneBy(new Cluster { Id = Id, Status = "AVAILABLE", NumberOfNode = 3 }));
        Assert.True(task.IsDoneBy(new Cluster { Id = Id, Status = "AVAILABLE" })); // a count the service does not give cannot hold the wait
        Assert.Equal(ClusterTask.Running, task.As(new Cluster { Id = Id, Status = "AVAILABLE", NumberOfNode = 6 }).Status);
        Assert.Throws<ArgumentException>(() => new ClusterTask(" ", ClusterTask.ScaleIn));
    }

    [Fact]
    public async Task WaitForDeletion_ends_at_404()
    {
        _server.Respond(200, Detail("AVAILABLE"))
               .Respond(200, Detail("DELETING"))
               .Respond(404, """{"error_code":"DWS.0001","error_msg":"not found"}""");
        using var session = _server.CreateSession();
        var seen = new List<string?>();
        await session.Clusters.WaitForDeletionAsync(Id, s_fast, c => seen.Add(c.Status));
        Assert.Equal(new[] { "AVAILABLE", "DELETING" }, seen);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task WaitForDeletion_ends_at_a_deleted_status()
    {
        _server.Respond(200, Detail("DELETING")).Respond(200, Detail("DELETED"));
        using var session = _server.CreateSession();
        await session.Clusters.WaitForDeletionAsync(Id, s_fast);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task WaitForDeletion_throws_when_the_deletion_fails()
    {
        _server.Respond(200, Detail("DELETING")).Respond(200, Detail("DELETE_FAILED"));
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsResourceFailedException>(() => session.Clusters.WaitForDeletionAsync(Id, s_fast));
        Assert.Equal("DELETE_FAILED", ex.Status);
    }

    [Fact]
    public async Task WaitForDeletion_does_not_swallow_other_errors()
    {
        _server.Respond(403, """{"error_code":"DWS.0003","error_msg":"forbidden"}""");
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.WaitForDeletionAsync(Id, s_fast));
        Assert.Equal(403, ex.StatusCode);
    }

    [Fact]
    public async Task FindByName_matches_the_exact_case_sensitive_name()
    {
        _server.RespondAlways(200, List(("a", "dws-1-old", "AVAILABLE"), ("b", "DWS-1", "AVAILABLE"), ("c", "dws-1", "CREATING"), ("d", "dws-1", "DELETED")));
        using var session = _server.CreateSession();
        Assert.Equal("c", (await session.Clusters.FindByNameAsync("dws-1"))!.ClusterId);
        Assert.Equal("b", (await session.Clusters.FindByNameAsync("DWS-1"))!.ClusterId);
        Assert.Null(await session.Clusters.FindByNameAsync("dws"));
        Assert.All(_server.Requests, r => Assert.Equal(("GET", "/v1.0/p1/clusters"), (r.Method, r.Path)));
    }

    [Fact]
    public async Task FindByName_refuses_an_ambiguous_name()
    {
        _server.Respond(200, List(("a", "dws-1", "AVAILABLE"), ("b", "dws-1", "CREATING")));
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => session.Clusters.FindByNameAsync("dws-1"));
        Assert.Contains("a, b", ex.Message);
    }

    [Fact]
    public async Task WaitForCreation_finds_the_cluster_by_name_then_polls_it_by_id()
    {
        _server.Respond(200, List(("x", "other", "AVAILABLE")))          // the order is not a cluster yet
               .Respond(200, List(("x", "other", "AVAILABLE"), (Id, "dws-1", "CREATING")))
               .Respond(200, Detail("CREATING", null, "\"CREATING\":\"50%\""))
               .Respond(200, Detail("AVAILABLE"));
        using var session = _server.CreateSession();
        var statuses = new List<string?>();
        var cluster = await session.Clusters.WaitForCreationAsync("dws-1", s_fast, c => statuses.Add(c.Status));
        Assert.Equal(Id, cluster.ClusterId);
        Assert.Equal(new[] { "CREATING", "CREATING", "AVAILABLE" }, statuses);
        Assert.Equal(new[] { "/v1.0/p1/clusters", "/v1.0/p1/clusters", "/v1.0/p1/clusters/c1", "/v1.0/p1/clusters/c1" }, _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task WaitForCreation_throws_on_a_failed_creation()
    {
        _server.Respond(200, List((Id, "dws-1", "CREATING"))).Respond(200, Detail("CREATION FAILED"));
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsResourceFailedException>(() => session.Clusters.WaitForCreationAsync("dws-1", s_fast));
        Assert.Equal("CREATION FAILED", ex.Status);
    }

    [Fact]
    public async Task WaitForCreation_times_out_saying_the_cluster_never_appeared()
    {
        _server.RespondAlways(200, List());
        using var session = _server.CreateSession();
        var ex = await Assert.ThrowsAsync<DwsWaitTimeoutException>(() => session.Clusters.WaitForCreationAsync("dws-1",
            new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromMilliseconds(60) }));
        Assert.Contains("'dws-1' (not listed yet)", ex.Pending);
    }

    [Fact]
    public async Task Waits_honour_cancellation()
    {
        _server.RespondAlways(200, Detail("CREATING"));
        using var session = _server.CreateSession();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Clusters.WaitForStatusAsync(Id,
            new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5) }, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Waits_refuse_bad_ids_and_blank_names_before_any_request()
    {
        using var session = _server.CreateSession();
        Assert.Equal("clusterId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.WaitForStatusAsync("a/b", s_fast))).ParamName);
        Assert.Equal("clusterId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.WaitForDeletionAsync("..", s_fast))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.WaitForCreationAsync(" ", s_fast))).ParamName);
        Assert.Empty(_server.Requests);
    }
}
