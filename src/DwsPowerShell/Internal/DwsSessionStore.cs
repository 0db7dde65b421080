using DwsPowerShell.Client;

namespace DwsPowerShell.Internal;

/// <summary>The default session that Connect-DwsService sets and every other cmdlet uses when -Session is not given.</summary>
internal static class DwsSessionStore
{
    private static readonly object s_lock = new();
    private static DwsSession? s_current;

    public static DwsSession? Current
    {
        get { lock (s_lock) return s_current; }
    }

    public static void Set(DwsSession session)
    {
        DwsSession? old;
        lock (s_lock)
        {
            old = s_current;
            s_current = session;
        }
        if (!ReferenceEquals(old, session)) old?.Dispose();
    }

    public static DwsSession? Clear()
    {
        lock (s_lock)
        {
            var old = s_current;
            s_current = null;
            return old;
        }
    }
}
