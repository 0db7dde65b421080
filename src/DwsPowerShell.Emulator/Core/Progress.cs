namespace DwsPowerShell.Emulator.Core;

public enum RunState
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>Progress of timed work, derived from the clock. Failing work stops half-way.</summary>
public readonly record struct Progress(RunState State, int Percent, DateTimeOffset? EndedAt)
{
    public string PercentText => $"{Percent}%";

    public static Progress At(DateTimeOffset start, TimeSpan duration, bool fails, DateTimeOffset now)
    {
        var end = start + (fails ? duration / 2 : duration);
        if (now >= end)
            return fails
                ? new Progress(RunState.Failed, PercentAt(start, duration, end), end)
                : new Progress(RunState.Succeeded, 100, end);
        return new Progress(RunState.Running, Math.Min(99, PercentAt(start, duration, now)), null);
    }

    private static int PercentAt(DateTimeOffset start, TimeSpan duration, DateTimeOffset at) =>
        duration <= TimeSpan.Zero ? 99 : (int)Math.Clamp((at - start) / duration * 100, 0, 100);
}
