using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Internal;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Areas;

/// <summary>Scale-out with idle nodes, its checks, and data redistribution.</summary>
public sealed partial class ClustersApi
{
    /// <summary>Task statuses a resize rests in until the user acts (deliver or resume redistribution).</summary>
    private static readonly string[] s_parkedTasks = { "WAITING_REDISTRIBUTION", "REDISTRIBUTION_PAUSED" };

    /// <summary>
    /// 5.2.22 Scaling Out with Idle Nodes (v2): adds the cluster's idle nodes (all of them). With
    /// auto_redistribute false the cluster then waits in task_status WAITING_REDISTRIBUTION for
    /// <see cref="StartRedistributionAsync"/>. The answer is {} (no job).
    /// </summary>
    public async Task<ClusterActionResult> ScaleOutWithIdleNodesAsync(string clusterId, ScaleOutWithIdleNodesRequest request, CancellationToken cancellationToken = default) =>
        ActionResult(await _transport.SendAsync<ClusterJobResponse>(DwsRequest.For(DwsOperations.S5_2_22).Path("cluster_id", clusterId)
            .WithBody(Checked(request)), cancellationToken).ConfigureAwait(false), clusterId);

    /// <summary>5.2.23 Resuming Redistribution (only while REDISTRIBUTION_PAUSED; answers three pairs of error fields: quirks.md 1.3).</summary>
    public async Task<ClusterActionResult> ResumeRedistributionAsync(string clusterId, CancellationToken cancellationToken = default) =>
        RedistributionResult(await _transport.SendAsync<RedistributionActionResponse>(DwsRequest.For(DwsOperations.S5_2_23).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false), clusterId);

    /// <summary>5.2.24 Suspending Redistribution (only while REDISTRIBUTING).</summary>
    public async Task<ClusterActionResult> SuspendRedistributionAsync(string clusterId, CancellationToken cancellationToken = default) =>
        RedistributionResult(await _transport.SendAsync<RedistributionActionResponse>(DwsRequest.For(DwsOperations.S5_2_24).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false), clusterId);

