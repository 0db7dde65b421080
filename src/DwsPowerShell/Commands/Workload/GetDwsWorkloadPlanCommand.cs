using System.Management.Automation;
using PlanModel = DwsPowerShell.Client.Models.Workload.WorkloadPlan;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Gets the resource management (workload) plans of a cluster.</summary>
/// <remarks>
/// Lists a cluster's resource management plans a page at a time (API reference 5.7.19), optionally only those of a
/// logical cluster and filtered by -Name; or, with -PlanId, reads one plan with its stages (API reference 5.7.22).
/// Clusters from Get-DwsCluster bind to -ClusterId and plans to -ClusterId and -PlanId by property name, so the
/// output pipes to Start-DwsWorkloadPlan, Stop-DwsWorkloadPlan and Get-DwsWorkloadPlanStage.
/// </remarks>
/// <example title="List the plans of a cluster">
/// <code>
/// Get-DwsCluster -Name 'prod-dw' | Get-DwsWorkloadPlan
/// </code>
/// <para>Writes every plan of the prod-dw cluster.</para>
/// </example>
/// <example title="Start the plans whose names start with etl">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id -Name 'etl*' | Start-DwsWorkloadPlan
/// </code>
/// <para>Each plan binds by its ClusterId and PlanId properties.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsWorkloadPlan", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanModel))]
public sealed class GetDwsWorkloadPlanCommand : DwsCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>The cluster; accepts clusters, plans (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Plan names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Lists only the plans of this logical cluster.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? LogicalClusterName { get; set; }

    /// <summary>IDs of the plans to read; accepts plan objects from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] PlanId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in PlanId)
            {
                ForItem(id, () => WriteObject(Await(ct => DwsSession.Workload.GetPlanAsync(ClusterId, id, ct))));
            }
            return;
        }
        ForItem(ClusterId, () =>
        {
            WriteAll(ct => DwsSession.Workload.ListPlansAsync(ClusterId, LogicalClusterName, cancellationToken: ct),
                NameFilter<PlanModel>(Name, plan => plan.PlanName));
        });
    }
}
