using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Workload;

/// <summary>5.7.18 request body.</summary>
internal sealed class WorkloadPlanCreateBody
{
    [JsonPropertyName("plan_name")]
    public string PlanName { get; set; } = string.Empty;

    [JsonPropertyName("logical_cluster_name")]
    public string? LogicalClusterName { get; set; }
}

/// <summary>5.7.25 and 5.7.28 request body: <c>{"workload_plan_stage":{...}}</c>.</summary>
internal sealed class WorkloadPlanStageBody
{
    [JsonPropertyName("workload_plan_stage")]
    public WorkloadPlanStageSpec? Stage { get; set; }
}

/// <summary>5.7.25 Table 5-484 / 5.7.28 Table 5-497: what a stage is created or replaced with.</summary>
internal sealed class WorkloadPlanStageSpec
{
    [JsonPropertyName("day")]
    public string? Day { get; set; }

    [JsonPropertyName("month")]
    public string? Month { get; set; }

    [JsonPropertyName("stage_name")]
    public string? StageName { get; set; }

    [JsonPropertyName("start_time")]
    public string? StartTime { get; set; }

    [JsonPropertyName("end_time")]
    public string? EndTime { get; set; }

    [JsonPropertyName("queue_list")]
    public List<WorkloadPlanQueue>? QueueList { get; set; }
}

/// <summary>5.7.29 request body.</summary>
internal sealed class WorkloadStageSwitchBody
{
    [JsonPropertyName("stage_id")]
    public string StageId { get; set; } = string.Empty;
}

/// <summary>5.7.19 answer.</summary>
internal sealed class WorkloadPlanListEnvelope : WorkloadResult
{
    [JsonPropertyName("plan_list")]
    public List<WorkloadPlan>? PlanList { get; set; }

    [JsonPropertyName("count")]
    public int? Count { get; set; }
}

/// <summary>5.7.21 answer.</summary>
internal sealed class WorkloadPlanLogListEnvelope : WorkloadResult
{
    [JsonPropertyName("plan_logs")]
    public List<WorkloadPlanLog>? PlanLogs { get; set; }

    [JsonPropertyName("count")]
    public int? Count { get; set; }
}

/// <summary>5.7.22 answer.</summary>
internal sealed class WorkloadPlanEnvelope : WorkloadResult
{
    [JsonPropertyName("workload_plan")]
    public WorkloadPlan? Plan { get; set; }
}

/// <summary>5.7.26 answer.</summary>
internal sealed class WorkloadPlanStageEnvelope : WorkloadResult
{
    [JsonPropertyName("workload_plan_stage")]
    public WorkloadPlanStage? Stage { get; set; }
}
