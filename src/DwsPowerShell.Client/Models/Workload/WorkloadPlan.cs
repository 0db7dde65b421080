using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Workload;

/// <summary>A resource management plan (5.7.19 and 5.7.22 WorkloadPlanInfo).</summary>
public sealed class WorkloadPlan
{
    public string PlanId { get; set; } = string.Empty;

    /// <summary>The same as <see cref="PlanId"/>.</summary>
    [JsonIgnore]
    public string Id
    {
        get => PlanId;
        set => PlanId = value;
    }

    public string? PlanName { get; set; }

    /// <summary>
    /// Plan status as the service sends it: documented Integer in 5.7.19/5.7.22 but a string in 5.7.9
    /// (quirks.md 6), so kept as text ("0", "1", ...).
    /// </summary>
    public string? Status { get; set; }

    public string? ProjectId { get; set; }

    /// <summary>On the wire in the examples; filled from the request when the service leaves it out.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Name of the stage in force.</summary>
    public string? CurrentStage { get; set; }

    public string? LogicalClusterName { get; set; }

    /// <summary>The plan's stages; null in the list (5.7.19) when the plan has none.</summary>
    public List<WorkloadPlanStage>? StageList { get; set; }

    public override string ToString() => $"{PlanName} ({PlanId})";
}

/// <summary>One line of a plan's execution log (5.7.21 PlanLog).</summary>
public sealed class WorkloadPlanLog
{
    /// <summary>"yyyy-MM-dd HH:mm:ss" on the wire, no zone (read as UTC).</summary>
    public DateTimeOffset? ExecTime { get; set; }

    /// <summary>The stage the entry is about.</summary>
    public string? StageInfo { get; set; }

    public int? ExecResult { get; set; }

    public string? ExecLog { get; set; }

    /// <summary>Not on the wire: filled from the request.</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>Not on the wire: filled from the request.</summary>
    [JsonIgnore]
    public string? PlanId { get; set; }

    public override string ToString() => $"{ExecTime:u} {StageInfo} {ExecLog}".Trim();
}

/// <summary>
/// The result fields every workload answer carries (quirks.md 1.1): <c>workload_res_code</c> 0 (or
/// missing) is success. A non-zero code never reaches the caller: the transport raises
/// <see cref="Errors.DwsApiException"/> with <c>workload_res_str</c> as its message.
/// </summary>
public class WorkloadResult
{
    [JsonPropertyName("workload_res_code")]
    public int? Code { get; set; }

    [JsonPropertyName("workload_res_str")]
    public string? Message { get; set; }

    public override string ToString() => Message ?? $"workload_res_code {Code}";
}
