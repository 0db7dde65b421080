using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.AvailabilityZones;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.14 Querying Node Types.</summary>
internal static class NodeTypeRoutes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.Map(DwsOperations.S5_2_14, (EmulatorOptions options) =>
        {
            var list = new JsonArray();
            foreach (var spec in NodeTypeCatalog.All) list.Add(ToJson(spec, options));
            return Wire.Json(new JsonObject { ["node_types"] = list, ["count"] = list.Count });
        });

    // 5.2.14's example returns min_cn/max_cn and step as numbers although they are documented as strings.
    private static JsonObject ToJson(NodeTypeSpec spec, EmulatorOptions options)
    {
        var zones = new JsonArray();
        foreach (var code in AvailabilityZoneRoutes.Codes(options)) zones.Add(new JsonObject { ["code"] = code, ["status"] = "normal" });
        var datastores = new JsonArray();
        foreach (var version in NodeTypeCatalog.DatastoreVersions)
            datastores.Add(new JsonObject { ["version"] = version, ["attachments"] = new JsonObject { ["min_cn"] = 2, ["max_cn"] = 20 } });
        return new JsonObject
        {
            ["spec_name"] = spec.SpecName,
            ["id"] = spec.Id,
            ["datastore_type"] = spec.DatastoreType,
            ["available_zones"] = zones,
            ["ram"] = spec.RamGb,
            ["vcpus"] = spec.Vcpus,
            ["datastores"] = datastores,
            ["volume"] = spec.Elastic ? null : new JsonObject { ["type"] = spec.VolumeType, ["size"] = spec.VolumeSizeGb },
            ["elastic_volume_specs"] = spec.Elastic
                ? new JsonArray(new JsonObject { ["type"] = spec.VolumeType, ["step"] = 100, ["min_size"] = spec.VolumeSizeGb, ["max_size"] = 32000 })
                : new JsonArray(),
            ["detail"] = new JsonArray(
                new JsonObject { ["type"] = "vCPU", ["value"] = spec.Vcpus.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new JsonObject { ["type"] = spec.Elastic ? "SSD" : "LOCAL_DISK", ["value"] = spec.VolumeSizeGb.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unit"] = "GB" },
                new JsonObject { ["type"] = "mem", ["value"] = spec.RamGb.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unit"] = "GB" }),
        };
    }
}
