using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.34 Querying Clusters by Tag.</summary>
internal static class TagFilterRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_34, TagFilter);
    }

    // 5.2.34: a read by POST; offset/limit in the query string; every filter item must match (key, and one of values if given).
    private static async Task<IResult> TagFilter(HttpContext http, EmulatorState state)
    {
        var paging = PageQuery.Read(http, 1000);
        var body = await Wire.ReadObjectAsync(http, required: false) ?? new JsonObject();
        var filters = new List<(string Key, List<string> Values)>();
        if (body["tags"] is JsonArray tags)
        {
            foreach (var t in tags)
            {
                if (t is not JsonObject o) throw DwsErrors.BadRequest(InvalidTag, "The tag is invalid: tags[] must hold objects.");
                var key = Wire.OptionalString(o, "key");
                if (string.IsNullOrEmpty(key)) throw DwsErrors.BadRequest(InvalidTag, "The tag is invalid: key is required.");
                var values = o["values"] is JsonArray vs ? vs.Select(v => v?.GetValue<string>() ?? "").ToList() : [];
                filters.Add((key, values));
            }
        }
        else if (body["tags"] is not null) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: tags must be an array.");
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var matched = state.Clusters.Values
                .Where(c => filters.All(f => c.Tags.Any(t => t.Key == f.Key && (f.Values.Count == 0 || f.Values.Contains(t.Value)))))
                .OrderBy(c => c.Created).ThenBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
            var resources = new JsonArray();
            foreach (var c in paging.Of(matched))
            {
                resources.Add(new JsonObject
                {
                    ["resource_id"] = c.Id,
                    ["resource_detail"] = "",
                    ["resource_name"] = c.Name,
                    ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
                });
            }
            return Wire.Json(new JsonObject { ["resources"] = resources, ["count"] = matched.Count });
        }
    }

    private const string InvalidTag = "DWS.5197";
}
