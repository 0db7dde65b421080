namespace DwsPowerShell.Client.Tests.Support;

/// <summary>
/// A clock the test moves by hand. Timers are real only for what the test does not control:
/// when <see cref="AutoAdvance"/> is on, every timer due within <see cref="AutoFireLimit"/> fires at
/// once and moves the clock forward by its due time, so delays take no real time and are recorded.
/// </summary>
public sealed class FakeTime : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now;
    private readonly List<TimeSpan> _delays = new();

    public FakeTime(DateTimeOffset start) => _now = start;

    public bool AutoAdvance { get; set; }

    public TimeSpan AutoFireLimit { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Every timer due time the code asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays { get { lock (_gate) return _delays.ToList(); } }

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public override long GetTimestamp() { lock (_gate) return _now.UtcTicks; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) { lock (_gate) _now += by; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (!AutoAdvance) return base.CreateTimer(callback, state, dueTime, period);
        var timer = new AutoTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Fire(AutoTimer timer, TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > AutoFireLimit) return;
        lock (_gate)
        {
            _delays.Add(dueTime);
            _now += dueTime;
        }
        ThreadPool.QueueUserWorkItem(_ => timer.Invoke());
    }

    private sealed class AutoTimer : ITimer
    {
        private readonly FakeTime _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _generation;
        private volatile bool _disposed;

        public AutoTimer(FakeTime owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            Interlocked.Increment(ref _generation);
            _owner.Fire(this, dueTime);
            return true;
        }

        public void Invoke()
        {
            if (!_disposed) _callback(_state);
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return default;
        }
    }
}

/// <summary>A credential environment the test fills in.</summary>
public sealed class FakeEnvironment : DwsPowerShell.Client.Auth.ICredentialEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string? HomeDirectory { get; set; }

    public string? GetVariable(string name) => Variables.TryGetValue(name, out var v) ? v : null;
}
