using System.Management.Automation;
using PlanModel = DwsPowerShell.Client.Models.Workload.WorkloadPlan;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Switches a running resource management (workload) plan to another stage.</summary>
/// <remarks>
/// Makes a stage the current one of its running plan at once (API reference 5.7.29), instead of waiting for its
/// start time. The plan is then read again (API reference 5.7.22) and written, its CurrentStage naming the stage.
/// Stages from Get-DwsWorkloadPlanStage bind to -ClusterId, -PlanId and -StageId by property name. A plan that is
/// not running is reported as an error record with ErrorId DwsOperationFailed.
/// </remarks>
/// <example title="Switch to the night stage now">
/// <code>
/// Get-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -Name night | Switch-DwsWorkloadPlanStage
/// </code>
/// <para>Makes night the current stage and writes the plan.</para>
/// </example>
/// <example title="Switch by ID">
/// <code>
/// Switch-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -StageId 5c2e8a10-3b4d-4f6e-8a9b-0c1d2e3f4a56
/// </code>
/// <para>Switches the plan to the given stage.</para>
/// </example>
[Cmdlet(VerbsCommon.Switch, "DwsWorkloadPlanStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanModel))]
public sealed class SwitchDwsWorkloadPlanStageCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts stages (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The running plan; accepts stages and plans from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>The stage to switch to; accepts stage objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StageId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"workload plan {PlanId} of cluster {ClusterId}", $"Switch to stage {StageId}", force: false)) return;
        ForItem(StageId, () =>
        {
            Await(ct => DwsSession.Workload.SwitchStageAsync(ClusterId, PlanId, StageId, ct));
            WriteObject(Await(ct => DwsSession.Workload.GetPlanAsync(ClusterId, PlanId, ct)));
        });
    }
}
