using System.Text.Json;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Examples;

namespace DwsPowerShell.Client.Tests.Clusters;

public class LogicalClusterModelTests
{
    private static readonly string[] s_sections =
        { "5.2.4", "5.2.5", "5.2.7", "5.2.8", "5.2.9", "5.2.10", "5.2.11", "5.2.12", "5.2.17", "5.2.18", "5.2.19", "5.2.20", "5.2.21", "5.2.39", "5.2.40", "5.2.41", "5.2.47", "5.2.59" };

    public static TheoryData<string, int> Responses => ReferenceExamples.Cases("response", s_sections);

    public static TheoryData<string, int> Requests => ReferenceExamples.Cases("request", s_sections);

    [Fact]
    public void The_fixture_has_the_examples_these_tests_expect()
    {
        var present = ReferenceExamples.All.Where(e => s_sections.Contains(e.Section)).Select(e => $"{e.Section} {e.Kind}").ToList();
        Assert.Equal(new[]
        {
            "5.2.4 response", "5.2.5 response", "5.2.8 response", "5.2.10 response", "5.2.17 response", "5.2.18 response", "5.2.19 response",
            "5.2.20 request", "5.2.20 response", "5.2.21 request", "5.2.21 response", "5.2.39 response", "5.2.40 request", "5.2.40 response",
            "5.2.41 request", "5.2.41 response", "5.2.47 response",
        }, present);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Reference_response_examples_round_trip(string section, int index)
    {
        var e = ReferenceExamples.For(section, "response")[index];
        _ = e.Section switch
        {
            "5.2.4" or "5.2.5" or "5.2.17" or "5.2.18" or "5.2.19" or "5.2.20" => (object)ReferenceExamples.AssertRoundTrip<LogicalClusterAnswer>(e),
            "5.2.8" => ReferenceExamples.AssertRoundTrip<LogicalClusterTaskList>(e),
            "5.2.10" => ReferenceExamples.AssertRoundTrip<ClusterNodeList>(e),
            "5.2.21" => ReferenceExamples.AssertRoundTrip<NodeDeletionResult>(e),
            "5.2.39" => ReferenceExamples.AssertRoundTrip<CoordinatorNodeList>(e),
            "5.2.40" or "5.2.41" => ReferenceExamples.AssertRoundTrip<CoordinatorJobResponse>(e),
            "5.2.47" => ReferenceExamples.AssertRoundTrip<ClusterInstanceList>(e),
            _ => throw new Xunit.Sdk.XunitException($"No response model mapped for {e}."),
        };
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Reference_request_examples_round_trip(string section, int index)
    {
        var e = ReferenceExamples.For(section, "request")[index];
        _ = e.Section switch
        {
            "5.2.20" => (object)ReferenceExamples.AssertRoundTrip<EnableLogicalClusterRequest>(e),
            "5.2.21" => ReferenceExamples.AssertRoundTrip<DeleteNodesRequest>(e),
            "5.2.40" => ReferenceExamples.AssertRoundTrip<AddCoordinatorNodesRequest>(e),
            "5.2.41" => ReferenceExamples.AssertRoundTrip<DeleteCoordinatorNodesRequest>(e),
            _ => throw new Xunit.Sdk.XunitException($"No request model mapped for {e}."),
        };
    }

    private static T RoundTripFixed<T>(string section, string kind, string json) =>
        ReferenceExamples.AssertRoundTrip<T>(new ReferenceExample(section, kind, 200, "hand-repaired", JsonDocument.Parse(json).RootElement.Clone(), 0));

    [Fact]
    public void Repaired_5_2_7_list_round_trips_and_reads_Grow_as_Expand()
    {
        var list = RoundTripFixed<LogicalClusterList>("5.2.7", "response", LogicalClusterReferenceFixes.ListResponse);
        Assert.Equal(2, list.LogicalClusters!.Count);
        Assert.True(list.AddEnable);
        var grown = list.LogicalClusters[0];
        Assert.Equal("Grow", grown.ActionInfo!.ActionName);
        Assert.Equal("Expand", grown.ActionInfo.Action);
        Assert.True(grown.ActionInfo.IsSucceeded);
        Assert.False(grown.IsBusy);
        Assert.Equal(3, grown.HostCount);
        Assert.Equal(32d, grown.ClusterRings![0].RingHosts![0].Memory);
        Assert.True(list.LogicalClusters[1].FirstLogicalCluster);
        Assert.True(list.LogicalClusters[1].BaseVw);
        Assert.Contains("restart the rrtjj successful", list.LogicalClusters[1].ActionInfo!.Logs);
    }

    [Fact]
    public void Repaired_5_2_11_rings_round_trip() =>
        Assert.Equal("host-10-0-0-1,host-10-0-0-2,host-10-0-0-3",
            Assert.Single(RoundTripFixed<LogicalClusterRingList>("5.2.11", "response", LogicalClusterReferenceFixes.RingsResponse).ClusterRings!).HostNames);

    [Fact]
    public void Repaired_5_2_12_topology_reads_the_integer_status_as_text()
    {
        var rings = RoundTripFixed<TopologyRingList>("5.2.12", "response", LogicalClusterReferenceFixes.TopologyResponse);
        var instances = Assert.Single(rings.ClusterRings!).InstanceInfoLists!;
        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.Equal("200", i.Status));
    }

    [Fact]
    public void Repaired_5_2_18_request_reads_string_numbers_and_sends_numbers()
    {
        var request = RoundTripFixed<UpdateLogicalClusterRequest>("5.2.18", "request", LogicalClusterReferenceFixes.EditRequest);
        Assert.Equal(800d, request.ClusterRings![0].RingHosts![0].DiskSize);
        Assert.Equal("read-only", request.Mode);
        var sent = JsonDocument.Parse(DwsJson.Serialize(request)).RootElement;
        Assert.Equal(JsonValueKind.Number, sent.GetProperty("cluster_rings")[0].GetProperty("ring_hosts")[0].GetProperty("memory").ValueKind);
    }

    [Fact]
    public void Repaired_5_2_59_instance_round_trips()
    {
        var instance = RoundTripFixed<InstanceDetail>("5.2.59", "response", LogicalClusterReferenceFixes.InstanceResponse);
        Assert.Equal("13cb2c86-a598-48ca-8c2c-0389f4b78963", instance.InstanceId);
        Assert.Equal("9.0.0", instance.Datastore!.Version);
        Assert.Equal(2, instance.Flavor!.Links!.Count);
    }

    [Fact]
    public void Triple_error_fields_of_5_2_4_all_read()
    {
        var answer = ReferenceExamples.AssertRoundTrip<LogicalClusterAnswer>(ReferenceExamples.For("5.2.4", "response")[0]);
        Assert.Equal(("DWS.0000", "DWS.0000", "DWS.0000"), (answer.ErrorCode, answer.RetCode, answer.ErrCode));
    }

    [Fact]
    public void Cn_list_reads_limits_and_the_5_2_10_nodes_read_ACTIVE()
    {
        var cns = ReferenceExamples.AssertRoundTrip<CoordinatorNodeList>(ReferenceExamples.For("5.2.39", "response")[0]);
        Assert.Equal((2, 3, 1), (cns.MinNum, cns.MaxNum, cns.Count));
        var nodes = ReferenceExamples.AssertRoundTrip<ClusterNodeList>(ReferenceExamples.For("5.2.10", "response")[0]);
        Assert.All(nodes.NodeList!, n => Assert.Equal("ACTIVE", n.Status));
        Assert.Equal(nodes.NodeList![0].Id, nodes.NodeList[0].NodeId);
    }

    [Theory]
    [InlineData("Grow", "Expand")]
    [InlineData("grow", "Expand")]
    [InlineData("Expand", "Expand")]
    [InlineData("Restart", "Restart")]
    public void Action_names_are_normalised(string sent, string expected) =>
        Assert.Equal(expected, LogicalClusterActionInfo.NormalizeActionName(sent));

    [Fact]
    public void Create_request_needs_a_name_and_rings_with_hosts()
    {
        var ring = new LogicalClusterRing { RingHosts = new() { new RingHost { HostName = "h1", BackIp = "10.0.0.1", CpuCores = 4, Memory = 32, DiskSize = 200 } } };
        Assert.Throws<ArgumentException>(() => new CreateLogicalClusterRequest { LogicalClusterName = "", ClusterRings = new() { ring } }.Validate());
        Assert.Throws<ArgumentException>(() => new CreateLogicalClusterRequest { LogicalClusterName = "lc", ClusterRings = new() }.Validate());
        Assert.Throws<ArgumentException>(() => new CreateLogicalClusterRequest { LogicalClusterName = "lc", ClusterRings = new() { ring, ring } }.Validate());
        Assert.Throws<ArgumentException>(() => new CreateLogicalClusterRequest { LogicalClusterName = "lc", ClusterRings = new() { new LogicalClusterRing { RingHosts = new() { new RingHost { HostName = "h" } } } } }.Validate());
        new CreateLogicalClusterRequest { LogicalClusterName = "lc", ClusterRings = new() { ring } }.Validate();
    }
}
