using System.Management.Automation;
using DwsPowerShell.Client.Models.Workload;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Gets the stages of a resource management (workload) plan.</summary>
/// <remarks>
/// Without -StageId, writes the stages of the plan (the stage_list of API reference 5.7.22), optionally filtered by
/// -Name; with -StageId, reads each stage (API reference 5.7.26). Plans from Get-DwsWorkloadPlan bind to -ClusterId
/// and -PlanId, and stages to -StageId too, by property name; the stages pipe to Set-DwsWorkloadPlanStage,
/// Switch-DwsWorkloadPlanStage and Remove-DwsWorkloadPlanStage.
/// </remarks>
/// <example title="List the stages of a plan">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id -Name day_night | Get-DwsWorkloadPlanStage
/// </code>
/// <para>Writes each stage of the plan day_night.</para>
/// </example>
/// <example title="Switch a running plan to its night stage">
/// <code>
/// Get-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -Name night | Switch-DwsWorkloadPlanStage
/// </code>
/// <para>The stage binds by its ClusterId, PlanId and StageId properties.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsWorkloadPlanStage", DefaultParameterSetName = ListSet)]
[OutputType(typeof(WorkloadPlanStage))]
public sealed class GetDwsWorkloadPlanStageCommand : DwsCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>The cluster; accepts plans, stages (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan; accepts plans and stages from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>Stage names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>IDs of the stages to read; accepts stage objects from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] StageId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in StageId)
            {
                ForItem(id, () => WriteObject(Await(ct => DwsSession.Workload.GetStageAsync(ClusterId, PlanId, id, ct))));
            }
            return;
        }
        ForItem(PlanId, () =>
        {
            var plan = Await(ct => DwsSession.Workload.GetPlanAsync(ClusterId, PlanId, ct));
            foreach (var stage in plan.StageList ?? new List<WorkloadPlanStage>())
            {
                if (Name is null || Name.Any(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase).IsMatch(stage.StageName ?? string.Empty))) WriteObject(stage);
            }
        });
    }
}
