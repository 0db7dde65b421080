using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace DwsPowerShell.Internal;

/// <summary>
/// The default session of each runspace: the one Connect-DwsService set there, used by every other cmdlet of that
/// runspace when -Session is not given. Per runspace (as AWS.Tools keeps its default credentials), so runspaces that
/// connect at once (ForEach-Object -Parallel, a RunspacePool, thread jobs) never replace each other's default; a
/// session is shared between runspaces by passing it to -Session.
/// The store never disposes a session: whoever holds one (a variable, $using:, a pipeline still reading pages) can
/// go on using it, and what it holds (an HttpClient whose idle connections close themselves, a cached token) is
/// freed when the last reference goes.
/// </summary>
internal static class DwsSessionStore
{
    private static readonly ConditionalWeakTable<Runspace, Slot> s_slots = new();

    /// <summary>For a caller outside any runspace (none of the module's callers are): one slot for the process.</summary>
    private static readonly Slot s_noRunspace = new();

    /// <summary>The default session of the runspace this thread runs (a pipeline thread; not a thread-pool thread).</summary>
    public static DwsSessionInfo? Current => CurrentIn(Runspace.DefaultRunspace);

    public static DwsSessionInfo? CurrentIn(Runspace? runspace) => Volatile.Read(ref SlotOf(runspace).Session);

    public static void Set(DwsSessionInfo session) => SetIn(Runspace.DefaultRunspace, session);

    public static void SetIn(Runspace? runspace, DwsSessionInfo session) => Volatile.Write(ref SlotOf(runspace).Session, session);

    /// <summary>Forgets the default session of this thread's runspace and returns it.</summary>
    public static DwsSessionInfo? Clear() => Interlocked.Exchange(ref SlotOf(Runspace.DefaultRunspace).Session, null);

    private static Slot SlotOf(Runspace? runspace) => runspace is null ? s_noRunspace : s_slots.GetValue(runspace, _ => new Slot());

    private sealed class Slot
    {
        public DwsSessionInfo? Session;
    }
}
