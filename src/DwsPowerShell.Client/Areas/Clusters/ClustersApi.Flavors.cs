using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Internal;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Cluster flavors: details, the flavors a cluster can change to, and the change.</summary>
public sealed partial class ClustersApi
{
    /// <summary>5.2.48 Querying the Cluster Specification Details (the v2 path, without the example's stray /rds/: quirks.md 8.3).</summary>
    public async Task<ClusterFlavor> GetFlavorAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var flavor = (await _transport.SendAsync<ClusterFlavorEnvelope>(DwsRequest.For(DwsOperations.S5_2_48).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false))?.Flavor
            ?? throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_2_48, $"The service returned no flavor object for cluster {clusterId}.");
        flavor.ClusterId = clusterId;
        return flavor;
    }

    /// <summary>5.2.56 Querying the List of Flavors That Can Be Changed: one page (project-level path by flavor ID).</summary>
    public async Task<DwsPage<TargetFlavor>> ListTargetFlavorsPageAsync(string flavorId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var (answer, flavors) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_56).Path("flavor_id", flavorId)
            .Query("offset", offset).Query("limit", limit), "flavors", (TargetFlavorList a) => a.Flavors, cancellationToken).ConfigureAwait(false);
        foreach (var f in flavors) f.SourceFlavorId = flavorId;
        return new DwsPage<TargetFlavor>(flavors, answer.Count);
    }

    /// <summary>Every flavor <paramref name="flavorId"/> can change to (5.2.56 through the one pager; count is only a hint).</summary>
    public IAsyncEnumerable<TargetFlavor> ListTargetFlavorsAsync(string flavorId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(flavorId, nameof(flavorId));
        return DwsPager.ListAsync((offset, limit, ct) => ListTargetFlavorsPageAsync(flavorId, offset, limit, ct), pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>The flavors a cluster can change to: its flavor ID from 5.2.48, then 5.2.56; each carries the ClusterId.</summary>
    public async IAsyncEnumerable<TargetFlavor> ListTargetFlavorsForClusterAsync(string clusterId, int pageSize = DwsPager.DefaultPageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var flavor = await GetFlavorAsync(clusterId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(flavor.Id)) throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_2_48, $"The service named no flavor ID for cluster {clusterId}.");
        await foreach (var target in ListTargetFlavorsAsync(flavor.Id!, pageSize, cancellationToken).ConfigureAwait(false))
        {
            target.ClusterId = clusterId;
            yield return target;
        }
    }

    /// <summary>5.2.57 Changing Flavors: returns the job (job_id comes next to error_code: quirks.md 2.2).</summary>
    public async Task<DwsJob> ChangeFlavorAsync(string clusterId, ChangeFlavorRequest request, CancellationToken cancellationToken = default) =>
        await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_57).Path("cluster_id", clusterId).WithBody(Checked(request)),
            clusterId, "flavor change", cancellationToken).ConfigureAwait(false);
}
