namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// Redistribution modes. The casing differs by API (quirks.md 5.2): 5.2.22 documents "offLine"/"onLine",
/// 5.2.31 "online"/"offline". Input is compared case-insensitively; each API gets its own casing.
/// </summary>
public static class RedistributionMode
{
    public const string Offline = "offline";
    public const string Online = "online";

    /// <summary>The casing 5.2.22 (scale-out with idle nodes) documents: offLine or onLine.</summary>
    public static string ForScaleOut(string? mode, string parameterName) => IsOnline(mode, parameterName) ? "onLine" : "offLine";

    /// <summary>The casing 5.2.31 (deliver redistribution) documents: online or offline.</summary>
    public static string ForRedistribution(string? mode, string parameterName) => IsOnline(mode, parameterName) ? Online : Offline;

    private static bool IsOnline(string? mode, string parameterName)
    {
        var m = mode?.Trim();
        if (string.Equals(m, Online, StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(m, Offline, StringComparison.OrdinalIgnoreCase)) return false;
        throw new ArgumentException($"{parameterName} is '{mode}'; give Online or Offline.", parameterName);
    }

    internal static void ParallelJobs(int? value, int max, string parameterName, string api)
    {
        if (value is { } n && (n < 1 || n > max))
        {
            throw new ArgumentOutOfRangeException(parameterName, n,
                $"{parameterName} is {n}; {api} allows 1 to {max} parallel redistribution jobs (quirks.md 7.12).");
        }
    }
}
