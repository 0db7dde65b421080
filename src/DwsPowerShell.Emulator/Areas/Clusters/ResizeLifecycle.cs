using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>The redistribution that follows an idle-node scale-out (kept on <see cref="ClusterRecord.Redistribution"/>).</summary>
public sealed class RedistributionRecord
{
    public const string Pending = "PENDING";
    public const string Waiting = "WAITING_REDISTRIBUTION";
    public const string Running = "REDISTRIBUTING";
    public const string Paused = "REDISTRIBUTION_PAUSED";
    public const string Completed = "COMPLETED";
    public const string Failed = "REDISTRIBUTION_FAILURE";

    public string Id { get; set; } = "";
    /// <summary>Pending (scale-out still running), WAITING_REDISTRIBUTION, REDISTRIBUTING, REDISTRIBUTION_PAUSED, COMPLETED, REDISTRIBUTION_FAILURE.</summary>
    public string Status { get; set; } = Pending;
    public bool AutoRedistribute { get; set; } = true;
    /// <summary>online or offline (5.2.31 casing).</summary>
    public string Mode { get; set; } = "offline";
    public int ParallelJobs { get; set; } = 4;
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    /// <summary>Emulated time already spent redistributing when it was paused.</summary>
    public TimeSpan Elapsed { get; set; }
    public int TableCount { get; set; } = 12;
}

/// <summary>
/// The resize operations' hooks (5.2.22-5.2.24, 5.2.31, 5.2.32, 5.2.38, 5.2.57) into <see cref="ClusterLifecycle"/>: what a finished operation leaves behind,
/// and the task_status a cluster rests in between operations. Every method runs under state.Gate.
/// </summary>
public static class ResizeLifecycle
{
    public const string ScaleOutIdleKind = "scale-out-idle";
    public const string RedistributeKind = "redistribute";
    public const string DiskKind = "disk";
    public const string FlavorKind = "flavor";

    /// <summary>Step of disk expansion in GB per node, and the least maximum size offered (5.2.50).</summary>
    public const int StorageStepGb = 100;
    public const int StorageMaxGb = 2000;

    /// <summary>WAITING_REDISTRIBUTION or REDISTRIBUTION_PAUSED while no operation runs; otherwise null.</summary>
    public static string? ParkedTask(ClusterRecord c) =>
        c.Operation is null && c.Redistribution?.Status is RedistributionRecord.Waiting or RedistributionRecord.Paused ? c.Redistribution.Status : null;

    /// <summary>Called when an operation ended (already cleared from the cluster). True when it started follow-on work.</summary>
    public static bool Finished(EmulatorState state, ClusterRecord c, ClusterOperation op, bool succeeded, DateTimeOffset endedAt)
    {
        switch (op.Kind)
        {
            case ScaleOutIdleKind when succeeded:
                c.NodeIds.AddRange(c.IdleNodeIds.Take(op.NodeCount));
                c.IdleNodeIds.RemoveRange(0, Math.Min(op.NodeCount, c.IdleNodeIds.Count));
                c.ScaleOutSteps.Add(op.NodeCount);
                if (c.Redistribution is { AutoRedistribute: true } auto)
                {
                    StartRedistribution(state, c, auto, endedAt);
                    return true;
                }
                if (c.Redistribution is { } waiting) waiting.Status = RedistributionRecord.Waiting;
                return false;
            case ScaleOutIdleKind:
                c.Redistribution = null;
                return false;
            case RedistributeKind when c.Redistribution is { } r:
                r.Status = succeeded ? RedistributionRecord.Completed : RedistributionRecord.Failed;
                r.EndTime = endedAt;
                r.Elapsed = succeeded ? op.Duration : (endedAt - op.StartedAt);
                return false;
            case DiskKind:
                if (succeeded) c.VolumeSizeGb = c.PendingVolumeSizeGb;
                c.PendingVolumeSizeGb = null;
                return false;
            case FlavorKind:
                if (succeeded && c.PendingFlavor is { } name && NodeTypeCatalog.Find(name) is { } spec)
                {
                    c.NodeType = spec.SpecName;
                    c.NodeTypeId = spec.Id;
                }
                c.PendingFlavor = null;
                return false;
            default:
                return false;
        }
    }

    /// <summary>Starts (or resumes, keeping the time already spent) the redistribution at <paramref name="at"/>.</summary>
    public static void StartRedistribution(EmulatorState state, ClusterRecord c, RedistributionRecord r, DateTimeOffset at)
    {
        var failure = state.TakePendingFailure(RedistributeKind);
        c.Operation = new ClusterOperation
        {
            Kind = RedistributeKind,
            TaskStatus = RedistributionRecord.Running,
            FailedTaskStatus = RedistributionRecord.Failed,
            StartedAt = at - r.Elapsed,
            Duration = state.Options.Durations.ClusterRedistribute,
            Failure = failure,
            OriginNodeCount = c.NodeIds.Count,
        };
        r.Status = RedistributionRecord.Running;
        r.StartTime ??= at;
        c.FailedTaskStatus = null;
        c.LastFailure = null;
        c.Updated = at;
    }

    /// <summary>Progress of the redistribution in percent (0 before it starts, 100 when completed).</summary>
    public static int Percent(EmulatorState state, ClusterRecord c, DateTimeOffset now)
    {
        var r = c.Redistribution;
        if (r is null) return 0;
        if (c.Operation is { Kind: RedistributeKind } op) return Progress.At(op.StartedAt, op.Duration, op.Failure is not null, now).Percent;
        if (r.Status == RedistributionRecord.Completed) return 100;
        var total = state.Options.Durations.ClusterRedistribute;
        return total <= TimeSpan.Zero ? 0 : (int)Math.Clamp(r.Elapsed / total * 100, 0, 99);
    }

    /// <summary>Current usable GB per node.</summary>
    public static int CurrentSizeGb(ClusterRecord c) => c.VolumeSizeGb ?? NodeTypeCatalog.Find(c.NodeType)?.VolumeSizeGb ?? 100;

    /// <summary>Largest GB per node a disk expansion may reach (5.2.50 max_size).</summary>
    public static int MaxSizeGb(ClusterRecord c)
    {
        var baseSize = NodeTypeCatalog.Find(c.NodeType)?.VolumeSizeGb ?? 100;
        return Math.Max(StorageMaxGb, baseSize * 2);
    }

    /// <summary>400 unless <paramref name="newSize"/> is above the current size, within the maximum and a whole number of steps more.</summary>
    public static void CheckNewSize(ClusterRecord c, int newSize)
    {
        var current = CurrentSizeGb(c);
        var max = MaxSizeGb(c);
        if (newSize <= current || newSize > max || (newSize - current) % StorageStepGb != 0)
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                $"The parameter value is out of range: new_size {newSize} must be greater than the current {current} GB, at most {max} GB, and {current} plus a multiple of {StorageStepGb} GB.");
    }
}
