using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>The operations available to the tenant (5.2.58).</summary>
public sealed partial class ClustersApi
{
    /// <summary>5.2.58 Querying Available Operations of the Current Tenant (paged; the service's default limit is 10).</summary>
    public IAsyncEnumerable<DwsAvailableAction> ListAvailableActionsAsync(int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default) =>
        DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, actions) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_58).Query("offset", offset).Query("limit", limit), "action_info",
                (AvailableActionList a) => a.ActionInfo, ct).ConfigureAwait(false);
            return new DwsPage<DwsAvailableAction>(actions.Select(a => new DwsAvailableAction(a)).ToList(), page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
}
