using System.Management.Automation;
using PlanModel = DwsPowerShell.Client.Models.Workload.WorkloadPlan;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Stops resource management (workload) plans.</summary>
/// <remarks>
/// Stops a running plan (API reference 5.7.23): its stages no longer switch. Stopping is not destructive; the plan
/// can be started again with Start-DwsWorkloadPlan. The plan is then read again (API reference 5.7.22) and written.
/// Plans from Get-DwsWorkloadPlan bind to -ClusterId and -PlanId by property name. A plan that is not running is
/// reported as an error record with ErrorId DwsOperationFailed, and the pipeline goes on.
/// </remarks>
/// <example title="Stop the running plans of a cluster">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id | Where-Object CurrentStage | Stop-DwsWorkloadPlan
/// </code>
/// <para>Stops each plan that has a current stage (is running) and writes it.</para>
/// </example>
/// <example title="Stop one plan">
/// <code>
/// Stop-DwsWorkloadPlan -ClusterId 7d85f602-a948-4a30-afd4-e84f47471c15 -PlanId 1b3e5c0a-7f2d-4e8b-9a61-2c4d6e8f0a12
/// </code>
/// <para>Stops the plan and writes it.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Stop, "DwsWorkloadPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanModel))]
public sealed class StopDwsWorkloadPlanCommand : WorkloadPlanActionCmdlet
{
    protected override string Action => "Stop workload plan";

    protected override Task ChangeAsync(string clusterId, string planId, CancellationToken ct) => DwsSession.Workload.StopPlanAsync(clusterId, planId, ct);
}
