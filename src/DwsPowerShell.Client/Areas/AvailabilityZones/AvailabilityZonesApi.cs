using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.AvailabilityZones;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Availability zones (5.1).</summary>
public sealed class AvailabilityZonesApi
{
    private readonly DwsTransport _transport;

    internal AvailabilityZonesApi(DwsTransport transport) => _transport = transport;

    /// <summary>5.1.1 Querying AZs.</summary>
    public async Task<IReadOnlyList<AvailabilityZone>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_1_1), "availability_zones", (AvailabilityZoneList a) => a.AvailabilityZones, cancellationToken).ConfigureAwait(false)).Items;
}
