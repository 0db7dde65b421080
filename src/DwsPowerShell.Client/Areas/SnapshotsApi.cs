using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Snapshots operations; one method per API operation.</summary>
public sealed partial class SnapshotsApi
{
    private readonly DwsTransport _transport;

    internal SnapshotsApi(DwsTransport transport) => _transport = transport;
}
