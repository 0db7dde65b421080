using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Nodes, topology rings, instances and CNs of a cluster (5.2.10, 5.2.12, 5.2.21, 5.2.39-5.2.41, 5.2.47, 5.2.59).</summary>
public sealed partial class ClustersApi
{
    /// <summary>
    /// 5.2.10 Querying the Node List, every page, idle nodes included. <paramref name="nodeIds"/> travel as repeated
    /// node_ids keys (quirks.md 7.5); <paramref name="filterBy"/>/<paramref name="filter"/> e.g. instCreateType/INST;
    /// <paramref name="orderBy"/> camelCase, <paramref name="order"/> ASC or DESC.
    /// </summary>
    public IAsyncEnumerable<ClusterNodeInfo> ListNodesAsync(string clusterId, IEnumerable<string>? nodeIds = null, bool includeDeleted = false,
        string? filterBy = null, string? filter = null, string? orderBy = null, string? order = null,
        int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        if ((filterBy is null) != (filter is null)) throw new ArgumentException("filter_by and filter go together: give both or neither.", filterBy is null ? nameof(filterBy) : nameof(filter));
        var ids = nodeIds?.ToList();
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_10).Path("cluster_id", clusterId)
                .Query("deleted", includeDeleted ? "true" : null).QueryEach("node_ids", ids, nameof(nodeIds)).Query("offset", offset).Query("limit", limit)
                .Query("filter_by", filterBy).Query("filter", filter).Query("order_by", orderBy).Query("order", order?.ToUpperInvariant()), "node_list", (ClusterNodeList a) => a.NodeList, ct).ConfigureAwait(false);
            foreach (var n in items) n.ClusterId = clusterId;
            return new DwsPage<ClusterNodeInfo>(items, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>
    /// 5.2.21 Deleting a Node (idle nodes only). Answers 202 with error_code/error_msg but no job id (quirks.md 2.4):
    /// progress shows in the cluster's task_status (DELETING_NODE); wait with <c>WaitForStatusAsync</c>.
    /// </summary>
    public async Task<NodeDeletionResult> DeleteNodesAsync(string clusterId, IReadOnlyCollection<string> nodeIds, NodeDeleteMode mode = NodeDeleteMode.Delete,
        CancellationToken cancellationToken = default)
    {
        if (nodeIds is null || nodeIds.Count == 0) throw new ArgumentException("Name at least one node to delete.", nameof(nodeIds));
        foreach (var id in nodeIds) DwsRequest.CheckPathValue(id, nameof(nodeIds));
        var body = new DeleteNodesRequest { NodeList = nodeIds.Distinct(StringComparer.Ordinal).ToList(), OperateType = mode == NodeDeleteMode.Clear ? "clear" : "delete" };
        var answer = await _transport.SendAsync<NodeDeletionResult>(DwsRequest.For(DwsOperations.S5_2_21).Path("cluster_id", clusterId)
            .WithBody(body), cancellationToken).ConfigureAwait(false) ?? new NodeDeletionResult();
        answer.ClusterId = clusterId;
        answer.NodeIds = body.NodeList;
        return answer;
    }

    /// <summary>5.2.12 Querying Information About Ring Nodes in a Cluster Topology, every page (the example URL wrongly shows logical-clusters/rings: quirks.md 8.3).</summary>
    public IAsyncEnumerable<TopologyRing> ListTopologyRingsAsync(string clusterId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_12).Path("cluster_id", clusterId)
                .Query("offset", offset).Query("limit", limit), "cluster_rings", (TopologyRingList a) => a.ClusterRings, ct).ConfigureAwait(false);
            for (var i = 0; i < items.Count; i++)
            {
                items[i].ClusterId = clusterId;
                items[i].RingNumber = offset + i + 1;
            }
            return new DwsPage<TopologyRing>(items, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>5.2.47 Querying Cluster Instance Information (not paged; the example's /rds/ prefix is not used: quirks.md 8.3).</summary>
    public async Task<IReadOnlyList<ClusterInstance>> ListInstancesAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var (answer, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_47).Path("cluster_id", clusterId),
            "instances", (ClusterInstanceList a) => a.Instances, cancellationToken).ConfigureAwait(false);
        foreach (var i in items)
        {
            i.ClusterId = answer.ClusterId ?? clusterId;
            i.ClusterName = answer.ClusterName;
        }
        return items;
    }

    /// <summary>5.2.59 Querying an Instance, by id alone (/v2/{project_id}/instances/{id}; the example's /v1/ is not used: quirks.md 8.3).</summary>
    public async Task<InstanceDetail> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<InstanceDetail>(DwsRequest.For(DwsOperations.S5_2_59).Path("instance_id", instanceId),
            cancellationToken).ConfigureAwait(false) ?? throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_2_59, $"The service returned no instance object for instance {instanceId}.");
        if (string.IsNullOrEmpty(answer.Id)) answer.Id = instanceId;
        return answer;
    }

    /// <summary>5.2.39 Querying Cluster CN Nodes: the CNs plus min_num/max_num, which are also set on each CN (MinCount/MaxCount).</summary>
    public async Task<CoordinatorNodeList> ListCoordinatorNodesAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var (answer, instances) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_39).Path("cluster_id", clusterId), "instances", (CoordinatorNodeList a) => a.Instances,
            cancellationToken).ConfigureAwait(false);
        foreach (var cn in instances)
        {
            cn.ClusterId = clusterId;
            cn.MinCount = answer.MinNum;
            cn.MaxCount = answer.MaxNum;
        }
        return answer;
    }

    /// <summary>
    /// 5.2.40 Adding CN Nodes in Batches. <paramref name="totalCount"/> is the TOTAL number of CNs after the
    /// operation (the API's num), not the number to add; see <see cref="AddCoordinatorNodesByCountAsync"/>.
    /// </summary>
    public async Task<DwsJob> AddCoordinatorNodesAsync(string clusterId, int totalCount, CancellationToken cancellationToken = default)
    {
        if (totalCount < 1) throw new ArgumentOutOfRangeException(nameof(totalCount), totalCount, "The total number of CNs after the operation must be at least 1.");
        var answer = await _transport.SendAsync<CoordinatorJobResponse>(DwsRequest.For(DwsOperations.S5_2_40).Path("cluster_id", clusterId)
            .WithBody(new AddCoordinatorNodesRequest { Num = totalCount }), cancellationToken).ConfigureAwait(false);
        return CnJob(answer, clusterId, "add CNs to", DwsOperations.S5_2_40);
    }

    /// <summary>
    /// Adds <paramref name="addCount"/> CNs: reads the current CNs and limits (5.2.39), checks current + add against
    /// max_num before sending, then sends 5.2.40 with the total.
    /// </summary>
    public async Task<DwsJob> AddCoordinatorNodesByCountAsync(string clusterId, int addCount, CancellationToken cancellationToken = default)
    {
        if (addCount < 1) throw new ArgumentOutOfRangeException("Count", addCount, "Add at least one CN.");
        var current = await ListCoordinatorNodesAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var total = CoordinatorNodeTotal(current, addCount);
        return await AddCoordinatorNodesAsync(clusterId, total, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The num for 5.2.40 when adding <paramref name="addCount"/> CNs to <paramref name="current"/>; refuses a total above max_num.</summary>
    public static int CoordinatorNodeTotal(CoordinatorNodeList current, int addCount)
    {
        if (current is null) throw new ArgumentNullException(nameof(current));
        var total = current.Count + addCount;
        if (current.MaxNum is { } max && total > max)
            throw new ArgumentOutOfRangeException("Count", addCount,
                $"The cluster has {current.Count} CNs and allows at most {max}: at most {Math.Max(0, max - current.Count)} more can be added.");
        return total;
    }

    /// <summary>5.2.41 Deleting CN Nodes in Batches: returns the job.</summary>
    public async Task<DwsJob> RemoveCoordinatorNodesAsync(string clusterId, IReadOnlyCollection<string> coordinatorNodeIds, CancellationToken cancellationToken = default)
    {
        if (coordinatorNodeIds is null || coordinatorNodeIds.Count == 0) throw new ArgumentException("Name at least one CN to delete.", nameof(coordinatorNodeIds));
        foreach (var id in coordinatorNodeIds) DwsRequest.CheckPathValue(id, nameof(coordinatorNodeIds));
        var answer = await _transport.SendAsync<CoordinatorJobResponse>(DwsRequest.For(DwsOperations.S5_2_41).Path("cluster_id", clusterId)
            .WithBody(new DeleteCoordinatorNodesRequest { Instances = coordinatorNodeIds.Distinct(StringComparer.Ordinal).ToList() }), cancellationToken).ConfigureAwait(false);
        return CnJob(answer, clusterId, "delete CNs of", DwsOperations.S5_2_41);
    }

    private static DwsJob CnJob(CoordinatorJobResponse? answer, string clusterId, string action, DwsOperation operation) =>
        string.IsNullOrWhiteSpace(answer?.JobId)
            ? throw DwsErrorMapper.UnusableAnswer(operation, $"The service accepted the request to {action} cluster {clusterId} but returned no job ID. Check the cluster's task_status.")
            : new DwsJob { JobId = answer!.JobId!, ClusterId = clusterId };
}
