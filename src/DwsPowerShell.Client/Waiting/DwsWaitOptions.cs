namespace DwsPowerShell.Client.Waiting;

/// <summary>How long and how often to poll.</summary>
public sealed class DwsWaitOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Give up after this long; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At most this many status requests in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 16;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "PollInterval must be positive.");
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive.");
        if (MaxConcurrentRequests < 1) throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRequests), MaxConcurrentRequests, "MaxConcurrentRequests must be at least 1.");
    }
}

/// <summary>The wait ran out of time; <see cref="Pending"/> names what was still running.</summary>
public sealed class DwsWaitTimeoutException : TimeoutException
{
    public DwsWaitTimeoutException(string message, IReadOnlyList<string> pending) : base(message) => Pending = pending;

    public IReadOnlyList<string> Pending { get; }
}
