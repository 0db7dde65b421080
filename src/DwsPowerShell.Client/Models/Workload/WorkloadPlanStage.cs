using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Workload;

/// <summary>
/// A stage of a resource management plan (5.7.22/5.7.26 PlanStage; 5.7.25/5.7.28 workload_plan_stage).
/// <see cref="Month"/> and <see cref="Day"/> are documented as strings ("6", "1,2") but returned as
/// numbers (quirks.md 6): kept as text. Times are "HH:mm:ss".
/// </summary>
public sealed class WorkloadPlanStage
{
    public string StageId { get; set; } = string.Empty;

    /// <summary>The same as <see cref="StageId"/>.</summary>
    [JsonIgnore]
    public string Id
    {
        get => StageId;
        set => StageId = value;
    }

    public string? PlanId { get; set; }

    /// <summary>Not on the wire: filled from the request.</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    public string? StageName { get; set; }

    /// <summary>Months, comma-separated numbers 1-12 ("6", "1,2").</summary>
    public string? Month { get; set; }

    /// <summary>Days of the month, comma-separated numbers 1-31 ("1,2").</summary>
    public string? Day { get; set; }

    /// <summary>"HH:mm:ss".</summary>
    public string? StartTime { get; set; }

    /// <summary>"HH:mm:ss".</summary>
    public string? EndTime { get; set; }

    /// <summary>When the stage next takes effect ("yyyy-MM-dd HH:mm:ss", read as UTC). Read only.</summary>
    public DateTimeOffset? NextValidTime { get; set; }

    public List<WorkloadPlanQueue>? QueueList { get; set; }

    public override string ToString() => $"{StageName} ({StageId}) {Month}/{Day} {StartTime}-{EndTime}";

    /// <summary>A deep copy (used for read-merge-write so a failed change leaves the original alone).</summary>
    public WorkloadPlanStage Clone() => new()
    {
        StageId = StageId,
        PlanId = PlanId,
        ClusterId = ClusterId,
        StageName = StageName,
        Month = Month,
        Day = Day,
        StartTime = StartTime,
        EndTime = EndTime,
        NextValidTime = NextValidTime,
        QueueList = QueueList?.Select(q => q.Clone()).ToList(),
    };

    /// <summary>Only the fields 5.7.25 and 5.7.28 accept: no IDs, no next_valid_time.</summary>
    internal WorkloadPlanStageSpec ToSpec() => new()
    {
        StageName = StageName,
        Month = Month,
        Day = Day,
        StartTime = StartTime,
        EndTime = EndTime,
        QueueList = QueueList?.Select(q => q.Clone()).ToList(),
    };
}

/// <summary>
/// A queue's resources within a stage (QueueResourceItem; 5.7.28 WorkloadQueueItem). The 5.7.28
/// schema names the list <c>resource_item_list</c> while its example, 5.7.25 and every answer use
/// <c>queue_resources</c> (quirks.md 4.6): both are read, only <c>queue_resources</c> is sent.
/// </summary>
public sealed class WorkloadPlanQueue
{
    public string? QueueName { get; set; }

    public List<WorkloadResourceItem>? QueueResources { get; set; }

    /// <summary>5.7.28 only.</summary>
    public string? LogicalClusterName { get; set; }

    /// <summary>5.7.28 only: whether short-query acceleration is on (a string on the wire).</summary>
    public string? ShortQueryOptimize { get; set; }

    /// <summary>5.7.28 only.</summary>
    public int? ShortQueryConcurrencyNum { get; set; }

    /// <summary>The 5.7.28 schema's name for <see cref="QueueResources"/>: read, never written.</summary>
    [JsonInclude]
    private List<WorkloadResourceItem>? ResourceItemList
    {
        get => null;
        set
        {
            if (value is not null && QueueResources is null) QueueResources = value;
        }
    }

    /// <summary>The value of the resource named <paramref name="resourceName"/> (case-insensitive), or null.</summary>
    public int? GetResource(string resourceName) =>
        QueueResources?.FirstOrDefault(r => string.Equals(r.ResourceName, resourceName, StringComparison.OrdinalIgnoreCase))?.ResourceValue;

    /// <summary>Sets a resource's value, adding the resource when the queue does not list it yet.</summary>
    public void SetResource(string resourceName, int value)
    {
        QueueResources ??= new List<WorkloadResourceItem>();
        var item = QueueResources.FirstOrDefault(r => string.Equals(r.ResourceName, resourceName, StringComparison.OrdinalIgnoreCase));
        if (item is null) QueueResources.Add(new WorkloadResourceItem { ResourceName = resourceName, ResourceValue = value });
        else item.ResourceValue = value;
    }

    public WorkloadPlanQueue Clone() => new()
    {
        QueueName = QueueName,
        QueueResources = QueueResources?.Select(r => r.Clone()).ToList(),
        LogicalClusterName = LogicalClusterName,
        ShortQueryOptimize = ShortQueryOptimize,
        ShortQueryConcurrencyNum = ShortQueryConcurrencyNum,
    };

    public override string ToString() => QueueName ?? string.Empty;
}

/// <summary>
/// One resource setting of a queue in a stage (WorkloadResourceItem). Stage resource names are
/// <c>cpu</c>, <c>cpu_limit</c>, <c>memory</c>, <c>concurrency</c> and <c>shortQueryConcurrencyNum</c>
/// (quirks.md 4.6; see <see cref="WorkloadResourceNames"/>).
/// </summary>
public sealed class WorkloadResourceItem
{
    public string? ResourceName { get; set; }

    /// <summary>Documented Integer; read leniently when it comes as a string. -1 means no limit.</summary>
    public int? ResourceValue { get; set; }

    public string? ValueUnit { get; set; }

    public string? ResourceDescription { get; set; }

    /// <summary>The 5.7.28 example's misspelling (quirks.md 4.5): read, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("resoruceDescription")]
    private string? MisspelledCamelDescription
    {
        get => null;
        set => ResourceDescription ??= value;
    }

    /// <summary>The 5.7.28 example's other misspelling (quirks.md 4.5): read, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("resoruce_description")]
    private string? MisspelledSnakeDescription
    {
        get => null;
        set => ResourceDescription ??= value;
    }

    public WorkloadResourceItem Clone() => new()
    {
        ResourceName = ResourceName,
        ResourceValue = ResourceValue,
        ValueUnit = ValueUnit,
        ResourceDescription = ResourceDescription,
    };

    public override string ToString() => $"{ResourceName}={ResourceValue}{ValueUnit}";
}

/// <summary>Resource names a plan stage's queue takes (5.7.25, 5.7.28), in the casing the API uses.</summary>
public static class WorkloadResourceNames
{
    /// <summary>Share of CPU, in percent.</summary>
    public const string Cpu = "cpu";

    /// <summary>CPU upper limit, in percent.</summary>
    public const string CpuLimit = "cpu_limit";

    /// <summary>Share of memory, in percent.</summary>
    public const string Memory = "memory";

    /// <summary>Concurrent queries.</summary>
    public const string Concurrency = "concurrency";

    /// <summary>Concurrent short queries; -1 is unlimited. camelCase on the wire (quirks.md 5.1).</summary>
    public const string ShortQueryConcurrencyNum = "shortQueryConcurrencyNum";
}
