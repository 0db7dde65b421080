using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>5.3 Snapshots.</summary>
internal sealed class SnapshotsArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        SnapshotRoutes.Map(dws);
        SnapshotPolicyRoutes.Map(dws);
    }

    public void AddState(EmulatorState state)
    {
        new SnapshotStore().AddTo(state);
        SnapshotPolicyRoutes.AddState(state);
    }
}
