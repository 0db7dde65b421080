using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>A tag of a cluster: set by 5.2.3, changed by 5.10.3/5.10.4, read by 5.2.13, 5.2.34 and 5.10.</summary>
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

/// <summary>
/// A cluster as 5.2 keeps it (the EIP binding of 5.9.7/5.9.8 and the tags of 5.10 too, as 5.2.3 sets them and 5.2.13
/// shows them). What other chapters keep per cluster is theirs, keyed by cluster ID (e.g. Connections' domain names).
/// </summary>
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
    /// <summary>5.2.3 dss_pool_id, when the cluster was created on a dedicated storage pool.</summary>
    public string? DssPoolId { get; set; }
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
    /// <summary>5.2.15 keep_last_manual_snapshot / 5.2.16 keep_last_manual_backup: manual snapshots that outlive the cluster.</summary>
    public int KeepManualSnapshots { get; set; }
    public ClusterOperation? Operation { get; set; }
    /// <summary>task_status left by the last failed operation (e.g. REBOOT_FAILURE).</summary>
    public string? FailedTaskStatus { get; set; }
    public JobFailure? LastFailure { get; set; }
    public bool Stopped { get; set; }

    // Resize: idle-node scale-out, redistribution, disks and flavors (5.2.22-5.2.24, 5.2.31, 5.2.32, 5.2.38, 5.2.57).
    /// <summary>Usable GB per node after disk expansions; null means the flavor's size.</summary>
    public int? VolumeSizeGb { get; set; }
    /// <summary>Target of the running disk expansion (5.2.38), GB per node.</summary>
    public int? PendingVolumeSizeGb { get; set; }
    /// <summary>Target node type of the running flavor change (5.2.57).</summary>
    public string? PendingFlavor { get; set; }
    /// <summary>The redistribution after an idle-node scale-out (5.2.22, 5.2.23, 5.2.24, 5.2.31, 5.2.32); null when none.</summary>
    public RedistributionRecord? Redistribution { get; set; }

    // Security groups, password, sub_status, description, parameters and encryption (5.2.2, 5.2.28, 5.2.36, 5.2.37,
    // 5.2.42-5.2.44, 5.2.53, 5.2.54, 5.2.60).
    /// <summary>Security groups set by 5.2.2 (empty: only <see cref="SecurityGroupId"/>).</summary>
    public List<string> SecurityGroupIds { get; set; } = [];
    /// <summary>Saved by 5.2.54; no API reads it back.</summary>
    public string? Description { get; set; }
    /// <summary>sub_status READONLY: writes are refused until 5.2.37 (set by the control route /_emulator/clusters/{id}/readonly).</summary>
    public bool ReadOnly { get; set; }
    /// <summary>sub_status UNBALANCED: 5.2.36 switchback clears it (set by /_emulator/clusters/{id}/unbalanced).</summary>
    public bool Unbalanced { get; set; }
    /// <summary>SHA-256 (hex) of the administrator passwords used so far: 5.2.28 refuses a previous one.</summary>
    public List<string> PasswordHistory { get; set; } = [];
    /// <summary>Parameter values changed by 5.2.44, keyed "cn:name" / "dn:name"; the rest have their defaults.</summary>
    public Dictionary<string, string> ParameterValues { get; set; } = [];
    /// <summary>parameter_group.status: In-Sync, or Pending-Reboot after a change that needs a restart.</summary>
    public string ParameterGroupStatus { get; set; } = "In-Sync";
    public List<ParameterAuditRecord> ParameterAudit { get; set; } = [];
    /// <summary>KMS encryption (5.2.3 with master_key_id, or 5.2.60), null for an ordinary cluster.</summary>
    public EncryptionRecord? Encryption { get; set; }
    /// <summary>The key a running 5.2.60 conversion applies when it succeeds.</summary>
    public EncryptionRecord? PendingEncryption { get; set; }

    // Logical clusters (5.2.4-5.2.20), deleted idle nodes (5.2.21), CNs (5.2.39-5.2.41).
    public bool LogicalClusterFeatureEnabled { get; set; }
    public List<LogicalClusterRecord> LogicalClusters { get; set; } = [];
    public List<LogicalClusterTaskRecord> LogicalClusterTasks { get; set; } = [];
    public List<RemovedNodeRecord> RemovedNodes { get; set; } = [];
    /// <summary>Null until first needed: then NumberOfCn CNs are made.</summary>
    public List<CoordinatorRecord>? Coordinators { get; set; }
}

/// <summary>The Clusters area's state: the clusters by ID, kept in the state file's Clusters field.</summary>
public sealed class ClusterStore
{
    public Dictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);

    internal void AddTo(EmulatorState state) => state.Add(this, new StateField<List<ClusterRecord>>("Clusters", 10,
        () => [.. Clusters.Values],
        list => EmulatorState.Replace(Clusters, list.Select(c => KeyValuePair.Create(c.Id, c))),
        Clusters.Clear,
        list => !list.All(c => c is not null && !string.IsNullOrEmpty(c.Id)) ? "has a cluster without an Id"
            : list.DistinctBy(c => c.Id, StringComparer.Ordinal).Count() != list.Count ? "has a cluster Id twice"
            : null));
}

public static class ClusterState
{
    extension(EmulatorState state)
    {
        /// <summary>The clusters by ID (<see cref="ClusterStore"/>). Use under <see cref="EmulatorState.Gate"/>.</summary>
        public Dictionary<string, ClusterRecord> Clusters => state.Part<ClusterStore>().Clusters;
    }
}
