using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Workload;

/// <summary>A resource management plan as kept in <see cref="EmulatorState.Plans"/>.</summary>
public sealed class PlanRecord
{
    public const int Stopped = 0;
    public const int Running = 1;

    private static readonly JsonSerializerOptions s_json = new();

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ClusterId { get; set; } = "";
    public string? LogicalClusterName { get; set; }
    /// <summary>5.7.19 plan status (Integer): 0 not running, 1 running.</summary>
    public int Status { get; set; }
    public string? CurrentStageId { get; set; }
    public DateTimeOffset Created { get; set; }
    public List<PlanLogRecord> Logs { get; set; } = [];

    public JsonObject ToNode() => JsonSerializer.SerializeToNode(this, s_json)!.AsObject();

    public static PlanRecord FromNode(JsonObject node) =>
        node.Deserialize<PlanRecord>(s_json) ?? throw new InvalidDataException("Plan record is empty.");
}

/// <summary>One 5.7.21 PlanLog entry.</summary>
public sealed class PlanLogRecord
{
    public DateTimeOffset Time { get; set; }
    public string StageName { get; set; } = "";
    public int Result { get; set; }
    public string Message { get; set; } = "";

    public JsonObject ToJson() => new()
    {
        ["exec_time"] = Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["stage_info"] = StageName,
        ["exec_result"] = Result,
        // 5.7.21 example: "2023-08-23 13:28:47.661892+00:00 UTC |INFO| start change stage."
        ["exec_log"] = Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)
            + "+00:00 UTC |" + (Result == 0 ? "INFO" : "ERROR") + "| " + Message,
    };
}

/// <summary>A plan stage as kept in <see cref="EmulatorState.Stages"/>.</summary>
public sealed class StageRecord
{
    private static readonly JsonSerializerOptions s_json = new();

    public string Id { get; set; } = "";
    public string PlanId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Comma-separated months (1–12), as sent.</summary>
    public string Month { get; set; } = "";
    /// <summary>Comma-separated days of the month (1–31), as sent.</summary>
    public string Day { get; set; } = "";
    public string StartTime { get; set; } = "";
    public string? EndTime { get; set; }
    public List<StageQueue> Queues { get; set; } = [];
    public DateTimeOffset Created { get; set; }

    public JsonObject ToNode() => JsonSerializer.SerializeToNode(this, s_json)!.AsObject();

    public static StageRecord FromNode(JsonObject node) =>
        node.Deserialize<StageRecord>(s_json) ?? throw new InvalidDataException("Stage record is empty.");

    /// <summary>
    /// next_valid_time: the next instant at or after <paramref name="now"/> whose month and day are in the stage's
    /// lists, at start_time ("yyyy-MM-dd HH:mm:ss"); null when no date matches (e.g. day 31 in month 2 only).
    /// </summary>
    public string? NextValidTime(DateTimeOffset now)
    {
        var months = ParseList(Month);
        var days = ParseList(Day);
        var start = TimeSpan.ParseExact(StartTime, "hh\\:mm\\:ss", CultureInfo.InvariantCulture);
        var today = now.UtcDateTime.Date;
        for (var d = 0; d < 366 * 8; d++)
        {
            var date = today.AddDays(d);
            if (!months.Contains(date.Month) || !days.Contains(date.Day)) continue;
            var at = date + start;
            if (at >= now.UtcDateTime) return at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return null;
    }

    public JsonObject ToJson(DateTimeOffset now)
    {
        var queues = new JsonArray();
        foreach (var q in Queues)
        {
            var resources = new JsonArray();
            foreach (var r in q.Resources)
                resources.Add(new JsonObject
                {
                    ["resource_name"] = r.Name,
                    ["resource_value"] = r.Value,
                    ["value_unit"] = r.Unit,
                    ["resource_description"] = r.Description,
                });
            queues.Add(new JsonObject { ["queue_name"] = q.Name, ["queue_resources"] = resources });
        }
        return new JsonObject
        {
            // Documented as String; the 5.7.22/5.7.26 examples print numbers, which cannot hold "1,2".
            ["month"] = Month,
            ["day"] = Day,
            ["plan_id"] = PlanId,
            ["stage_id"] = Id,
            ["stage_name"] = Name,
            ["start_time"] = StartTime,
            ["end_time"] = EndTime,
            ["next_valid_time"] = NextValidTime(now),
            ["queue_list"] = queues,
        };
    }

    internal static HashSet<int> ParseList(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture))];
}

public sealed class StageQueue
{
    public string Name { get; set; } = "";
    public List<StageResource> Resources { get; set; } = [];
}

public sealed class StageResource
{
    public string Name { get; set; } = "";
    public int Value { get; set; }
    public string? Unit { get; set; }
    public string? Description { get; set; }
}
