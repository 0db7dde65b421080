using System.Management.Automation;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Workload;

/// <summary>
/// A change of one workload plan that the service answers synchronously (start 5.7.20, stop 5.7.23): the plan is then
/// read again (5.7.22) and written as it now is. Plans from Get-DwsWorkloadPlan bind by property name.
/// </summary>
public abstract class WorkloadPlanActionCmdlet : DwsCmdlet
{
    /// <summary>The cluster; accepts plans (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan; accepts plan objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>What ShouldProcess names, such as "Start workload plan".</summary>
    protected abstract string Action { get; }

    /// <summary>The client call for the plan.</summary>
    protected abstract Task ChangeAsync(string clusterId, string planId, CancellationToken ct);

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"workload plan {PlanId} of cluster {ClusterId}", Action, force: false)) return;
        ForItem(PlanId, () =>
        {
            Await(ct => ChangeAsync(ClusterId, PlanId, ct));
            WriteObject(Await(ct => DwsSession.Workload.GetPlanAsync(ClusterId, PlanId, ct)));
        });
    }
}
