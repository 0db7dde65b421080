using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Clusters (5.2); one method per API operation.</summary>
public sealed partial class ClustersApi
{
    private readonly DwsTransport _transport;

    internal ClustersApi(DwsTransport transport) => _transport = transport;

    /// <summary>5.2.6 Querying the Cluster List (not paged: quirks.md 3.4).</summary>
    public async Task<IReadOnlyList<Cluster>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_6), "clusters", (ClusterList a) => a.Clusters, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>5.2.13 Querying Cluster Details.</summary>
    public async Task<Cluster> GetAsync(string clusterId, CancellationToken cancellationToken = default) =>
        WithId((await _transport.SendAsync<ClusterEnvelope<Cluster>>(DwsRequest.For(DwsOperations.S5_2_13).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false))?.Cluster, clusterId);

    /// <summary>5.2.14 Querying Node Types (the v2 path; Getting Started's /v1.0/.../node_types is not used: quirks.md 8.3).</summary>
    public async Task<IReadOnlyList<NodeType>> ListNodeTypesAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_14), "node_types", (NodeTypeList a) => a.NodeTypes, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>
    /// The newest kernel version (datastores[].version, compared number by number) that the node type
    /// <paramref name="flavor"/> supports, from 5.2.14: the default version of a new cluster.
    /// </summary>
    public async Task<string> GetDefaultDatastoreVersionAsync(string flavor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(flavor)) throw new ArgumentException("Flavor is required to choose a cluster version.", nameof(flavor));
        var types = await ListNodeTypesAsync(cancellationToken).ConfigureAwait(false);
        var type = types.FirstOrDefault(t => string.Equals(t.SpecName, flavor, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Flavor '{flavor}' is not a node type of this region; available: {string.Join(", ", types.Select(t => t.SpecName))}.", nameof(flavor));
        return type.LatestDatastoreVersion
            ?? throw new ArgumentException($"Node type '{flavor}' lists no cluster versions; give -DatastoreVersion.", nameof(flavor));
    }

    /// <summary>5.2.46 Querying the Nodes to Be Removed for Scale-In: the node counts a scale-in may remove.</summary>
    public async Task<IReadOnlyList<int>> ListShrinkNumbersAsync(string clusterId, CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_46).Path("cluster_id", clusterId), "shrink_sequence",
            (ShrinkNumbers a) => a.ShrinkSequence, cancellationToken).ConfigureAwait(false)).Items;

    private static Cluster WithId(Cluster? cluster, string clusterId)
    {
        if (cluster is null) throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_2_13, $"The service returned no cluster object for cluster {clusterId}.");
        if (string.IsNullOrEmpty(cluster.Id)) cluster.Id = clusterId;
        return cluster;
    }
}
