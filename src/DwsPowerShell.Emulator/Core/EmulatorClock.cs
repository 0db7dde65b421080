namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Emulated time: real time since start multiplied by TimeScale, plus a manual offset (<see cref="Advance"/>).
/// Resource statuses are derived from it when read, so tests are deterministic.
/// </summary>
public sealed class EmulatorClock
{
    private readonly DateTimeOffset _realOrigin;
    private readonly object _gate = new();
    private TimeSpan _offset;

    public EmulatorClock(TimeProvider timeProvider, double timeScale)
    {
        if (!(timeScale > 0)) throw new ArgumentOutOfRangeException(nameof(timeScale), "TimeScale must be positive.");
        TimeProvider = timeProvider;
        TimeScale = timeScale;
        _realOrigin = timeProvider.GetUtcNow();
    }

    public TimeProvider TimeProvider { get; }
    public double TimeScale { get; }

    /// <summary>Real wall clock (used for X-Sdk-Date checks).</summary>
    public DateTimeOffset RealUtcNow => TimeProvider.GetUtcNow();

    public DateTimeOffset UtcNow
    {
        get
        {
            var elapsed = TimeProvider.GetUtcNow() - _realOrigin;
            var scaled = TimeSpan.FromTicks((long)(elapsed.Ticks * TimeScale));
            lock (_gate) return _realOrigin + scaled + _offset;
        }
    }

    /// <summary>The total of every <see cref="Advance"/> so far.</summary>
    internal TimeSpan Offset
    {
        get { lock (_gate) return _offset; }
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        lock (_gate) _offset += by;
    }

    /// <summary>Moves the clock forward so that it is not earlier than <paramref name="instant"/> (used after loading state).</summary>
    internal void EnsureNotBefore(DateTimeOffset instant)
    {
        var now = UtcNow;
        if (instant > now) Advance(instant - now);
    }
}
