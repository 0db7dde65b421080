using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Tags;

/// <summary>
/// Tag management: 5.10.1–5.10.4, and 5.2.33 (system tags via .../enterprise-projects). Tags live on
/// <see cref="ClusterRecord.Tags"/>. Rules (Table 5-563, 5-569): key 1–128 characters, value 0–255, neither
/// starting or ending with a space, only letters, digits, hyphens and underscores; at most
/// <see cref="MaxTagsPerCluster"/> tags per cluster; a key twice in one request is a 400.
/// </summary>
internal static class TagRoutes
{
    public const int MaxTagsPerCluster = 20;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 255;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_10_1, ProjectTags);
        routes.Map(DwsOperations.S5_10_2, ClusterTags);
        routes.Map(DwsOperations.S5_10_3, (HttpContext http, string cluster_id, EmulatorState state) => Batch(http, cluster_id, state, create: true));
        routes.Map(DwsOperations.S5_10_4, (HttpContext http, string cluster_id, EmulatorState state) => Batch(http, cluster_id, state, create: false));
        routes.Map(DwsOperations.S5_2_33, SystemTags);
    }

    // 5.10.1: every key used in the project with its distinct values.
    private static IResult ProjectTags(EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var tags = new JsonArray();
            foreach (var group in state.Clusters.Values.SelectMany(c => c.Tags).GroupBy(t => t.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var values = group.Select(t => t.Value).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal);
                tags.Add(new JsonObject { ["key"] = group.Key, ["values"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) });
            }
            return Wire.Json(new JsonObject { ["tags"] = tags });
        }
    }

    // 5.10.2
    private static IResult ClusterTags(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            return Wire.Json(new JsonObject { ["tags"] = TagArray(c.Tags) });
        }
    }

    // 5.10.3 adds (a key the cluster has gets the new value); 5.10.4 deletes (key and value must both match). 200, no body.
    private static async Task<IResult> Batch(HttpContext http, string clusterId, EmulatorState state, bool create)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var items = body!["tags"] switch
        {
            JsonArray a => a,
            null => throw DwsErrors.Missing("tags"),
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: tags must be an array."),
        };
        if (items.Count == 0) throw DwsErrors.Missing("tags");
        var tags = new List<ClusterTag>();
        foreach (var item in items)
        {
            if (item is not JsonObject o) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: each tag must be an object {key, value}.");
            var key = Wire.OptionalString(o, "key") ?? throw DwsErrors.Missing("tags[].key");
            var value = Wire.OptionalString(o, "value") ?? throw DwsErrors.Missing("tags[].value");
            CheckText(key, "key", 1, MaxKeyLength);
            CheckText(value, "value", 0, MaxValueLength);
            if (tags.Any(t => t.Key == key))
                throw DwsErrors.BadRequest(DwsErrors.DuplicateParameter, $"Duplicate parameters: the tag key '{key}' appears more than once in the request.");
            tags.Add(new ClusterTag { Key = key, Value = value });
        }
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            if (create)
            {
                var newKeys = tags.Count(t => !c.Tags.Any(existing => existing.Key == t.Key));
                if (c.Tags.Count + newKeys > MaxTagsPerCluster)
                    throw DwsErrors.BadRequest(DwsErrors.TooManyTags,
                        $"The number of tags exceeds the maximum value: a cluster has at most {MaxTagsPerCluster} tags ({c.Tags.Count} now, {newKeys} new).");
                foreach (var t in tags)
                {
                    if (c.Tags.FirstOrDefault(existing => existing.Key == t.Key) is { } existing) existing.Value = t.Value;
                    else c.Tags.Add(t);
                }
            }
            else
            {
                var missing = tags.FirstOrDefault(t => !c.Tags.Any(existing => existing.Key == t.Key && existing.Value == t.Value));
                if (missing is not null)
                    throw DwsErrors.BadRequest(DwsErrors.TagNotFound, $"The tag does not exist: the cluster has no tag {missing.Key}={missing.Value}.");
                c.Tags.RemoveAll(existing => tags.Any(t => t.Key == existing.Key));
            }
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    // 5.2.33: the system tags (here the enterprise project), paged with offset/limit; count is the total.
    private static IResult SystemTags(HttpContext http, string cluster_id, EmulatorState state)
    {
        var paging = PageQuery.Read(http, 10);
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var all = new List<ClusterTag> { new() { Key = "_sys_enterprise_project_id", Value = c.EnterpriseProjectId } };
            return Wire.Json(new JsonObject { ["sys_tags"] = TagArray(paging.Of(all)), ["count"] = all.Count });
        }
    }

    private static void CheckText(string text, string what, int min, int max)
    {
        if (text.Length < min || text.Length > max)
            throw DwsErrors.BadRequest(DwsErrors.InvalidTag, $"The tag is invalid: a tag {what} has {min} to {max} characters ('{Short(text)}' has {text.Length}).");
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
            throw DwsErrors.BadRequest(DwsErrors.InvalidTag, $"The tag is invalid: a tag {what} cannot start or end with a space ('{Short(text)}').");
        if (text.FirstOrDefault(ch => !(char.IsLetterOrDigit(ch) || ch is '-' or '_')) is var bad && bad != default)
            throw DwsErrors.BadRequest(DwsErrors.InvalidTag, $"The tag is invalid: a tag {what} can contain only letters, digits, hyphens (-) and underscores (_); '{Short(text)}' contains '{bad}'.");
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static JsonArray TagArray(IEnumerable<ClusterTag> tags) =>
        new(tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());
}
