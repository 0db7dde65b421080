using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

// The per-cluster state of logical clusters (5.2.4-5.2.20), deleted idle nodes (5.2.21) and CNs (5.2.39-5.2.41), kept on ClusterRecord and saved with it.

/// <summary>A logical cluster: a name and rings of its physical cluster (each ring = the ids of its nodes).</summary>
public sealed class LogicalClusterRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<List<string>> Rings { get; set; } = [];
    /// <summary>The first created or converted logical cluster: never deletable (it holds system views).</summary>
    public bool First { get; set; }
    public string? Mode { get; set; }
    public int WaitingForKilling { get; set; }
    public LogicalClusterAction? Action { get; set; }
}

/// <summary>The last action of a logical cluster; its progress derives from the clock.</summary>
public sealed class LogicalClusterAction
{
    /// <summary>Create, Grow (what the service says for an expansion), Shrink, Restart, Delete.</summary>
    public string Name { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public TimeSpan Duration { get; set; }
    public JobFailure? Failure { get; set; }
    /// <summary>Rings before an edit: restored when the edit fails.</summary>
    public List<List<string>>? PreviousRings { get; set; }
}

/// <summary>One entry of the 5.2.8 task list.</summary>
public sealed class LogicalClusterTaskRecord
{
    public string Type { get; set; } = "";
    public string LogicalClusterName { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public TimeSpan Duration { get; set; }
    public JobFailure? Failure { get; set; }
}

/// <summary>A CN; listed from <see cref="ReadyAt"/> until <see cref="RemovedAt"/>.</summary>
public sealed class CoordinatorRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string PrivateIp { get; set; } = "";
    public DateTimeOffset ReadyAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>An idle node deleted through 5.2.21: DELETING until <see cref="RemovedAt"/>, then listed only with deleted=true.</summary>
public sealed class RemovedNodeRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset RemovedAt { get; set; }
}
