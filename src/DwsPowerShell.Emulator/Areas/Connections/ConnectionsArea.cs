using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Connections;

/// <summary>5.9 Cluster connections: domain names, ELBs, EIPs and endpoints.</summary>
internal sealed class ConnectionsArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        ConnectionRoutes.Map(dws);
    }

    public void AddState(EmulatorState state) => new ConnectionStore().AddTo(state);
}
