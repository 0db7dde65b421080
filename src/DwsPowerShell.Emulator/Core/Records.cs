using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>Failure to report for a job or operation (5.13.1 failed_code / failed_detail).</summary>
public sealed record JobFailure(string FailedCode, string FailedDetail);

public sealed class ClusterTag
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>Long-running work on a cluster; its progress is derived from StartedAt + Duration and the clock.</summary>
public sealed class ClusterOperation
{
    /// <summary>restart | start | stop | resize | shrink (also the key for fail-next).</summary>
    public string Kind { get; set; } = "";
    /// <summary>task_status while running (null for start/stop, which show in status instead).</summary>
    public string? TaskStatus { get; set; }
    public string FailedTaskStatus { get; set; } = "";
    /// <summary>Cluster status while running (STARTING, STOPING), null to keep AVAILABLE.</summary>
    public string? ClusterStatus { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public TimeSpan Duration { get; set; }
    public string? JobId { get; set; }
    public JobFailure? Failure { get; set; }
    public int NodeCount { get; set; }
    public int OriginNodeCount { get; set; }
    public bool IdleNodesOnly { get; set; }
}

public sealed class ClusterRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Version { get; set; } = "8.1.3.333";
    public string NodeType { get; set; } = "";
    public string NodeTypeId { get; set; } = "";
    public string AvailabilityZone { get; set; } = "";
    public string VpcId { get; set; } = "";
    public string SubnetId { get; set; } = "";
    public string? SecurityGroupId { get; set; }
    public string UserName { get; set; } = "";
    public string EnterpriseProjectId { get; set; } = "0";
    public string PublicBindType { get; set; } = "not_use";
    public string EipId { get; set; } = "";
    public int Port { get; set; } = 8000;
    public int NumberOfCn { get; set; } = 3;
    public string SubscriptionId { get; set; } = "";
    public List<ClusterTag> Tags { get; set; } = [];
    /// <summary>Ids of the data nodes; Count is number_of_node.</summary>
    public List<string> NodeIds { get; set; } = [];
    public List<string> IdleNodeIds { get; set; } = [];
    /// <summary>Node count of each completed scale-out, oldest first (the rings 5.2.46 offers back in reverse).</summary>
    public List<int> ScaleOutSteps { get; set; } = [];
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public TimeSpan CreateDuration { get; set; }
    public JobFailure? CreateFailure { get; set; }
    public DateTimeOffset? DeleteStartedAt { get; set; }
    public TimeSpan DeleteDuration { get; set; }
    public ClusterOperation? Operation { get; set; }
    /// <summary>task_status left by the last failed operation (e.g. REBOOT_FAILURE).</summary>
    public string? FailedTaskStatus { get; set; }
    public JobFailure? LastFailure { get; set; }
    public bool Stopped { get; set; }
    // slice i4logical: logical clusters (5.2.4-5.2.20), deleted idle nodes (5.2.21), CNs (5.2.39-5.2.41)
    public bool LogicalClusterFeatureEnabled { get; set; }
    public List<LogicalClusterRecord> LogicalClusters { get; set; } = [];
    public List<LogicalClusterTaskRecord> LogicalClusterTasks { get; set; } = [];
    public List<RemovedNodeRecord> RemovedNodes { get; set; } = [];
    /// <summary>Null until first needed: then NumberOfCn CNs are made.</summary>
    public List<CoordinatorRecord>? Coordinators { get; set; }
}

public sealed class JobRecord
{
    public string JobId { get; set; } = "";
    public string JobName { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? ClusterId { get; set; }
    public DateTimeOffset BeginTime { get; set; }
    public TimeSpan Duration { get; set; }
    public JobFailure? Failure { get; set; }
}

/// <summary>One request as the emulator saw it (no header values, no bodies: nothing secret).</summary>
public sealed record RequestLogEntry(
    string RequestId,
    DateTimeOffset Time,
    string Method,
    string RawTarget,
    int Status,
    string? Fault,
    bool FaultAfterHandler,
    bool HandlerRan,
    bool Mutation);

/// <summary>What the state file holds.</summary>
public sealed class StateDocument
{
    public DateTimeOffset SavedAt { get; set; }
    public List<ClusterRecord> Clusters { get; set; } = [];
    public List<JobRecord> Jobs { get; set; } = [];
    public Dictionary<string, JsonObject> Snapshots { get; set; } = [];
    public Dictionary<string, JsonObject> Plans { get; set; } = [];
    public Dictionary<string, JsonObject> Stages { get; set; } = [];
    public Dictionary<string, JobFailure> PendingFailures { get; set; } = [];
}
