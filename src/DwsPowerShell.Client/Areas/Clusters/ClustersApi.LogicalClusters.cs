using DwsPowerShell.Client.Catalogue;
using System.Runtime.CompilerServices;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Internal;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Areas;

/// <summary>Logical clusters: groups of rings of a physical cluster (5.2.4, 5.2.5, 5.2.7-5.2.9, 5.2.11, 5.2.17-5.2.20).</summary>
public sealed partial class ClustersApi
{
    /// <summary>
    /// 5.2.4 Creating a Logical Cluster from rings of the cluster (see <see cref="ListAvailableRingsAsync"/>). The answer
    /// has no id (quirks.md 2.4): find it by name with <see cref="FindLogicalClusterAsync"/>. The service refuses a
    /// create while another logical-cluster task runs (417).
    /// </summary>
    public async Task<LogicalClusterOperationResult> CreateLogicalClusterAsync(string clusterId, CreateLogicalClusterRequest request, CancellationToken cancellationToken = default)
    {
        Checked(request);
        var answer = await _transport.SendAsync<LogicalClusterAnswer>(DwsRequest.For(DwsOperations.S5_2_4).Path("cluster_id", clusterId)
            .WithBody(new CreateLogicalClusterEnvelope { LogicalCluster = request }), cancellationToken).ConfigureAwait(false);
        return Result("Create", clusterId, null, request.LogicalClusterName, answer);
    }

    /// <summary>5.2.5 Converting a Physical Cluster to a Logical Cluster: all its rings become the logical cluster <paramref name="name"/> (the name is a path segment). One-way.</summary>
    public async Task<LogicalClusterOperationResult> ConvertToLogicalClusterAsync(string clusterId, string name, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<LogicalClusterAnswer>(DwsRequest.For(DwsOperations.S5_2_5)
            .Path("cluster_id", clusterId).Path("name", name), cancellationToken).ConfigureAwait(false);
        return Result("Convert", clusterId, null, name, answer);
    }

