using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Quotas;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Quota management (5.11).</summary>
public sealed class QuotasApi
{
    private readonly DwsTransport _transport;

    internal QuotasApi(DwsTransport transport) => _transport = transport;

    /// <summary>5.11.1 Querying Resource Quotas: used and quota per resource type (numbers sent as strings, unit "null": quirks.md 6).</summary>
    public async Task<IReadOnlyList<DwsQuota>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_11_1), "quotas.resources", (QuotaList a) => a.Quotas?.Resources, cancellationToken).ConfigureAwait(false)).Items;
}
