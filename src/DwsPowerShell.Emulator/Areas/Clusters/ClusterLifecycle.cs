using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Jobs;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>
/// Cluster statuses derived from the clock. <see cref="Settle"/> applies work that has finished by now
/// (deletes, scale-outs, shrinks, stops...). Every method here runs under state.Gate.
/// </summary>
public static class ClusterLifecycle
{
    public static void SettleAll(EmulatorState state)
    {
        var now = state.Clock.UtcNow;
        foreach (var cluster in state.Clusters.Values.ToList()) Settle(state, cluster, now);
    }

    /// <summary>The cluster as of now, or 404.</summary>
    public static ClusterRecord Get(EmulatorState state, string clusterId)
    {
        if (!state.Clusters.TryGetValue(clusterId, out var cluster) || Settle(state, cluster, state.Clock.UtcNow) is null)
            throw DwsErrors.ResourceNotFound("cluster", clusterId);
        return cluster;
    }

    public static ClusterRecord? Settle(EmulatorState state, ClusterRecord c, DateTimeOffset now)
    {
        if (c.DeleteStartedAt is { } deleting && now >= deleting + c.DeleteDuration)
        {
            state.Clusters.Remove(c.Id);
            SnapshotRoutes.KeepLatestManual(state, c.Id, c.KeepManualSnapshots);
            return null;
        }
        if (c.Operation is not { } op) return c;
        var p = Progress.At(op.StartedAt, op.Duration, op.Failure is not null, now);
        if (p.State == RunState.Running) return c;
        if (p.State == RunState.Succeeded)
        {
            Apply(c, op);
            c.FailedTaskStatus = null;
            c.LastFailure = null;
        }
        else
        {
            c.FailedTaskStatus = op.FailedTaskStatus;
            c.LastFailure = op.Failure;
        }
        c.Operation = null;
        c.Updated = p.EndedAt!.Value;
        // 5.2.22: an idle-node scale-out is followed by its redistribution (5.2.31), which may start at the end time.
        return ResizeLifecycle.Finished(state, c, op, p.State == RunState.Succeeded, p.EndedAt.Value) ? Settle(state, c, now) : c;
    }

    public static Progress CreateProgress(ClusterRecord c, DateTimeOffset now) =>
        Progress.At(c.Created, c.CreateDuration, c.CreateFailure is not null, now);

    public static string Status(ClusterRecord c, DateTimeOffset now)
    {
        if (c.DeleteStartedAt is not null) return "DELETING";
        var create = CreateProgress(c, now);
        if (create.State == RunState.Running) return "CREATING";
        if (create.State == RunState.Failed) return "CREATION FAILED"; // 5.2.6 spelling
        if (c.Operation?.ClusterStatus is { } opStatus) return opStatus;
        return c.Stopped ? "STOPPED" : "AVAILABLE";
    }

    /// <summary>400 unless the cluster is AVAILABLE with no task running (and, except to start or stop it, not READONLY).</summary>
    public static void EnsureIdle(ClusterRecord c, DateTimeOffset now, string action)
    {
        if (action is not ("Start" or "Stop")) EnsureWritable(c, action);
        var status = Status(c, now);
        if (c.Operation is { } op)
            throw Busy($"{action} is not allowed while the cluster is busy ({op.TaskStatus ?? op.ClusterStatus}); wait until it finishes.");
        if (status != "AVAILABLE" && !(status == "STOPPED" && action == "Start"))
            throw Busy($"{action} is not allowed while the cluster status is {status}.");
        if (ResizeLifecycle.ParkedTask(c) is { } parked)
            throw Busy($"{action} is not allowed while the cluster is {parked}; deliver or resume the redistribution first.");
    }

