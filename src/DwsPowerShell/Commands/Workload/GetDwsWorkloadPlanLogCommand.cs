using System.Management.Automation;
using DwsPowerShell.Client.Models.Workload;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Gets the execution log of a resource management (workload) plan.</summary>
/// <remarks>
/// Lists a plan's execution log a page at a time (API reference 5.7.21): when the plan started, stopped and switched
/// stages, with the result of each. Times come without a zone and are read as UTC. Plans from Get-DwsWorkloadPlan
/// bind to -ClusterId and -PlanId by property name. Supports -First, -Skip and -IncludeTotalCount.
/// </remarks>
/// <example title="Show a plan's log">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id -Name day_night | Get-DwsWorkloadPlanLog
/// </code>
/// <para>Writes every log entry of the plan day_night.</para>
/// </example>
/// <example title="Show the failed entries">
/// <code>
/// Get-DwsWorkloadPlanLog -ClusterId $id -PlanId $planId | Where-Object ExecResult -ne 0
/// </code>
/// <para>Keeps the entries whose result is not success.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsWorkloadPlanLog", SupportsPaging = true)]
[OutputType(typeof(WorkloadPlanLog))]
public sealed class GetDwsWorkloadPlanLogCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts plans (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan whose log to read; accepts plan objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        ForItem(PlanId, () => WriteAll(ct => DwsSession.Workload.ListPlanLogsAsync(ClusterId, PlanId, cancellationToken: ct)));
    }
}
