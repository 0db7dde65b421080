using System.Management.Automation;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Deletes resource management (workload) plans.</summary>
/// <remarks>
/// Deletes a plan and its stages (API reference 5.7.24). A running plan must be stopped first (Stop-DwsWorkloadPlan);
/// otherwise the failure is an error record with ErrorId DwsOperationFailed. Plans from Get-DwsWorkloadPlan bind to
/// -ClusterId and -PlanId by property name. Asks for confirmation unless -Force is given; -WhatIf shows what would
/// be deleted.
/// </remarks>
/// <example title="Delete a plan after stopping it">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id -Name old_plan | Stop-DwsWorkloadPlan | Remove-DwsWorkloadPlan -Force
/// </code>
/// <para>Stops the plan old_plan and deletes it without asking.</para>
/// </example>
/// <example title="See what would be deleted">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id -Name 'test_*' | Remove-DwsWorkloadPlan -WhatIf
/// </code>
/// <para>Lists the plans that would be deleted and deletes nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsWorkloadPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveDwsWorkloadPlanCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts plans (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan to delete; accepts plan objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>Deletes without asking for confirmation (an explicit -Confirm still asks; -WhatIf still wins).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"workload plan {PlanId} of cluster {ClusterId}", "Delete workload plan", Force)) return;
        ForItem(PlanId, () => Await(ct => DwsSession.Workload.DeletePlanAsync(ClusterId, PlanId, ct)));
    }
}
