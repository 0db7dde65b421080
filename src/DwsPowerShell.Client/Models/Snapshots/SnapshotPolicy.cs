using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Snapshots;

/// <summary>
/// A cluster's snapshot policy (5.3.11): the retention, the backup device and the strategies.
/// <c>keep_day</c> comes as a number although documented String (quirks.md 6).
/// </summary>
public sealed class SnapshotPolicy
{
    /// <summary>Retention days (1 to 31).</summary>
    public int? KeepDay { get; set; }

    public List<SnapshotPolicyStrategy>? BackupStrategies { get; set; }

    /// <summary>Backup device: OBS, NBU or NFS.</summary>
    public string? DeviceName { get; set; }

    public List<string>? ServerIps { get; set; }

    public string? ServerPort { get; set; }

    public string? BackupParam { get; set; }

    /// <summary>The cluster the policy belongs to (not on the wire; filled by the client).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }
}

/// <summary>
/// One strategy of a snapshot policy (5.3.11 BackupStrategyDetail, 5.3.12). <c>next_fire_time</c> is epoch
/// milliseconds, a string in 5.3.11 and a number in 5.3.12 (quirks.md 6).
/// </summary>
public sealed class SnapshotPolicyStrategy
{
    public string? PolicyId { get; set; }

    public string? PolicyName { get; set; }

    /// <summary>The cron-like execution policy, such as <c>0 0 3 ? * 1,2,3,4,5,6,7</c>.</summary>
    public string? BackupStrategy { get; set; }

    /// <summary>full or increment.</summary>
    public string? BackupType { get; set; }

    /// <summary>cluster.</summary>
    public string? BackupLevel { get; set; }

    public DateTimeOffset? NextFireTime { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>The cluster the strategy belongs to (not on the wire; filled by the client).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The policy's retention days (not on the strategy's wire; filled from 5.3.11 by the client).</summary>
    [JsonIgnore]
    public int? KeepDay { get; set; }
}

/// <summary>A strategy to add (5.3.9 BackupStrategyDetail) or the new values of one (5.3.13).</summary>
public sealed class SnapshotPolicyStrategySpec
{
    public string? PolicyId { get; set; }

    /// <summary>4 to 92 letters, digits, hyphens and underscores, starting with a letter; unique (any case).</summary>
    public string PolicyName { get; set; } = string.Empty;

    /// <summary>Cron-like: seconds minutes hours day-of-month month day-of-week (1 = Sunday ... 7 = Saturday).</summary>
    public string BackupStrategy { get; set; } = string.Empty;

    /// <summary>full or increment.</summary>
    public string? BackupType { get; set; }

    /// <summary>cluster.</summary>
    public string? BackupLevel { get; set; }
}

/// <summary>The 5.3.9 request body. <c>backup_strategies</c> is sent as an array (quirks.md 7.9).</summary>
public sealed class SnapshotPolicySpec
{
    /// <summary>Retention days, 1 to 31.</summary>
    public int? KeepDay { get; set; }

    public List<SnapshotPolicyStrategySpec>? BackupStrategies { get; set; }

    /// <summary>OBS, NBU or NFS.</summary>
    public string? DeviceName { get; set; }

    /// <summary>NBU backup media port; mandatory for NBU.</summary>
    public string? ServerPort { get; set; }

    /// <summary>NBU backup parameters; mandatory for NBU.</summary>
    public string? BackupParam { get; set; }

    /// <summary>The NBU or NFS server addresses; mandatory for NBU and NFS.</summary>
    public List<string>? ServerIps { get; set; }
}

/// <summary>One planned snapshot (5.3.10 StrategyPreview).</summary>
public sealed class SnapshotPolicyPlanItem
{
    /// <summary>The strategy's policy ID.</summary>
    public string? Id { get; set; }

    public DateTimeOffset? Time { get; set; }

    /// <summary>full or increment.</summary>
    public string? Type { get; set; }

    public string? Level { get; set; }

    /// <summary>The cluster (not on the wire; filled by the client).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }
}

/// <summary>The 5.3.10 answer: <c>{"backup_time":[...]}</c>.</summary>
internal sealed class SnapshotPolicyPlanEnvelope
{
    public List<SnapshotPolicyPlanItem>? BackupTime { get; set; }
}
