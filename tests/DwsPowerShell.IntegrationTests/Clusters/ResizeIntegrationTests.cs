using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Clusters;

/// <summary>The resize slice through the client against the emulator: success paths and the documented failures.</summary>
public class ResizeIntegrationTests
{
    private static readonly DwsWaitOptions s_fast = new() { Timeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(20) };

    private static async Task<string> CreateClusterAsync(EmulatorHost emulator, DwsSession session, string name)
    {
        await session.Clusters.CreateAsync(new CreateClusterRequest
        {
            Name = name, Flavor = "dwsk2.xlarge", NumNode = 3, NumCn = 3, AdminUserName = "dbadmin", AdminPassword = "Str0ng!Passw0rd",
            Port = 8000, AvailabilityZones = new List<string> { "eu-west-101a" }, VpcId = "vpc-1", SubnetId = "subnet-1", DatastoreVersion = "8.2.1",
        });
        emulator.Clock.Advance(emulator.Options.Durations.ClusterCreate);
        return (await session.Clusters.FindByNameAsync(name))!.Id;
    }

    [Fact]
    public async Task Idle_nodes_scale_out_waits_for_redistribution_which_suspends_resumes_and_completes()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession();
        var id = await CreateClusterAsync(emulator, session, "it-idle");
        await session.Clusters.ResizeAsync(id, new ResizeClusterRequest(3, createNodeOnly: true));
        emulator.Clock.Advance(emulator.Options.Durations.ClusterScaleOut);

