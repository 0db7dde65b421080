using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Workload;

/// <summary>5.7 Workload management.</summary>
internal sealed class WorkloadArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        WorkloadRoutes.Map(dws);
    }

    public void AddState(EmulatorState state) => new WorkloadStore().AddTo(state);
}
