using System.Security.Cryptography;
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
    private static readonly JsonSerializerOptions s_fileJson = new() { WriteIndented = true };
    private readonly List<RequestLogEntry> _log = [];

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
        PendingFailures.Remove(kind, out var failure) ? failure : null;

    public void FailNext(string kind, JobFailure failure)
    {
        lock (Gate) PendingFailures[kind] = failure;
    }

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

    public void Save(string path)
    {
        StateDocument doc;
        lock (Gate)
        {
            doc = new StateDocument
            {
                SavedAt = Clock.UtcNow,
                Clusters = [.. Clusters.Values],
                Jobs = [.. Jobs.Values],
                Snapshots = Snapshots.ToDictionary(p => p.Key, p => (JsonObject)p.Value.DeepClone()),
                Plans = Plans.ToDictionary(p => p.Key, p => (JsonObject)p.Value.DeepClone()),
                Stages = Stages.ToDictionary(p => p.Key, p => (JsonObject)p.Value.DeepClone()),
                PendingFailures = new(PendingFailures),
            };
            var json = JsonSerializer.Serialize(doc, s_fileJson);
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var temp = path + ".tmp";
            File.WriteAllText(temp, json);
            File.Move(temp, path, overwrite: true);
        }
    }

    public void Load(string path)
    {
        var doc = JsonSerializer.Deserialize<StateDocument>(File.ReadAllText(path), s_fileJson)
            ?? throw new InvalidDataException($"State file '{path}' is empty.");
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
    }

    internal void SaveIfConfigured()
    {
        if (!string.IsNullOrWhiteSpace(Options.StateFile)) Save(Options.StateFile);
    }

    private static void Replace<T>(Dictionary<string, T> target, Dictionary<string, T> source)
    {
        target.Clear();
        foreach (var (k, v) in source) target[k] = v;
    }
}
