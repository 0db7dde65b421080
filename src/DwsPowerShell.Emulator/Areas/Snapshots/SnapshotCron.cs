using System.Globalization;

namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>
/// The reference's cron-like execution policy (5.3.9 backup_strategy): seconds minutes hours day-of-month month
/// day-of-week, Quartz style: <c>*</c>, <c>?</c>, lists, ranges <c>a-b</c> and steps <c>a/b</c>; day-of-week 1 is Sunday.
/// Times are UTC on the emulator clock.
/// </summary>
public sealed class SnapshotCron
{
    private readonly bool[] _seconds, _minutes, _hours, _days, _months, _weekdays;

    private SnapshotCron(string text, bool[] s, bool[] mi, bool[] h, bool[] d, bool[] mo, bool[] w)
    {
        Text = text;
        (_seconds, _minutes, _hours, _days, _months, _weekdays) = (s, mi, h, d, mo, w);
    }

    public string Text { get; }

    /// <summary>The expression parsed, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static SnapshotCron? TryParse(string? text, out string problem)
    {
        problem = "";
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            problem = $"'{text}' has {parts.Length} fields; give 6: seconds minutes hours day-of-month month day-of-week";
            return null;
        }
        var names = new[] { "seconds", "minutes", "hours", "day-of-month", "month", "day-of-week" };
        var ranges = new[] { (0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (1, 7) };
        var sets = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            sets[i] = Field(parts[i], ranges[i].Item1, ranges[i].Item2, allowAny: i >= 3);
            if (sets[i].Length == 0)
            {
                problem = $"the {names[i]} field '{parts[i]}' is not valid (values {ranges[i].Item1} to {ranges[i].Item2})";
                return null;
            }
        }
        return new SnapshotCron(string.Join(" ", parts), sets[0], sets[1], sets[2], sets[3], sets[4], sets[5]);
    }

    private static bool[] Field(string text, int min, int max, bool allowAny)
    {
        var set = new bool[max + 1];
        if (text == "?" && allowAny || text == "*")
        {
            for (var v = min; v <= max; v++) set[v] = true;
            return set;
        }
        foreach (var item in text.Split(','))
        {
            var step = 1;
            var range = item;
            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1) return [];
                range = item[..slash];
            }
            int from, to;
            if (range == "*") (from, to) = (min, max);
            else if (range.Split('-') is [var a, var b])
            {
                if (!Number(a, out from) || !Number(b, out to)) return [];
            }
            else
            {
                if (!Number(range, out from)) return [];
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) return [];
            for (var v = from; v <= to; v += step) set[v] = true;
        }
        return set;
    }

    private static bool Number(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>The first run times strictly after <paramref name="after"/>, in order, at most <paramref name="count"/> (within 2 years).</summary>
    public IEnumerable<DateTimeOffset> Next(DateTimeOffset after, int count)
    {
        var start = after.UtcDateTime;
        var found = 0;
        for (var day = start.Date; day <= start.Date.AddYears(2) && found < count; day = day.AddDays(1))
        {
            if (!_months[day.Month] || !_days[day.Day] || !_weekdays[(int)day.DayOfWeek + 1]) continue;
            for (var h = 0; h < 24 && found < count; h++)
            {
                if (!_hours[h]) continue;
                for (var m = 0; m < 60 && found < count; m++)
                {
                    if (!_minutes[m]) continue;
                    for (var s = 0; s < 60 && found < count; s++)
                    {
                        if (!_seconds[s]) continue;
                        var t = new DateTime(day.Year, day.Month, day.Day, h, m, s, DateTimeKind.Utc);
                        if (t <= start) continue;
                        found++;
                        yield return new DateTimeOffset(t);
                    }
                }
            }
        }
    }
}
