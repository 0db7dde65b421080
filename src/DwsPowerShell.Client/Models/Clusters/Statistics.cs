namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A name/value/unit row of 5.2.35 and 5.2.45.</summary>
public sealed class DwsStatistic
{
    public string? Name { get; set; }

    public double? Value { get; set; }

    public string? Unit { get; set; }

    public override string ToString() => $"{Name}={Value}{(Unit is null ? "" : " " + Unit)}";
}

/// <summary>The statistics[] answer of 5.2.35 and 5.2.45.</summary>
public sealed class DwsStatisticList
{
    public List<DwsStatistic>? Statistics { get; set; }

    internal double? Find(string name) => Statistics?.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>5.2.35 Querying the Resource Statistics, as one object (cluster.*, instance.*, storage.total rows).</summary>
public sealed class DwsResourceStatistic
{
    public int ClusterTotal { get; set; }

    /// <summary>cluster.normal: clusters that are available.</summary>
    public int ClusterAvailable { get; set; }

    public int NodeTotal { get; set; }

    /// <summary>instance.normal: nodes that are available.</summary>
    public int NodeAvailable { get; set; }

    public double StorageTotalGB { get; set; }

    /// <summary>The rows as the service sent them.</summary>
    public IReadOnlyList<DwsStatistic> Statistics { get; set; } = Array.Empty<DwsStatistic>();

    internal static DwsResourceStatistic From(DwsStatisticList? list) => new()
    {
        ClusterTotal = (int)(list?.Find("cluster.total") ?? 0),
        ClusterAvailable = (int)(list?.Find("cluster.normal") ?? 0),
        NodeTotal = (int)(list?.Find("instance.total") ?? 0),
        NodeAvailable = (int)(list?.Find("instance.normal") ?? 0),
        StorageTotalGB = list?.Find("storage.total") ?? 0,
        Statistics = list?.Statistics ?? new List<DwsStatistic>(),
    };

    public override string ToString() => $"{ClusterAvailable}/{ClusterTotal} clusters, {NodeAvailable}/{NodeTotal} nodes, {StorageTotalGB} GB";
}

/// <summary>5.2.45 Querying Snapshot Statistics of one cluster: storage.free / paid / used in GB.</summary>
public sealed class DwsSnapshotStatistic
{
    public string ClusterId { get; set; } = string.Empty;

    public double FreeGB { get; set; }

    public double PaidGB { get; set; }

    public double UsedGB { get; set; }

    public IReadOnlyList<DwsStatistic> Statistics { get; set; } = Array.Empty<DwsStatistic>();

    internal static DwsSnapshotStatistic From(DwsStatisticList? list, string clusterId) => new()
    {
        ClusterId = clusterId,
        FreeGB = list?.Find("storage.free") ?? 0,
        PaidGB = list?.Find("storage.paid") ?? 0,
        UsedGB = list?.Find("storage.used") ?? 0,
        Statistics = list?.Statistics ?? new List<DwsStatistic>(),
    };

    public override string ToString() => $"{ClusterId}: used {UsedGB} GB, free {FreeGB} GB, paid {PaidGB} GB";
}
