using System.Globalization;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// The one reading of a list route's <c>offset</c> and <c>limit</c> query parameters (record offsets, quirks.md 3.1):
/// absent means the route's default; anything but a whole number, a negative offset or a limit under 1 is
/// 400 DWS.5038 naming the parameter.
/// </summary>
internal readonly struct PageQuery
{
    private PageQuery(int offset, int limit)
    {
        Offset = offset;
        Limit = limit;
    }

    public int Offset { get; }

    public int Limit { get; }

    /// <param name="defaultLimit">The route's page size when no limit is given (int.MaxValue: every record).</param>
    public static PageQuery Read(HttpContext http, int defaultLimit) =>
        new(Int(http, "offset", 0, 0), Int(http, "limit", defaultLimit, 1));

    /// <summary>The records of this page.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> records) => records.Skip(Offset).Take(Limit);

    /// <summary>The JSON records of this page, copied (a node can have one parent).</summary>
    public JsonArray OfJson(IEnumerable<JsonNode> records) => new(Of(records).Select(r => r.DeepClone()).ToArray());

    /// <summary>An integer query parameter of at least <paramref name="min"/>; <paramref name="fallback"/> when absent.</summary>
    public static int Int(HttpContext http, string name, int fallback, int min)
    {
        var text = http.Request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min)
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: {name} must be an integer of at least {min}.");
        return value;
    }
}