    /// <summary>5.2.7 Querying the Logical Cluster List, every page; each item carries <see cref="LogicalCluster.ClusterId"/>.</summary>
    public IAsyncEnumerable<LogicalCluster> ListLogicalClustersAsync(string clusterId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_7).Path("cluster_id", clusterId)
                .Query("offset", offset).Query("limit", limit), "logical_clusters", (LogicalClusterList a) => a.LogicalClusters, ct).ConfigureAwait(false);
            foreach (var lc in items) lc.ClusterId = clusterId;
            return new DwsPage<LogicalCluster>(items, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>
    /// The logical cluster whose id or name (exact, case-sensitive) is <paramref name="idOrName"/>, from the 5.2.7 list
    /// (there is no get-by-id endpoint: quirks.md 9); null when there is none.
    /// </summary>
    public async Task<LogicalCluster?> FindLogicalClusterAsync(string clusterId, string idOrName, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(idOrName, nameof(idOrName));
        LogicalCluster? byName = null;
        await foreach (var lc in ListLogicalClustersAsync(clusterId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(lc.LogicalClusterId, idOrName, StringComparison.Ordinal)) return lc;
            if (byName is null && string.Equals(lc.LogicalClusterName, idOrName, StringComparison.Ordinal)) byName = lc;
        }
        return byName;
    }

    /// <summary>5.2.8 Querying Task Information About a Logical Cluster, every page. <paramref name="orderBy"/> is camelCase (startTime); <paramref name="order"/> ASC or DESC.</summary>
    public IAsyncEnumerable<LogicalClusterTask> ListLogicalClusterTasksAsync(string clusterId, string? logicalClusterName = null, string? type = null,
        string? orderBy = null, string? order = null, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        if (order is not null && !string.Equals(order, "ASC", StringComparison.OrdinalIgnoreCase) && !string.Equals(order, "DESC", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"order is '{order}'; give ASC or DESC.", nameof(order));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_8).Path("cluster_id", clusterId)
                .Query("offset", offset).Query("limit", limit).Query("logical_cluster_name", logicalClusterName).Query("type", type)
                .Query("order_by", orderBy).Query("order", order?.ToUpperInvariant()), "logical_cluster_tasks", (LogicalClusterTaskList a) => a.LogicalClusterTasks, ct).ConfigureAwait(false);
            foreach (var t in items) t.ClusterId = clusterId;
            return new DwsPage<LogicalClusterTask>(items, (int?)page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>5.2.9 Querying Disk Information of a Logical Cluster, every page.</summary>
    public IAsyncEnumerable<LogicalClusterVolume> ListLogicalClusterVolumesAsync(string clusterId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_9).Path("cluster_id", clusterId)
                .Query("offset", offset).Query("limit", limit), "volumes", (LogicalClusterVolumeList a) => a.Volumes, ct).ConfigureAwait(false);
            foreach (var v in items) v.ClusterId = clusterId;
            return new DwsPage<LogicalClusterVolume>(items, (int?)page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>5.2.11 Querying Information About Available Ring Nodes in a Logical Cluster: rings no logical cluster uses, every page.</summary>
    public IAsyncEnumerable<LogicalClusterRing> ListAvailableRingsAsync(string clusterId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_11).Path("cluster_id", clusterId)
                .Query("offset", offset).Query("limit", limit), "cluster_rings", (LogicalClusterRingList a) => a.ClusterRings, ct).ConfigureAwait(false);
            foreach (var r in items) r.ClusterId = clusterId;
            return new DwsPage<LogicalClusterRing>(items, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>5.2.17 Deleting a Logical Cluster. The first logical cluster (and the last one) cannot be deleted.</summary>
    public async Task<LogicalClusterOperationResult> DeleteLogicalClusterAsync(string clusterId, string logicalClusterId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<LogicalClusterAnswer>(DwsRequest.For(DwsOperations.S5_2_17).Path("cluster_id", clusterId)
            .Path("logical_cluster_id", logicalClusterId), cancellationToken).ConfigureAwait(false);
        return Result("Delete", clusterId, logicalClusterId, null, answer);
    }

    /// <summary>5.2.18 Editing a Logical Cluster: the body replaces the rings; use <see cref="SetLogicalClusterAsync"/> to change one field.</summary>
    public async Task<LogicalClusterOperationResult> UpdateLogicalClusterAsync(string clusterId, string logicalClusterId, UpdateLogicalClusterRequest request,
        CancellationToken cancellationToken = default)
    {
        Checked(request);
        var answer = await _transport.SendAsync<LogicalClusterAnswer>(DwsRequest.For(DwsOperations.S5_2_18).Path("cluster_id", clusterId)
            .Path("logical_cluster_id", logicalClusterId).WithBody(request), cancellationToken).ConfigureAwait(false);
        return Result("Edit", clusterId, logicalClusterId, null, answer);
    }

    /// <summary>
    /// 5.2.18 Editing a Logical Cluster, as a Set- cmdlet needs it: reads the logical cluster (5.2.7), keeps its rings, mode and
    /// waiting_for_killing unless given, and PUTs the merged body, so one field changes without losing the others.
    /// </summary>
    public async Task<LogicalClusterOperationResult> SetLogicalClusterAsync(string clusterId, string logicalClusterId, IReadOnlyList<LogicalClusterRing>? rings = null,
        string? mode = null, int? waitingForKilling = null, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(logicalClusterId, nameof(logicalClusterId));
        var current = await FindLogicalClusterAsync(clusterId, logicalClusterId, cancellationToken).ConfigureAwait(false)
            ?? throw LogicalClusterNotFound(clusterId, logicalClusterId);
        var request = new UpdateLogicalClusterRequest
        {
            ClusterRings = (rings ?? current.ClusterRings ?? new List<LogicalClusterRing>()).Select(CopyRing).ToList(),
            Mode = mode ?? current.Mode,
            WaitingForKilling = waitingForKilling ?? current.WaitingForKilling,
        };
        var result = await UpdateLogicalClusterAsync(clusterId, current.LogicalClusterId, request, cancellationToken).ConfigureAwait(false);
        return new LogicalClusterOperationResult(result.Operation, clusterId, current.LogicalClusterId, current.LogicalClusterName, result.ErrorCode, result.ErrorMessage);
    }

    /// <summary>5.2.19 Restarting a Logical Cluster (no body).</summary>
    public async Task<LogicalClusterOperationResult> RestartLogicalClusterAsync(string clusterId, string logicalClusterId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<LogicalClusterAnswer>(DwsRequest.For(DwsOperations.S5_2_19).Path("cluster_id", clusterId)
            .Path("logical_cluster_id", logicalClusterId), cancellationToken).ConfigureAwait(false);
        return Result("Restart", clusterId, logicalClusterId, null, answer);
    }

    /// <summary>5.2.20 Switching to a Logical Cluster: only whether the console shows logical-cluster features (quirks.md 9).</summary>
    public async Task<LogicalClusterOperationResult> SetLogicalClusterFeatureAsync(string clusterId, bool enable, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<LogicalClusterAnswer>(DwsRequest.For(DwsOperations.S5_2_20).Path("cluster_id", clusterId)
            .WithBody(new EnableLogicalClusterRequest { Enable = enable }), cancellationToken).ConfigureAwait(false);
        return Result(enable ? "Enable" : "Disable", clusterId, null, null, answer);
    }

    /// <summary>
    /// Polls 5.2.7 until the logical cluster <paramref name="idOrName"/> exists and its action_info is completed.
    /// A failed action throws <see cref="DwsResourceFailedException"/>. With <paramref name="untilGone"/>, waits
    /// until the logical cluster is no longer listed (after a delete).
    /// </summary>
    public async Task<LogicalCluster?> WaitForLogicalClusterAsync(string clusterId, string idOrName, bool untilGone = false, DwsWaitOptions? options = null,
        Action<LogicalCluster>? onUpdate = null, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        Guard.NotNullOrWhiteSpace(idOrName, nameof(idOrName));
        LogicalCluster? last = null;
        await DwsWaiter.PollAsync(async ct =>
        {
            last = await FindLogicalClusterAsync(clusterId, idOrName, ct).ConfigureAwait(false);
            if (last is null) return untilGone;
            onUpdate?.Invoke(last);
            var action = last.ActionInfo;
            if (action is not null && action.Completed == true && action.IsFailed)
                throw new DwsResourceFailedException("logical cluster", last.LogicalClusterId, last.LogicalClusterName, last.Status, action.ActionName,
                    action.Result, action.Logs, last);
            return !untilGone && !last.IsBusy;
        }, options ?? new DwsWaitOptions(), () => new[] { last is null ? $"'{idOrName}' (not listed)" : $"{last.LogicalClusterName} {last.ActionInfo}" },
            $"logical cluster {idOrName} of cluster {clusterId}", cancellationToken).ConfigureAwait(false);
        return untilGone ? null : last;
    }

    /// <summary>The 404 a missing logical cluster gets (the list has no get-by-id: quirks.md 9).</summary>
    internal static DwsApiException LogicalClusterNotFound(string clusterId, string idOrName)
    {
        var message = $"Cluster {clusterId} has no logical cluster with the ID or name '{idOrName}'.";
        return new DwsApiException(message, 404, "DWS.0001", message, null, DwsOperations.S5_2_7.Method, DwsOperations.S5_2_7.Path,
            "List the logical clusters with Get-DwsLogicalCluster -ClusterId " + clusterId + ".");
    }

    private static LogicalClusterRing CopyRing(LogicalClusterRing ring) => new()
    {
        RingHosts = ring.RingHosts?.Select(h => new RingHost { HostName = h.HostName, BackIp = h.BackIp, CpuCores = h.CpuCores, Memory = h.Memory, DiskSize = h.DiskSize }).ToList(),
    };

    private static LogicalClusterOperationResult Result(string operation, string clusterId, string? id, string? name, LogicalClusterAnswer? answer) =>
        new(operation, clusterId, id, name,
            answer?.ErrorCode ?? answer?.RetCode ?? answer?.ErrCode,
            answer?.ErrorMessage ?? answer?.RetMessage ?? answer?.ExternalMessage);
}
