namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// The work POST /_emulator/jobs/fail-next can make fail: every kind an area passes to
/// <see cref="EmulatorState.TakePendingFailure"/>. A kind not listed here is refused there too, so a new one is added here.
/// </summary>
public static class FailureKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "create", "restart", "start", "stop", "resize", "shrink", "shrink-answer", // Clusters
        "scale-out-idle", "redistribute", "disk", "flavor", // Resize
        "snapshot", "switchover", "encrypt", // Snapshots, Settings
        "deletenode", "addcn", "delcn", // Nodes
        "bindelb", "unbindelb", // Connections
        "create-logical", "convert-logical", "delete-logical", "edit-logical", "restart-logical", // LogicalClusters
    ];

    private static readonly HashSet<string> s_known = new(All, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string kind) => s_known.Contains(kind);
}
