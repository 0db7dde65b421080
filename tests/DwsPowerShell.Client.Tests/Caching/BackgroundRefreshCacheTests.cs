using DwsPowerShell.Client.Caching;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Caching;

/// <summary>The completion cache: fresh values served, stale ones served while one refresh runs, bounded waits.</summary>
public class BackgroundRefreshCacheTests
{
    private static readonly TimeSpan Age = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    private readonly FakeTime _time = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void First_call_waits_for_the_fetch_and_a_fresh_value_is_not_fetched_again()
    {
        var calls = 0;
        var cache = new BackgroundRefreshCache<string>(_ => Task.FromResult("v" + Interlocked.Increment(ref calls)), Age, _time);
        Assert.Equal("v1", cache.Get(Long));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("v1", cache.Get(Long));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_stale_value_is_served_at_once_while_one_refresh_replaces_it()
    {
        var calls = 0;
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new BackgroundRefreshCache<string>(_ => Interlocked.Increment(ref calls) == 1 ? Task.FromResult("old") : gate.Task, Age, _time);
        Assert.Equal("old", cache.Get(Long));
        _time.Advance(TimeSpan.FromSeconds(61));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("old", cache.Get(Long));
        Assert.Equal("old", cache.Get(Long));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "a stale value must not wait for the refresh");
        Assert.Equal(2, cache.FetchCount); // one refresh for both calls

        gate.SetResult("new");
        SpinWait.SpinUntil(() => cache.Get(TimeSpan.Zero) == "new", Long);
        Assert.Equal("new", cache.Get(Long));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void With_no_value_a_slow_fetch_is_waited_for_only_up_to_the_limit()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new BackgroundRefreshCache<string>(_ => gate.Task, Age, _time);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(cache.Get(TimeSpan.FromMilliseconds(200)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        gate.SetResult("late");
        Assert.Equal("late", cache.Get(Long));
        Assert.Equal(1, cache.FetchCount);
    }

    [Fact]
    public void A_failed_fetch_keeps_the_old_value_and_the_next_call_tries_again()
    {
        var calls = 0;
        var cache = new BackgroundRefreshCache<string>(_ => Interlocked.Increment(ref calls) switch
        {
            1 => Task.FromResult("good"),
            2 => Task.FromException<string>(new InvalidOperationException("down")),
            _ => Task.FromResult("again"),
        }, Age, _time);
        Assert.Equal("good", cache.Get(Long));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("good", cache.Get(Long));
        SpinWait.SpinUntil(() => cache.LastError is not null, Long);
        Assert.IsType<InvalidOperationException>(cache.LastError);
        SpinWait.SpinUntil(() => { cache.Get(TimeSpan.Zero); return cache.Get(TimeSpan.Zero) == "again"; }, Long);
        Assert.Equal("again", cache.Get(Long));
        Assert.Null(cache.LastError);
    }

    [Fact]
    public void A_failed_first_fetch_gives_null_without_throwing()
    {
        var cache = new BackgroundRefreshCache<string>(_ => throw new InvalidOperationException("down"), Age, _time);
        Assert.Null(cache.Get(Long));
        Assert.NotNull(cache.LastError);
    }

    [Fact]
    public void Invalidate_makes_the_next_call_refresh()
    {
        var calls = 0;
        var cache = new BackgroundRefreshCache<string>(_ => Task.FromResult("v" + Interlocked.Increment(ref calls)), Age, _time);
        Assert.Equal("v1", cache.Get(Long));
        cache.Invalidate();
        cache.Get(Long); // stale: serves v1, refreshes
        SpinWait.SpinUntil(() => cache.Get(TimeSpan.Zero) == "v2", Long);
        Assert.Equal("v2", cache.Get(Long));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => new BackgroundRefreshCache<string>(null!, Age));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackgroundRefreshCache<string>(_ => Task.FromResult(""), TimeSpan.Zero));
    }
}
