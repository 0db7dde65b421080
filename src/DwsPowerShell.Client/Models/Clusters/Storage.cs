using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The body of 5.2.38 (expand-instance-storage) and 5.2.52 (check-instance-storage): usable GB per node after expansion.</summary>
public sealed class InstanceStorageRequest : Clusters.IValidatedRequest
{
    public InstanceStorageRequest()
    {
    }

    public InstanceStorageRequest(int newSize) => NewSize = newSize;

    /// <summary>Usable capacity of one node after the expansion, in GB.</summary>
    public int NewSize { get; set; }

    public void Validate()
    {
        if (NewSize < 1)
        {
            throw new ArgumentOutOfRangeException("VolumeSizeGB", NewSize,
                $"VolumeSizeGB is {NewSize}; give the usable GB per node after the expansion (see Get-DwsClusterResizeOption -Storage for the range).");
        }
    }

    public override string ToString() => $"expand storage to {NewSize} GB per node";
}

/// <summary>5.2.50 Obtaining the Disk Scale-Out Range: GB per node.</summary>
public sealed class ClusterStorageRange
{
    public int? MinSize { get; set; }

    public int? MaxSize { get; set; }

    public int? CurrentSize { get; set; }

    [JsonIgnore]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>True when a larger size than the current one is offered.</summary>
    [JsonIgnore]
    public bool CanExpand => MaxSize is { } max && CurrentSize is { } current && max > current;

    public override string ToString() => $"{ClusterId}: {CurrentSize} GB now, {MinSize}-{MaxSize} GB per node";
}

/// <summary>5.2.49 Querying the Disk Usage of a Tenant Management Node.</summary>
public sealed class ClusterDiskUsage
{
    /// <summary>Number of copies.</summary>
    public int? Duplicate { get; set; }

    public List<NodeDiskUsage>? DiskInfoList { get; set; }

    [JsonIgnore]
    public string ClusterId { get; set; } = string.Empty;
}

/// <summary>
/// DiskInfoResponse (5.2.49 table 5-203). percentage, disk_capacity and disk_used are documented
/// String but returned as numbers (quirks.md 6): read either way as numbers.
/// </summary>
public sealed class NodeDiskUsage
{
    public decimal? Percentage { get; set; }

    public decimal? DiskCapacity { get; set; }

    public decimal? DiskUsed { get; set; }

    public string? Role { get; set; }

    public string? Id { get; set; }

    public string? Group { get; set; }

    /// <summary>Node name (the table says "DR task name").</summary>
    public string? Name { get; set; }

    [JsonIgnore]
    public string? NodeId => Id;

    [JsonIgnore]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The cluster's number of copies (duplicate), repeated on each node.</summary>
    [JsonIgnore]
    public int? Duplicate { get; set; }

    public override string ToString() => $"{Name}: {DiskUsed}/{DiskCapacity} ({Percentage}%)";
}
