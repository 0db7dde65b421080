using System.Collections.Concurrent;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Transport;

/// <summary>
/// The read-back after a change whose answer was lost (DwsReadBack): each operation that plugs a confirm function
/// in reports success when the service shows the change applied, and DwsApiException.OutcomeUnknown (saying what
/// it saw) otherwise. The change itself is sent once.
/// </summary>
public class ReadBackTests
{
    private const string ClusterId = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";

    /// <summary>Answers by "METHOD /path" (path after /v.../proj-1); the change gets <paramref name="lost"/>.</summary>
    private static FakeHandler Server(string change, Func<HttpResponseMessage> lost, Func<string, HttpResponseMessage> reads) =>
        new((seen, _) =>
        {
            var key = seen.Method + " " + seen.Uri.AbsolutePath;
            if (key == change) return Task.FromResult(lost());
            if (seen.Method != "GET") throw new InvalidOperationException("unexpected change " + key);
            return Task.FromResult(reads(seen.Uri.AbsolutePath));
        });

    private static HttpResponseMessage Reset() => throw TransportTests.Reset();

    private static HttpResponseMessage BadGateway() => FakeHandler.Json(502, "{\"error_code\":\"APIGW.0202\",\"error_msg\":\"Backend unavailable.\"}");

    private static HttpResponseMessage NotFound() => FakeHandler.Json(404, "{\"error_code\":\"DWS.0001\",\"error_msg\":\"not found\"}");

