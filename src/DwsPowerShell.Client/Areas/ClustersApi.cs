using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Clusters operations; one method per API operation.</summary>
public sealed partial class ClustersApi
{
    private readonly DwsTransport _transport;

    internal ClustersApi(DwsTransport transport) => _transport = transport;
}
