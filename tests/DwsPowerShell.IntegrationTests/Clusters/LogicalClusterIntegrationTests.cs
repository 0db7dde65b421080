using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Clusters;

/// <summary>The logical-cluster, node and CN operations through the client against the emulator: success and the documented failures.</summary>
public class LogicalClusterIntegrationTests
{
    private static readonly DwsWaitOptions Fast = new() { Timeout = TimeSpan.FromSeconds(20), PollInterval = TimeSpan.FromMilliseconds(20) };

    private static async Task<string> NewClusterAsync(EmulatorHost emulator, DwsSession session, string name, int nodes)
    {
        var request = new CreateClusterRequest
        {
            Name = name, Flavor = "dwsk2.xlarge", NumNode = nodes, NumCn = 3, AdminUserName = "dbadmin", AdminPassword = "Str0ng!Passw0rd",
            VpcId = "vpc-1", SubnetId = "subnet-1", AvailabilityZones = new() { emulator.Options.Region + "a" }, DatastoreVersion = "8.2.1",
        };
        await session.Clusters.CreateAsync(request);
        emulator.Clock.Advance(emulator.Options.Durations.ClusterCreate);
        return (await session.Clusters.FindByNameAsync(name))!.Id;
    }

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var i in items) list.Add(i);
        return list;
    }

    [Fact]
    public async Task Logical_cluster_lifecycle_through_the_client()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession();
        var clusters = session.Clusters;
        var id = await NewClusterAsync(emulator, session, "lc-int", 9);

        // Not logical yet: a create is refused.
        var notLogical = await Assert.ThrowsAsync<DwsApiException>(() => clusters.CreateLogicalClusterAsync(id,
            new CreateLogicalClusterRequest { LogicalClusterName = "x", ClusterRings = new() { new LogicalClusterRing { RingHosts = new() { new RingHost { HostName = "h", BackIp = "10.0.0.1", CpuCores = 1, Memory = 1, DiskSize = 1 } } } } }));
        Assert.Equal(400, notLogical.StatusCode);

        var converted = await clusters.ConvertToLogicalClusterAsync(id, "base");
        Assert.True(converted.IsCleanSuccess);
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var baseLc = (await clusters.WaitForLogicalClusterAsync(id, "base", options: Fast))!;
        Assert.Equal((3, true, "success"), (baseLc.RingCount, baseLc.FirstLogicalCluster!.Value, baseLc.ActionInfo!.Result));

        // Shrink base to one ring through the read-merge-write Set; the mode survives a later ring change.
        await clusters.SetLogicalClusterAsync(id, baseLc.LogicalClusterId, mode: "read-only");
        await clusters.SetLogicalClusterAsync(id, "base", rings: baseLc.ClusterRings!.Take(1).ToList());
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        baseLc = (await clusters.FindLogicalClusterAsync(id, "base"))!;
        Assert.Equal((1, "read-only", "Shrink"), (baseLc.RingCount, baseLc.Mode, baseLc.ActionInfo!.ActionName));

        var free = await All(clusters.ListAvailableRingsAsync(id));
        Assert.Equal(2, free.Count);
        var created = await clusters.CreateLogicalClusterAsync(id, new CreateLogicalClusterRequest { LogicalClusterName = "etl", ClusterRings = free.Take(1).ToList() });
        Assert.Equal("etl", created.LogicalClusterName);
        var parallel = await Assert.ThrowsAsync<DwsApiException>(() => clusters.CreateLogicalClusterAsync(id, new CreateLogicalClusterRequest { LogicalClusterName = "etl2", ClusterRings = free.Skip(1).ToList() }));
        Assert.Equal(417, parallel.StatusCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var etl = (await clusters.WaitForLogicalClusterAsync(id, "etl", options: Fast))!;

        // Grow etl by the last free ring: the service calls it Grow, the client reads Expand.
        await clusters.SetLogicalClusterAsync(id, etl.LogicalClusterId, rings: etl.ClusterRings!.Concat(free.Skip(1)).ToList());
        Assert.True((await clusters.FindLogicalClusterAsync(id, "etl"))!.IsBusy);
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        etl = (await clusters.WaitForLogicalClusterAsync(id, "etl", options: Fast))!;
        Assert.Equal(("Grow", "Expand", 2), (etl.ActionInfo!.ActionName, etl.ActionInfo.Action, etl.RingCount));

        var tasks = await All(clusters.ListLogicalClusterTasksAsync(id, orderBy: "startTime", order: "DESC", pageSize: 2));
        Assert.Equal(new[] { "Grow", "Create", "Shrink", "Create" }, tasks.Select(t => t.Type));
        Assert.Single(await All(clusters.ListLogicalClusterTasksAsync(id, logicalClusterName: "etl", type: "Expand")));
        Assert.Equal(2, (await All(clusters.ListLogicalClusterVolumesAsync(id))).Count);

        await clusters.RestartLogicalClusterAsync(id, etl.LogicalClusterId);
        var busy = await Assert.ThrowsAsync<DwsApiException>(() => clusters.DeleteLogicalClusterAsync(id, etl.LogicalClusterId));
        Assert.Equal(400, busy.StatusCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await Assert.ThrowsAsync<DwsApiException>(() => clusters.DeleteLogicalClusterAsync(id, baseLc.LogicalClusterId));
        Assert.Contains("first logical cluster", first.ErrorMessage);
        var deleted = await clusters.DeleteLogicalClusterAsync(id, etl.LogicalClusterId);
        Assert.Equal("DWS.0000", deleted.ErrorCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await clusters.WaitForLogicalClusterAsync(id, etl.LogicalClusterId, untilGone: true, options: Fast));
        var last = await Assert.ThrowsAsync<DwsApiException>(() => clusters.DeleteLogicalClusterAsync(id, baseLc.LogicalClusterId));
        Assert.Contains("last logical cluster", last.ErrorMessage);

        Assert.Equal("Enable", (await clusters.SetLogicalClusterFeatureAsync(id, true)).Operation);
        var missing = await Assert.ThrowsAsync<DwsApiException>(() => clusters.SetLogicalClusterAsync(id, "nope", mode: "x"));
        Assert.True(missing.IsNotFound);
    }

    [Fact]
    public async Task A_failed_logical_cluster_action_ends_the_wait_with_its_logs()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession();
        var id = await NewClusterAsync(emulator, session, "lc-fail", 3);
        emulator.State.FailNext("convert-logical", new DwsPowerShell.Emulator.Core.JobFailure("DWS.9999", "conversion broke"));
        await session.Clusters.ConvertToLogicalClusterAsync(id, "base");
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var failed = await Assert.ThrowsAsync<DwsResourceFailedException>(() => session.Clusters.WaitForLogicalClusterAsync(id, "base", options: Fast));
        Assert.Contains("conversion broke", failed.Message);
    }

    [Fact]
    public async Task Nodes_instances_and_cns_through_the_client()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession();
        var clusters = session.Clusters;
        var id = await NewClusterAsync(emulator, session, "nodes-int", 6);

        var rings = await All(clusters.ListTopologyRingsAsync(id, pageSize: 1));
        Assert.Equal(new[] { 1, 2 }, rings.Select(r => r.RingNumber));
        var instances = await clusters.ListInstancesAsync(id);
        Assert.Equal(9, instances.Count);
        var detail = await clusters.GetInstanceAsync(instances[0].InstanceId);
        Assert.Equal((id, "dws-cn"), (detail.ClusterId, detail.Type));
        Assert.True((await Assert.ThrowsAsync<DwsApiException>(() => clusters.GetInstanceAsync("nope"))).IsNotFound);

        var cns = await clusters.ListCoordinatorNodesAsync(id);
        Assert.Equal((2, 6, 3), (cns.MinNum, cns.MaxNum, cns.Count));
        var add = await clusters.AddCoordinatorNodesByCountAsync(id, 2);
        var job = await session.Jobs.WaitAsync(add.JobId, new DwsWaitOptions { Timeout = TimeSpan.FromSeconds(20), PollInterval = TimeSpan.FromMilliseconds(20) }, _ => emulator.Clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.True(job.IsSucceeded);
        cns = await clusters.ListCoordinatorNodesAsync(id);
        Assert.Equal(5, cns.Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clusters.AddCoordinatorNodesByCountAsync(id, 2));
        var tooMany = await Assert.ThrowsAsync<DwsApiException>(() => clusters.AddCoordinatorNodesAsync(id, 7));
        Assert.Equal(400, tooMany.StatusCode);
        var remove = await clusters.RemoveCoordinatorNodesAsync(id, cns.Instances!.Take(3).Select(c => c.Id).ToList());
        Assert.Equal(id, remove.ClusterId);
        emulator.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(2, (await clusters.ListCoordinatorNodesAsync(id)).Count);
        Assert.Equal(400, (await Assert.ThrowsAsync<DwsApiException>(() => clusters.RemoveCoordinatorNodesAsync(id, new[] { cns.Instances![4].Id }))).StatusCode);

        var nodes = await All(clusters.ListNodesAsync(id));
        Assert.Equal(6, nodes.Count);
        var inUse = await Assert.ThrowsAsync<DwsApiException>(() => clusters.DeleteNodesAsync(id, new[] { nodes[0].NodeId }));
        Assert.Equal(400, inUse.StatusCode);
        await clusters.ResizeAsync(id, new ResizeClusterRequest(3, createNodeOnly: true));
        emulator.Clock.Advance(emulator.Options.Durations.ClusterScaleOut);
        var idle = await All(clusters.ListNodesAsync(id, filterBy: "instCreateType", filter: "NODE"));
        Assert.All(idle, n => Assert.True(n.IsIdle));
        var result = await clusters.DeleteNodesAsync(id, idle.Select(n => n.NodeId).ToList());
        Assert.Equal("Success submit 3 node delete job", result.ErrorMessage);
        Assert.Equal("DELETING_NODE", (await clusters.GetAsync(id)).TaskStatus);
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var cluster = await clusters.WaitForStatusAsync(id, Fast);
        Assert.Null(cluster.TaskStatus);
        Assert.Equal(6, (await All(clusters.ListNodesAsync(id))).Count);
        Assert.Equal(3, (await All(clusters.ListNodesAsync(id, includeDeleted: true, filterBy: "status", filter: "DELETED"))).Count);
    }
}
