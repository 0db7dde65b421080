using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Snapshots;

/// <summary>5.3.1 request body: <c>{"snapshot":{name, cluster_id, description}}</c>.</summary>
internal sealed class SnapshotCreateBody
{
    [JsonPropertyName("snapshot")]
    public SnapshotCreateSpec Snapshot { get; set; } = new();
}

/// <summary>5.3.1 Table 5-251.</summary>
internal sealed class SnapshotCreateSpec
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("cluster_id")]
    public string ClusterId { get; set; } = string.Empty;

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>
/// <c>{"snapshot":{...}}</c>: the 5.3.1 answer (only <c>id</c> inside) and the 5.3.4 answer.
/// <c>job_id</c> is not documented for 5.3.1 but read if it comes (quirks.md 2.2).
/// </summary>
internal sealed class SnapshotEnvelope
{
    [JsonPropertyName("snapshot")]
    public Snapshot? Snapshot { get; set; }

    [JsonPropertyName("job_id")]
    public string? JobId { get; set; }
}

/// <summary>The 5.3.3 answer (<c>snapshots</c>, <c>count</c>) and the 5.3.23 answer (plus <c>project_id</c>, <c>cluster_id</c>).</summary>
internal sealed class SnapshotListEnvelope
{
    [JsonPropertyName("snapshots")]
    public List<Snapshot>? Snapshots { get; set; }

    [JsonPropertyName("count")]
    public int? Count { get; set; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("cluster_id")]
    public string? ClusterId { get; set; }
}
