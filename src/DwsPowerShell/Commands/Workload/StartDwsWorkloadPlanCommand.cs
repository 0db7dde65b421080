using System.Management.Automation;
using PlanModel = DwsPowerShell.Client.Models.Workload.WorkloadPlan;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Starts resource management (workload) plans.</summary>
/// <remarks>
/// Starts a plan (API reference 5.7.20): it applies its first stage until a stage switch. The call is synchronous;
/// the plan is then read again (API reference 5.7.22) and written with its new status and current stage. Plans from
/// Get-DwsWorkloadPlan bind to -ClusterId and -PlanId by property name. A plan that has no stage or is already
/// running is reported as an error record with ErrorId DwsOperationFailed, and the pipeline goes on.
/// </remarks>
/// <example title="Start every plan of a cluster">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id | Start-DwsWorkloadPlan
/// </code>
/// <para>Starts each plan and writes it as it now is.</para>
/// </example>
/// <example title="Start one plan">
/// <code>
/// Start-DwsWorkloadPlan -ClusterId 7d85f602-a948-4a30-afd4-e84f47471c15 -PlanId 1b3e5c0a-7f2d-4e8b-9a61-2c4d6e8f0a12
/// </code>
/// <para>Starts the plan and writes it.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "DwsWorkloadPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanModel))]
public sealed class StartDwsWorkloadPlanCommand : WorkloadPlanActionCmdlet
{
    protected override string Action => "Start workload plan";

    protected override Task ChangeAsync(string clusterId, string planId, CancellationToken ct) => DwsSession.Workload.StartPlanAsync(clusterId, planId, ct);
}
