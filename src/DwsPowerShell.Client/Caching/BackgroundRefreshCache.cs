namespace DwsPowerShell.Client.Caching;

/// <summary>
/// One value fetched from the service and served from memory (for argument completion): a fresh value
/// is returned as is; a stale one is returned at once while one background refresh replaces it; with no
/// value yet the caller waits at most a given time for the first fetch. A failed fetch keeps the old value
/// and the next call tries again. Thread-safe; at most one fetch runs at a time.
/// </summary>
public sealed class BackgroundRefreshCache<T> where T : class
{
    private readonly object _gate = new();
    private readonly Func<CancellationToken, Task<T>> _fetch;
    private readonly TimeProvider _time;
    private T? _value;
    private DateTimeOffset _fetchedAt;
    private Task? _refresh;

    /// <param name="fetch">Reads the value from the service.</param>
    /// <param name="maxAge">How long a value counts as fresh (completers use 60 s).</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public BackgroundRefreshCache(Func<CancellationToken, Task<T>> fetch, TimeSpan maxAge, TimeProvider? time = null)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        if (maxAge <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, "maxAge must be positive.");
        MaxAge = maxAge;
        _time = time ?? TimeProvider.System;
    }

    public TimeSpan MaxAge { get; }

    /// <summary>Why the last fetch failed, or null when it succeeded.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>How many fetches have been started (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    /// <summary>
    /// The cached value, or null when there is none yet and the first fetch did not finish within
    /// <paramref name="maxWait"/>. Never blocks longer than <paramref name="maxWait"/>.
    /// </summary>
    public T? Get(TimeSpan maxWait)
    {
        Task? pending;
        lock (_gate)
        {
            var fresh = _value is not null && _time.GetUtcNow() - _fetchedAt < MaxAge;
            if (fresh) return _value;
            pending = _refresh ??= StartRefresh();
            if (_value is not null) return _value;
        }
        pending.Wait(maxWait); // never throws: the refresh records its failure in LastError
        lock (_gate) return _value;
    }

    /// <summary>Forgets the value, so the next <see cref="Get"/> fetches again (e.g. after a cluster was created or removed).</summary>
    public void Invalidate()
    {
        lock (_gate) _fetchedAt = DateTimeOffset.MinValue;
    }

    private Task StartRefresh()
    {
        FetchCount++;
        return Task.Run(async () =>
        {
            try
            {
                var value = await _fetch(CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    if (value is not null)
                    {
                        _value = value;
                        _fetchedAt = _time.GetUtcNow();
                    }
                    LastError = null;
                }
            }
            catch (Exception ex)
            {
                lock (_gate) LastError = ex; // keep the old value; the next call tries again
            }
            finally
            {
                lock (_gate) _refresh = null;
            }
        });
    }
}
