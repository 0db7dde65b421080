using System.Reflection;
using System.Text;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using System.Security;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Connections;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Models.Workload;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Areas.Connections;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Areas.Workload;
using DwsPowerShell.Emulator.Core;
using Xunit.Abstractions;

namespace DwsPowerShell.IntegrationTests.Support;

/// <summary>
/// Calls every public method of DwsSession's areas with valid values against a seeded emulator (found by reflection, so
/// a new method is covered without editing its callers): the coverage test (each served operation end to end) and the
/// bad-input test (each ID and name parameter given hostile values) share it.
/// </summary>
internal static class ClientCalls
{
    internal static IEnumerable<(object Area, MethodInfo Method)> PublicMethods(DwsSession session) =>
        typeof(DwsSession).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Namespace == "DwsPowerShell.Client.Areas")
            .SelectMany(p =>
            {
                var area = p.GetValue(session)!;
                return p.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName)
                    .Select(m => (area, m));
            });

    internal sealed record Seeded(string ClusterId, string ClusterName, string SnapshotId, string JobId, string PlanId, string StageId, HashSet<string> Ids)
    {
        public string FlavorId { get; init; } = "";
        public List<string> NodeIds { get; init; } = [];
        public string IdleNodeId { get; init; } = "";
        public string CoordinatorId { get; init; } = "";
        public string LogicalClusterId { get; init; } = "";
        public string LogicalClusterName { get; init; } = "";
        public string NewLogicalClusterName { get; init; } = "";
        public List<string> FreeRing { get; init; } = [];
        public List<string> LogicalClusterRing { get; init; } = [];
        public string ConfigurationId { get; init; } = "";
        public string ElbId { get; init; } = "";
        public string EipId { get; init; } = "";
        public string VpcId { get; init; } = "";
        public string SubnetId { get; init; } = "";
    }

    /// <summary>
    /// A fresh cluster (9 data nodes in three rings, an idle node, CNs, two logical clusters on the first two rings,
    /// a tag, a private domain name, an EIP/ELB bound when the method unbinds one), manual snapshot, job, plan and
    /// stage for one method (its valid call may delete them).
    /// </summary>
    /// <summary>The seeded cluster's snapshot policy strategy (5.3.12 to 5.3.14).</summary>
    internal static string PolicyIdOf(string clusterId) => clusterId + "-policy";

    internal static Seeded SeedFor(EmulatorHost host, MethodInfo method)
    {
        var state = host.State;
        var clusterId = Seed.Clusters(state, 1, "bi_" + Guid.NewGuid().ToString("N")[..8])[0];
        var converting = method.Name is "ConvertToLogicalClusterAsync" or "SetLogicalClusterFeatureAsync";
        string name, flavorId, coordinatorId, configurationId, vpcId, subnetId, elbId, eipId;
        List<string> nodeIds;
        string idleNodeId = clusterId + "-idle-0";
        var lcFirst = new LogicalClusterRecord { Id = EmulatorState.NewUuid(), Name = "bilc_first", First = true };
        var lc = new LogicalClusterRecord { Id = EmulatorState.NewUuid(), Name = "bilc_" + Guid.NewGuid().ToString("N")[..8] };
        lock (state.Gate)
        {
            var c = state.Clusters[clusterId];
            name = c.Name;
            c.NodeIds = Enumerable.Range(0, 9).Select(n => $"{clusterId}-node-{n}").ToList();
            c.IdleNodeIds = [idleNodeId];
            c.ScaleOutSteps = [3];
            nodeIds = c.NodeIds;
            flavorId = c.NodeTypeId;
            coordinatorId = Topology.Coordinators(c, state.Clock.UtcNow)[0].Id;
            configurationId = ParameterCatalog.GroupId(c, ParameterCatalog.ParameterGroupType);
            vpcId = c.VpcId;
            subnetId = c.SubnetId;
            elbId = ConnectionModel.ElbsOf(c.VpcId)[0].Id;
            eipId = EmulatorState.NewUuid();
            c.Tags = [new DwsPowerShell.Emulator.Areas.Clusters.ClusterTag { Key = "env", Value = "prod" }];
            state.Connections.Of(clusterId).PrivateDomainName = new ClusterDomainName { Name = "bisales", Ttl = 300 };
            if (!converting)
            {
                var rings = Topology.Rings(c);
                lcFirst.Rings = [rings[0]];
                lc.Rings = [rings[1]];
                c.LogicalClusterFeatureEnabled = true;
                c.LogicalClusters = [lcFirst, lc];
            }
            if (method.Name == "UnbindEipAsync")
            {
                c.PublicBindType = "bind_existing";
                c.EipId = eipId;
            }
            if (method.Name == "UnbindElbAsync") state.Connections.Of(clusterId).ElbId = elbId;
        }
        var snapshot = new SnapshotRecord
        {
            Id = EmulatorState.NewUuid(), Name = "bisnap" + Guid.NewGuid().ToString("N")[..8], ClusterId = clusterId, ClusterName = name,
            ClusterVersion = "8.1.3.333", DbUser = "dbadmin", Started = state.Clock.UtcNow.AddHours(-1), Duration = TimeSpan.FromMinutes(1), SizeGb = 1,
        };
        var job = new JobRecord { JobId = EmulatorState.NewHexId(), JobName = "bench", Kind = "stop", ClusterId = clusterId, BeginTime = state.Clock.UtcNow.AddHours(-1), Duration = TimeSpan.FromMinutes(1) };
        var plan = new PlanRecord { Id = EmulatorState.NewUuid(), Name = "biplan", ClusterId = clusterId, Created = state.Clock.UtcNow };
        var stage = new StageRecord { Id = EmulatorState.NewUuid(), PlanId = plan.Id, Name = "bistage", Month = "1", Day = "1", StartTime = "08:00:00", Created = state.Clock.UtcNow };
        lock (state.Gate)
        {
            state.Snapshots[snapshot.Id] = snapshot.ToNode();
            state.Jobs[job.JobId] = job;
            state.Plans[plan.Id] = plan.ToNode();
            state.Stages[stage.Id] = stage.ToNode();
            var policy = new SnapshotPolicyRecord { KeepDay = 3, DeviceName = "OBS" };
            policy.Strategies.Add(new SnapshotStrategyRecord
            {
                Id = PolicyIdOf(clusterId), Name = "bipolicy", Cron = SnapshotCron.TryParse("0 0 3 ? * 1,2,3,4,5,6,7", out _)!, Updated = state.Clock.UtcNow,
            });
            state.Part<SnapshotPolicyStore>().Policies[clusterId] = policy;
        }
        var newLcName = "bilc_" + Guid.NewGuid().ToString("N")[..8];
        var ids = new HashSet<string>(StringComparer.Ordinal)
        {
            clusterId, PolicyIdOf(clusterId), snapshot.Id, job.JobId, plan.Id, stage.Id, host.Options.ProjectId,
            flavorId, idleNodeId, coordinatorId, configurationId, elbId, eipId, lc.Id, lc.Name, lcFirst.Id, newLcName,
        };
        ids.UnionWith(nodeIds);
        var allRings = nodeIds.Chunk(Topology.RingSize).Select(r => r.ToList()).ToList();
        return new Seeded(clusterId, name, snapshot.Id, job.JobId, plan.Id, stage.Id, ids)
        {
            FlavorId = flavorId, NodeIds = nodeIds, IdleNodeId = idleNodeId, CoordinatorId = coordinatorId,
            LogicalClusterId = lc.Id, LogicalClusterName = lc.Name, NewLogicalClusterName = newLcName,
            FreeRing = allRings[2], LogicalClusterRing = allRings[1], ConfigurationId = configurationId,
            ElbId = elbId, EipId = eipId, VpcId = vpcId, SubnetId = subnetId,
        };
    }

    private static LogicalClusterRing Ring(IEnumerable<string> nodeIds) => new()
    {
        RingHosts = nodeIds.Select(id => new RingHost { HostName = Topology.HostName(id), BackIp = Topology.BackIp(id), CpuCores = 4, Memory = 32, DiskSize = 100 }).ToList(),
    };

    private static SecureString Secure(string s)
    {
        var secure = new SecureString();
        foreach (var ch in s) secure.AppendChar(ch);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>Calls the method (enumerating an IAsyncEnumerable); returns the exception it ended with, if any.</summary>
    /// <summary>Valid values for every parameter of <paramref name="method"/>, but <paramref name="replaced"/>'s, which gets <paramref name="replacement"/>.</summary>
    internal static object?[] Arguments(MethodInfo method, Seeded seed, CancellationToken ct, ParameterInfo? replaced = null, object? replacement = null) =>
        method.GetParameters().Select(p => p == replaced ? replacement : Valid(p, seed, ct)).ToArray();

    internal static async Task<Exception?> InvokeAsync(object area, MethodInfo method, object?[] args, CancellationToken ct)
    {
        try
        {
            var result = method.Invoke(area, args);
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable:
                    var enumerator = enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(result, [ct])!;
                    var moveNext = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>)).GetMethod("MoveNextAsync")!;
                    try
                    {
                        while (await (ValueTask<bool>)moveNext.Invoke(enumerator, null)!) { }
                    }
                    finally
                    {
                        await ((IAsyncDisposable)enumerator).DisposeAsync();
                    }
                    break;
            }
            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    internal static object? Valid(ParameterInfo p, Seeded seed, CancellationToken ct)
    {
        var t = p.ParameterType;
        if (t == typeof(CancellationToken)) return ct;
        if (t == typeof(string))
        {
            return p.Name switch
            {
                "clusterId" => seed.ClusterId,
                "snapshotId" => seed.SnapshotId,
                "policyId" => PolicyIdOf(seed.ClusterId),
                "jobId" => seed.JobId,
                "planId" => seed.PlanId,
                "stageId" => seed.StageId,
                "flavorId" => seed.FlavorId,
                "instanceId" => seed.NodeIds[0],
                "logicalClusterId" => seed.LogicalClusterId,
                "idOrName" => seed.LogicalClusterName,
                "configurationId" => seed.ConfigurationId,
                "logicalClusterName" when p.Member.DeclaringType!.Name == "ClustersApi" => seed.LogicalClusterName,
                "elbId" => seed.ElbId,
                "eipId" => seed.EipId,
                "vpcId" => seed.VpcId,
                "subnetId" => seed.SubnetId,
                "type" when p.Member.DeclaringType!.Name == "ConnectionsApi" => "private",
                "name" when p.Member.Name == "UpdateDomainNameAsync" => "bisales2",
                "name" when p.Member.Name == "ConvertToLogicalClusterAsync" => seed.NewLogicalClusterName,
                "checkItem" => "guc",
                "description" => "bench cluster",
                // Cluster lookups by name find the seeded cluster; new snapshots and plans get fresh names.
                "name" when p.Member.Name.Contains("Snapshot", StringComparison.Ordinal) || p.Member.DeclaringType!.Name == "SnapshotsApi" => "bi" + Guid.NewGuid().ToString("N")[..10],
                "name" => seed.ClusterName,
                "planName" => "bi_" + Guid.NewGuid().ToString("N")[..10],
                _ => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"no valid value for {p.Member.Name}({p.Name})"),
            };
        }
        if (t == typeof(IEnumerable<string>) || t == typeof(IReadOnlyCollection<string>))
        {
            return p.Name switch
            {
                "jobIds" => new[] { seed.JobId },
                "nodeIds" when p.Member.Name == "DeleteNodesAsync" => new[] { seed.IdleNodeId },
                "nodeIds" => seed.NodeIds.Take(2).ToArray(),
                "coordinatorNodeIds" => new[] { seed.CoordinatorId },
                "securityGroupIds" => new[] { "sg-seeded", "sg-bench" },
                "keys" => new[] { "env" },
                _ => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"no valid value for {p.Member.Name}({p.Name})"),
            };
        }
        if (t == typeof(bool)) return p.HasDefaultValue ? p.DefaultValue : true;
        if (t == typeof(SecureString)) return Secure("NewPassw0rd!x");
        if (t == typeof(IEnumerable<ResourceTag>))
            return p.Member.Name == "RemoveAsync" ? new[] { new ResourceTag("env", "prod") } : new[] { new ResourceTag("team", "bi") };
        if (t == typeof(IEnumerable<ParameterSetting>)) return new[] { new ParameterSetting("cn", "session_timeout", "900") };
        if (t == typeof(IReadOnlyDictionary<string, string>)) return new Dictionary<string, string> { ["session_timeout"] = "900" };
        if (t == typeof(SnapshotPolicySpec))
        {
            return new SnapshotPolicySpec
            {
                KeepDay = 7,
                BackupStrategies = [new SnapshotPolicyStrategySpec { PolicyName = "bi" + Guid.NewGuid().ToString("N")[..10], BackupStrategy = "0 0 3 ? * 1,2,3,4,5,6,7", BackupType = "full", BackupLevel = "cluster" }],
            };
        }
        if (t == typeof(SnapshotPolicyStrategySpec))
            return new SnapshotPolicyStrategySpec { PolicyName = "bi" + Guid.NewGuid().ToString("N")[..10], BackupStrategy = "0 30 1 ? * 1", BackupType = "increment", BackupLevel = "cluster" };
        if (t == typeof(CreateLogicalClusterRequest)) return new CreateLogicalClusterRequest { LogicalClusterName = seed.NewLogicalClusterName, ClusterRings = [Ring(seed.FreeRing)] };
        if (t == typeof(UpdateLogicalClusterRequest)) return new UpdateLogicalClusterRequest { ClusterRings = [Ring(seed.LogicalClusterRing), Ring(seed.FreeRing)] };
        if (t == typeof(ChangeFlavorRequest)) return new ChangeFlavorRequest(seed.FlavorId);
        if (t == typeof(ScaleOutWithIdleNodesRequest)) return new ScaleOutWithIdleNodesRequest(3);
        if (t == typeof(GrowCheckRequest)) return new GrowCheckRequest { ScaleOut = new ScaleOutCount { Count = 3 }, ExpandWithExistedNode = true };
        if (t == typeof(StartRedistributionRequest)) return new StartRedistributionRequest("Offline", 32);
        if (t == typeof(EncryptClusterRequest)) return new EncryptClusterRequest { Encrypt = new EncryptInfo { MasterKeyId = "key-1", MasterKeyName = "KMS-test" } };
        if (t == typeof(DomainNameRequest)) return new DomainNameRequest("bisales", "private", 600);
        if (t == typeof(DwsWaitOptions)) return new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(200) };
        if (t == typeof(ResizeClusterRequest)) return new ResizeClusterRequest(3);
        if (t == typeof(ShrinkClusterRequest)) return new ShrinkClusterRequest { ShrinkNumber = 3, Online = true };
        if (t == typeof(WorkloadPlanStage))
        {
            return new WorkloadPlanStage
            {
                StageName = "bistage2", Month = "2", Day = "2", StartTime = "09:00:00", EndTime = "10:00:00",
                QueueList = [new WorkloadPlanQueue { QueueName = "q1", QueueResources = [new WorkloadResourceItem { ResourceName = "cpu", ResourceValue = 20 }] }],
            };
        }
        if (t == typeof(Action<WorkloadPlanStage>))
        {
            return new Action<WorkloadPlanStage>(s =>
            {
                s.EndTime = "11:00:00";
                if (s.QueueList is not { Count: > 0 }) s.QueueList = [new WorkloadPlanQueue { QueueName = "q1", QueueResources = [new WorkloadResourceItem { ResourceName = "cpu", ResourceValue = 20 }] }];
            });
        }
        if (p.HasDefaultValue) return p.DefaultValue;
        if (t == typeof(int))
        {
            return p.Name switch
            {
                "offset" => 0,
                "removeNodeCount" or "shrinkCount" => 3,
                "addCount" => 1,
                "totalCount" => 4,
                "newSizeGb" => 200,
                _ => 10,
            };
        }
        throw new InvalidOperationException($"no valid value for {p.Member.Name}({p.Name}: {t.Name})");
    }
}
