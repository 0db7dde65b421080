using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Emulator.Core;

/// <summary>A state file that cannot be used: <see cref="Exception.Message"/> is one line naming the file and what is wrong.</summary>
public sealed class StateFileException(string path, string problem)
    : Exception($"state file '{path}' {problem}")
{
    public string StatePath { get; } = path;
}

/// <summary>
/// One top-level field of the state file and the state it holds: the core keeps Jobs and PendingFailures, each area
/// adds its own (<see cref="IEmulatorArea.AddState"/>). Every method but <see cref="Check"/> runs under the state's gate.
/// </summary>
public abstract class StateField(string name, int order, int sinceVersion)
{
    /// <summary>The field's name in the file.</summary>
    public string Name { get; } = name;

    /// <summary>Where the field goes in the file: fields are written, listed and checked in this order.</summary>
    public int Order { get; } = order;

    /// <summary>The first <see cref="StateFile.CurrentVersion"/> whose files hold the field; older ones lack it.</summary>
    public int SinceVersion { get; } = sinceVersion;

    /// <summary>The type the field's value is read as.</summary>
    public abstract Type Shape { get; }

    /// <summary>A copy of the state, to be written.</summary>
    public abstract object Snapshot();

    /// <summary>What a file's (non-null) value has wrong, or null.</summary>
    public abstract string? Check(object value);

    /// <summary>Replaces the state with a file's value.</summary>
    public abstract void Load(object value);

    /// <summary>Empties the state (a reset, or a file older than the field).</summary>
    public abstract void Clear();

    /// <summary>
    /// Moves what a file of an older <paramref name="version"/> kept elsewhere into this field; true when it changed
    /// <paramref name="document"/>.
    /// </summary>
    public virtual bool Upgrade(JsonObject document, int version) => false;
}

/// <summary>A <see cref="StateField"/> of one value type, made of delegates.</summary>
public sealed class StateField<T>(string name, int order, Func<T> snapshot, Action<T> load, Action clear,
    Func<T, string?>? check = null, int sinceVersion = 1, Func<JsonObject, int, bool>? upgrade = null) : StateField(name, order, sinceVersion)
    where T : class
{
    public override Type Shape => typeof(T);

    public override object Snapshot() => snapshot();

    public override string? Check(object value) => check?.Invoke((T)value);

    public override void Load(object value) => load((T)value);

    public override void Clear() => clear();

    public override bool Upgrade(JsonObject document, int version) => upgrade?.Invoke(document, version) ?? false;
}