        Assert.False((await session.Clusters.CheckScaleOutAsync(id, new GrowCheckRequest { ScaleOut = new ScaleOutCount { Count = 6 }, ExpandWithExistedNode = true })).Passed);
        Assert.True((await session.Clusters.CheckScaleOutAsync(id, new GrowCheckRequest { ScaleOut = new ScaleOutCount { Count = 3 }, ExpandWithExistedNode = true })).Passed);
        var refused = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.StartRedistributionAsync(id, new StartRedistributionRequest("online", 4)));
        Assert.Equal(400, refused.StatusCode);

        await session.Clusters.ScaleOutWithIdleNodesAsync(id, new ScaleOutWithIdleNodesRequest(3)
        {
            AutoRedistribute = false,
            RedisConf = new RedistributionConfigRequest { RedisMode = "Online", ParallelJobs = 100 },
        });
        emulator.Clock.Advance(emulator.Options.Durations.ClusterScaleOut);
        var waiting = await session.Clusters.WaitForResizeAsync(id, s_fast);
        Assert.Equal("WAITING_REDISTRIBUTION", waiting.TaskStatus);
        Assert.True(ClustersApiParked(waiting));
        Assert.Equal(6, waiting.NumberOfNode);

        await session.Clusters.StartRedistributionAsync(id, new StartRedistributionRequest("Offline", 32));
        emulator.Clock.Advance(emulator.Options.Durations.ClusterRedistribute / 2);
        var suspended = await session.Clusters.SuspendRedistributionAsync(id);
        Assert.Equal("DWS.0000", suspended.ErrorCode);
        var paused = await session.Clusters.GetRedistributionAsync(id);
        Assert.Equal(("REDISTRIBUTION_PAUSED", "offline", 50, true), (paused.Status, paused.Mode, paused.TotalProgress, paused.RecoverEnable));
        Assert.Equal(32, paused.RedisInfo!.RedisConf!.EffectiveParallelJobs);
        Assert.Equal(0m, paused.RedisInfo.RedisProcess!.RedisRateKBps);
        Assert.Equal(400, (await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.SuspendRedistributionAsync(id))).StatusCode);

        var tables = new List<RedistributionTable>();
        await foreach (var t in session.Clusters.ListRedistributionTablesAsync(id, pageSize: 5)) tables.Add(t);
        Assert.Equal(12, tables.Count);
        Assert.Equal(6, tables.Count(t => t.State == "Completed"));

        await session.Clusters.ResumeRedistributionAsync(id);
        emulator.Clock.Advance(emulator.Options.Durations.ClusterRedistribute);
        var done = await session.Clusters.WaitForResizeAsync(id, s_fast);
        Assert.True(ClusterStatus.IsReady(done));
        Assert.Equal("COMPLETED", (await session.Clusters.GetRedistributionAsync(id)).Status);
        Assert.True((await session.Clusters.CheckScaleInAsync(id, 3)).Passed);
        Assert.False((await session.Clusters.CheckScaleInAsync(id, 2, new[] { "disk" })).Passed);
    }

    private static bool ClustersApiParked(Cluster c) => DwsPowerShell.Client.Areas.ClustersApi.IsParked(c);

    [Fact]
    public async Task Scale_out_with_idle_nodes_without_idle_nodes_is_refused()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateClusterAsync(emulator, session, "it-noidle");
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ScaleOutWithIdleNodesAsync(id, new ScaleOutWithIdleNodesRequest(3)));
        Assert.Equal((400, "DWS.5047"), (ex.StatusCode, ex.ErrorCode));
    }

    [Fact]
    public async Task Disk_range_check_expansion_and_usage()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateClusterAsync(emulator, session, "it-disk");
        var range = await session.Clusters.GetStorageRangeAsync(id);
        Assert.Equal((100, 100, 2000), (range.CurrentSize, range.MinSize, range.MaxSize));
        Assert.True((await session.Clusters.CheckStorageAsync(id, 500)).Passed);
        var failed = await session.Clusters.CheckStorageAsync(id, 2500);
        Assert.Equal((false, "DWS.5038"), (failed.Passed, failed.Code));

        await session.Clusters.ExpandStorageAsync(id, 500);
        Assert.Equal("DISK_EXPANDING", (await session.Clusters.GetAsync(id)).TaskStatus);
        emulator.Clock.Advance(emulator.Options.Durations.DiskExpand);
        var cluster = await session.Clusters.WaitForResizeAsync(id, s_fast);
        Assert.Equal(500, cluster.FlavorDetail!.VolumeSize);
        Assert.Equal(500, (await session.Clusters.GetStorageRangeAsync(id)).CurrentSize);
        var usage = await session.Clusters.GetDiskUsageAsync(id);
        Assert.Equal(3, usage.DiskInfoList!.Count);
        Assert.All(usage.DiskInfoList, n => Assert.Equal(500m, n.DiskCapacity));
    }

    [Fact]
    public async Task Flavor_details_targets_and_change_by_job_and_busy_refusal()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateClusterAsync(emulator, session, "it-flavor");
        var flavor = await session.Clusters.GetFlavorAsync(id);
        Assert.Equal(("dwsk2.xlarge", 3, id), (flavor.SpecName, flavor.CurrentNode, flavor.ClusterId));
        var targets = new List<TargetFlavor>();
        await foreach (var t in session.Clusters.ListTargetFlavorsForClusterAsync(id, pageSize: 2)) targets.Add(t);
        Assert.Equal(4, targets.Count);
        var target = targets.Single(t => t.Name == "dws2.m6.4xlarge.8");

        await session.Clusters.RestartAsync(id);
        var busy = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ChangeFlavorAsync(id, new ChangeFlavorRequest(target.TargetFlavorId!)));
        Assert.Equal(400, busy.StatusCode);
        emulator.Clock.Advance(emulator.Options.Durations.ClusterRestart);

        var job = await session.Clusters.ChangeFlavorAsync(id, new ChangeFlavorRequest(target.TargetFlavorId!, forceBackup: true));
        emulator.Clock.Advance(emulator.Options.Durations.FlavorChange);
        Assert.True((await session.Jobs.WaitAsync(job.JobId, s_fast)).IsSucceeded);
        Assert.Equal("dws2.m6.4xlarge.8", (await session.Clusters.GetAsync(id)).NodeType);

        var missing = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.GetFlavorAsync("00000000-0000-4000-8000-000000000000"));
        Assert.True(missing.IsNotFound);
    }
}
