using System.Text.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>A snapshot as kept in <see cref="EmulatorState.Snapshots"/>; its status is derived from the clock.</summary>
public sealed class SnapshotRecord
{
    public const string Manual = "MANUAL";
    public const string Automated = "AUTOMATED";

    private static readonly JsonSerializerOptions s_json = new();

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string ClusterId { get; set; } = "";
    /// <summary>Kept so that the snapshot still reads well after its cluster is deleted.</summary>
    public string ClusterName { get; set; } = "";
    public string ClusterVersion { get; set; } = "";
    public string DbUser { get; set; } = "";
    /// <summary>MANUAL or AUTOMATED (5.3.3 spelling; 5.3.23 prints AUTO).</summary>
    public string Type { get; set; } = Manual;
    public DateTimeOffset Started { get; set; }
    public TimeSpan Duration { get; set; }
    public JobFailure? Failure { get; set; }
    public double SizeGb { get; set; }
    /// <summary>Retention of automated snapshots (bak_keep_day); null for manual ones.</summary>
    public int? KeepDays { get; set; }
    /// <summary>Policy (bak_period) of automated snapshots; null for manual ones.</summary>
    public string? Period { get; set; }

    public Progress ProgressAt(DateTimeOffset now) => Progress.At(Started, Duration, Failure is not null, now);

    /// <summary>CREATING → AVAILABLE, or UNAVAILABLE when the work failed.</summary>
    public string StatusAt(DateTimeOffset now) => ProgressAt(now).State switch
    {
        RunState.Running => "CREATING",
        RunState.Succeeded => "AVAILABLE",
        _ => "UNAVAILABLE",
    };

    public JsonObject ToNode() => JsonSerializer.SerializeToNode(this, s_json)!.AsObject();

    public static SnapshotRecord FromNode(JsonObject node) =>
        node.Deserialize<SnapshotRecord>(s_json) ?? throw new InvalidDataException("Snapshot record is empty.");
}
