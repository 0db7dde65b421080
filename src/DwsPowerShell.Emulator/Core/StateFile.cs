using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Emulator.Core;

/// <summary>A state file that cannot be used: <see cref="Exception.Message"/> is one line naming the file and what is wrong.</summary>
public sealed class StateFileException(string path, string problem)
    : Exception($"state file '{path}' {problem}")
{
    public string StatePath { get; } = path;
}

/// <summary>
/// The --state-file format: one JSON object holding <see cref="StateDocument"/>'s fields, no others. Reading refuses
/// anything else (empty, cut short, not JSON, a field missing, unknown or of the wrong type) rather than start empty
/// and overwrite it.
/// </summary>
public static class StateFile
{
    public const string FormatName = "DwsPowerShell.Emulator state";

    /// <summary>2: the Format and Version fields. 1: files written before them, which hold only the other fields.</summary>
    public const int CurrentVersion = 2;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private static readonly string[] s_version1Fields =
        [nameof(StateDocument.SavedAt), nameof(StateDocument.Clusters), nameof(StateDocument.Jobs), nameof(StateDocument.Snapshots),
         nameof(StateDocument.Plans), nameof(StateDocument.Stages), nameof(StateDocument.PendingFailures)];

    private static readonly string[] s_fields = [nameof(StateDocument.Format), nameof(StateDocument.Version), .. s_version1Fields];

    private static readonly string s_blankSavedAt = $"\"{nameof(StateDocument.SavedAt)}\": {JsonSerializer.Serialize(default(DateTimeOffset))}";

    /// <summary>
    /// <paramref name="content"/> (a document serialized with a blank SavedAt) with SavedAt set: one serialization serves
    /// both the comparison and the file. SavedAt comes before any record, so its first occurrence is the document's own.
    /// </summary>
    internal static string WithSavedAt(string content, DateTimeOffset savedAt)
    {
        var at = content.IndexOf(s_blankSavedAt, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("SavedAt is missing from the serialized state.");
        return string.Concat(content.AsSpan(0, at), $"\"{nameof(StateDocument.SavedAt)}\": {JsonSerializer.Serialize(savedAt)}", content.AsSpan(at + s_blankSavedAt.Length));
    }

    public static StateDocument Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException(path, "cannot be read: " + e.Message);
        }
        var json = bytes.AsSpan();
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        if (json.Trim(" \t\r\n"u8).IsEmpty) throw new StateFileException(path, bytes.Length == 0 ? "is empty (0 bytes)" : "is empty (only white space)");
        CheckSyntax(path, json);

        using (var document = JsonDocument.Parse(bytes.AsMemory(bytes.Length - json.Length)))
            CheckFields(path, document.RootElement);

        StateDocument doc;
        try
        {
            doc = JsonSerializer.Deserialize<StateDocument>(json, Json)!;
        }
        catch (JsonException e)
        {
            throw new StateFileException(path, $"has a value that does not fit at {Where(e)}: {FirstSentence(e.Message)}");
        }
        if (doc.Format is not null && doc.Format != FormatName)
            throw new StateFileException(path, $"is not an emulator state file: Format is '{doc.Format}', not '{FormatName}'");
        if (doc.Format is not null && doc.Version is < 2 or > CurrentVersion)
            throw new StateFileException(path, doc.Version > CurrentVersion
                ? $"was written by a newer emulator (Version {doc.Version}; this one reads up to {CurrentVersion})"
                : $"has Version {doc.Version}, which no emulator writes (this one reads up to {CurrentVersion})");
        CheckRecords(path, doc);
        return doc;
    }

    /// <summary>Not JSON, or cut short: found with a reader that is told more may follow, so an unfinished value is told apart.</summary>
    private static void CheckSyntax(string path, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        var complete = false;
        try
        {
            while (reader.Read())
                complete = reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray);
        }
        catch (JsonException e)
        {
            throw new StateFileException(path, $"is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }
        if (!complete && !IsWholeValue(json))
            throw new StateFileException(path, $"is cut short: its JSON ends unfinished after {json.Length} bytes");
    }

    /// <summary>A lone number at the top is only known to be whole at the end of the data.</summary>
    private static bool IsWholeValue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void CheckFields(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new StateFileException(path, $"holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the emulator's state object");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!s_fields.Contains(property.Name))
                throw new StateFileException(path, $"has an unknown field '{property.Name}' (a state file holds {string.Join(", ", s_fields)})");
            if (!seen.Add(property.Name))
                throw new StateFileException(path, $"has the field '{property.Name}' twice");
        }
        var expected = seen.Contains(nameof(StateDocument.Format)) || seen.Contains(nameof(StateDocument.Version)) ? s_fields : s_version1Fields;
        var missing = expected.Where(f => !seen.Contains(f)).ToArray();
        if (missing.Length == expected.Length)
            throw new StateFileException(path, $"is not an emulator state file: it has none of the fields {string.Join(", ", s_fields)}");
        if (missing.Length > 0)
            throw new StateFileException(path, $"is missing the field{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)}");
    }

    private static void CheckRecords(string path, StateDocument doc)
    {
        if (doc.Clusters is null || doc.Jobs is null || doc.Snapshots is null || doc.Plans is null || doc.Stages is null || doc.PendingFailures is null)
            throw new StateFileException(path, "has null where a list or map belongs");
        string? problem =
            !doc.Clusters.All(c => c is not null && !string.IsNullOrEmpty(c.Id)) ? "has a cluster without an Id"
            : doc.Clusters.DistinctBy(c => c.Id, StringComparer.Ordinal).Count() != doc.Clusters.Count ? "has a cluster Id twice"
            : !doc.Jobs.All(j => j is not null && !string.IsNullOrEmpty(j.JobId)) ? "has a job without a JobId"
            : doc.Jobs.DistinctBy(j => j.JobId, StringComparer.Ordinal).Count() != doc.Jobs.Count ? "has a JobId twice"
            : doc.Snapshots.Values.Concat(doc.Plans.Values).Concat(doc.Stages.Values).Any(o => o is null) ? "has null where a snapshot, plan or stage belongs"
            : doc.PendingFailures.FirstOrDefault(p => !FailureKinds.IsKnown(p.Key) || p.Value is null) is { Key: not null } bad
                ? $"has an unknown or null pending failure '{bad.Key}' (kinds: {string.Join(", ", FailureKinds.All)})"
            : null;
        if (problem is not null) throw new StateFileException(path, problem);
    }

    private static string Where(JsonException e) =>
        $"{(e.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "the top")} (line {e.LineNumber + 1})";

    /// <summary>The message up to its first ". " or its Path/LineNumber tail, on one line.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).ReplaceLineEndings(" ").Trim();
        return text.TrimEnd('.', ' ', '|');
    }
}
