using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Resource statistics of the project (5.2.35) and snapshot statistics of a cluster (5.2.45).</summary>
public sealed partial class ClustersApi
{
    /// <summary>5.2.35 Querying the Resource Statistics (v1.0): the name/value rows as one object.</summary>
    public async Task<DwsResourceStatistic> GetResourceStatisticsAsync(CancellationToken cancellationToken = default) =>
        DwsResourceStatistic.From((await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_35), "statistics", (DwsStatisticList a) => a.Statistics,
            cancellationToken).ConfigureAwait(false)).Answer);

    /// <summary>5.2.45 Querying Snapshot Statistics: storage.free, storage.paid and storage.used (GB) of a cluster's snapshots.</summary>
    public async Task<DwsSnapshotStatistic> GetSnapshotStatisticsAsync(string clusterId, CancellationToken cancellationToken = default) =>
        DwsSnapshotStatistic.From((await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_45).Path("cluster_id", clusterId),
            "statistics", (DwsStatisticList a) => a.Statistics, cancellationToken).ConfigureAwait(false)).Answer, clusterId);
}
