using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.AvailabilityZones;

/// <summary>5.1.1 Querying AZs.</summary>
internal static class AvailabilityZoneRoutes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.Map(DwsOperations.S5_1_1, (EmulatorOptions options) =>
        {
            var zones = new JsonArray();
            var n = 1;
            foreach (var code in Codes(options))
            {
                // 5.1.1: documented "Available", returned lower-case.
                zones.Add(new JsonObject { ["code"] = code, ["name"] = $"AZ{n++}", ["status"] = "available", ["public_border_group"] = "center" });
            }
            return Wire.Json(new JsonObject { ["availability_zones"] = zones, ["count"] = zones.Count });
        });

    /// <summary>The region's AZ codes: {region}a, {region}b, {region}c.</summary>
    public static IReadOnlyList<string> Codes(EmulatorOptions options) =>
        [options.Region + "a", options.Region + "b", options.Region + "c"];
}
