using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Workload;

/// <summary>The workload_plan_stage body of 5.7.25 (add) and 5.7.28 (modify, a full replacement).</summary>
internal sealed partial class StageRequest
{
    /// <summary>Resource names a plan stage accepts (5.7.25, 5.7.28).</summary>
    private static readonly HashSet<string> s_percentResources = new(StringComparer.Ordinal) { "cpu", "cpu_limit", "memory" };
    private static readonly HashSet<string> s_countResources = new(StringComparer.Ordinal) { "concurrency", "shortQueryConcurrencyNum" };

    public string Name { get; private init; } = "";
    public string Month { get; private init; } = "";
    public string Day { get; private init; } = "";
    public string StartTime { get; private init; } = "";
    public string? EndTime { get; private init; }
    public List<StageQueue> Queues { get; private init; } = [];

    /// <summary>
    /// 5.7.25's table marks every field optional and 5.7.28's marks all but end_time mandatory; a stage without a
    /// name, month, day and start time cannot be scheduled, so both require them. queue_list is required on modify only.
    /// </summary>
    public static StageRequest Parse(JsonObject body, bool replace)
    {
        var stage = Wire.RequireObject(body, "workload_plan_stage");
        var name = Wire.RequireString(stage, "stage_name");
        if (name.Length > 64)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, "Invalid string length: stage_name has at most 64 characters.");
        var month = List(stage, "month", 12);
        var day = List(stage, "day", 31);
        var start = Time(stage, "start_time", required: true)!;
        var end = Time(stage, "end_time", required: false);
        var queues = stage["queue_list"] switch
        {
            null when replace => throw DwsErrors.Missing("queue_list"),
            null => [],
            JsonArray a => a.Select(Queue).ToList(),
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: queue_list must be an array."),
        };
        var duplicate = queues.GroupBy(q => q.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: queue {duplicate.Key} appears twice in queue_list.");
        return new StageRequest { Name = name, Month = month, Day = day, StartTime = start, EndTime = end, Queues = queues };
    }

    public void ApplyTo(StageRecord stage)
    {
        stage.Name = Name;
        stage.Month = Month;
        stage.Day = Day;
        stage.StartTime = StartTime;
        stage.EndTime = EndTime;
        stage.Queues = Queues;
    }

    private static StageQueue Queue(JsonNode? node)
    {
        if (node is not JsonObject q) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: each queue_list item must be an object.");
        var name = Wire.RequireString(q, "queue_name");
        // 5.7.28's schema names the list resource_item_list; its example (and 5.7.25) send queue_resources.
        var list = q["queue_resources"] ?? q["resource_item_list"];
        if (list is not JsonArray items) throw DwsErrors.Missing("queue_resources");
        return new StageQueue { Name = name, Resources = items.Select(Resource).ToList() };
    }

    private static StageResource Resource(JsonNode? node)
    {
        if (node is not JsonObject r) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: each queue_resources item must be an object.");
        var name = Wire.RequireString(r, "resource_name");
        var value = Wire.RequireInt(r, "resource_value");
        if (s_percentResources.Contains(name))
        {
            if (value is < 0 or > 100)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: {name} is a percentage from 0 to 100.");
        }
        else if (s_countResources.Contains(name))
        {
            if (value < -1)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: {name} must be -1 (unlimited) or more.");
        }
        else
        {
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                $"The parameter value is out of range: resource_name {name} is not one of cpu, cpu_limit, memory, concurrency, shortQueryConcurrencyNum.");
        }
        // 5.7.28's example misspells the description as resoruceDescription / resoruce_description.
        var description = Wire.OptionalString(r, "resource_description")
            ?? Wire.OptionalString(r, "resoruce_description")
            ?? Wire.OptionalString(r, "resoruceDescription");
        return new StageResource { Name = name, Value = value, Unit = Wire.OptionalString(r, "value_unit"), Description = description };
    }

    /// <summary>A comma-separated list of integers 1..max, sent as a string (a bare number is accepted too).</summary>
    private static string List(JsonObject parent, string field, int max)
    {
        var text = parent[field] switch
        {
            null => throw DwsErrors.Missing(field),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int i) => i.ToString(CultureInfo.InvariantCulture),
            _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {field} must be a string such as \"1,2\"."),
        };
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var seen = new HashSet<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max || !seen.Add(n))
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                    $"The parameter value is out of range: {field} must list distinct numbers from 1 to {max}, separated by commas.");
        }
        return string.Join(',', parts);
    }

    private static string? Time(JsonObject parent, string field, bool required)
    {
        var text = Wire.OptionalString(parent, field);
        if (text is null) return required ? throw DwsErrors.Missing(field) : null;
        if (!TimePattern().IsMatch(text))
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid format: {field} must be HH:mm:ss.");
        return text;
    }

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$")]
    private static partial Regex TimePattern();
}
