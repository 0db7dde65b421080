using System.Management.Automation;
using PlanModel = DwsPowerShell.Client.Models.Workload.WorkloadPlan;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Creates a resource management (workload) plan on a cluster.</summary>
/// <remarks>
/// Creates a resource management plan (API reference 5.7.18, POST /v2/{project_id}/clusters/{cluster_id}/workload/plans).
/// The service does not return the new plan's ID, so the plan is found again by name and written. A plan has no
/// stages at first: add them with New-DwsWorkloadPlanStage, then start it with Start-DwsWorkloadPlan. Clusters from
/// Get-DwsCluster bind to -ClusterId by property name. A business failure (such as a name already taken) is an
/// error record with ErrorId DwsOperationFailed.
/// </remarks>
/// <example title="Create a plan">
/// <code>
/// New-DwsWorkloadPlan -ClusterId 7d85f602-a948-4a30-afd4-e84f47471c15 -Name day_night
/// </code>
/// <para>Creates the plan day_night and writes it.</para>
/// </example>
/// <example title="Create a plan for a logical cluster of the clusters found by name">
/// <code>
/// Get-DwsCluster -Name 'prod-dw' | New-DwsWorkloadPlan -Name etl_window -LogicalClusterName lc_etl
/// </code>
/// <para>Creates the plan on the prod-dw cluster for its logical cluster lc_etl.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsWorkloadPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanModel))]
public sealed class NewDwsWorkloadPlanCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan name: 3 to 28 letters, digits and underscores, starting with a lowercase letter.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The logical cluster the plan applies to (clusters with logical clusters only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogicalClusterName { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"cluster {ClusterId}", $"Create workload plan '{Name}'", force: false)) return;
        ForItem(ClusterId, () => WriteObject(Await(ct => DwsSession.Workload.CreatePlanAsync(ClusterId, Name, LogicalClusterName, ct))));
    }
}
