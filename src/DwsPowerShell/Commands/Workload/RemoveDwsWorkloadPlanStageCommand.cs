using System.Management.Automation;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Deletes stages of a resource management (workload) plan.</summary>
/// <remarks>
/// Deletes a stage (API reference 5.7.27). The current stage of a running plan cannot be deleted; that failure is an
/// error record with ErrorId DwsOperationFailed. Stages from Get-DwsWorkloadPlanStage bind to -ClusterId, -PlanId and
/// -StageId by property name. Asks for confirmation unless -Force is given; -WhatIf shows what would be deleted.
/// </remarks>
/// <example title="Delete a stage by name">
/// <code>
/// Get-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -Name month_end | Remove-DwsWorkloadPlanStage -Force
/// </code>
/// <para>Deletes the stage month_end without asking.</para>
/// </example>
/// <example title="See which stages would be deleted">
/// <code>
/// Get-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -Name 'tmp_*' | Remove-DwsWorkloadPlanStage -WhatIf
/// </code>
/// <para>Lists the stages that would be deleted and deletes nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsWorkloadPlanStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveDwsWorkloadPlanStageCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts stages (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan; accepts stages from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>The stage to delete; accepts stage objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StageId { get; set; } = string.Empty;

    /// <summary>Deletes without asking for confirmation (an explicit -Confirm still asks; -WhatIf still wins).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"stage {StageId} of workload plan {PlanId}", "Delete workload plan stage", Force)) return;
        ForItem(StageId, () => Await(ct => DwsSession.Workload.DeleteStageAsync(ClusterId, PlanId, StageId, ct)));
    }
}