    /// <summary>
    /// 5.2.26 Checking Before Cluster Capacity Expansion: a read (POST, no ShouldProcess). Passes when
    /// every data[] item passes; each item becomes one of <see cref="DwsCheckResult.Items"/>.
    /// </summary>
    public async Task<DwsCheckResult> CheckScaleOutAsync(string clusterId, GrowCheckRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var (_, data) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_26).Path("cluster_id", clusterId)
            .WithBody(request), "data", (GrowCheckResponse a) => a.Data, cancellationToken).ConfigureAwait(false);
        var items = data
            .Select(i => new DwsCheckResult(i.Type ?? i.Desc ?? "item", i.Pass != false, i.Pass == false ? i.Reason ?? i.Desc : null, target: clusterId))
            .ToList();
        var failed = items.Where(i => !i.Passed).ToList();
        return new DwsCheckResult("scale-out", failed.Count == 0,
            failed.Count == 0 ? null : string.Join("; ", failed.Select(f => $"{f.Check}: {f.Reason}")), target: clusterId) { Items = items };
    }

    /// <summary>
    /// 5.2.31 Delivering Redistribution: only while task_status is WAITING_REDISTRIBUTION (quirks.md 2.7);
    /// redis_mode online|offline (lowercase here), parallel_jobs 1-32.
    /// </summary>
    public Task StartRedistributionAsync(string clusterId, StartRedistributionRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_31).Path("cluster_id", clusterId)
            .WithBody(Checked(request)), cancellationToken);

    /// <summary>
    /// 5.2.32 Querying Redistribution Details: one page (<paramref name="offset"/>, <paramref name="limit"/>)
    /// of redis_table_detail, filtered by database, table name and type when given.
    /// </summary>
    public async Task<ClusterRedistribution> GetRedistributionAsync(string clusterId, int? offset = null, int? limit = null, string? databaseName = null,
        string? tableName = null, string? type = null, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<ClusterRedistribution>(RedistributionRequest(clusterId, offset, limit, databaseName, tableName, type), cancellationToken).ConfigureAwait(false)
            ?? new ClusterRedistribution();
        answer.ClusterId = clusterId;
        foreach (var table in answer.RedisInfo?.RedisTableDetail?.Data ?? new List<RedistributionTable>()) table.ClusterId = clusterId;
        return answer;
    }

    /// <summary>Every table of the redistribution (5.2.32 redis_table_detail), page by page through the one pager.</summary>
    public IAsyncEnumerable<RedistributionTable> ListRedistributionTablesAsync(string clusterId, string? databaseName = null, string? tableName = null, string? type = null,
        int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(clusterId, nameof(clusterId));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, tables) = await _transport.SendListAsync(RedistributionRequest(clusterId, offset, limit, databaseName, tableName, type),
                "redis_info.redis_table_detail.data", (ClusterRedistribution a) => a.RedisInfo?.RedisTableDetail?.Data, ct).ConfigureAwait(false);
            foreach (var table in tables) table.ClusterId = clusterId;
            return new DwsPage<RedistributionTable>(tables, page.RedisInfo!.RedisTableDetail!.Total);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    private static DwsRequest RedistributionRequest(string clusterId, int? offset, int? limit, string? databaseName, string? tableName, string? type) =>
        DwsRequest.For(DwsOperations.S5_2_32).Path("cluster_id", clusterId)
            .Query("limit", limit).Query("offset", offset).Query("db_name", databaseName).Query("table_name", tableName).Query("type", type);

    /// <summary>
    /// Waits after a scale-out, redistribution or disk expansion: until the cluster is ready (AVAILABLE, no task)
    /// or rests in WAITING_REDISTRIBUTION or REDISTRIBUTION_PAUSED, which need the user's next step
    /// (Start-/Resume-DwsClusterRedistribution). A failure state throws <see cref="DwsResourceFailedException"/>.
    /// </summary>
    public async Task<Cluster> WaitForResizeAsync(string clusterId, DwsWaitOptions? options = null, Action<Cluster>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        Cluster? last = null;
        await DwsWaiter.PollAsync(async ct =>
        {
            last = await GetAsync(clusterId, ct).ConfigureAwait(false);
            onUpdate?.Invoke(last);
            if (ClusterStatus.IsFailed(last)) throw Failure(last);
            return ClusterStatus.IsReady(last) || IsParked(last);
        }, options ?? new DwsWaitOptions(), () => new[] { Describe(last, clusterId) }, $"the resize of cluster {clusterId}", cancellationToken).ConfigureAwait(false);
        return last!;
    }

    /// <summary>True when the cluster rests in WAITING_REDISTRIBUTION or REDISTRIBUTION_PAUSED.</summary>
    public static bool IsParked(Cluster cluster) =>
        ClusterStatus.IsAvailable(cluster.Status) && s_parkedTasks.Any(t => string.Equals(cluster.TaskStatus?.Trim(), t, StringComparison.OrdinalIgnoreCase));

    /// <summary>5.2.55 Scale-in Check: one check item (guc, schema or disk) per call; true when is_passed.</summary>
    public async Task<bool> CheckShrinkItemAsync(string clusterId, int shrinkCount, string checkItem, CancellationToken cancellationToken = default)
    {
        ClusterRequestValidation.Positive(shrinkCount, "RemoveNodeCount", "the number of nodes to remove");
        var item = ClusterRequestValidation.OneOf(checkItem, "CheckItem", ShrinkCheckItem.Guc, ShrinkCheckItem.Schema, ShrinkCheckItem.Disk);
        var answer = await _transport.SendAsync<ShrinkCheckResponse>(DwsRequest.For(DwsOperations.S5_2_55).Path("cluster_id", clusterId)
            .Query("shrink_count", shrinkCount).Query("check_item", item), cancellationToken).ConfigureAwait(false);
        return answer?.IsPassed == true;
    }

    /// <summary>
    /// Scale-in check over several items (5.2.55 once per item; default guc, schema and disk): passes when
    /// every item's is_passed is true.
    /// </summary>
    public async Task<DwsCheckResult> CheckScaleInAsync(string clusterId, int shrinkCount, IEnumerable<string>? checkItems = null, CancellationToken cancellationToken = default)
    {
        var items = new List<DwsCheckResult>();
        foreach (var item in (checkItems ?? ShrinkCheckItem.All).Select(i => i?.Trim().ToLowerInvariant()).Distinct())
        {
            var passed = await CheckShrinkItemAsync(clusterId, shrinkCount, item!, cancellationToken).ConfigureAwait(false);
            items.Add(new DwsCheckResult(item!, passed, passed ? null : $"the {item} check did not pass for removing {shrinkCount} node(s)", target: clusterId));
        }
        var failed = items.Where(i => !i.Passed).Select(i => i.Check).ToList();
        return new DwsCheckResult("scale-in", failed.Count == 0,
            failed.Count == 0 ? null : $"scale-in by {shrinkCount} node(s) failed the check(s): {string.Join(", ", failed)}", target: clusterId) { Items = items };
    }

    private static ClusterActionResult RedistributionResult(RedistributionActionResponse? answer, string clusterId) =>
        new(clusterId, null, answer?.Code, answer?.Message);
}
