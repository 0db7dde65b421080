using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Jobs;

/// <summary>5.13 Jobs.</summary>
internal sealed class JobsArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        JobRoutes.Map(dws);
    }
}