    /// <summary>
    /// The shared read-only guard: 400 while sub_status has READONLY (disk usage too high), until 5.2.37 removes it.
    /// Every area that changes a cluster or what runs in it (resize, restart, parameters, workload) calls this.
    /// </summary>
    public static void EnsureWritable(ClusterRecord c, string action)
    {
        if (c.ReadOnly)
            throw DwsErrors.BadRequest(ReadOnlyCode,
                $"{action} is not allowed: the cluster is read-only (sub_status READONLY). Free disk space or scale out, then remove the read-only status (POST .../cancel-readonly).");
    }

    /// <summary>Error code of the read-only guard; the table in appendix 6.2 has none for it, so this is the emulator's choice.</summary>
    public const string ReadOnlyCode = "DWS.0017";

    /// <summary>sub_status: NORMAL, or READONLY / UNBALANCED joined with "|".</summary>
    public static string SubStatus(ClusterRecord c)
    {
        var parts = new List<string>();
        if (c.ReadOnly) parts.Add("READONLY");
        if (c.Unbalanced) parts.Add("UNBALANCED");
        return parts.Count == 0 ? "NORMAL" : string.Join("|", parts);
    }

    /// <summary>Starts timed work on the cluster; a queued fail-next for <paramref name="kind"/> makes it fail.</summary>
    public static ClusterOperation StartOperation(EmulatorState state, ClusterRecord c, string kind, TimeSpan duration,
        string? taskStatus, string failedTaskStatus, string? clusterStatus = null, string? jobName = null)
    {
        var now = state.Clock.UtcNow;
        var op = new ClusterOperation
        {
            Kind = kind,
            TaskStatus = taskStatus,
            FailedTaskStatus = failedTaskStatus,
            ClusterStatus = clusterStatus,
            StartedAt = now,
            Duration = duration,
            Failure = state.TakePendingFailure(kind),
            OriginNodeCount = c.NodeIds.Count,
        };
        if (jobName is not null) op.JobId = JobRoutes.Start(state, kind, jobName, c.Id, duration, op.Failure).JobId;
        c.Operation = op;
        c.FailedTaskStatus = null;
        c.LastFailure = null;
        c.Updated = now;
        return op;
    }

    /// <summary>5.2.46: sums of the most recent scale-outs, newest first (whole rings, reverse order).</summary>
    public static List<int> ShrinkSequence(ClusterRecord c)
    {
        var result = new List<int>();
        var sum = 0;
        for (var i = c.ScaleOutSteps.Count - 1; i >= 0; i--)
        {
            sum += c.ScaleOutSteps[i];
            result.Add(sum);
        }
        return result;
    }

    private static void Apply(ClusterRecord c, ClusterOperation op)
    {
        switch (op.Kind)
        {
            case "resize" when op.IdleNodesOnly:
                for (var i = 0; i < op.NodeCount; i++) c.IdleNodeIds.Add(EmulatorState.NewUuid());
                break;
            case "resize":
                for (var i = 0; i < op.NodeCount; i++) c.NodeIds.Add(EmulatorState.NewUuid());
                c.ScaleOutSteps.Add(op.NodeCount);
                break;
            case "shrink":
                c.NodeIds.RemoveRange(c.NodeIds.Count - op.NodeCount, op.NodeCount);
                var removed = 0;
                while (removed < op.NodeCount && c.ScaleOutSteps.Count > 0)
                {
                    removed += c.ScaleOutSteps[^1];
                    c.ScaleOutSteps.RemoveAt(c.ScaleOutSteps.Count - 1);
                }
                break;
            case "stop":
                c.Stopped = true;
                break;
            case "start":
                c.Stopped = false;
                break;
            case "restart":
                c.ParameterGroupStatus = "In-Sync"; // Pending-Reboot parameters take effect
                break;
            case "switchover":
                c.Unbalanced = false;
                break;
            case "encrypt":
                c.Encryption = c.PendingEncryption;
                c.PendingEncryption = null;
                break;
        }
    }

    private static DwsErrorException Busy(string message) => DwsErrors.BadRequest(DwsErrors.Busy, message);
}
