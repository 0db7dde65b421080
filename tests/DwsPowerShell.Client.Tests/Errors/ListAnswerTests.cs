using System.Net;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Errors;

/// <summary>
/// A list call answered 200 without its list (an empty body, null, an object without the array, an error object)
/// is a DwsApiException, never zero objects: only the service's [] says there is nothing.
/// </summary>
public class ListAnswerTests
{
    private const string ClusterId = "c1";

    private static async Task Drain<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items) { }
    }

    /// <summary>Every list call of the areas, with the JSON name of its list.</summary>
    public static readonly (string Property, Func<DwsSession, Task> Call)[] ListCalls =
    [
        ("availability_zones", s => s.AvailabilityZones.ListAsync()),
        ("clusters", s => s.Clusters.ListAsync()),
        ("node_types", s => s.Clusters.ListNodeTypesAsync()),
        ("shrink_sequence", s => s.Clusters.ListShrinkNumbersAsync(ClusterId)),
        ("logical_clusters", s => Drain(s.Clusters.ListLogicalClustersAsync(ClusterId))),
        ("logical_cluster_tasks", s => Drain(s.Clusters.ListLogicalClusterTasksAsync(ClusterId))),
        ("volumes", s => Drain(s.Clusters.ListLogicalClusterVolumesAsync(ClusterId))),
        ("cluster_rings", s => Drain(s.Clusters.ListAvailableRingsAsync(ClusterId))),
        ("node_list", s => Drain(s.Clusters.ListNodesAsync(ClusterId))),
        ("cluster_rings", s => Drain(s.Clusters.ListTopologyRingsAsync(ClusterId))),
        ("instances", s => s.Clusters.ListInstancesAsync(ClusterId)),
        ("instances", s => s.Clusters.ListCoordinatorNodesAsync(ClusterId)),
        ("configurations", s => s.Clusters.ListParameterGroupsAsync(ClusterId)),
        ("configurations", s => s.Clusters.ListParametersAsync(ClusterId, "g1")),
        ("records", s => Drain(s.Clusters.ListParameterAuditRecordsAsync(ClusterId))),
        ("flavors", s => Drain(s.Clusters.ListTargetFlavorsAsync("f1"))),
        ("data", s => s.Clusters.CheckScaleOutAsync(ClusterId, new GrowCheckRequest { ScaleOut = new ScaleOutCount { Count = 3 } })),
        ("redis_info.redis_table_detail.data", s => Drain(s.Clusters.ListRedistributionTablesAsync(ClusterId))),
        ("resources", s => Drain(s.Clusters.ListByTagAsync(new[] { new TagFilter("env") }))),
        ("statistics", s => s.Clusters.GetResourceStatisticsAsync()),
        ("statistics", s => s.Clusters.GetSnapshotStatisticsAsync(ClusterId)),
        ("action_info", s => Drain(s.Clusters.ListAvailableActionsAsync())),
        ("elbs", s => s.Connections.ListClusterElbsAsync(ClusterId)),
        ("elbs", s => Drain(s.Connections.ListElbsAsync("vpc-1", "subnet-1"))),
        ("quotas.resources", s => s.Quotas.ListAsync()),
        ("snapshots", s => s.Snapshots.ListAsync()),
        ("snapshots", s => Drain(s.Snapshots.ListClusterSnapshotsAsync(ClusterId))),
        ("tags", s => s.Tags.ListProjectTagsAsync()),
        ("tags", s => s.Tags.ListAsync(ClusterId)),
        ("sys_tags", s => Drain(s.Clusters.ListSystemTagsAsync(ClusterId))),
        ("plan_list", s => Drain(s.Workload.ListPlansAsync(ClusterId))),
        ("plan_logs", s => Drain(s.Workload.ListPlanLogsAsync(ClusterId, "p1"))),
    ];

    public static TheoryData<string> Missing => new() { "", "null", "{}", """{"count":0}""", """{"clusters":null,"snapshots":null,"count":3}""" };

    private static DwsSession Session(string body) =>
        TestSessions.Session(new FakeHandler(_ => body.Length == 0 ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) } : FakeHandler.Json(200, body)));

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task A_list_answer_without_its_list_is_an_invalid_answer_naming_the_list(string body)
    {
        using var session = Session(body);
        var wrong = new List<string>();
        foreach (var (property, call) in ListCalls)
        {
            try
            {
                await call(session);
                wrong.Add($"{property}: no error");
            }
            catch (DwsApiException ex) when (ex.ErrorCode == "DWS.Client.InvalidResponse")
            {
                if (!ex.Message.Contains($"'{property}'", StringComparison.Ordinal)) wrong.Add($"{property}: the message does not name it: {ex.Message}");
            }
            catch (Exception ex)
            {
                wrong.Add($"{property}: {ex.GetType().Name}: {ex.Message}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_list_answer_carrying_an_error_object_is_that_error()
    {
        using var session = Session("""{"error_code":"DWS.0015","error_msg":"The cluster does not exist."}""");
        foreach (var (property, call) in ListCalls)
        {
            var ex = await Assert.ThrowsAsync<DwsApiException>(() => call(session));
            Assert.True(ex.ErrorCode == "DWS.0015", $"{property}: {ex.ErrorCode} {ex.Message}");
            Assert.Equal(200, ex.StatusCode);
        }
    }

    [Fact]
    public async Task An_empty_list_is_still_an_empty_list()
    {
        using var session = Session("""{"clusters":[],"snapshots":[],"count":0}""");
        Assert.Empty(await session.Clusters.ListAsync());
        Assert.Empty(await session.Snapshots.ListAsync());
    }

    [Fact]
    public void A_page_needs_its_list()
    {
        Assert.Throws<ArgumentNullException>(() => new DwsPowerShell.Client.Paging.DwsPage<string>(null!));
    }
}
