namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// The work POST /_emulator/jobs/fail-next can make fail: every kind an area passes to
/// <see cref="EmulatorState.TakePendingFailure"/>. A kind not listed here is refused there too, so a new one is added here.
/// </summary>
public static class FailureKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "create", "restart", "start", "stop", "resize", "shrink", "shrink-answer", // 5.2.1/5.2.3, 5.2.25, 5.2.61, 5.2.62, 5.2.27, 5.2.30
        "scale-out-idle", "redistribute", "disk", "flavor", // 5.2.22, 5.2.31, 5.2.38, 5.2.57
        "snapshot", "switchover", "encrypt", // 5.3.1, 5.2.36, 5.2.60
        "deletenode", "addcn", "delcn", // 5.2.21, 5.2.40, 5.2.41
        "bindelb", "unbindelb", // 5.9.5, 5.9.6
        "create-logical", "convert-logical", "delete-logical", "edit-logical", "restart-logical", // 5.2.4, 5.2.5, 5.2.17, 5.2.18, 5.2.19
    ];

    private static readonly HashSet<string> s_known = new(All, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string kind) => s_known.Contains(kind);
}
