namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// Cluster status values and how a wait classifies them (quirks.md 2.5, 2.6). Compared
/// case-insensitively; values not listed here are kept and treated as "still working".
/// </summary>
public static class ClusterStatus
{
    public const string Creating = "CREATING";
    public const string Available = "AVAILABLE";
    public const string Active = "ACTIVE";
    public const string Failed = "FAILED";
    public const string CreateFailed = "CREATE_FAILED";
    public const string CreationFailed = "CREATION FAILED";
    public const string Deleting = "DELETING";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string DeletionFailed = "DELETION FAILED";
    public const string Deleted = "DELETED";
    public const string Frozen = "FROZEN";

    /// <summary>Spelled so in 5.2.6.</summary>
    public const string Stopping = "STOPING";
    public const string Stopped = "STOPPED";
    public const string Starting = "STARTING";

    /// <summary>The task_status of a restart (5.2.25).</summary>
    public const string Rebooting = "REBOOTING";

    /// <summary>A task_status (5.2.6), listed among the failure states in DESIGN.md.</summary>
    public const string RebootFailure = "REBOOT_FAILURE";

    private static readonly string[] s_failed = { Failed, CreateFailed, CreationFailed, DeleteFailed, DeletionFailed, RebootFailure };

    /// <summary>AVAILABLE or ACTIVE.</summary>
    public static bool IsAvailable(string? status) => Is(status, Available) || Is(status, Active);

    /// <summary>
    /// Done: AVAILABLE or ACTIVE, no task_status and no action_progress entry.
    /// </summary>
    public static bool IsReady(string? status, string? taskStatus, IReadOnlyDictionary<string, string>? actionProgress) =>
        IsAvailable(status) && string.IsNullOrWhiteSpace(taskStatus) && (actionProgress is null || actionProgress.Count == 0);

    public static bool IsReady(Cluster cluster) => IsReady(cluster.Status, cluster.TaskStatus, cluster.ActionProgress);

    /// <summary>
    /// Failed: a failure status (FAILED, CREATE_FAILED, "CREATION FAILED", DELETE_FAILED, "DELETION FAILED",
    /// REBOOT_FAILURE), or a status or task_status ending in _FAILED, " FAILED" or _FAILURE.
    /// </summary>
    public static bool IsFailed(string? status, string? taskStatus) => IsFailureValue(status) || IsFailureValue(taskStatus);

    public static bool IsFailed(Cluster cluster) => IsFailed(cluster.Status, cluster.TaskStatus);

    /// <summary>DELETE_FAILED or "DELETION FAILED": the one failure a deletion wait stops on.</summary>
    public static bool IsDeletionFailed(string? status) => Is(status, DeleteFailed) || Is(status, DeletionFailed);

    public static bool IsDeleted(string? status) => Is(status, Deleted);

    public static bool IsDeleting(string? status) => Is(status, Deleting);

    /// <summary>Whether <paramref name="value"/> (a status or task_status) is <paramref name="expected"/>, compared as the service's values are: trimmed, any case.</summary>
    public static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the failure values above and any value ending in _FAILED, " FAILED" or _FAILURE.</summary>
    public static bool IsFailureValue(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return false;
        foreach (var f in s_failed) if (Is(v, f)) return true;
        return v!.EndsWith("_FAILED", StringComparison.OrdinalIgnoreCase)
            || v.EndsWith(" FAILED", StringComparison.OrdinalIgnoreCase)
            || v.EndsWith("_FAILURE", StringComparison.OrdinalIgnoreCase);
    }

}
