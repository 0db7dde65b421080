using System.Collections;
using System.Globalization;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Workload;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Adds a stage to a resource management (workload) plan.</summary>
/// <remarks>
/// Adds a stage (API reference 5.7.25): the months and days it applies to, its start and end time of day, and the
/// resources of each queue (resource pool) while it is in force. The service does not return the new stage's ID, so
/// the stage is found again by name in the plan (API reference 5.7.22) and written. Plans from Get-DwsWorkloadPlan
/// bind to -ClusterId and -PlanId by property name. -QueueResource is a hashtable of queue name to a hashtable of
/// resources: cpu, cpu_limit and memory in percent, concurrency and shortQueryConcurrencyNum as counts (-1 is no limit).
/// </remarks>
/// <example title="Add a night stage to a plan">
/// <code>
/// Get-DwsWorkloadPlan -ClusterId $id -Name day_night |
///     New-DwsWorkloadPlanStage -Name night -Month (1..12) -Day (1..31) -StartTime '20:00:00' -EndTime '06:00:00' -QueueResource @{ etl = @{ cpu = 70; memory = 60 } }
/// </code>
/// <para>Adds the stage night, giving the etl queue 70% CPU and 60% memory from 20:00 to 06:00 every day.</para>
/// </example>
/// <example title="Add a month-end stage">
/// <code>
/// New-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -Name month_end -Month 3,6,9,12 -Day 28,29,30,31 -StartTime '00:00:00' -QueueResource @{ report = @{ cpu = 50; concurrency = 20 } }
/// </code>
/// <para>Adds a stage for the last days of each quarter.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsWorkloadPlanStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(WorkloadPlanStage))]
public sealed class NewDwsWorkloadPlanStageCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts plans (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan to add the stage to; accepts plan objects from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>The stage name, unique within the plan (at most 64 characters).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Months the stage applies to, 1 to 12.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, 12)]
    public int[] Month { get; set; } = Array.Empty<int>();

    /// <summary>Days of the month the stage applies to, 1 to 31.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, 31)]
    public int[] Day { get; set; } = Array.Empty<int>();

    /// <summary>Time of day the stage starts, as HH:mm:ss.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string StartTime { get; set; } = string.Empty;

    /// <summary>Time of day the stage ends, as HH:mm:ss.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndTime { get; set; }

    /// <summary>Queue resources: @{ queue = @{ cpu = 20; cpu_limit = 40; memory = 30; concurrency = 10; shortQueryConcurrencyNum = -1 } }.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? QueueResource { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"workload plan {PlanId} of cluster {ClusterId}", $"Add stage '{Name}'", force: false)) return;
        ForItem(PlanId, () =>
        {
            var stage = new WorkloadPlanStage
            {
                StageName = Name,
                Month = Join(Month),
                Day = Join(Day),
                StartTime = StartTime,
                EndTime = EndTime,
                QueueList = QueueResource is null ? null : WorkloadQueues.FromDictionary(QueueResource, nameof(QueueResource)),
            };
            WriteObject(Await(ct => DwsSession.Workload.AddStageAsync(ClusterId, PlanId, stage, ct)));
        });
    }

    internal static string Join(IEnumerable<int> values) =>
        string.Join(",", values.Distinct().OrderBy(v => v).Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
