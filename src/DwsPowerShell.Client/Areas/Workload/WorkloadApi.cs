using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Errors;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Models.Workload;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>
/// Workload operations; one method per API operation. Every workload answer is a 200 that may carry
/// <c>workload_res_code</c> ≠ 0: each request is marked <see cref="DwsRequest.WithResultCode"/>, so
/// such an answer raises <see cref="Errors.DwsApiException"/> (a missing code is success, quirks.md 1.1).
/// </summary>
public sealed partial class WorkloadApi
{
    private static readonly Regex s_planName = new("^[a-z][A-Za-z0-9_]{2,27}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_timeOfDay = new("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$", RegexOptions.CultureInvariant);

    private readonly DwsTransport _transport;

    internal WorkloadApi(DwsTransport transport) => _transport = transport;

    // ---- Plans -------------------------------------------------------------------------------

    /// <summary>
    /// 5.7.18 Creating a Resource Management Plan. The service answers without the plan's ID
    /// (quirks.md 2.4), so the new plan is found again by name (5.7.19) and returned; when the answer is lost, the
    /// same look-up tells whether the plan was created.
    /// </summary>
    /// <param name="planName">3 to 28 letters, digits and underscores, starting with a lowercase letter.</param>
    public async Task<WorkloadPlan> CreatePlanAsync(string clusterId, string planName, string? logicalClusterName = null,
        CancellationToken cancellationToken = default)
    {
        var body = new WorkloadPlanCreateBody { PlanName = CheckPlanName(planName), LogicalClusterName = DwsRequest.CheckQueryValue(NullIfBlank(logicalClusterName), nameof(logicalClusterName)) };
        var request = DwsRequest.For(DwsOperations.S5_7_18).Path("cluster_id", clusterId).WithBody(body).WithResultCode();
        var what = $"plan '{body.PlanName}' of cluster {clusterId}";
        return await DwsReadBack.ConfirmAsync(_transport, async ct =>
        {
            await _transport.SendAsync(request, ct).ConfigureAwait(false);
            return await FindCreatedAsync(DwsOperations.S5_7_18, ListPlansAsync(clusterId, body.LogicalClusterName, cancellationToken: ct), p => p.PlanName, body.PlanName, what, ct).ConfigureAwait(false);
        }, async ct =>
        {
            var plan = await FindAsync(ListPlansAsync(clusterId, body.LogicalClusterName, cancellationToken: ct), p => p.PlanName, body.PlanName, ct).ConfigureAwait(false);
            return plan is null ? DwsReadBack<WorkloadPlan>.NotSeen($"no {what} is listed") : DwsReadBack<WorkloadPlan>.Seen(plan, $"{what} is listed ({plan.PlanId})");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// 5.7.19 Querying the Resource Management Plan List: one page (record offset).
    /// <see cref="DwsPage{T}.Total"/> is the service's <c>count</c>, a hint only.
    /// </summary>
    public async Task<DwsPage<WorkloadPlan>> ListPlansPageAsync(string clusterId, int offset, int limit, string? logicalClusterName = null,
        CancellationToken cancellationToken = default)
    {
        CheckPage(offset, limit);
        var (answer, plans) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_7_19)
            .Path("cluster_id", clusterId).Query("logical_cluster_name", NullIfBlank(logicalClusterName), nameof(logicalClusterName))
            .Query("offset", offset).Query("limit", limit).WithResultCode(), "plan_list", (WorkloadPlanListEnvelope a) => a.PlanList, cancellationToken).ConfigureAwait(false);
        foreach (var plan in plans) Adopt(plan, clusterId, plan.PlanId);
        return new DwsPage<WorkloadPlan>(plans, answer.Count);
    }

    /// <summary>5.7.19 Querying the Resource Management Plan List: every plan, a page at a time as the caller enumerates.</summary>
    public IAsyncEnumerable<WorkloadPlan> ListPlansAsync(string clusterId, string? logicalClusterName = null,
        int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        CheckPageSize(pageSize);
        return DwsPager.ListAsync((offset, limit, ct) => ListPlansPageAsync(clusterId, offset, limit, logicalClusterName, ct),
            pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>5.7.20 Starting a Resource Management Plan.</summary>
    public async Task<WorkloadResult> StartPlanAsync(string clusterId, string planId, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<WorkloadResult>(DwsRequest.For(DwsOperations.S5_7_20)
            .Path("cluster_id", clusterId).Path("plan_id", planId).WithResultCode(), cancellationToken).ConfigureAwait(false) ?? new WorkloadResult();

    /// <summary>5.7.21 Viewing Plan Execution Logs: one page (record offset).</summary>
    public async Task<DwsPage<WorkloadPlanLog>> ListPlanLogsPageAsync(string clusterId, string planId, int offset, int limit,
        CancellationToken cancellationToken = default)
    {
        CheckPage(offset, limit);
        var (answer, logs) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_7_21)
            .Path("cluster_id", clusterId).Path("plan_id", planId).Query("offset", offset).Query("limit", limit).WithResultCode(),
            "plan_logs", (WorkloadPlanLogListEnvelope a) => a.PlanLogs, cancellationToken).ConfigureAwait(false);
        foreach (var log in logs)
        {
            log.ClusterId = clusterId;
            log.PlanId = planId;
        }
        return new DwsPage<WorkloadPlanLog>(logs, answer.Count);
    }

    /// <summary>5.7.21 Viewing Plan Execution Logs: every entry, a page at a time as the caller enumerates.</summary>
    public IAsyncEnumerable<WorkloadPlanLog> ListPlanLogsAsync(string clusterId, string planId, int pageSize = DwsPager.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        DwsRequest.CheckPathValue(planId, nameof(planId));
        CheckPageSize(pageSize);
        return DwsPager.ListAsync((offset, limit, ct) => ListPlanLogsPageAsync(clusterId, planId, offset, limit, ct),
            pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>5.7.22 Querying Details About a Resource Management Plan (unwraps <c>workload_plan</c>; stages get ClusterId and PlanId).</summary>
    public async Task<WorkloadPlan> GetPlanAsync(string clusterId, string planId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<WorkloadPlanEnvelope>(DwsRequest.For(DwsOperations.S5_7_22)
            .Path("cluster_id", clusterId).Path("plan_id", planId).WithResultCode(), cancellationToken).ConfigureAwait(false);
        var plan = answer?.Plan ?? throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_7_22, $"The service returned no plan for {planId} of cluster {clusterId}.");
        return Adopt(plan, clusterId, planId);
    }

    /// <summary>5.7.23 Stopping a Resource Management Plan.</summary>
    public async Task<WorkloadResult> StopPlanAsync(string clusterId, string planId, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<WorkloadResult>(DwsRequest.For(DwsOperations.S5_7_23)
            .Path("cluster_id", clusterId).Path("plan_id", planId).WithResultCode(), cancellationToken).ConfigureAwait(false) ?? new WorkloadResult();

    /// <summary>5.7.24 Deleting a Resource Management Plan. When the answer is lost, the plan is read again (5.7.21): gone (404), the deletion succeeds.</summary>
    public async Task<WorkloadResult> DeletePlanAsync(string clusterId, string planId, CancellationToken cancellationToken = default)
    {
        var request = DwsRequest.For(DwsOperations.S5_7_24).Path("cluster_id", clusterId).Path("plan_id", planId).WithResultCode();
        return await DwsReadBack.ConfirmAsync(_transport,
            async ct => await _transport.SendAsync<WorkloadResult>(request, ct).ConfigureAwait(false) ?? new WorkloadResult(),
            async ct =>
            {
                try
                {
                    await GetPlanAsync(clusterId, planId, ct).ConfigureAwait(false);
                }
                catch (DwsApiException ex) when (ex.IsNotFound)
                {
                    return DwsReadBack<WorkloadResult>.Seen(new WorkloadResult(), $"plan {planId} of cluster {clusterId} is gone");
                }
                return DwsReadBack<WorkloadResult>.NotSeen($"plan {planId} of cluster {clusterId} is still there");
            }, cancellationToken).ConfigureAwait(false);
    }

    // ---- Stages ------------------------------------------------------------------------------

    /// <summary>
    /// 5.7.25 Adding a Resource Management Plan Stage. Sends the stage's name, month, day, times and
    /// queues (not its IDs). The service answers without the stage's ID (quirks.md 2.4), so the new
    /// stage is found again by name in the plan (5.7.22) and returned.
    /// </summary>
    public async Task<WorkloadPlanStage> AddStageAsync(string clusterId, string planId, WorkloadPlanStage stage,
        CancellationToken cancellationToken = default)
    {
        var spec = CheckStage(stage, replacing: false, nameof(stage));
        await _transport.SendAsync(DwsRequest.For(DwsOperations.S5_7_25)
            .Path("cluster_id", clusterId).Path("plan_id", planId).WithBody(new WorkloadPlanStageBody { Stage = spec }).WithResultCode(),
            cancellationToken).ConfigureAwait(false);
        return await FindCreatedAsync(DwsOperations.S5_7_25, StagesOfAsync(clusterId, planId, cancellationToken), s => s.StageName, spec.StageName!,
            $"stage '{spec.StageName}' of plan {planId}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>5.7.26 Querying Details About a Resource Management Plan Stage (unwraps <c>workload_plan_stage</c>).</summary>
    public async Task<WorkloadPlanStage> GetStageAsync(string clusterId, string planId, string stageId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<WorkloadPlanStageEnvelope>(DwsRequest.For(DwsOperations.S5_7_26)
            .Path("cluster_id", clusterId).Path("plan_id", planId).Path("stage_id", stageId).WithResultCode(), cancellationToken).ConfigureAwait(false);
        var stage = answer?.Stage ?? throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_7_26, $"The service returned no stage for {stageId} of plan {planId}.");
        return AdoptStage(stage, clusterId, planId, stageId);
    }

    /// <summary>5.7.27 Deleting a Resource Management Plan Stage.</summary>
    public async Task<WorkloadResult> DeleteStageAsync(string clusterId, string planId, string stageId, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<WorkloadResult>(DwsRequest.For(DwsOperations.S5_7_27)
            .Path("cluster_id", clusterId).Path("plan_id", planId).Path("stage_id", stageId).WithResultCode(), cancellationToken).ConfigureAwait(false)
        ?? new WorkloadResult();

    /// <summary>
    /// 5.7.28 Modifying a Resource Management Plan Stage: a full replacement. <paramref name="stage"/>
    /// must carry every mandatory field (stage name, month, day, start time, queues); fields left null
    /// are dropped by the service. To change one field, use <see cref="UpdateStageAsync"/>.
    /// Queues are sent as <c>queue_resources</c>, as in the reference's example and 5.7.25 (quirks.md 4.6).
    /// </summary>
    public async Task<WorkloadResult> ModifyStageAsync(string clusterId, string planId, string stageId, WorkloadPlanStage stage,
        CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<WorkloadResult>(DwsRequest.For(DwsOperations.S5_7_28)
            .Path("cluster_id", clusterId).Path("plan_id", planId).Path("stage_id", stageId)
            .WithBody(new WorkloadPlanStageBody { Stage = CheckStage(stage, replacing: true, nameof(stage)) }).WithResultCode(),
            cancellationToken).ConfigureAwait(false) ?? new WorkloadResult();

    /// <summary>
    /// Read-merge-write over 5.7.26 and 5.7.28: reads the stage, lets <paramref name="change"/> edit a
    /// copy, sends the whole stage back, and returns the stage as the service then reports it. Fields
    /// the change leaves alone keep their current values.
    /// </summary>
    public async Task<WorkloadPlanStage> UpdateStageAsync(string clusterId, string planId, string stageId, Action<WorkloadPlanStage> change,
        CancellationToken cancellationToken = default)
    {
        if (change is null) throw new ArgumentNullException(nameof(change), "change is required: pass an action that edits the stage, such as s => s.EndTime = \"18:00:00\".");
        var current = await GetStageAsync(clusterId, planId, stageId, cancellationToken).ConfigureAwait(false);
        var edited = current.Clone();
        change(edited);
        await ModifyStageAsync(clusterId, planId, stageId, edited, cancellationToken).ConfigureAwait(false);
        return await GetStageAsync(clusterId, planId, stageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>5.7.29 Switch to Another Resource Management Plan Stage.</summary>
    public async Task<WorkloadResult> SwitchStageAsync(string clusterId, string planId, string stageId, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<WorkloadResult>(DwsRequest.For(DwsOperations.S5_7_29)
            .Path("cluster_id", clusterId).Path("plan_id", planId)
            .WithBody(new WorkloadStageSwitchBody { StageId = DwsRequest.CheckPathValue(stageId, nameof(stageId)) }).WithResultCode(),
            cancellationToken).ConfigureAwait(false) ?? new WorkloadResult();

    // ---- Helpers -----------------------------------------------------------------------------

    /// <summary>
    /// For creates that return no ID (quirks.md 2.4): the first listed item with the name just created.
    /// Names are unique within their parent, so the first match is the new object.
    /// </summary>
    private static async Task<T> FindCreatedAsync<T>(DwsOperation created, IAsyncEnumerable<T> candidates, Func<T, string?> nameOf, string name, string what,
        CancellationToken cancellationToken) where T : class =>
        await FindAsync(candidates, nameOf, name, cancellationToken).ConfigureAwait(false) ?? throw DwsErrorMapper.UnusableAnswer(created,
            $"The service reported {what} as created but does not list it. It may appear shortly: list again before creating it a second time.");

    private static async Task<T?> FindAsync<T>(IAsyncEnumerable<T> candidates, Func<T, string?> nameOf, string name, CancellationToken cancellationToken) where T : class
    {
        await foreach (var item in candidates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(nameOf(item), name, StringComparison.Ordinal)) return item;
        }
        return null;
    }

    private async IAsyncEnumerable<WorkloadPlanStage> StagesOfAsync(string clusterId, string planId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var plan = await GetPlanAsync(clusterId, planId, cancellationToken).ConfigureAwait(false);
        foreach (var stage in plan.StageList ?? new List<WorkloadPlanStage>()) yield return stage;
    }

    private static WorkloadPlan Adopt(WorkloadPlan plan, string clusterId, string planId)
    {
        if (string.IsNullOrEmpty(plan.ClusterId)) plan.ClusterId = clusterId;
        if (string.IsNullOrEmpty(plan.PlanId)) plan.PlanId = planId;
        foreach (var stage in plan.StageList ?? new List<WorkloadPlanStage>()) AdoptStage(stage, plan.ClusterId!, plan.PlanId, null);
        return plan;
    }

    private static WorkloadPlanStage AdoptStage(WorkloadPlanStage stage, string clusterId, string planId, string? stageId)
    {
        stage.ClusterId = clusterId;
        if (string.IsNullOrEmpty(stage.PlanId)) stage.PlanId = planId;
        if (string.IsNullOrEmpty(stage.StageId) && stageId is not null) stage.StageId = stageId;
        return stage;
    }

    private static string CheckPlanName(string? planName)
    {
        if (planName is null || !s_planName.IsMatch(planName))
        {
            throw new DwsArgumentException(
                $"planName '{planName}' is not a valid plan name: use 3 to 28 letters, digits and underscores (_), starting with a lowercase letter.",
                nameof(planName), planName);
        }
        return planName;
    }

    /// <summary>Checks a stage for 5.7.25 (<paramref name="replacing"/> false) or 5.7.28 (true, every mandatory field) and returns what is sent.</summary>
    internal static WorkloadPlanStageSpec CheckStage(WorkloadPlanStage? stage, bool replacing, string parameterName)
    {
        if (stage is null) throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        if (string.IsNullOrWhiteSpace(stage.StageName))
        {
            throw new DwsArgumentException($"{parameterName}.StageName is required: give the stage a name{(replacing ? " (5.7.28 replaces the whole stage)" : " (the new stage is found again by it)")}.", parameterName, stage.StageName);
        }
        if (replacing)
        {
            if (string.IsNullOrWhiteSpace(stage.Month)) throw Missing(parameterName, "Month", "months as comma-separated numbers 1-12, such as \"6\" or \"1,2\"");
            if (string.IsNullOrWhiteSpace(stage.Day)) throw Missing(parameterName, "Day", "days as comma-separated numbers 1-31, such as \"1,15\"");
            if (string.IsNullOrWhiteSpace(stage.StartTime)) throw Missing(parameterName, "StartTime", "a time of day as HH:mm:ss, such as \"08:00:00\"");
            if (stage.QueueList is null || stage.QueueList.Count == 0) throw Missing(parameterName, "QueueList", "at least one queue with its resources");
        }
        CheckNumberList(stage.Month, 1, 12, parameterName, "Month");
        CheckNumberList(stage.Day, 1, 31, parameterName, "Day");
        CheckTime(stage.StartTime, parameterName, "StartTime");
        CheckTime(stage.EndTime, parameterName, "EndTime");
        foreach (var queue in stage.QueueList ?? new List<WorkloadPlanQueue>())
        {
            if (queue is null || string.IsNullOrWhiteSpace(queue.QueueName))
            {
                throw new ArgumentException($"{parameterName}.QueueList has a queue without a QueueName: name every queue (a resource pool of the cluster).", parameterName);
            }
            if (queue.QueueResources is null || queue.QueueResources.Count == 0)
            {
                throw new ArgumentException($"{parameterName}.QueueList queue '{queue.QueueName}' has no QueueResources: give its resources ({WorkloadResourceNames.Cpu}, {WorkloadResourceNames.Memory}, ...).", parameterName);
            }
            foreach (var item in queue.QueueResources)
            {
                if (item is null || string.IsNullOrWhiteSpace(item.ResourceName) || item.ResourceValue is null)
                {
                    throw new ArgumentException($"{parameterName}.QueueList queue '{queue.QueueName}' has a resource without a ResourceName or ResourceValue: give both, such as cpu = 20.", parameterName);
                }
            }
        }
        return stage.ToSpec();
    }

    private static ArgumentException Missing(string parameterName, string field, string what) =>
        new($"{parameterName}.{field} is required by 5.7.28, which replaces the whole stage: give {what}, or use UpdateStageAsync to keep the current value.", parameterName);

    private static void CheckTime(string? value, string parameterName, string field)
    {
        if (value is not null && !s_timeOfDay.IsMatch(value))
        {
            throw new DwsArgumentException($"{parameterName}.{field} '{value}' is not a time of day: use HH:mm:ss, such as \"08:00:00\".", parameterName, value);
        }
    }

    private static void CheckNumberList(string? value, int min, int max, string parameterName, string field)
    {
        if (value is null) return;
        foreach (var part in value.Split(','))
        {
            if (!int.TryParse(part.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                throw new ArgumentException($"{parameterName}.{field} '{value}' is not a list of numbers from {min} to {max}: use comma-separated numbers, such as \"{min},{min + 1}\".", parameterName);
            }
        }
    }

    private static void CheckPage(int offset, int limit)
    {
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
    }

    private static void CheckPageSize(int pageSize)
    {
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1.");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
