using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Tags;

/// <summary>5.10 Tags.</summary>
internal sealed class TagsArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        TagRoutes.Map(dws);
    }
}
