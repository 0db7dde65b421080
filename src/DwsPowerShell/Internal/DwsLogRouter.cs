using System.Collections.Concurrent;
using DwsPowerShell.Client;

namespace DwsPowerShell.Internal;

/// <summary>
/// Carries the client's log lines to the cmdlet that caused them. A session outlives cmdlets, so its
/// log callback writes to whichever queue the current async flow belongs to; only the pipeline
/// thread drains the queue into Write-Verbose / Write-Warning (STYLE.md 6).
/// </summary>
internal static class DwsLogRouter
{
    private static readonly AsyncLocal<ConcurrentQueue<DwsLogEntry>?> s_queue = new();

    public static void Route(DwsLogEntry entry) => s_queue.Value?.Enqueue(entry);

    public static ConcurrentQueue<DwsLogEntry>? Current
    {
        get => s_queue.Value;
        set => s_queue.Value = value;
    }
}
