using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.58 Querying Available Operations of the Current Tenant.</summary>
internal static class TenantActionRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_58, Actions);
    }

    /// <summary>What 5.2.58 lists for the emulator's tenant.</summary>
    public static readonly IReadOnlyList<string> TenantActions = ["ColdStorage", "DwsV3Storage", "LogicalCluster", "ElasticCn", "Redistribution", "DiskExpansion", "Switchback", "Encryption", "ParameterAudit", "TagFilter", "SnapshotStatistics", "ResetPassword"];

    // 5.2.58: limit defaults to 10, offset to 0.
    private static IResult Actions(HttpContext http)
    {
        var page = new JsonArray(PageQuery.Read(http, 10).Of(TenantActions).Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        return Wire.Json(new JsonObject { ["action_info"] = page, ["count"] = TenantActions.Count });
    }
}
