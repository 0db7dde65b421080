using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Disk capacity: range, check, expansion and usage.</summary>
public sealed partial class ClustersApi
{
    /// <summary>
    /// 5.2.38 Adding Disk Capacity: <paramref name="newSizeGb"/> is the usable GB per node afterwards
    /// (above the current size, within 5.2.50's range, a multiple of the flavor's step). No body and no job:
    /// the cluster shows task_status DISK_EXPANDING.
    /// </summary>
    public Task ExpandStorageAsync(string clusterId, int newSizeGb, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_38).Path("cluster_id", clusterId)
            .WithBody(Checked(new InstanceStorageRequest(newSizeGb))), cancellationToken);

    /// <summary>5.2.49 Querying the Disk Usage of a Tenant Management Node: per-node capacity and use; each node carries ClusterId and duplicate.</summary>
    public async Task<ClusterDiskUsage> GetDiskUsageAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var usage = await _transport.SendAsync<ClusterDiskUsage>(DwsRequest.For(DwsOperations.S5_2_49).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false)
            ?? new ClusterDiskUsage();
        usage.ClusterId = clusterId;
        usage.DiskInfoList ??= new List<NodeDiskUsage>();
        foreach (var node in usage.DiskInfoList)
        {
            node.ClusterId = clusterId;
            node.Duplicate = usage.Duplicate;
        }
        return usage;
    }

    /// <summary>5.2.50 Obtaining the Disk Scale-Out Range: min_size, max_size and current_size in GB per node.</summary>
    public async Task<ClusterStorageRange> GetStorageRangeAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var range = await _transport.SendAsync<ClusterStorageRange>(DwsRequest.For(DwsOperations.S5_2_50).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false)
            ?? new ClusterStorageRange();
        range.ClusterId = clusterId;
        return range;
    }

    /// <summary>5.2.52 Checking Before Disk Capacity Expansion: answered by the HTTP status only (quirks.md 1.6): 200 passes, an expected 4xx fails with the reason.</summary>
    public Task<DwsCheckResult> CheckStorageAsync(string clusterId, int newSizeGb, CancellationToken cancellationToken = default) =>
        DwsChecks.RunAsync(_transport, DwsRequest.For(DwsOperations.S5_2_52).Path("cluster_id", clusterId)
            .WithBody(Checked(new InstanceStorageRequest(newSizeGb))), "disk expansion", clusterId, cancellationToken);
}