    private static HttpResponseMessage Cluster(string status, string? task = null) =>
        FakeHandler.Json(200, $"{{\"cluster\":{{\"id\":\"{ClusterId}\",\"name\":\"dw-1\",\"status\":\"{status}\"{(task is null ? "" : ",\"task_status\":\"" + task + "\"")}}}}}");

    private static CreateClusterRequest NewCluster(string name) => new()
    {
        Name = name, Flavor = "dws.d2.xlarge", NumNode = 3, NumCn = 3, AdminUserName = "dbadmin", AdminPassword = "Reliability-Passw0rd-1",
        AvailabilityZones = ["xx-test-1a"], VpcId = "vpc-1", SubnetId = "subnet-1", DatastoreVersion = "8.1.3",
    };

    private static int Changes(FakeHandler handler) => handler.Requests.Count(r => r.Method != "GET");

    [Fact]
    public async Task A_cluster_create_whose_answer_was_lost_is_confirmed_by_finding_the_name()
    {
        var handler = Server("POST /v2/proj-1/clusters", Reset,
            _ => FakeHandler.Json(200, $"{{\"clusters\":[{{\"id\":\"{ClusterId}\",\"name\":\"sales-dw\",\"status\":\"CREATING\"}}]}}"));
        var log = new ConcurrentQueue<DwsLogEntry>();
        using var session = TestSessions.Session(handler, log: log);
        var created = await session.Clusters.CreateAsync(NewCluster("sales-dw"));
        Assert.Equal("sales-dw", created.Name);
        Assert.Null(created.OrderId);
        Assert.Equal(1, Changes(handler));
        var line = Assert.Single(log, e => e.Message.Contains("confirmed by read-back", StringComparison.Ordinal));
        Assert.Equal(DwsLogLevel.Verbose, line.Level);
        Assert.Contains("cluster 'sales-dw' is listed (" + ClusterId + ", CREATING)", line.Message);
        Assert.Contains("ConnectionBroken", line.Message);
    }

    [Fact]
    public async Task A_cluster_create_not_seen_by_the_read_back_stays_unknown()
    {
        var handler = Server("POST /v2/proj-1/clusters", BadGateway, _ => FakeHandler.Json(200, "{\"clusters\":[]}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(NewCluster("sales-dw")));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(502, ex.StatusCode);
        Assert.Contains("may or may not have been applied", ex.Message);
        Assert.Contains("A read-back did not see it applied: no cluster named 'sales-dw' is listed.", ex.Message);
        Assert.Equal(1, Changes(handler));
    }

    [Fact]
    public async Task A_failed_read_back_leaves_the_outcome_unknown_and_says_so()
    {
        var handler = Server("POST /v2/proj-1/clusters", BadGateway, _ => FakeHandler.Json(403, "{\"error_code\":\"DWS.0015\",\"error_msg\":\"no permission to list\"}"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(NewCluster("sales-dw")));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(502, ex.StatusCode);
        Assert.Contains("A read-back to find out failed too (DWS.0015: no permission to list)", ex.Message);
    }

    [Fact]
    public async Task A_definite_refusal_is_not_read_back()
    {
        var handler = Server("POST /v2/proj-1/clusters", () => FakeHandler.Json(400, "{\"error_code\":\"DWS.0015\",\"error_msg\":\"bad\"}"),
            _ => throw new InvalidOperationException("no read-back expected"));
        using var session = TestSessions.Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.CreateAsync(NewCluster("sales-dw")));
        Assert.False(ex.OutcomeUnknown);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_cluster_delete_whose_answer_was_lost_is_confirmed_when_the_cluster_is_gone_or_deleting()
    {
        var gone = Server($"DELETE /v2/proj-1/clusters/{ClusterId}", Reset, _ => NotFound());
        using (var session = TestSessions.Session(gone)) await session.Clusters.DeleteAsync(ClusterId);

        var deleting = Server($"DELETE /v1.0/proj-1/clusters/{ClusterId}", BadGateway, _ => Cluster("DELETING"));
        using (var session = TestSessions.Session(deleting)) await session.Clusters.DeleteV1Async(ClusterId);

        var still = Server($"DELETE /v2/proj-1/clusters/{ClusterId}", BadGateway, _ => Cluster("AVAILABLE"));
        using (var session = TestSessions.Session(still))
        {
            var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.DeleteAsync(ClusterId));
            Assert.True(ex.OutcomeUnknown);
            Assert.Contains($"cluster {ClusterId} is AVAILABLE", ex.Message);
        }
    }

    [Fact]
    public async Task A_restart_whose_answer_was_lost_is_confirmed_by_the_REBOOTING_task()
    {
        var rebooting = Server($"POST /v1.0/proj-1/clusters/{ClusterId}/restart", Reset, _ => Cluster("AVAILABLE", "REBOOTING"));
        using (var session = TestSessions.Session(rebooting)) await session.Clusters.RestartAsync(ClusterId);

        var idle = Server($"POST /v1.0/proj-1/clusters/{ClusterId}/restart", Reset, _ => Cluster("AVAILABLE"));
        using (var session = TestSessions.Session(idle))
        {
            var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.RestartAsync(ClusterId));
            Assert.True(ex.OutcomeUnknown);
            Assert.Contains("not rebooting", ex.Message);
        }
    }

    [Fact]
    public async Task A_snapshot_create_whose_answer_was_lost_returns_the_snapshot_found_by_name_on_that_cluster()
    {
        var list = $"{{\"snapshots\":[{{\"id\":\"s-9\",\"name\":\"Nightly\",\"cluster_id\":\"{ClusterId}\",\"status\":\"CREATING\"}}]}}";
        var handler = Server("POST /v1.0/proj-1/snapshots", () => FakeHandler.Json(200, "{\"snapshot\":{\"id\":"), _ => FakeHandler.Json(200, list));
        using var session = TestSessions.Session(handler);
        var created = await session.Snapshots.CreateAsync(ClusterId, "nightly");
        Assert.Equal("s-9", created.SnapshotId);
        Assert.Null(created.Job);
        Assert.Equal(1, Changes(handler));

        var other = Server("POST /v1.0/proj-1/snapshots", Reset, _ => FakeHandler.Json(200, list.Replace(ClusterId, "another-cluster")));
        using var session2 = TestSessions.Session(other);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session2.Snapshots.CreateAsync(ClusterId, "nightly"));
        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("is of another cluster (another-cluster)", ex.Message);
    }

    [Fact]
    public async Task A_snapshot_delete_whose_answer_was_lost_is_confirmed_when_the_snapshot_is_gone()
    {
        var handler = Server("DELETE /v1.0/proj-1/snapshots/s-9", Reset, _ => NotFound());
        using var session = TestSessions.Session(handler);
        await session.Snapshots.DeleteAsync("s-9");

        var still = Server("DELETE /v1.0/proj-1/snapshots/s-9", Reset, _ => FakeHandler.Json(200, "{\"snapshot\":{\"id\":\"s-9\",\"status\":\"AVAILABLE\"}}"));
        using var session2 = TestSessions.Session(still);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session2.Snapshots.DeleteAsync("s-9"));
        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("snapshot s-9 is still AVAILABLE", ex.Message);
    }

    [Fact]
    public async Task Tags_added_or_removed_with_a_lost_answer_are_confirmed_by_reading_the_tags()
    {
        var tags = $"/v1.0/proj-1/clusters/{ClusterId}/tags";
        var added = Server($"POST {tags}/batch-create", BadGateway, _ => FakeHandler.Json(200, "{\"tags\":[{\"key\":\"env\",\"value\":\"prod\"},{\"key\":\"team\",\"value\":\"bi\"}]}"));
        using (var session = TestSessions.Session(added)) await session.Tags.AddAsync(ClusterId, [new ResourceTag("env", "prod")]);

        var stale = Server($"POST {tags}/batch-create", BadGateway, _ => FakeHandler.Json(200, "{\"tags\":[{\"key\":\"env\",\"value\":\"test\"}]}"));
        using (var session = TestSessions.Session(stale))
        {
            var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Tags.AddAsync(ClusterId, [new ResourceTag("env", "prod")]));
            Assert.True(ex.OutcomeUnknown);
            Assert.Contains("lacks env=prod", ex.Message);
        }

        var removed = Server($"POST {tags}/batch-delete", Reset, _ => FakeHandler.Json(200, "{\"tags\":[{\"key\":\"team\",\"value\":\"bi\"}]}"));
        using (var session = TestSessions.Session(removed)) await session.Tags.RemoveAsync(ClusterId, [new ResourceTag("env", "prod")]);

        var kept = Server($"POST {tags}/batch-delete", Reset, _ => FakeHandler.Json(200, "{\"tags\":[{\"key\":\"env\",\"value\":\"prod\"}]}"));
        using (var session = TestSessions.Session(kept))
        {
            var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Tags.RemoveAsync(ClusterId, [new ResourceTag("env", "prod")]));
            Assert.True(ex.OutcomeUnknown);
            Assert.Contains("still has env=prod", ex.Message);
        }
    }

    [Fact]
    public async Task A_workload_plan_create_or_delete_with_a_lost_answer_is_confirmed_by_the_plan_list_or_a_404()
    {
        var plans = $"/v2/proj-1/clusters/{ClusterId}/workload/plans";
        var created = Server($"POST {plans}", Reset, _ => FakeHandler.Json(200, "{\"workload_res_code\":0,\"plan_list\":[{\"plan_id\":\"p-1\",\"plan_name\":\"nightly_plan\"}],\"count\":1}"));
        using (var session = TestSessions.Session(created))
        {
            var plan = await session.Workload.CreatePlanAsync(ClusterId, "nightly_plan");
            Assert.Equal("p-1", plan.PlanId);
            Assert.Equal(1, Changes(created));
        }

        var deleted = Server($"DELETE {plans}/p-1", BadGateway, _ => NotFound());
        using (var session = TestSessions.Session(deleted)) await session.Workload.DeletePlanAsync(ClusterId, "p-1");
    }
}
