using System.Text.Json;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Examples;

namespace DwsPowerShell.Client.Tests.Clusters;

public class ResizeModelTests
{
    private static readonly string[] s_sections =
        { "5.2.22", "5.2.23", "5.2.24", "5.2.26", "5.2.31", "5.2.32", "5.2.38", "5.2.48", "5.2.49", "5.2.50", "5.2.52", "5.2.55", "5.2.56", "5.2.57" };

    public static TheoryData<string, int> Responses => ReferenceExamples.Cases("response", s_sections);

    public static TheoryData<string, int> Requests => ReferenceExamples.Cases("request", s_sections);

    private static ReferenceExample HandFixed(string section, string json, int line) =>
        new(section, "response", 200, "hand-fixed", JsonDocument.Parse(json).RootElement.Clone(), line);

    [Fact]
    public void The_fixture_has_the_examples_these_tests_expect()
    {
        var present = ReferenceExamples.All.Where(e => s_sections.Contains(e.Section)).Select(e => $"{e.Section} {e.Kind}").ToList();
        Assert.Equal(new[]
        {
            "5.2.22 request", "5.2.22 response", "5.2.23 response", "5.2.24 response", "5.2.26 request", "5.2.26 response",
            "5.2.31 request", "5.2.31 response", "5.2.32 request", "5.2.38 request", "5.2.49 response", "5.2.50 response",
            "5.2.52 request", "5.2.55 response", "5.2.56 response", "5.2.57 request", "5.2.57 response",
        }, present);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Reference_response_examples_round_trip(string section, int index)
    {
        var e = ReferenceExamples.For(section, "response")[index];
        object _ = section switch
        {
            // 5.2.22 and 5.2.31 answer {}: read as the job-or-nothing answer the client accepts.
            "5.2.22" or "5.2.31" or "5.2.57" => ReferenceExamples.AssertRoundTrip<ClusterJobResponse>(e),
            "5.2.23" or "5.2.24" => ReferenceExamples.AssertRoundTrip<RedistributionActionResponse>(e),
            "5.2.26" => ReferenceExamples.AssertRoundTrip<GrowCheckResponse>(e),
            "5.2.49" => ReferenceExamples.AssertRoundTrip<ClusterDiskUsage>(e),
            "5.2.50" => ReferenceExamples.AssertRoundTrip<ClusterStorageRange>(e),
            "5.2.55" => ReferenceExamples.AssertRoundTrip<ShrinkCheckResponse>(e),
            "5.2.56" => ReferenceExamples.AssertRoundTrip<TargetFlavorList>(e),
            _ => throw new Xunit.Sdk.XunitException($"No response model mapped for {e}."),
        };
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Reference_request_examples_round_trip(string section, int index)
    {
        var e = ReferenceExamples.For(section, "request")[index];
        object _ = section switch
        {
            "5.2.22" => ReferenceExamples.AssertRoundTrip<ScaleOutWithIdleNodesRequest>(e),
            "5.2.26" => ReferenceExamples.AssertRoundTrip<GrowCheckRequest>(e),
            // 5.2.32 is a GET whose example shows a body (quirks.md 8.3): it is 5.2.31's body; the client sends none.
            "5.2.31" or "5.2.32" => ReferenceExamples.AssertRoundTrip<StartRedistributionRequest>(e),
            "5.2.38" or "5.2.52" => ReferenceExamples.AssertRoundTrip<InstanceStorageRequest>(e),
            "5.2.57" => ReferenceExamples.AssertRoundTrip<ChangeFlavorRequest>(e),
            _ => throw new Xunit.Sdk.XunitException($"No request model mapped for {e}."),
        };
    }

    [Fact]
    public void Redistribution_details_read_the_camelCase_schedule_and_the_rate_with_its_unit()
    {
        var details = ReferenceExamples.AssertRoundTrip<ClusterRedistribution>(HandFixed("5.2.32", ResizeReferenceFixes.RedistributionDetails, 4045));
        Assert.Equal("DWS.0000", details.ErrorCode);
        Assert.Equal("73f10ab8-e345-4467-aa4b-b567808f25f0", details.RedisInfo!.ClusterId);
        Assert.Equal("offline", details.Mode);
        Assert.Equal("0 KB/s", details.RedisRate);
        Assert.Equal(0m, details.RedisInfo.RedisProcess!.RedisRateKBps);
        Assert.Null(details.RedisInfo.RedisConf!.EffectiveParallelJobs);
        Assert.False(details.RedisInfo.RedisProcess.Completed);

        var camel = DwsJson.Deserialize<RedistributionConfig>("""{"redis_mode":"online","parallelJobs":8,"schedule_conf":{"scheduleStart":"01:00","scheduleDate":[1,3],"scheduleTime":["01:00"]}}""")!;
        Assert.Equal(8, camel.EffectiveParallelJobs);
        Assert.Equal("01:00", camel.ScheduleConf!.ScheduleStart);
        Assert.Equal(new[] { 1, 3 }, camel.ScheduleConf.ScheduleDate);
        var snake = DwsJson.Deserialize<RedistributionSchedule>("""{"schedule_start":"02:00","schedule_type":"day"}""")!;
        Assert.Equal(("02:00", "day"), (snake.ScheduleStart, snake.ScheduleType));
        Assert.Equal(1536m, RedistributionProgress.RateToKBps("1.5 MB/s"));
    }

    [Fact]
    public void Flavor_details_round_trip_and_expose_FlavorId_and_attributes()
    {
        var envelope = ReferenceExamples.AssertRoundTrip<ClusterFlavorEnvelope>(HandFixed("5.2.48", ResizeReferenceFixes.FlavorDetails, 5274));
        var flavor = envelope.Flavor!;
        Assert.Equal("d60ef487-7aa8-44b7-969a-d543ddc5b96f", flavor.FlavorId);
        Assert.Equal("32", flavor.AttributeValue("memsize"));
        Assert.Null(flavor.AttributeValue("localDisk"));
        Assert.Equal((2, 100), (flavor.VolumeNode!.VolumeNum, flavor.VolumeNode.Capacity));
    }

    [Fact]
    public void Disk_usage_numbers_documented_as_strings_read_either_way()
    {
        var usage = ReferenceExamples.AssertRoundTrip<ClusterDiskUsage>(ReferenceExamples.For("5.2.49", "response")[0]);
        Assert.Equal(2, usage.Duplicate);
        Assert.Equal(0.92m, usage.DiskInfoList![0].Percentage);
        Assert.Equal(800m, usage.DiskInfoList[0].DiskCapacity);
        var asStrings = DwsJson.Deserialize<NodeDiskUsage>("""{"percentage":"0.5","disk_capacity":"100","disk_used":"0.5"}""")!;
        Assert.Equal((0.5m, 100m), (asStrings.Percentage, asStrings.DiskCapacity));
    }

    [Fact]
    public void Target_flavors_read_numbers_and_bind_by_TargetFlavorId()
    {
        var list = ReferenceExamples.AssertRoundTrip<TargetFlavorList>(ReferenceExamples.For("5.2.56", "response")[0]);
        Assert.Equal(10, list.Count); // the hint disagrees with the two items (quirks.md 3.5)
        Assert.Equal(2, list.Flavors!.Count);
        Assert.Equal((8, 64), (list.Flavors[0].Vcpus, list.Flavors[0].Ram));
        Assert.Equal(list.Flavors[0].Id, list.Flavors[0].TargetFlavorId);
        Assert.Equal(8, DwsJson.Deserialize<TargetFlavor>("""{"vcpus":"8"}""")!.Vcpus);
    }

    [Fact]
    public void Redistribution_modes_are_sent_in_each_APIs_casing_and_job_limits_differ()
    {
        var idle = new ScaleOutWithIdleNodesRequest(3) { RedisConf = new RedistributionConfigRequest { RedisMode = "ONLINE", ParallelJobs = 200 } };
        idle.Validate();
        Assert.Equal("onLine", idle.RedisConf.RedisMode);
        Assert.Equal("""{"scale_out":{"count":3},"expand_with_existed_node":true,"redis_conf":{"redis_mode":"onLine","parallel_jobs":200}}""", DwsJson.Serialize(idle));
        var deliver = new StartRedistributionRequest("Online", 32);
        deliver.Validate();
        Assert.Equal("""{"redis_mode":"online","parallel_jobs":32}""", DwsJson.Serialize(deliver));
        Assert.Equal("ParallelJobs", Assert.ThrowsAny<ArgumentException>(new StartRedistributionRequest("offline", 33).Validate).ParamName);
        Assert.Equal("ParallelJobs", Assert.ThrowsAny<ArgumentException>(
            new ScaleOutWithIdleNodesRequest(3) { RedisConf = new RedistributionConfigRequest { ParallelJobs = 201 } }.Validate).ParamName);
        Assert.Equal("RedistributionMode", Assert.ThrowsAny<ArgumentException>(new StartRedistributionRequest("sideways", 1).Validate).ParamName);
        Assert.Equal("Count", Assert.ThrowsAny<ArgumentException>(new ScaleOutWithIdleNodesRequest(0).Validate).ParamName);
        Assert.Equal("TargetFlavorId", Assert.ThrowsAny<ArgumentException>(new ChangeFlavorRequest(" ").Validate).ParamName);
        Assert.Equal("VolumeSizeGB", Assert.ThrowsAny<ArgumentException>(new InstanceStorageRequest(0).Validate).ParamName);
    }

    [Fact]
    public void Table_status_letters_become_words()
    {
        Assert.Equal("InProgress", new RedistributionTable { Status = "i" }.State);
        Assert.Equal("Completed", new RedistributionTable { Status = "Y" }.State);
        Assert.Equal("NotStarted", new RedistributionTable { Status = "n" }.State);
    }
}