/// <summary>What a state file holds: the header, and each field's value by name.</summary>
public sealed class StateDocument
{
    /// <summary><see cref="StateFile.FormatName"/>; absent only in files written before it was added (version 1).</summary>
    public string? Format { get; set; }
    public int Version { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public Dictionary<string, object> Values { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The --state-file format: one JSON object holding Format, Version, SavedAt and the <see cref="StateField"/>s, no others.
/// Reading refuses anything else (empty, cut short, not JSON, a field missing, unknown or of the wrong type) rather than
/// start empty and overwrite it.
/// </summary>
public static class StateFile
{
    public const string FormatName = "DwsPowerShell.Emulator state";

    /// <summary>
    /// 3: each area keeps its own fields (Connections left the cluster records). 2: the Format and Version fields.
    /// 1: files written before them, which hold only the other fields. Files of every version are read.
    /// </summary>
    public const int CurrentVersion = 3;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private static readonly string[] s_header = [nameof(StateDocument.Format), nameof(StateDocument.Version), nameof(StateDocument.SavedAt)];

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

    /// <summary>The file's text for <paramref name="fields"/> (in <see cref="StateField.Order"/>), with a blank SavedAt.</summary>
    internal static string Write(IReadOnlyList<StateField> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(StateDocument.Format), FormatName);
            writer.WriteNumber(nameof(StateDocument.Version), CurrentVersion);
            writer.WritePropertyName(nameof(StateDocument.SavedAt));
            JsonSerializer.Serialize(writer, default(DateTimeOffset), Json);
            foreach (var field in fields)
            {
                writer.WritePropertyName(field.Name);
                JsonSerializer.Serialize(writer, field.Snapshot(), field.Shape, Json);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a state file holding <paramref name="fields"/> (ordered by <see cref="StateField.Order"/>).</summary>
    public static StateDocument Read(string path, IReadOnlyList<StateField> fields)
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
        ReadOnlyMemory<byte> json = bytes;
        if (json.Span.StartsWith("\uFEFF"u8)) json = json[3..];
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty) throw new StateFileException(path, bytes.Length == 0 ? "is empty (0 bytes)" : "is empty (only white space)");
        CheckSyntax(path, json.Span);

        int version;
        using (var document = JsonDocument.Parse(json))
            version = CheckFields(path, document.RootElement, fields);
        if (version < CurrentVersion && Upgrade(json, version, fields) is { } upgraded) json = upgraded;

        var doc = Deserialize(path, json.Span, fields);
        if (doc.Format is not null && doc.Format != FormatName)
            throw new StateFileException(path, $"is not an emulator state file: Format is '{doc.Format}', not '{FormatName}'");
        foreach (var field in fields)
        {
            if (!doc.Values.TryGetValue(field.Name, out var value)) continue;
            if (field.Check(value) is { } problem) throw new StateFileException(path, problem);
        }
        return doc;
    }

    /// <summary>The document with what older versions kept elsewhere moved into its fields, or null when nothing moved.</summary>
    private static byte[]? Upgrade(ReadOnlyMemory<byte> json, int version, IReadOnlyList<StateField> fields)
    {
        if (JsonNode.Parse(json.Span) is not JsonObject document) return null;
        var changed = false;
        foreach (var field in fields) changed |= field.Upgrade(document, version);
        return changed ? JsonSerializer.SerializeToUtf8Bytes(document, Json) : null;
    }

    /// <summary>Each top-level value read as its field's shape; an error names the field and the line in the file.</summary>
    private static StateDocument Deserialize(string path, ReadOnlySpan<byte> json, IReadOnlyList<StateField> fields)
    {
        var doc = new StateDocument();
        var reader = new Utf8JsonReader(json);
        string field = "";
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                field = reader.GetString()!;
                reader.Read();
                switch (field)
                {
                    case nameof(StateDocument.Format):
                        doc.Format = JsonSerializer.Deserialize<string?>(ref reader, Json);
                        break;
                    case nameof(StateDocument.Version):
                        doc.Version = JsonSerializer.Deserialize<int>(ref reader, Json);
                        break;
                    case nameof(StateDocument.SavedAt):
                        doc.SavedAt = JsonSerializer.Deserialize<DateTimeOffset>(ref reader, Json);
                        break;
                    default:
                        var shape = fields.Single(f => f.Name == field);
                        doc.Values[field] = JsonSerializer.Deserialize(ref reader, shape.Shape, Json)
                            ?? throw new StateFileException(path, "has null where a list or map belongs");
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new StateFileException(path, $"has a value that does not fit at {Where(field, e)}: {FirstSentence(e.Message)}");
        }
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

    /// <summary>
    /// The fields are those of the file's version (Format and Version present: the Version given; absent: 1), each once;
    /// a Format or Version this emulator does not read is refused here. Returns the file's version.
    /// </summary>
    private static int CheckFields(string path, JsonElement root, IReadOnlyList<StateField> fields)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new StateFileException(path, $"holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the emulator's state object");
        string[] Known(int version) => [.. version > 1 ? s_header : s_header[2..], .. fields.Where(f => f.SinceVersion <= version).Select(f => f.Name)];
        var all = Known(CurrentVersion);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!all.Contains(property.Name))
                throw new StateFileException(path, $"has an unknown field '{property.Name}' (a state file holds {string.Join(", ", all)})");
            if (!seen.Add(property.Name))
                throw new StateFileException(path, $"has the field '{property.Name}' twice");
        }
        if (seen.Count == 0) throw new StateFileException(path, $"is not an emulator state file: it has none of the fields {string.Join(", ", all)}");
        var version = 1;
        if (seen.Contains(nameof(StateDocument.Format)) || seen.Contains(nameof(StateDocument.Version)))
        {
            version = CurrentVersion;
            if (root.TryGetProperty(nameof(StateDocument.Format), out var format) && format.ValueKind == JsonValueKind.String && format.GetString() != FormatName)
                throw new StateFileException(path, $"is not an emulator state file: Format is '{format.GetString()}', not '{FormatName}'");
            if (root.TryGetProperty(nameof(StateDocument.Version), out var v) && v.TryGetInt32(out var given))
            {
                if (given is < 2 or > CurrentVersion)
                    throw new StateFileException(path, given > CurrentVersion
                        ? $"was written by a newer emulator (Version {given}; this one reads up to {CurrentVersion})"
                        : $"has Version {given}, which no emulator writes (this one reads up to {CurrentVersion})");
                version = given;
            }
        }
        var expected = Known(version);
        var missing = expected.Where(f => !seen.Contains(f)).ToArray();
        if (missing.Length > 0)
            throw new StateFileException(path, $"is missing the field{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)}");
        var extra = seen.Where(f => !expected.Contains(f)).ToArray();
        if (extra.Length > 0)
            throw new StateFileException(path, $"has the field{(extra.Length > 1 ? "s" : "")} {string.Join(", ", extra)}, which Version {version} files do not hold");
        return version;
    }

    private static string Where(string field, JsonException e) =>
        $"{(field.Length == 0 ? "the top" : field + (e.Path ?? "").TrimStart('$'))} (line {e.LineNumber + 1})";

    /// <summary>The message up to its first ". " or its Path/LineNumber tail, on one line.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).ReplaceLineEndings(" ").Trim();
        return text.TrimEnd('.', ' ', '|');
    }
}
