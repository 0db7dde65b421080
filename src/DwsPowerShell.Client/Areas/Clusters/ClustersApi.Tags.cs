using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>A cluster's system tags (5.2.33) and the clusters that have given tags (5.2.34); the tags themselves are the Tags area's (5.10).</summary>
public sealed partial class ClustersApi
{
    /// <summary>
    /// 5.2.33 Querying the Cluster Tag List: one page of the cluster's system tags (e.g. _sys_enterprise_project_id)
    /// from the /v1/ path (the example's /v2/ is not used: quirks.md 8.3). <see cref="DwsPage{T}.Total"/> is a hint (quirks.md 3.5).
    /// </summary>
    public async Task<DwsPage<ResourceTag>> ListSystemTagsPageAsync(string clusterId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
        var (answer, tags) = await _transport.SendListAsync(
            DwsRequest.For(DwsOperations.S5_2_33).Path("cluster_id", clusterId).Query("limit", limit).Query("offset", offset),
            "sys_tags", (SystemTagList a) => a.SysTags, cancellationToken).ConfigureAwait(false);
        return new DwsPage<ResourceTag>(TagsApi.WithCluster(tags, clusterId), answer.Count);
    }

    /// <summary>5.2.33 Querying the Cluster Tag List: every system tag of the cluster, a page at a time as the caller enumerates.</summary>
    public IAsyncEnumerable<ResourceTag> ListSystemTagsAsync(string clusterId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1.");
        return DwsPager.ListAsync((offset, limit, ct) => ListSystemTagsPageAsync(clusterId, offset, limit, ct), pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>
    /// 5.2.34 Querying Clusters by Tag: a read by POST with offset/limit in the query string (quirks.md 3.7). A cluster
    /// matches when it has every key, with one of the values where values are given.
    /// </summary>
    public IAsyncEnumerable<ClusterTagResource> ListByTagAsync(IEnumerable<TagFilter> filters, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var body = new TagFilterRequest { Tags = CheckFilters(filters) };
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, resources) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_34)
                .Query("offset", offset).Query("limit", limit).WithBody(body), "resources", (ClusterTagResourceList a) => a.Resources, ct).ConfigureAwait(false);
            return new DwsPage<ClusterTagResource>(resources, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>The clusters whose tags match (5.2.34), as full cluster objects from the list (5.2.6), in list order.</summary>
    public async Task<IReadOnlyList<Cluster>> ListClustersByTagAsync(IEnumerable<TagFilter> filters, CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var r in ListByTagAsync(filters, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(r.ResourceId)) ids.Add(r.ResourceId!);
        }
        if (ids.Count == 0) return new List<Cluster>();
        var all = await ListAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(c => c.Id is not null && ids.Contains(c.Id)).ToList();
    }

    private static List<TagFilter> CheckFilters(IEnumerable<TagFilter>? filters)
    {
        var list = (filters ?? throw new ArgumentNullException(nameof(filters))).ToList();
        if (list.Count == 0) throw new ArgumentException("Tag needs at least one key to filter on.", nameof(filters));
        foreach (var f in list)
        {
            if (f is null || string.IsNullOrWhiteSpace(f.Key)) throw new ArgumentException("Every tag filter needs a key.", nameof(filters));
        }
        return list;
    }
}
