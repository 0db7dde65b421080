using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.54 Saving Cluster Description.</summary>
internal static class DescriptionRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_54, Description);
    }

    // 5.2.54: {"description_info"}; 200 {"error_code":"DWS.0138","error_msg":null} as in the reference's success example (quirks.md 1.2).
    private static async Task<IResult> Description(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var text = Wire.OptionalString(body!, "description_info") ?? throw DwsErrors.Missing("description_info");
        if (text.Length > 256)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, $"Invalid length: description_info has {text.Length} characters; at most 256.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            c.Description = text;
            c.Updated = state.Clock.UtcNow;
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0138", ["error_msg"] = null });
        }
    }
}
