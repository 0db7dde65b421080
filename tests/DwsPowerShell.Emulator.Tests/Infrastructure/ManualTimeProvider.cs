namespace DwsPowerShell.Emulator.Tests.Infrastructure;

/// <summary>A real-time source that only moves when told (the emulator's clock then only moves via Advance).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
