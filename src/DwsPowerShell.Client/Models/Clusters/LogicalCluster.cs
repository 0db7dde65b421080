using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// A logical cluster (5.2.7 LogicalClusterInfo): a named group of rings of a physical cluster.
/// There is no get-by-id endpoint (quirks.md 9): the client filters the list.
/// </summary>
public sealed class LogicalCluster
{
    public string LogicalClusterId { get; set; } = string.Empty;

    public string? LogicalClusterName { get; set; }

    public List<LogicalClusterRing>? ClusterRings { get; set; }

    /// <summary>As the service sends it, e.g. Normal.</summary>
    public string? Status { get; set; }

    /// <summary>The first created or converted logical cluster holds system views and can never be deleted.</summary>
    public bool? FirstLogicalCluster { get; set; }

    public LogicalClusterActionInfo? ActionInfo { get; set; }

    public bool? EditEnable { get; set; }

    public bool? RestartEnable { get; set; }

    public bool? DeleteEnable { get; set; }

    public bool? AddToElastic { get; set; }

    /// <summary>Not in the table; in the 5.2.7 example.</summary>
    public bool? BaseVw { get; set; }

    public string? Mode { get; set; }

    public int? WaitingForKilling { get; set; }

    public string? ClusterType { get; set; }

    /// <summary>The physical cluster this logical cluster belongs to (not on the wire: set by the client).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>Same as <see cref="LogicalClusterName"/>.</summary>
    [JsonIgnore]
    public string? Name => LogicalClusterName;

    /// <summary>Number of rings.</summary>
    [JsonIgnore]
    public int RingCount => ClusterRings?.Count ?? 0;

    /// <summary>Number of hosts in all rings.</summary>
    [JsonIgnore]
    public int HostCount => ClusterRings?.Sum(r => r.RingHosts?.Count ?? 0) ?? 0;

    /// <summary>True while the last action (action_info) has not completed.</summary>
    [JsonIgnore]
    public bool IsBusy => ActionInfo is { } a && a.Completed != true && !string.IsNullOrEmpty(a.ActionName);

    public override string ToString() => $"{LogicalClusterName} ({LogicalClusterId}) {Status}".Trim();
}

/// <summary>A ring (ClusterRing / LogicalClusterRingInfo): the hosts that form one ring.</summary>
public sealed class LogicalClusterRing
{
    public List<RingHost>? RingHosts { get; set; }

    /// <summary>The physical cluster (set by the client on listed rings).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The ring's host names, comma-separated.</summary>
    [JsonIgnore]
    public string HostNames => string.Join(",", RingHosts?.Select(h => h.HostName) ?? Array.Empty<string?>());

    /// <summary>True when both rings hold the same hosts (compared by back_ip, then host_name).</summary>
    public bool SameHosts(LogicalClusterRing other)
    {
        static string Key(RingHost h) => (h.BackIp ?? h.HostName ?? string.Empty).Trim();
        var mine = (RingHosts ?? new List<RingHost>()).Select(Key).OrderBy(k => k, StringComparer.Ordinal);
        var theirs = (other.RingHosts ?? new List<RingHost>()).Select(Key).OrderBy(k => k, StringComparer.Ordinal);
        return mine.SequenceEqual(theirs, StringComparer.Ordinal);
    }

    public override string ToString() => HostNames;
}

/// <summary>RingHost: one host of a ring. memory/disk_size are documented Double; 5.2.18's example sends strings ("800.0"): numbers are sent.</summary>
public sealed class RingHost
{
    public string? HostName { get; set; }

    public string? BackIp { get; set; }

    public int? CpuCores { get; set; }

    /// <summary>Host memory (GB).</summary>
    public double? Memory { get; set; }

    /// <summary>Disk size of the host (GB).</summary>
    public double? DiskSize { get; set; }

    public override string ToString() => $"{HostName} ({BackIp})";
}

/// <summary>
/// ActionInfo (5.2.7): the last operation on a logical cluster and its progress. The documented names are
/// Create/Expand/Restart/Delete/Shrink, but the service also answers "Grow" for an expansion (quirks.md 2.5);
/// <see cref="Action"/> normalises it.
/// </summary>
public sealed class LogicalClusterActionInfo
{
    public string? ActionName { get; set; }

    /// <summary>Percent; the default is 10.</summary>
    public int? Progress { get; set; }

    public bool? Completed { get; set; }

    /// <summary>yyyy-MM-dd HH:mm:ss as the service prints it.</summary>
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    /// <summary>success, failed or empty.</summary>
    public string? Result { get; set; }

    public string? Logs { get; set; }

    /// <summary>The action with "Grow" read as Expand (quirks.md 2.5); other names as sent.</summary>
    [JsonIgnore]
    public string? Action => NormalizeActionName(ActionName);

    [JsonIgnore]
    public bool IsFailed => string.Equals(Result?.Trim(), "failed", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public bool IsSucceeded => Completed == true && !IsFailed;

    /// <summary>"Grow" (what the service sends) and "Expand" (what the reference documents) are the same action.</summary>
    public static string? NormalizeActionName(string? name) =>
        name is null ? null : string.Equals(name.Trim(), "Grow", StringComparison.OrdinalIgnoreCase) ? "Expand" : name.Trim();

    public override string ToString() => $"{ActionName} {Progress}% {Result}".Trim();
}
