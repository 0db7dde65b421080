namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>
/// Snapshot policies by cluster ID (5.3.9 to 5.3.14). Kept in memory only, not in the state file (the emulator README
/// says so): a restart or <c>POST /_emulator/reset</c> starts with no policies.
/// </summary>
public sealed class SnapshotPolicyStore
{
    public Dictionary<string, SnapshotPolicyRecord> Policies { get; } = new(StringComparer.Ordinal);
}

/// <summary>One cluster's policy: retention, device and strategies.</summary>
public sealed class SnapshotPolicyRecord
{
    public int? KeepDay { get; set; }

    public string? DeviceName { get; set; }

    public List<string>? ServerIps { get; set; }

    public string? ServerPort { get; set; }

    public string? BackupParam { get; set; }

    public List<SnapshotStrategyRecord> Strategies { get; } = new();
}

/// <summary>One strategy (BackupStrategyDetail).</summary>
public sealed class SnapshotStrategyRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public SnapshotCron Cron { get; set; } = null!;

    public string Type { get; set; } = "full";

    public string Level { get; set; } = "cluster";

    public DateTimeOffset Updated { get; set; }
}
