using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.AvailabilityZones;

/// <summary>5.1 Availability zones.</summary>
internal sealed class AvailabilityZonesArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        AvailabilityZoneRoutes.Map(dws);
    }
}
