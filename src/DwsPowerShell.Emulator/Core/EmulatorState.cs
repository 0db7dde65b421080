using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// All emulated state. Every read or write of the collections happens under <see cref="Gate"/>.
/// Areas own the shapes they keep (snapshots, plans and stages are JSON objects keyed by id).
/// </summary>
public sealed class EmulatorState
{
    private const int MaxLogEntries = 10_000;
    private readonly List<RequestLogEntry> _log = [];
    private readonly object _saveGate = new();
    /// <summary>What the file holds (without savedAt) after the last write; null before the first.</summary>
    private string? _savedContent;
    private TimeSpan _savedClockOffset;

    public EmulatorState(EmulatorOptions options, EmulatorClock clock)
    {
        Options = options;
        Clock = clock;
    }

    public EmulatorOptions Options { get; }
    public EmulatorClock Clock { get; }
    public object Gate { get; } = new();

    public Dictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JobRecord> Jobs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Snapshots { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Plans { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Stages { get; } = new(StringComparer.Ordinal);
    /// <summary>IAM tokens and their expiry (emulated clock). Never saved.</summary>
    public Dictionary<string, DateTimeOffset> Tokens { get; } = new(StringComparer.Ordinal);
    /// <summary>Job kind → failure to apply to the next job/operation of that kind.</summary>
    public Dictionary<string, JobFailure> PendingFailures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RequestLogEntry> Requests
    {
        get { lock (_log) return _log.ToArray(); }
    }

    internal void Record(RequestLogEntry entry)
    {
        lock (_log)
        {
            if (_log.Count >= MaxLogEntries) _log.RemoveAt(0);
            _log.Add(entry);
        }
    }

    public void ClearRequests()
    {
        lock (_log) _log.Clear();
    }

    /// <summary>Takes the failure queued for the next work of this kind, if any. Call under <see cref="Gate"/>.</summary>
    public JobFailure? TakePendingFailure(string kind) =>
        PendingFailures.Remove(Known(kind), out var failure) ? failure : null;

    public void FailNext(string kind, JobFailure failure)
    {
        lock (Gate) PendingFailures[Known(kind)] = failure;
    }

    private static string Known(string kind) =>
        FailureKinds.IsKnown(kind) ? kind : throw new ArgumentException($"'{kind}' is not one of FailureKinds.All.", nameof(kind));

    public void Reset()
    {
        lock (Gate)
        {
            Clusters.Clear();
            Jobs.Clear();
            Snapshots.Clear();
            Plans.Clear();
            Stages.Clear();
            Tokens.Clear();
            PendingFailures.Clear();
        }
        ClearRequests();
    }

    public static string NewUuid() => Guid.NewGuid().ToString("D");

    /// <summary>32 lowercase hex characters, the shape of DWS job ids.</summary>
    public static string NewHexId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Writes the state to <paramref name="path"/> (atomically: a temporary file in the same folder, flushed, then moved over it).</summary>
    public void Save(string path)
    {
        lock (_saveGate) Write(path, Serialize(force: true, out _, out _)!);
    }

    /// <summary>Reads a state file; a file that is not one (empty, cut short, not JSON, wrongly shaped) throws <see cref="StateFileException"/>.</summary>
    public void Load(string path)
    {
        var doc = StateFile.Read(path);
        lock (Gate)
        {
            Clock.EnsureNotBefore(doc.SavedAt);
            Clusters.Clear();
            foreach (var c in doc.Clusters) Clusters[c.Id] = c;
            Jobs.Clear();
            foreach (var j in doc.Jobs) Jobs[j.JobId] = j;
            Replace(Snapshots, doc.Snapshots);
            Replace(Plans, doc.Plans);
            Replace(Stages, doc.Stages);
            Replace(PendingFailures, doc.PendingFailures);
        }
        lock (_saveGate) _savedContent = null;
    }

    /// <summary>
    /// With a state file configured, writes the state if what the file keeps changed since the last write (or the clock
    /// was advanced). Callers that changed state call this before answering; callers waiting here together share one write.
    /// Throws <see cref="StateFileException"/> when the file cannot be written (the temporary file is removed).
    /// </summary>
    public void SaveChanges()
    {
        var path = Options.StateFile;
        if (string.IsNullOrWhiteSpace(path)) return;
        lock (_saveGate)
        {
            if (Serialize(force: false, out var content, out var offset) is not { } json) return;
            Write(path, json);
            _savedContent = content;
            _savedClockOffset = offset;
        }
    }

    /// <summary>
    /// The file's text, or null when <paramref name="force"/> is false and nothing the file keeps changed since the last
    /// write: <paramref name="content"/> is the text with a blank savedAt (which moves with the clock), and
    /// <paramref name="clockOffset"/> the clock's advances it includes. Call under _saveGate.
    /// </summary>
    private string? Serialize(bool force, out string content, out TimeSpan clockOffset)
    {
        // Read before the clock is: an advance in between is then written again, never skipped.
        clockOffset = Clock.Offset;
        lock (Gate)
        {
            content = JsonSerializer.Serialize(new StateDocument
            {
                Format = StateFile.FormatName,
                Version = StateFile.CurrentVersion,
                Clusters = [.. Clusters.Values],
                Jobs = [.. Jobs.Values],
                Snapshots = new(Snapshots),
                Plans = new(Plans),
                Stages = new(Stages),
                PendingFailures = new(PendingFailures),
            }, StateFile.Json);
            if (!force && content == _savedContent && clockOffset == _savedClockOffset) return null;
            return StateFile.WithSavedAt(content, Clock.UtcNow);
        }
    }

    private static void Write(string path, string json)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(json));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing was written there, or the folder refuses even that.
            }
            throw new StateFileException(path, "cannot be written: " + e.Message);
        }
    }

    internal void SaveIfConfigured()
    {
        try
        {
            SaveChanges();
        }
        catch (StateFileException e)
        {
            Console.Error.WriteLine("dws-emulator: " + e.Message);
        }
    }

    private static void Replace<T>(Dictionary<string, T> target, Dictionary<string, T> source)
    {
        target.Clear();
        foreach (var (k, v) in source) target[k] = v;
    }
}
