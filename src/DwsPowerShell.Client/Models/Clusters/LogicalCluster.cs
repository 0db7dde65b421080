using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// A logical cluster (5.2.7 LogicalClusterInfo): a named group of rings of a physical cluster.
/// There is no get-by-id endpoint (quirks.md 9): the client filters the list.
/// </summary>
public sealed class LogicalCluster
{
    [JsonPropertyName("logical_cluster_id")]
    public string LogicalClusterId { get; set; } = string.Empty;

    [JsonPropertyName("logical_cluster_name")]
    public string? LogicalClusterName { get; set; }

    [JsonPropertyName("cluster_rings")]
    public List<LogicalClusterRing>? ClusterRings { get; set; }

    /// <summary>As the service sends it, e.g. Normal.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The first created or converted logical cluster holds system views and can never be deleted.</summary>
    [JsonPropertyName("first_logical_cluster")]
    public bool? FirstLogicalCluster { get; set; }

    [JsonPropertyName("action_info")]
    public LogicalClusterActionInfo? ActionInfo { get; set; }

    [JsonPropertyName("edit_enable")]
    public bool? EditEnable { get; set; }

    [JsonPropertyName("restart_enable")]
    public bool? RestartEnable { get; set; }

    [JsonPropertyName("delete_enable")]
    public bool? DeleteEnable { get; set; }

    [JsonPropertyName("add_to_elastic")]
    public bool? AddToElastic { get; set; }

    /// <summary>Not in the table; in the 5.2.7 example.</summary>
    [JsonPropertyName("base_vw")]
    public bool? BaseVw { get; set; }

    [JsonPropertyName("mode")]
    public string? Mode { get; set; }

    [JsonPropertyName("waiting_for_killing")]
    public int? WaitingForKilling { get; set; }

    [JsonPropertyName("cluster_type")]
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
    [JsonPropertyName("ring_hosts")]
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
    [JsonPropertyName("host_name")]
    public string? HostName { get; set; }

    [JsonPropertyName("back_ip")]
    public string? BackIp { get; set; }

    [JsonPropertyName("cpu_cores")]
    public int? CpuCores { get; set; }

    /// <summary>Host memory (GB).</summary>
    [JsonPropertyName("memory")]
    public double? Memory { get; set; }

    /// <summary>Disk size of the host (GB).</summary>
    [JsonPropertyName("disk_size")]
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
    [JsonPropertyName("action_name")]
    public string? ActionName { get; set; }

    /// <summary>Percent; the default is 10.</summary>
    [JsonPropertyName("progress")]
    public int? Progress { get; set; }

    [JsonPropertyName("completed")]
    public bool? Completed { get; set; }

    /// <summary>yyyy-MM-dd HH:mm:ss as the service prints it.</summary>
    [JsonPropertyName("start_time")]
    public string? StartTime { get; set; }

    [JsonPropertyName("end_time")]
    public string? EndTime { get; set; }

    /// <summary>success, failed or empty.</summary>
    [JsonPropertyName("result")]
    public string? Result { get; set; }

    [JsonPropertyName("logs")]
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
