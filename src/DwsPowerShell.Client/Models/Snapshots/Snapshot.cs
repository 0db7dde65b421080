using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Snapshots;

/// <summary>
/// A snapshot: the union of 5.3.3 Snapshots, 5.3.4 SnapshotDetail and 5.3.23 Snapshots. The list
/// of all snapshots (5.3.3) fills only the first nine fields; the detail and the per-cluster list
/// fill the rest. Status and type stay strings (quirks.md 2.6): compare them through
/// <see cref="SnapshotStatus"/> and <see cref="SnapshotType"/>.
/// </summary>
public sealed class Snapshot
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The same as <see cref="Id"/>, under the name cmdlets bind by.</summary>
    [JsonIgnore]
    public string SnapshotId
    {
        get => Id;
        set => Id = value;
    }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>When creation started.</summary>
    public DateTimeOffset? Started { get; set; }

    /// <summary>When creation finished (5.3.3, 5.3.4).</summary>
    public DateTimeOffset? Finished { get; set; }

    /// <summary>When the record was last updated (5.3.23).</summary>
    public DateTimeOffset? Updated { get; set; }

    /// <summary>Size in GB (documented Double; the 5.3.3 example sends "500,").</summary>
    public double? Size { get; set; }

    /// <summary>CREATING, AVAILABLE, UNAVAILABLE, RESTORING; the 5.3.23 example also shows COMPLETED.</summary>
    public string? Status { get; set; }

    /// <summary>MANUAL, or AUTOMATED (5.3.3/5.3.4) / AUTO (5.3.23) for automatic snapshots.</summary>
    public string? Type { get; set; }

    public string? ClusterId { get; set; }

    public string? ClusterName { get; set; }

    public string? BackupKey { get; set; }

    /// <summary>Backup key of the previous snapshot of an incremental backup; FULL for a full snapshot.</summary>
    public string? PriorBackupKey { get; set; }

    public string? BaseBackupKey { get; set; }

    /// <summary>Backup medium, such as OBS.</summary>
    public string? BackupDevice { get; set; }

    /// <summary>Accumulated size from the full backup to this incremental one, in KB.</summary>
    public long? TotalBackupSize { get; set; }

    public string? BaseBackupName { get; set; }

    /// <summary>Whether data can be restored to the original cluster.</summary>
    public bool? SupportInplaceRestore { get; set; }

    public bool? FineGrainedBackup { get; set; }

    public SnapshotFineGrainedDetail? FineGrainedBackupDetail { get; set; }

    public string? GuestAgentVersion { get; set; }

    /// <summary>AVAILABLE, UNAVAILABLE or FROZEN.</summary>
    public string? ClusterStatus { get; set; }

    /// <summary>Estimated start of the backup (epoch milliseconds as a string on the wire, quirks.md 6).</summary>
    public DateTimeOffset? BakExpectedStartTime { get; set; }

    /// <summary>Backup retention in days.</summary>
    public int? BakKeepDay { get; set; }

    /// <summary>The cluster's backup policy (a cron expression).</summary>
    public string? BakPeriod { get; set; }

    /// <summary>The backup user.</summary>
    public string? DbUser { get; set; }

    public SnapshotDatastore? Datastore { get; set; }

    /// <summary>Backup progress as the service sends it.</summary>
    public string? Progress { get; set; }

    /// <summary>cluster or schema.</summary>
    public string? BackupLevel { get; set; }

    /// <summary>AVAILABLE or COMPLETED: the snapshot can be used.</summary>
    [JsonIgnore]
    public bool IsReady => SnapshotStatus.IsReady(Status);

    /// <summary>UNAVAILABLE or FAILED.</summary>
    [JsonIgnore]
    public bool IsFailed => SnapshotStatus.IsFailed(Status);

    [JsonIgnore]
    public bool IsManual => SnapshotType.IsManual(Type);

    public override string ToString() => $"{Name} ({Id}) {Status}".Trim();
}

/// <summary>What a fine-grained backup covers (5.3.4 Table 5-268, 5.3.23 Table 5-336).</summary>
public sealed class SnapshotFineGrainedDetail
{
    public string? Database { get; set; }

    public List<string>? SchemaList { get; set; }

    public List<string>? TableList { get; set; }
}

/// <summary>Database type and version of a snapshot (5.3.4 Table 5-269, 5.3.23 Table 5-337).</summary>
public sealed class SnapshotDatastore
{
    public string? Type { get; set; }

    public string? Version { get; set; }

    public override string ToString() => $"{Type} {Version}".Trim();
}

/// <summary>Snapshot status values (quirks.md 2.6), compared case-insensitively; unknown values count as in progress.</summary>
public static class SnapshotStatus
{
    public const string Creating = "CREATING";
    public const string Available = "AVAILABLE";
    public const string Unavailable = "UNAVAILABLE";
    public const string Restoring = "RESTORING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";

    /// <summary>AVAILABLE or COMPLETED (the 5.3.23 example): done, usable.</summary>
    public static bool IsReady(string? status) => Is(status, Available) || Is(status, Completed);

    /// <summary>UNAVAILABLE or FAILED: the snapshot will not become usable.</summary>
    public static bool IsFailed(string? status) => Is(status, Unavailable) || Is(status, Failed);

    /// <summary>Anything else (CREATING, RESTORING, BUILDING, unknown or missing): keep waiting.</summary>
    public static bool IsInProgress(string? status) => !IsReady(status) && !IsFailed(status);

    private static bool Is(string? status, string value) => string.Equals(status?.Trim(), value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Snapshot type values: MANUAL; AUTOMATED (5.3.3, 5.3.4) and AUTO (5.3.23) both mean automatic.</summary>
public static class SnapshotType
{
    public const string Manual = "MANUAL";
    public const string Automated = "AUTOMATED";
    public const string Auto = "AUTO";

    public static bool IsManual(string? type) => string.Equals(type?.Trim(), Manual, StringComparison.OrdinalIgnoreCase);

    public static bool IsAutomated(string? type) =>
        string.Equals(type?.Trim(), Automated, StringComparison.OrdinalIgnoreCase) || string.Equals(type?.Trim(), Auto, StringComparison.OrdinalIgnoreCase);
}
