using System.Collections;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Caching;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Completers;

/// <summary>
/// The cluster list per session for Tab completion: refreshed in the background when older than 60 s,
/// and Tab waits at most about one second (only when nothing was cached yet).
/// </summary>
internal static class ClusterCompletionCache
{
    private static readonly TimeSpan s_maxAge = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_maxWait = TimeSpan.FromSeconds(1);
    private static readonly ConditionalWeakTable<DwsSession, BackgroundRefreshCache<IReadOnlyList<Cluster>>> s_caches = new();

    /// <summary>The clusters of the session that -Session names, or of the default session; empty when not connected.</summary>
    public static IReadOnlyList<Cluster> Clusters(IDictionary? fakeBoundParameters)
    {
        var session = SessionOf(fakeBoundParameters) ?? DwsSessionStore.Current?.GetClient();
        if (session is null) return Array.Empty<Cluster>();
        var cache = s_caches.GetValue(session, s => new BackgroundRefreshCache<IReadOnlyList<Cluster>>(ct => s.Clusters.ListAsync(ct), s_maxAge));
        return (cache.Get(s_maxWait) ?? Array.Empty<Cluster>()).Where(c => !ClusterStatus.IsDeleted(c.Status)).ToList();
    }

    private static DwsSession? SessionOf(IDictionary? bound)
    {
        if (bound is null || !bound.Contains("Session")) return null;
        var value = bound["Session"];
        return (value is PSObject ps ? ps.BaseObject : value) switch
        {
            DwsSessionInfo info => info.GetClient(),
            DwsSession client => client,
            _ => null,
        };
    }
}
