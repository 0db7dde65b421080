namespace DwsPowerShell.Client.Models.Snapshots;

/// <summary>5.3.1 request body: <c>{"snapshot":{name, cluster_id, description}}</c>.</summary>
internal sealed class SnapshotCreateBody
{
    public SnapshotCreateSpec Snapshot { get; set; } = new();
}

/// <summary>5.3.1 Table 5-251.</summary>
internal sealed class SnapshotCreateSpec
{
    public string Name { get; set; } = string.Empty;

    public string ClusterId { get; set; } = string.Empty;

    public string? Description { get; set; }
}

/// <summary>
/// <c>{"snapshot":{...}}</c>: the 5.3.1 answer (only <c>id</c> inside) and the 5.3.4 answer.
/// <c>job_id</c> is not documented for 5.3.1 but read if it comes (quirks.md 2.2).
/// </summary>
internal sealed class SnapshotEnvelope
{
    public Snapshot? Snapshot { get; set; }

    public string? JobId { get; set; }
}

/// <summary>The 5.3.3 answer (<c>snapshots</c>, <c>count</c>) and the 5.3.23 answer (plus <c>project_id</c>, <c>cluster_id</c>).</summary>
internal sealed class SnapshotListEnvelope
{
    public List<Snapshot>? Snapshots { get; set; }

    public int? Count { get; set; }

    public string? ProjectId { get; set; }

    public string? ClusterId { get; set; }
}
