using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Quotas;

/// <summary>5.11 Quotas.</summary>
internal sealed class QuotasArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        QuotaRoutes.Map(dws);
    }
}
