using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Workload operations; one method per API operation.</summary>
public sealed partial class WorkloadApi
{
    private readonly DwsTransport _transport;

    internal WorkloadApi(DwsTransport transport) => _transport = transport;
}
