using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Workload;

/// <summary>5.7.18 request body.</summary>
internal sealed class WorkloadPlanCreateBody
{
    public string PlanName { get; set; } = string.Empty;

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
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? StageName { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public List<WorkloadPlanQueue>? QueueList { get; set; }
}

/// <summary>5.7.29 request body.</summary>
internal sealed class WorkloadStageSwitchBody
{
    public string StageId { get; set; } = string.Empty;
}

/// <summary>5.7.19 answer.</summary>
internal sealed class WorkloadPlanListEnvelope : WorkloadResult
{
    public List<WorkloadPlan>? PlanList { get; set; }

    public int? Count { get; set; }
}

/// <summary>5.7.21 answer.</summary>
internal sealed class WorkloadPlanLogListEnvelope : WorkloadResult
{
    public List<WorkloadPlanLog>? PlanLogs { get; set; }

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
