using System.Globalization;
using System.Text.Json;
using DwsPowerShell.Client.Json;

namespace DwsPowerShell.Client.Tests.Examples;

/// <summary>One JSON example from the API reference (tests/Fixtures/examples.json, copied from shared/api).</summary>
public sealed record ReferenceExample(string Section, string Kind, int? Status, string Label, JsonElement Json, int FirstLine)
{
    public override string ToString() => $"{Section} {Kind} {Status} (line {FirstLine})";
}

public static class ReferenceExamples
{
    private static readonly Lazy<IReadOnlyList<ReferenceExample>> s_all = new(Load);

    public static IReadOnlyList<ReferenceExample> All => s_all.Value;

    /// <summary>The examples of one section; kind is "request" or "response".</summary>
    public static IReadOnlyList<ReferenceExample> For(string section, string kind) =>
        All.Where(e => e.Section == section && e.Kind == kind).ToList();

    /// <summary>xunit member data: the sections' examples of a kind, as (section, index) pairs.</summary>
    public static TheoryData<string, int> Cases(string kind, params string[] sections)
    {
        var data = new TheoryData<string, int>();
        foreach (var section in sections)
        {
            var count = For(section, kind).Count;
            for (var i = 0; i < count; i++) data.Add(section, i);
        }
        return data;
    }

    /// <summary>
    /// Deserialises the example into <typeparamref name="T"/>, serialises it back and asserts that
    /// every field of the example survived with an equivalent value (numbers sent as strings, the
    /// several timestamp formats and 1/0 flags compare by meaning). Returns the model.
    /// </summary>
    public static T AssertRoundTrip<T>(ReferenceExample example)
    {
        var model = example.Json.Deserialize<T>(DwsJson.Options);
        Assert.NotNull(model);
        var back = JsonSerializer.SerializeToElement(model, DwsJson.Options);
        var lost = new List<string>();
        Compare(example.Json, back, "$", lost);
        Assert.True(lost.Count == 0, $"{example}: fields lost or changed in {typeof(T).Name}:\n  " + string.Join("\n  ", lost));
        return model!;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> lost)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object) { lost.Add($"{path}: expected an object, got {actual.ValueKind}"); return; }
                foreach (var property in expected.EnumerateObject())
                {
                    var childPath = path + "." + property.Name;
                    if (!actual.TryGetProperty(property.Name, out var child))
                    {
                        if (property.Value.ValueKind != JsonValueKind.Null) lost.Add($"{childPath}: missing");
                        continue;
                    }
                    Compare(property.Value, child, childPath, lost);
                }
                return;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array) { lost.Add($"{path}: expected an array, got {actual.ValueKind}"); return; }
                if (actual.GetArrayLength() != expected.GetArrayLength()) { lost.Add($"{path}: {expected.GetArrayLength()} items became {actual.GetArrayLength()}"); return; }
                for (var i = 0; i < expected.GetArrayLength(); i++) Compare(expected[i], actual[i], $"{path}[{i}]", lost);
                return;
            case JsonValueKind.Null:
                return;
            default:
                if (!SameValue(expected, actual)) lost.Add($"{path}: {expected.GetRawText()} became {actual.GetRawText()}");
                return;
        }
    }

    private static bool SameValue(JsonElement expected, JsonElement actual)
    {
        if (expected.GetRawText() == actual.GetRawText()) return true;
        var e = Scalar(expected);
        var a = Scalar(actual);
        if (e == a) return true;
        if (decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var en) &&
            decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var an) && en == an) return true;
        if (LooseNumber(e) is { } ln && LooseNumber(a) is { } la && ln == la) return true;
        if (Flag(e) is { } ef && Flag(a) is { } af && ef == af && (expected.ValueKind is JsonValueKind.True or JsonValueKind.False || actual.ValueKind is JsonValueKind.True or JsonValueKind.False)) return true;
        if (DwsTime.TryParse(e, out var et) && DwsTime.TryParse(a, out var at) && et == at) return true;
        return false;
    }

    /// <summary>The reference's numbers with stray text ("500,", "224 KB") read as the client reads them.</summary>
    private static decimal? LooseNumber(string? s)
    {
        try { return DwsPowerShell.Client.Json.LenientNumberConverterFactory.ParseLoose(s); }
        catch (JsonException) { return null; }
    }

    private static string? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        _ => e.GetRawText(),
    };

    private static bool? Flag(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "t" => true,
        "false" or "0" or "f" => false,
        _ => null,
    };

    private static IReadOnlyList<ReferenceExample> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<ReferenceExample>();
        foreach (var e in doc.RootElement.GetProperty("examples").EnumerateArray())
        {
            list.Add(new ReferenceExample(
                e.GetProperty("section").GetString()!,
                e.GetProperty("kind").GetString()!,
                e.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
                e.TryGetProperty("label", out var l) ? l.GetString() ?? "" : "",
                e.GetProperty("json").Clone(),
                e.GetProperty("source_lines")[0].GetInt32()));
        }
        return list;
    }
}
