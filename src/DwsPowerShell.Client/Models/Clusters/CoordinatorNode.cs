using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A CN (5.2.39 CoordinatorNode), with the cluster's CN count limits attached.</summary>
public sealed class CoordinatorNode
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? PrivateIp { get; set; }

    /// <summary>Same as <see cref="Id"/>: Remove-DwsCoordinatorNode binds CoordinatorNodeId by property name.</summary>
    [JsonIgnore]
    public string CoordinatorNodeId => Id;

    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The cluster's min_num: fewest CNs it may have.</summary>
    [JsonIgnore]
    public int? MinCount { get; set; }

    /// <summary>The cluster's max_num: most CNs it may have.</summary>
    [JsonIgnore]
    public int? MaxCount { get; set; }

    public override string ToString() => $"{Name ?? Id} {PrivateIp}".Trim();
}

/// <summary>The 5.2.39 answer: {min_num, max_num, instances[]} (quirks.md 4.3).</summary>
public sealed class CoordinatorNodeList
{
    public int? MinNum { get; set; }

    public int? MaxNum { get; set; }

    public List<CoordinatorNode>? Instances { get; set; }

    [JsonIgnore]
    public int Count => Instances?.Count ?? 0;
}

/// <summary>5.2.40 body: num is the TOTAL number of CNs after the operation, not the number to add (quirks.md 2.7 of the brief).</summary>
internal sealed class AddCoordinatorNodesRequest
{
    public int Num { get; set; }
}

/// <summary>5.2.41 body.</summary>
internal sealed class DeleteCoordinatorNodesRequest
{
    public List<string>? Instances { get; set; }
}

/// <summary>5.2.40/5.2.41 answer.</summary>
internal sealed class CoordinatorJobResponse
{
    public string? JobId { get; set; }
}
