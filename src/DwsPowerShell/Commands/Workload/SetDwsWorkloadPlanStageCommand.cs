using System.Collections;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Workload;

namespace DwsPowerShell.Commands.Workload;

/// <summary>Changes a stage of a resource management (workload) plan.</summary>
/// <remarks>
/// Changes only the settings given: the stage is read (API reference 5.7.26), the bound parameters are applied to it,
/// and the whole stage is sent back (API reference 5.7.28, which replaces every field). -QueueResource sets the named
/// resources of the named queues and leaves the other queues and resources as they are. Stages from
/// Get-DwsWorkloadPlanStage bind to -ClusterId, -PlanId and -StageId by property name. With -PassThru the stage is
/// written as the service then reports it.
/// </remarks>
/// <example title="Move the end of a stage">
/// <code>
/// Get-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -Name night | Set-DwsWorkloadPlanStage -EndTime '07:00:00'
/// </code>
/// <para>Changes only the end time of the stage night.</para>
/// </example>
/// <example title="Give a queue more CPU and see the result">
/// <code>
/// Set-DwsWorkloadPlanStage -ClusterId $id -PlanId $planId -StageId $stageId -QueueResource @{ etl = @{ cpu = 80 } } -PassThru
/// </code>
/// <para>Sets the etl queue's CPU share to 80% in that stage, keeps its other resources, and writes the stage.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsWorkloadPlanStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(WorkloadPlanStage))]
public sealed class SetDwsWorkloadPlanStageCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts stages (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The plan; accepts stages from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PlanId { get; set; } = string.Empty;

    /// <summary>The stage to change; accepts stage objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StageId { get; set; } = string.Empty;

    /// <summary>A new name for the stage, unique within the plan.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>Months the stage applies to, 1 to 12 (replaces the current months).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, 12)]
    public int[]? Month { get; set; }

    /// <summary>Days of the month the stage applies to, 1 to 31 (replaces the current days).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, 31)]
    public int[]? Day { get; set; }

    /// <summary>Time of day the stage starts, as HH:mm:ss.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StartTime { get; set; }

    /// <summary>Time of day the stage ends, as HH:mm:ss.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndTime { get; set; }

    /// <summary>Queue resources to set: @{ queue = @{ cpu = 20; memory = 30 } }; queues and resources not named keep their values.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? QueueResource { get; set; }

    /// <summary>Writes the changed stage.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"stage {StageId} of workload plan {PlanId}", "Change workload plan stage", force: false)) return;
        ForItem(StageId, () =>
        {
            var queues = QueueResource is null ? null : WorkloadQueues.FromDictionary(QueueResource, nameof(QueueResource));
            var stage = Await(ct => DwsSession.Workload.UpdateStageAsync(ClusterId, PlanId, StageId, s =>
            {
                if (NewName is not null) s.StageName = NewName;
                if (Month is not null) s.Month = NewDwsWorkloadPlanStageCommand.Join(Month);
                if (Day is not null) s.Day = NewDwsWorkloadPlanStageCommand.Join(Day);
                if (StartTime is not null) s.StartTime = StartTime;
                if (EndTime is not null) s.EndTime = EndTime;
                if (queues is not null) WorkloadQueues.Merge(s, queues);
                // 5.7.28 replaces the whole stage and needs queue_list, which a stage created without queues lacks.
                if (s.QueueList is null || s.QueueList.Count == 0)
                {
                    throw new ArgumentException($"Stage '{s.StageName}' has no queues, and a change (API reference 5.7.28) sends the whole stage with at least one: " +
                        "give -QueueResource too, such as -QueueResource @{ etl = @{ cpu = 40; memory = 50 } }.", nameof(QueueResource));
                }
            }, ct));
            if (PassThru) WriteObject(stage);
        });
    }
}
