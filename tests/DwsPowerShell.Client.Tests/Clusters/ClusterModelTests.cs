using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Text.Json;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Examples;

namespace DwsPowerShell.Client.Tests.Clusters;

public class ClusterModelTests
{
    private static readonly string[] s_sections =
        { "5.1.1", "5.2.1", "5.2.3", "5.2.6", "5.2.13", "5.2.14", "5.2.15", "5.2.16", "5.2.25", "5.2.27", "5.2.30", "5.2.46", "5.2.61", "5.2.62" };

    public static TheoryData<string, int> Responses => ReferenceExamples.Cases("response", s_sections);

    public static TheoryData<string, int> Requests => ReferenceExamples.Cases("request", s_sections);

    [Fact]
    public void The_fixture_has_the_examples_these_tests_expect()
    {
        // Which of these sections the fixture holds (the others are unparsed or have no example):
        // if the fixture changes, this says so rather than silently testing less.
        var present = ReferenceExamples.All.Where(e => s_sections.Contains(e.Section)).Select(e => $"{e.Section} {e.Kind}").ToList();
        Assert.Equal(new[]
        {
            "5.1.1 response", "5.2.1 request", "5.2.1 response", "5.2.3 response", "5.2.15 request", "5.2.25 request",
            "5.2.27 request", "5.2.27 request", "5.2.30 request", "5.2.30 response", "5.2.46 response", "5.2.61 response", "5.2.62 response",
        }, present);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Reference_response_examples_round_trip(string section, int index) =>
        RoundTripResponse(ReferenceExamples.For(section, "response")[index]);

    [Theory]
    [MemberData(nameof(Requests))]
    public void Reference_request_examples_round_trip(string section, int index) =>
        RoundTripRequest(ReferenceExamples.For(section, "request")[index]);

    private static object RoundTripResponse(ReferenceExample e) => e.Section switch
    {
        "5.1.1" => ReferenceExamples.AssertRoundTrip<AvailabilityZoneList>(e),
        "5.2.1" or "5.2.3" => ReferenceExamples.AssertRoundTrip<ClusterCreation>(e),
        "5.2.6" => ReferenceExamples.AssertRoundTrip<ClusterList>(e),
        "5.2.13" => ReferenceExamples.AssertRoundTrip<ClusterEnvelope<Cluster>>(e),
        "5.2.14" => ReferenceExamples.AssertRoundTrip<NodeTypeList>(e),
        "5.2.30" or "5.2.61" or "5.2.62" => ReferenceExamples.AssertRoundTrip<ClusterJobResponse>(e),
        "5.2.46" => ReferenceExamples.AssertRoundTrip<ShrinkNumbers>(e),
        _ => throw new Xunit.Sdk.XunitException($"No response model mapped for {e}."),
    };

    private static object RoundTripRequest(ReferenceExample e) => e.Section switch
    {
        "5.2.1" => ReferenceExamples.AssertRoundTrip<ClusterEnvelope<CreateClusterV1Request>>(e),
        "5.2.3" => ReferenceExamples.AssertRoundTrip<ClusterEnvelope<CreateClusterRequest>>(e),
        "5.2.15" => ReferenceExamples.AssertRoundTrip<DeleteClusterV1Request>(e),
        "5.2.25" => ReferenceExamples.AssertRoundTrip<RestartClusterRequest>(e),
        "5.2.27" => ReferenceExamples.AssertRoundTrip<ResizeClusterRequest>(e),
        "5.2.30" => ReferenceExamples.AssertRoundTrip<ShrinkClusterRequest>(e),
        _ => throw new Xunit.Sdk.XunitException($"No request model mapped for {e}."),
    };

    [Fact]
    public void Availability_zones_read_with_lowercase_status()
    {
        var list = ReferenceExamples.AssertRoundTrip<AvailabilityZoneList>(ReferenceExamples.For("5.1.1", "response")[0]);
        var az = Assert.Single(list.AvailabilityZones!);
        Assert.Equal("az1", az.Code);
        Assert.Equal("center", az.PublicBorderGroup);
        Assert.True(az.IsAvailable);
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void Create_answers_carry_the_order_id()
    {
        foreach (var section in new[] { "5.2.1", "5.2.3" })
        {
            var created = ReferenceExamples.AssertRoundTrip<ClusterCreation>(ReferenceExamples.For(section, "response")[0]);
            Assert.Equal("20240620061015193874426", created.OrderId);
        }
    }

    [Fact]
    public void The_v1_create_example_reads_into_the_request_model()
    {
        var body = ReferenceExamples.AssertRoundTrip<ClusterEnvelope<CreateClusterV1Request>>(ReferenceExamples.For("5.2.1", "request")[0]);
        var c = body.Cluster!;
        Assert.Equal("dws.m1.xlarge.ultrahigh", c.NodeType);
        Assert.Equal(3, c.NumberOfNode);
        Assert.Equal(8000, c.Port);
        Assert.Equal("dbadmin", c.AdminUserName);
        Assert.True(c.HasAdminPassword);
        Assert.Equal(ClusterPublicIp.AutoAssign, c.PublicIp!.PublicBindType);
        Assert.Equal("aca4e50a-266f-4786-827c-f8d6cc3fbada", c.EnterpriseProjectId);
    }

    [Fact]
    public void The_v2_create_example_round_trips_and_maps_the_misleading_names()
    {
        // 5.2.3 request is unparsed in the fixture: hand-repaired copy of source lines 1160-1183.
        var body = ReferenceExamples.AssertRoundTrip<ClusterEnvelope<CreateClusterRequest>>(
            ReferenceFixes.Example("5.2.3", "request", ReferenceFixes.CreateV2Request, 1160));
        var c = body.Cluster!;
        Assert.Equal("dbadmin", c.AdminUserName); // db_name is the admin USER name (quirks.md 7.10)
        Assert.True(c.HasAdminPassword);
        Assert.Equal(new[] { "az1", "az2", "az3" }, c.AvailabilityZones);
        Assert.Equal(3, c.NumNode);
        Assert.Equal(3, c.NumCn);
        Assert.Equal(8000, c.Port);
        Assert.Equal("8.2.1", c.DatastoreVersion);
        Assert.Equal("SSD", c.Volume!.Volume);
        Assert.Equal(100, c.Volume.Capacity);
    }

    [Fact]
    public void The_list_example_round_trips_with_typed_values()
    {
        // 5.2.6 response is unparsed in the fixture: hand-repaired copy of source lines 1526-1577.
        var list = ReferenceExamples.AssertRoundTrip<ClusterList>(ReferenceFixes.Example("5.2.6", "response", ReferenceFixes.ListResponse, 1526));
        var c = Assert.Single(list.Clusters!);
        Assert.Equal("7d85f602-a948-4a30-afd4-e84f47471c15", c.Id);
        Assert.Equal(c.Id, c.ClusterId);
        Assert.Equal(new DateTimeOffset(2016, 2, 10, 14, 26, 14, TimeSpan.Zero), c.Created);
        Assert.Equal(new DateTimeOffset(2016, 2, 10, 14, 28, 14, TimeSpan.Zero), c.Updated);
        Assert.Equal(8000, c.Port);
        Assert.Equal(3, c.NumberOfNode);
        Assert.Equal(6, c.RecentEvent);
        Assert.Equal(3, c.Nodes!.Count);
        Assert.All(c.Nodes, n => Assert.Equal("200", n.Status));
        Assert.Equal("key2=value2", c.Tags![1].ToString());
        Assert.Equal("20%", c.ActionProgress!["SNAPSHOTTING"]);
        Assert.Equal("10.0.0.8:8000", c.PublicEndpoints![0].PublicConnectInfo);
        Assert.Equal("192.168.0.10:8000", c.Endpoints![0].ConnectInfo);
        Assert.False(ClusterStatus.IsReady(c)); // AVAILABLE but snapshotting
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void The_detail_example_round_trips_with_typed_values()
    {
        // 5.2.13 response is unparsed in the fixture: hand-repaired copy of source lines 2487-2559.
        var body = ReferenceExamples.AssertRoundTrip<ClusterEnvelope<Cluster>>(ReferenceFixes.Example("5.2.13", "response", ReferenceFixes.DetailResponse, 2487));
        var c = body.Cluster!;
        Assert.Equal("dws-1", c.Name);
        Assert.Equal(6, c.ResizeInfo!.TargetNodeNum);  // "6" on the wire (quirks.md 6)
        Assert.Equal(3, c.ResizeInfo.OriginNodeNum);
        Assert.Equal(new DateTimeOffset(2018, 2, 14, 14, 28, 14, TimeSpan.Zero), c.ResizeInfo.StartTime);
        Assert.Equal("GROWING", c.ResizeInfo.ResizeStatus);
        Assert.Equal(4, c.FlavorDetail!.Cpu);
        Assert.Equal(32, c.FlavorDetail.Mem);
        Assert.Equal(200, c.FlavorDetail.VolumeSize);
        Assert.Equal(2, c.FlavorDetail.VolumeNum);
        Assert.Equal("SATA", c.FlavorDetail.VolumeType);
        Assert.Equal("In-Sync", c.ParameterGroup!.Status);
        Assert.Equal("Wed", c.MaintainWindow!.Day);
        Assert.Equal("22:00", c.MaintainWindow.StartTime);
        Assert.Equal(new[] { "192.168.0.12", "192.168.0.66" }, c.PrivateIp);
        Assert.Equal(2, c.SubnetIds!.Count);
        Assert.Equal("dws-1-dws-cn-cn-3-1", c.Nodes![2].Name);
    }

    [Fact]
    public void Elb_and_failed_reasons_round_trip()
    {
        // The 5.2.13 example has no elb or failed_reasons: built from the field tables (5-76, 5-77).
        const string json = """
        {"cluster":{"id":"c1","status":"CREATE_FAILED","failed_reasons":{"error_code":"DWS.0001","error_msg":"no resources"},
         "elb":{"public_ip":"1.2.3.4","private_ip":"10.0.0.1","private_endpoint":"10.0.0.1:8000","name":"elb-1","id":"e1","vpc_id":"v1"},
         "node_type_id":"nt1"}}
        """;
        var c = ReferenceExamples.AssertRoundTrip<ClusterEnvelope<Cluster>>(ReferenceFixes.Example("5.2.13", "response", json, 0)).Cluster!;
        Assert.Equal("DWS.0001", c.FailedReasons!.ErrorCode);
        Assert.Equal("10.0.0.1:8000", c.Elb!.PrivateEndpoint);
        Assert.Equal("nt1", c.NodeTypeId);
    }

    [Fact]
    public void The_node_types_example_round_trips_with_typed_values()
    {
        // 5.2.14 response is unparsed in the fixture: hand-repaired copy of source lines 2673-2710.
        var list = ReferenceExamples.AssertRoundTrip<NodeTypeList>(ReferenceFixes.Example("5.2.14", "response", ReferenceFixes.NodeTypesResponse, 2673));
        var t = Assert.Single(list.NodeTypes!);
        Assert.Equal("dws.d2.xlarge", t.SpecName);
        Assert.Equal(t.Id, t.NodeTypeId);
        Assert.Equal(32, t.Ram);
        Assert.Equal(4, t.Vcpus);
        Assert.Equal(2, t.Datastores![0].Attachments!.MinCn);
        Assert.Equal(20, t.Datastores[0].Attachments!.MaxCn);
        Assert.Equal(160, t.Volume!.Size);
        Assert.Equal(100, t.ElasticVolumeSpecs![0].Step);
        Assert.Equal(32000, t.ElasticVolumeSpecs[0].MaxSize);
        Assert.Equal("normal", t.AvailableZones![0].Status);
        Assert.Equal("GB", t.Detail![1].Unit);
    }

    [Fact]
    public void Start_and_stop_answers_carry_a_job_id_next_to_a_null_error_code()
    {
        foreach (var section in new[] { "5.2.61", "5.2.62" })
        {
            var r = ReferenceExamples.AssertRoundTrip<ClusterJobResponse>(ReferenceExamples.For(section, "response")[0]);
            Assert.Equal("2c9080d08cc99d28018ccd139e942498", r.JobId);
            Assert.Null(r.ErrorCode);
        }
    }

    [Fact]
    public void Both_scale_in_answers_read()
    {
        var english = ReferenceExamples.AssertRoundTrip<ClusterJobResponse>(ReferenceExamples.For("5.2.30", "response")[0]);
        Assert.Equal("DWS.0000", english.ErrorCode);
        Assert.Null(english.JobId);
        var chinese = ReferenceExamples.AssertRoundTrip<ClusterJobResponse>(ReferenceFixes.Example("5.2.30", "response", ReferenceFixes.ShrinkAcceptedResponse, 0));
        Assert.Equal("89cd04f168b84af6be287f71730fdb4b", chinese.JobId);
    }

    [Fact]
    public void Request_examples_read_with_typed_values()
    {
        var shrink = ReferenceExamples.AssertRoundTrip<ShrinkClusterRequest>(ReferenceExamples.For("5.2.30", "request")[0]);
        Assert.Equal(3, shrink.ShrinkNumber);
        Assert.False(shrink.Online);
        Assert.True(shrink.ForceBackup);
        Assert.False(shrink.NeedAgency);
        Assert.Null(shrink.Retry);

        var resize = ReferenceExamples.For("5.2.27", "request").Select(ReferenceExamples.AssertRoundTrip<ResizeClusterRequest>).ToList();
        Assert.Equal("08a71407-6379-42c2-893b-09408f88ee8e", resize[0].ScaleOut!.SubnetId);
        Assert.Null(resize[0].CreateNodeOnly);
        Assert.Equal(3, resize[1].ScaleOut!.Count);
        Assert.True(resize[1].CreateNodeOnly);

        Assert.Equal(0, ReferenceExamples.AssertRoundTrip<DeleteClusterV1Request>(ReferenceExamples.For("5.2.15", "request")[0]).KeepLastManualSnapshot);
        Assert.Equal(new[] { 3, 7 }, ReferenceExamples.AssertRoundTrip<ShrinkNumbers>(ReferenceExamples.For("5.2.46", "response")[0]).ShrinkSequence);
    }

    [Fact]
    public void Shrink_numbers_documented_as_strings_read_as_ints()
    {
        Assert.Equal(new[] { 3, 7 }, DwsJson.Deserialize<ShrinkNumbers>("""{"shrink_sequence":["3","7"]}""")!.ShrinkSequence);
    }

    [Fact]
    public void A_cluster_writes_its_id_once_and_unknown_status_values_are_kept()
    {
        var c = DwsJson.Deserialize<Cluster>("""{"id":"c1","status":"SOME_NEW_STATUS","task_status":"SOMETHING_ELSE"}""")!;
        Assert.Equal("c1", c.ClusterId);
        Assert.Equal("SOME_NEW_STATUS", c.Status);
        using var doc = JsonDocument.Parse(DwsJson.Serialize(c));
        Assert.Equal(new[] { "id", "status", "task_status" }, doc.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
