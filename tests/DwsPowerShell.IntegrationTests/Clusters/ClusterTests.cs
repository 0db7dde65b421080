using DwsPowerShell.Client.Models.AvailabilityZones;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Clusters;

/// <summary>The client's cluster area against the emulator, in process.</summary>
public sealed class ClusterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ListAvailabilityZones_5_1_1_returns_the_regions_zones()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var zones = await session.AvailabilityZones.ListAsync();

        Assert.Equal(new[] { "eu-west-101a", "eu-west-101b", "eu-west-101c" }, zones.Select(z => z.Code));
        Assert.All(zones, z => Assert.True(z.IsAvailable, $"{z.Code} status '{z.Status}' should read as available"));
        Assert.All(zones, z => Assert.Equal("center", z.PublicBorderGroup));
    }

    [Fact]
    public async Task ListNodeTypes_5_2_14_reads_numbers_documented_as_strings()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var types = await session.Clusters.ListNodeTypesAsync();

        Assert.Equal(5, types.Count);
        var m1 = Assert.Single(types, t => t.SpecName == TestData.Flavor);
        Assert.Equal("dws", m1.DatastoreType);
        Assert.Equal(4, m1.Vcpus);
        Assert.Equal(32, m1.Ram);
        Assert.Equal(200, m1.Volume?.Size);
        Assert.Contains(m1.Datastores!, d => d.Version == TestData.Version && d.Attachments?.MinCn == 2 && d.Attachments.MaxCn == 20);
        Assert.Equal(3, m1.AvailableZones!.Count);
        var elastic = Assert.Single(types, t => t.SpecName == "dwsk2.xlarge");
        Assert.Null(elastic.Volume);
        Assert.Equal(100, Assert.Single(elastic.ElasticVolumeSpecs!).Step);
    }

    [Fact]
    public async Task CreateV2_5_2_3_then_WaitForCreationAsync_by_name_sees_CREATING_then_AVAILABLE()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var creation = await session.Clusters.CreateAsync(TestData.ClusterV2("dws-v2-create"));

        Assert.Equal("dws-v2-create", creation.Name);
        Assert.False(string.IsNullOrEmpty(creation.OrderId));
        var seen = new List<Cluster>();
        var cluster = await session.Clusters.WaitForCreationAsync("dws-v2-create", TestData.Fast(),
            TestData.AdvanceEachPoll(host.Clock, TimeSpan.FromMinutes(2), seen));

        Assert.Equal("AVAILABLE", cluster.Status);
        Assert.Equal("CREATING", seen[0].Status);
        Assert.Equal("CREATING", Assert.Single(seen[0].ActionProgress!).Key);
        Assert.True(seen.Count >= 3, $"expected several polls, saw {seen.Count}");
        Assert.True(string.IsNullOrEmpty(cluster.TaskStatus));
        Assert.Empty(cluster.ActionProgress ?? new Dictionary<string, string>());
        Assert.Equal(3, cluster.NumberOfNode);
        Assert.Equal(TestData.Flavor, cluster.NodeType);
        Assert.Equal(TestData.AdminUser, cluster.UserName);
        Assert.Equal("eu-west-101a", cluster.AvailabilityZone);
        Assert.Equal(host.State.Clusters.Keys.Single(), cluster.Id);
        // The wait found the cluster in the list, then polled it by ID.
        Assert.NotEmpty(host.Requests.EndingWith("GET", "/clusters/" + cluster.Id));
    }

    [Fact]
    public async Task CreateV1_5_2_1_sends_the_v1_body_and_the_cluster_has_its_settings()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        var creation = await session.Clusters.CreateV1Async(TestData.ClusterV1("dws-v1-create"));
        host.Clock.Advance(host.Options.Durations.ClusterCreate);
        var cluster = await session.Clusters.WaitForCreationAsync(creation.Name!, TestData.Fast());

        Assert.False(string.IsNullOrEmpty(creation.OrderId));
        Assert.Single(host.Requests.EndingWith("POST", "/v1.0/" + host.Options.ProjectId + "/clusters"));
        Assert.Equal(8123, cluster.Port);
        Assert.Equal("eu-west-101b", cluster.AvailabilityZone);
        Assert.Equal(TestData.SecurityGroup, cluster.SecurityGroupId);
        Assert.Equal(host.State.Clusters.Values.Single().SubscriptionId, creation.OrderId);
    }

    [Fact]
    public async Task List_5_2_6_and_Get_5_2_13_return_every_cluster_and_its_detail()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-list-one"));
        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-list-two", nodes: 6));

        var creating = await session.Clusters.ListAsync();
        host.Clock.Advance(host.Options.Durations.ClusterCreate);
        var listed = await session.Clusters.ListAsync();

        Assert.All(creating, c => Assert.Equal("CREATING", c.Status));
        Assert.Equal(new[] { "dws-list-one", "dws-list-two" }, listed.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(listed, c => Assert.Equal("AVAILABLE", c.Status));
        var two = listed.Single(c => c.Name == "dws-list-two");
        Assert.Equal(6, two.NumberOfNode);

        var detail = await session.Clusters.GetAsync(two.Id);
        Assert.Equal(two.Id, detail.Id);
        Assert.Equal("dws-list-two", detail.Name);
        Assert.Equal(6, detail.Nodes!.Count);
        Assert.Equal("dws", detail.FlavorDetail?.Type);
        Assert.Equal(4, detail.FlavorDetail?.Cpu);
        Assert.False(string.IsNullOrEmpty(detail.NodeTypeId));
        Assert.Single(detail.Endpoints!);
        Assert.Equal("Wed", detail.MaintainWindow?.Day);
        Assert.Null(detail.ResizeInfo);
    }

    [Fact]
    public async Task DeleteV2_5_2_16_sends_its_options_in_the_query_then_WaitForDeletionAsync_ends_at_404()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-delete-v2");

        await session.Clusters.DeleteAsync(cluster.Id, keepLastManualSnapshots: 2, releaseEip: true);
        var deleting = await session.Clusters.GetAsync(cluster.Id);
        var seen = new List<Cluster>();
        await session.Clusters.WaitForDeletionAsync(cluster.Id, TestData.Fast(), TestData.AdvanceEachPoll(host.Clock, Step, seen));

        Assert.Equal("DELETING", deleting.Status);
        Assert.NotEmpty(seen);
        Assert.Empty(host.State.Clusters);
        var delete = Assert.Single(host.Requests.EndingWith("DELETE", "/v2/" + host.Options.ProjectId + "/clusters/" + cluster.Id));
        Assert.Equal(202, delete.Status);
        var query = TestData.QueryOf(delete);
        Assert.Contains("keep_last_manual_backup=2", query);
        Assert.Contains("release_eip_type=RELEASE_BINDING", query);
        Assert.Equal(404, host.Requests.EndingWith("GET", "/clusters/" + cluster.Id)[^1].Status);
    }

    [Fact]
    public async Task DeleteV1_5_2_15_sends_a_DELETE_with_a_JSON_body()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-delete-v1");

        // The emulator answers 400 DWS.5037 when the body is missing, so success proves the body arrived.
        await session.Clusters.DeleteV1Async(cluster.Id, keepLastManualSnapshots: 1);
        host.Clock.Advance(host.Options.Durations.ClusterDelete);
        await session.Clusters.WaitForDeletionAsync(cluster.Id, TestData.Fast());

        var delete = Assert.Single(host.Requests.EndingWith("DELETE", "/v1.0/" + host.Options.ProjectId + "/clusters/" + cluster.Id));
        Assert.Equal(202, delete.Status);
        Assert.Empty(host.State.Clusters);
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.GetAsync(cluster.Id));
        Assert.True(error.IsNotFound);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public async Task Delete_keeps_only_the_requested_number_of_latest_manual_snapshots(bool v1, int keep)
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-delete-keep");
        var other = await TestData.CreateAvailableClusterAsync(host, session, "dws-delete-other");
        var names = new[] { "oldest-snap", "middle-snap", "newest-snap" };
        foreach (var name in names)
        {
            await session.Snapshots.CreateAsync(cluster.Id, name);
            host.Clock.Advance(Emulator.Areas.Snapshots.SnapshotRoutes.CreateDuration);
        }
        await session.Snapshots.CreateAsync(other.Id, "other-cluster-snap");
        host.Clock.Advance(Emulator.Areas.Snapshots.SnapshotRoutes.CreateDuration);

        if (v1) await session.Clusters.DeleteV1Async(cluster.Id, keep);
        else await session.Clusters.DeleteAsync(cluster.Id, keep);
        host.Clock.Advance(host.Options.Durations.ClusterDelete);
        await session.Clusters.WaitForDeletionAsync(cluster.Id, TestData.Fast());
        var left = await session.Snapshots.ListAsync();

        // 5.2.15 keep_last_manual_snapshot / 5.2.16 keep_last_manual_backup: the latest N manual snapshots survive.
        var expected = names.Reverse().Take(keep).Append("other-cluster-snap").OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected, left.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Restart_5_2_25_shows_REBOOTING_then_WaitForStatusAsync_returns_the_idle_cluster()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-restart");

        await session.Clusters.RestartAsync(cluster.Id);
        var rebooting = await session.Clusters.GetAsync(cluster.Id);
        var seen = new List<Cluster>();
        var done = await session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast(), TestData.AdvanceEachPoll(host.Clock, Step, seen));

        Assert.Equal("REBOOTING", rebooting.TaskStatus);
        Assert.True(rebooting.ActionProgress!.ContainsKey("REBOOTING"));
        Assert.Equal("REBOOTING", seen[0].TaskStatus);
        Assert.Equal("AVAILABLE", done.Status);
        Assert.True(string.IsNullOrEmpty(done.TaskStatus));
        Assert.Equal(200, Assert.Single(host.Requests.EndingWith("POST", "/clusters/" + cluster.Id + "/restart")).Status);
    }

    [Fact]
    public async Task Restart_failure_ends_WaitForStatusAsync_with_the_failure_reason()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-restart-fail");
        host.State.FailNext("restart", new JobFailure("DWS.0114", "The node did not come back."));

        await session.Clusters.RestartAsync(cluster.Id);
        var error = await Assert.ThrowsAsync<DwsResourceFailedException>(() =>
            session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast(), TestData.AdvanceEachPoll<Cluster>(host.Clock, Step)));

        Assert.Equal(cluster.Id, error.ResourceId);
        Assert.Equal("REBOOT_FAILURE", error.TaskStatus);
        Assert.Equal("DWS.0114", error.FailureCode);
        Assert.Equal("The node did not come back.", error.FailureMessage);
    }

    [Fact]
    public async Task Stop_5_2_62_and_Start_5_2_61_return_jobs_that_move_the_cluster()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-stop-start");

        var stopJob = await session.Clusters.StopAsync(cluster.Id);
        var stopping = await session.Clusters.GetAsync(cluster.Id);
        var stopped = await session.Jobs.WaitAsync(stopJob.JobId, TestData.Fast(), TestData.AdvanceEachPoll<Client.Models.Jobs.DwsJob>(host.Clock, Step));
        var afterStop = await session.Clusters.GetAsync(cluster.Id);

        Assert.Equal(cluster.Id, stopJob.ClusterId);
        Assert.Equal(32, stopJob.JobId.Length);
        Assert.Equal(ClusterStatus.Stopping, stopping.Status);
        Assert.True(stopped.IsSucceeded);
        Assert.Equal("dwsClusterStopJob", stopped.JobName);
        Assert.Equal("STOPPED", afterStop.Status);

        var startJob = await session.Clusters.StartAsync(cluster.Id);
        var starting = await session.Clusters.GetAsync(cluster.Id);
        var started = await session.Jobs.WaitAsync(startJob.JobId, TestData.Fast(), TestData.AdvanceEachPoll<Client.Models.Jobs.DwsJob>(host.Clock, Step));
        var afterStart = await session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast());

        Assert.NotEqual(stopJob.JobId, startJob.JobId);
        Assert.Equal("STARTING", starting.Status);
        Assert.True(started.IsSucceeded);
        Assert.Equal("dwsClusterStartJob", started.JobName);
        Assert.Equal("AVAILABLE", afterStart.Status);
    }

    [Fact]
    public async Task Start_of_a_running_cluster_is_refused_with_400()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-start-twice");

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.StartAsync(cluster.Id));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(DwsErrors.Busy, error.ErrorCode);
        Assert.Contains("not stopped", error.ErrorMessage);
    }

    [Fact]
    public async Task Resize_5_2_27_grows_the_cluster_and_ShrinkNumbers_5_2_46_offers_the_ring_back()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, "dws-resize");
        Assert.Empty(await session.Clusters.ListShrinkNumbersAsync(cluster.Id));

        var result = await session.Clusters.ResizeAsync(cluster.Id, new ResizeClusterRequest(3));
        var growing = await session.Clusters.GetAsync(cluster.Id);
        var grown = await session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast(), TestData.AdvanceEachPoll<Cluster>(host.Clock, TimeSpan.FromMinutes(2)));
        var numbers = await session.Clusters.ListShrinkNumbersAsync(cluster.Id);

        Assert.False(result.HasJob);
        Assert.Equal(cluster.Id, result.ClusterId);
        Assert.Equal("GROWING", growing.TaskStatus);
        Assert.Equal(6, growing.ResizeInfo?.TargetNodeNum);
        Assert.Equal(3, growing.ResizeInfo?.OriginNodeNum);
        Assert.Equal(6, grown.NumberOfNode);
        Assert.Equal(new[] { 3 }, numbers);
    }

    [Fact]
    public async Task Shrink_5_2_30_in_Job202_mode_returns_a_job_to_wait_on()
    {
        await using var host = await EmulatorHost.InProcessAsync(o => o.ShrinkAnswer = ShrinkAnswer.Job202);
        using var session = host.CreateSession();
        var clusterId = await GrownClusterAsync(host, session, "dws-shrink-job");

        var result = await session.Clusters.ShrinkAsync(clusterId, new ShrinkClusterRequest { ShrinkNumber = 3, Online = true });
        var job = await session.Jobs.WaitAsync(result.JobId!, TestData.Fast(), TestData.AdvanceEachPoll<Client.Models.Jobs.DwsJob>(host.Clock, TimeSpan.FromMinutes(2)));
        var after = await session.Clusters.WaitForStatusAsync(clusterId, TestData.Fast());

        Assert.True(result.HasJob);
        Assert.Equal(clusterId, result.Job!.ClusterId);
        Assert.Equal(202, host.Requests.EndingWith("POST", "/cluster-shrink").Single().Status);
        Assert.True(job.IsSucceeded);
        Assert.Equal("dwsClusterShrinkJob", job.JobName);
        Assert.Equal(3, after.NumberOfNode);
        Assert.Empty(await session.Clusters.ListShrinkNumbersAsync(clusterId));
    }

    [Fact]
    public async Task Shrink_5_2_30_in_Status200_mode_returns_no_job_and_the_cluster_task_status_is_waited_on()
    {
        await using var host = await EmulatorHost.InProcessAsync(o => o.ShrinkAnswer = ShrinkAnswer.Status200);
        using var session = host.CreateSession();
        var clusterId = await GrownClusterAsync(host, session, "dws-shrink-status");
        var jobsBefore = host.State.Jobs.Count;

        var result = await session.Clusters.ShrinkAsync(clusterId, new ShrinkClusterRequest { ShrinkNumber = 3 });
        var seen = new List<Cluster>();
        var after = await session.Clusters.WaitForStatusAsync(clusterId, TestData.Fast(), TestData.AdvanceEachPoll(host.Clock, TimeSpan.FromMinutes(2), seen));

        Assert.False(result.HasJob);
        Assert.Null(result.JobId);
        Assert.Equal("DWS.0000", result.ErrorCode);
        Assert.Equal(200, host.Requests.EndingWith("POST", "/cluster-shrink").Single().Status);
        Assert.Equal(jobsBefore, host.State.Jobs.Count);
        Assert.Equal("CLUSTER_SHRINKING", seen[0].TaskStatus);
        Assert.Equal(3, after.NumberOfNode);
        Assert.True(string.IsNullOrEmpty(after.TaskStatus));
    }

    [Fact]
    public async Task Shrink_failure_in_Status200_mode_surfaces_through_the_cluster_wait()
    {
        await using var host = await EmulatorHost.InProcessAsync(o => o.ShrinkAnswer = ShrinkAnswer.Status200);
        using var session = host.CreateSession();
        var clusterId = await GrownClusterAsync(host, session, "dws-shrink-fail");
        host.State.FailNext("shrink", new JobFailure("DWS.9999", "Redistribution failed."));

        await session.Clusters.ShrinkAsync(clusterId, new ShrinkClusterRequest { ShrinkNumber = 3 });
        var error = await Assert.ThrowsAsync<DwsResourceFailedException>(() =>
            session.Clusters.WaitForStatusAsync(clusterId, TestData.Fast(), TestData.AdvanceEachPoll<Cluster>(host.Clock, TimeSpan.FromMinutes(2))));

        Assert.Equal("CLUSTER_SHRINK_FAILED", error.TaskStatus);
        Assert.Equal("DWS.9999", error.FailureCode);
        Assert.Equal(6, (await session.Clusters.GetAsync(clusterId)).NumberOfNode);
    }

    [Fact]
    public async Task WaitForCreationAsync_reports_a_failed_creation_with_the_services_reason()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();
        host.State.FailNext("create", new JobFailure("CreateELBTask-fail:DWS.0114", "ELB creation failed."));

        await session.Clusters.CreateAsync(TestData.ClusterV2("dws-create-fail"));
        var error = await Assert.ThrowsAsync<DwsResourceFailedException>(() =>
            session.Clusters.WaitForCreationAsync("dws-create-fail", TestData.Fast(), TestData.AdvanceEachPoll<Cluster>(host.Clock, TimeSpan.FromMinutes(2))));

        Assert.Equal("CREATION FAILED", error.Status);
        Assert.Equal("dws-create-fail", error.ResourceName);
        Assert.Equal("CreateELBTask-fail:DWS.0114", error.FailureCode);
        Assert.Equal("ELB creation failed.", error.FailureMessage);
    }

    /// <summary>An AVAILABLE 6-node cluster made of 3 nodes plus one 3-node scale-out (so 5.2.46 offers 3).</summary>
    private static async Task<string> GrownClusterAsync(EmulatorHost host, Client.DwsSession session, string name)
    {
        var cluster = await TestData.CreateAvailableClusterAsync(host, session, name);
        await session.Clusters.ResizeAsync(cluster.Id, new ResizeClusterRequest(3));
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        var grown = await session.Clusters.WaitForStatusAsync(cluster.Id, TestData.Fast());
        Assert.Equal(6, grown.NumberOfNode);
        Assert.Equal(new[] { 3 }, await session.Clusters.ListShrinkNumbersAsync(cluster.Id));
        return cluster.Id;
    }
}
