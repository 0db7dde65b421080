namespace DwsPowerShell.Client.Models;

/// <summary>
/// The answer of a pre-check: passed or not, and why. Checks that answer only with an HTTP status
/// (quirks.md 1.6: 5.2.29, 5.2.52, 5.3.5, 5.12.12) pass on 2xx and fail on an expected 4xx.
/// </summary>
public sealed class DwsCheckResult
{
    public DwsCheckResult(string check, bool passed, string? reason = null, string? code = null, string? target = null)
    {
        Check = check;
        Passed = passed;
        Reason = reason;
        Code = code;
        Target = target;
    }

    /// <summary>What was checked, e.g. "cluster creation" or "disk expansion".</summary>
    public string Check { get; }

    public bool Passed { get; }

    /// <summary>Why the check failed (the service's message), or null.</summary>
    public string? Reason { get; }

    /// <summary>The service's error code when the check failed.</summary>
    public string? Code { get; }

    /// <summary>The resource the check was about (a cluster ID, a name), when there is one.</summary>
    public string? Target { get; }

    /// <summary>Per-item results, for checks that return several (5.2.26 data[].pass).</summary>
    public IReadOnlyList<DwsCheckResult> Items { get; set; } = Array.Empty<DwsCheckResult>();

    public override string ToString() => Passed ? $"{Check}: passed" : $"{Check}: failed: {Code} {Reason}".TrimEnd();
}
