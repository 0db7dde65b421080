using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// All emulated state. Every read or write of the collections happens under <see cref="Gate"/>.
/// The core keeps jobs, pending failures and IAM tokens; each area adds the state it owns (<see cref="Add"/>, called
/// from <see cref="IEmulatorArea.AddState"/>) and reaches it with <see cref="Part{T}"/>.
/// </summary>
public sealed class EmulatorState
{
    private const int MaxLogEntries = 10_000;
    private readonly List<RequestLogEntry> _log = [];
    private readonly object _saveGate = new();
    /// <summary>What the file holds (without savedAt) after the last write; null before the first.</summary>
    private string? _savedContent;
    private TimeSpan _savedClockOffset;
    /// <summary>Requests that may have changed state (<see cref="MarkChanged"/>); <see cref="_savedChanges"/> is the count the last write saw.</summary>
    private long _changes;
    private long _savedChanges = -1;

    private readonly Dictionary<Type, object> _parts = [];
    private readonly List<StateField> _fields = [];
    private readonly List<Action> _resets = [];

    public EmulatorState(EmulatorOptions options, EmulatorClock clock)
    {
        Options = options;
        Clock = clock;
        AddField(new StateField<List<JobRecord>>("Jobs", 20, () => [.. Jobs.Values], list => Replace(Jobs, list.ToDictionary(j => j.JobId)), Jobs.Clear, CheckJobs));
        AddField(new StateField<Dictionary<string, JobFailure>>("PendingFailures", 90, () => new(PendingFailures), map => Replace(PendingFailures, map),
            PendingFailures.Clear, CheckPendingFailures));
        foreach (var area in EmulatorAreas.All) area.AddState(this);
        foreach (var service in Services.EmulatorServices.All) service.AddState(this);
    }

    public EmulatorOptions Options { get; }
    public EmulatorClock Clock { get; }
    public object Gate { get; } = new();

    public Dictionary<string, JobRecord> Jobs { get; } = new(StringComparer.Ordinal);
    /// <summary>IAM tokens and their expiry (emulated clock). Never saved.</summary>
    public Dictionary<string, DateTimeOffset> Tokens { get; } = new(StringComparer.Ordinal);
    /// <summary>Job kind → failure to apply to the next job/operation of that kind.</summary>
    public Dictionary<string, JobFailure> PendingFailures { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fields of the state file, in their order.</summary>
    public IReadOnlyList<StateField> Fields => _fields;

    /// <summary>Adds an area's state object and the state file fields that keep it. Called once per area, from the constructor.</summary>
    public void Add<T>(T part, params StateField[] fields) where T : class
    {
        if (!_parts.TryAdd(typeof(T), part)) throw new InvalidOperationException($"{typeof(T).Name} is added twice.");
        foreach (var field in fields) AddField(field);
    }

    /// <summary>Runs <paramref name="reset"/> on every <see cref="Reset"/>, under the gate: for state the file does not keep (the services beside DWS reseed theirs).</summary>
    public void OnReset(Action reset) => _resets.Add(reset);

    /// <summary>The state object an area added (<see cref="Add"/>).</summary>
    public T Part<T>() where T : class =>
        _parts.TryGetValue(typeof(T), out var part) ? (T)part : throw new InvalidOperationException($"No area added {typeof(T).Name}.");

    private void AddField(StateField field)
    {
        if (_fields.Any(f => f.Name == field.Name || f.Order == field.Order))
            throw new InvalidOperationException($"The state file field {field.Name} (order {field.Order}) clashes with another.");
        _fields.Add(field);
        _fields.Sort((a, b) => a.Order.CompareTo(b.Order));
    }

    private static string? CheckJobs(List<JobRecord> jobs) =>
        !jobs.All(j => j is not null && !string.IsNullOrEmpty(j.JobId)) ? "has a job without a JobId"
        : jobs.DistinctBy(j => j.JobId, StringComparer.Ordinal).Count() != jobs.Count ? "has a JobId twice"
        : null;

    private static string? CheckPendingFailures(Dictionary<string, JobFailure> failures) =>
        failures.FirstOrDefault(p => !FailureKinds.IsKnown(p.Key) || p.Value is null) is { Key: not null } bad
            ? $"has an unknown or null pending failure '{bad.Key}' (kinds: {string.Join(", ", FailureKinds.All)})"
            : null;

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
            foreach (var field in _fields) field.Clear();
            foreach (var reset in _resets) reset();
            Tokens.Clear();
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
        var doc = StateFile.Read(path, _fields);
        lock (Gate)
        {
            Clock.EnsureNotBefore(doc.SavedAt);
            foreach (var field in _fields)
            {
                if (doc.Values.TryGetValue(field.Name, out var value)) field.Load(value);
                else field.Clear();
            }
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
            // Read before the state is: a change made meanwhile counts again and is serialized by the next save.
            var changes = Interlocked.Read(ref _changes);
            if (changes == _savedChanges && _savedContent is not null)
            {
                // Only the clock may have moved: the last text with a new SavedAt, without serializing the state again.
                var clockOffset = Clock.Offset;
                if (clockOffset == _savedClockOffset) return;
                Write(path, StateFile.WithSavedAt(_savedContent, Clock.UtcNow));
                _savedClockOffset = clockOffset;
                return;
            }
            if (Serialize(force: false, out var content, out var offset) is { } json)
            {
                Write(path, json);
                _savedClockOffset = offset;
            }
            _savedContent = content;
            _savedChanges = changes;
        }
    }

    /// <summary>
    /// Counts a request that may have changed what the file keeps (every request that reaches a handler, but those marked
    /// <see cref="StateUnchanged"/>): until the next one, <see cref="SaveChanges"/> writes without serializing the state.
    /// Code that changes the state outside a request calls it too.
    /// </summary>
    public void MarkChanged() => Interlocked.Increment(ref _changes);

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
            content = StateFile.Write(_fields);
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

    /// <summary>Empties <paramref name="target"/> and fills it from <paramref name="source"/> (for <see cref="StateField.Load"/>).</summary>
    public static void Replace<T>(Dictionary<string, T> target, IEnumerable<KeyValuePair<string, T>> source)
    {
        target.Clear();
        foreach (var (k, v) in source) target[k] = v;
    }
}
