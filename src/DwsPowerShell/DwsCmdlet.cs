using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.Internal;

namespace DwsPowerShell;

/// <summary>
/// The base of every DWS cmdlet: session resolution, one CancellationTokenSource per invocation
/// (cancelled by Ctrl+C), async calls awaited on the pipeline thread while their log lines and
/// progress are written, and the one mapping from client exceptions to ErrorRecords.
/// </summary>
public abstract class DwsCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan s_pumpInterval = TimeSpan.FromMilliseconds(200);

    private static int s_nextActivityId = 0x4457;

    // Source IDs PowerShell hands out count up from 1; these stay clear of them.
    private static long s_lastProgressSourceId = 0x4457L << 32;

    private readonly long _progressSourceId = Interlocked.Increment(ref s_lastProgressSourceId);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly ConcurrentQueue<DwsLogEntry> _log = new();
    private readonly ConcurrentQueue<Action> _posted = new();
    private DwsSession? _session;

    // Cmdlets are made on their runspace's pipeline thread; the session may first be needed on a thread-pool thread (inside Await).
    private readonly Runspace? _runspace = Runspace.DefaultRunspace;

    /// <summary>The session to use (from Connect-DwsService -PassThru or Get-DwsSession); the default session of this runspace when omitted.</summary>
    [Parameter]
    [ValidateNotNull]
    public DwsSessionInfo? Session { get; set; }

    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The session for this invocation: -Session, the connected one, or one made from the environment.</summary>
    protected DwsSession DwsSession => _session ??= ResolveSession();

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Refuses an overlong value or a bad wildcard pattern before anything is sent, then runs <see cref="Begin"/>.</summary>
    protected sealed override void BeginProcessing()
    {
        CheckLengths();
        CheckWildcards();
        Begin();
    }

    /// <summary>What a cmdlet does in BeginProcessing (checks of its command-line parameters).</summary>
    protected virtual void Begin()
    {
    }

    /// <summary>Runs client work on the thread pool and waits for it here, writing its log lines and posted output as they come.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> work)
    {
        var previous = DwsLogRouter.Current;
        DwsLogRouter.Current = _log;
        Task<T> task;
        try
        {
            task = Task.Run(() => work(_cancellation.Token));
        }
        finally
        {
            DwsLogRouter.Current = previous;
        }
        // A slim event spins briefly before it blocks (a kernel wait handle wakes the pipeline thread a
        // context switch later, which a one-request cmdlet pays on every call). Not task.Wait: it throws an
        // AggregateException for a faulted task before the last drain, losing the failed request's verbose
        // line and hiding the DwsApiException the error mapper needs.
        // Not disposed: Set may still be returning on the task's thread, and a slim event holds no kernel handle.
        var done = new ManualResetEventSlim(false);
        task.ContinueWith(static (_, state) => ((ManualResetEventSlim)state!).Set(), done, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!done.Wait(s_pumpInterval)) Drain();
        Drain();
        return task.GetAwaiter().GetResult();
    }

    protected void Await(Func<CancellationToken, Task> work) =>
        Await<bool>(async ct =>
        {
            await work(ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Runs a wait, giving it a callback that reports (status text, percent or null) as a progress
    /// bar; the bar is always completed afterwards (STYLE.md 6), whether the wait ends done, failed,
    /// timed out or stopped (Ctrl+C). Once a stop is requested, every Cmdlet and ICommandRuntime
    /// write throws PipelineStoppedException before writing anything, so the bar's records go to
    /// the host (PSHostUserInterface.WriteProgress, which feeds the console and the Progress stream)
    /// under this cmdlet's own source ID, honouring -ProgressAction and $ProgressPreference; the
    /// Completed record is written on the pipeline thread when the cancelled wait returns, before
    /// the stop is honoured.
    /// </summary>
    protected T AwaitWithProgress<T>(string activity, Func<Action<string, int?>, CancellationToken, Task<T>> wait)
    {
        var id = Interlocked.Increment(ref s_nextActivityId);
        var shown = ProgressShown();
        void Show(ProgressRecord record)
        {
            if (shown) Host.UI.WriteProgress(_progressSourceId, record);
        }
        try
        {
            return Await(ct => wait((status, percent) => Post(() => Show(new ProgressRecord(id, activity, string.IsNullOrEmpty(status) ? "Waiting" : status)
            {
                PercentComplete = percent is null ? -1 : Math.Max(0, Math.Min(100, percent.Value)),
            })), ct));
        }
        finally
        {
            Show(new ProgressRecord(id, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>-ProgressAction if given, else $ProgressPreference: SilentlyContinue and Ignore hide the bar.</summary>
    private bool ProgressShown()
    {
        var preference = MyInvocation.BoundParameters.TryGetValue("ProgressAction", out var bound) ? bound : GetVariableValue("ProgressPreference");
        return !LanguagePrimitives.TryConvertTo(preference, out ActionPreference value)
            || value is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    /// <summary>Runs <paramref name="action"/> on the pipeline thread at the next drain (for callbacks from client code).</summary>
    protected void Post(Action action) => _posted.Enqueue(action);

    /// <summary>
    /// Streams an async sequence to the pipeline, honouring -First/-Skip when the cmdlet supports paging.
    /// -IncludeTotalCount writes the total FIRST, exact (accuracy 1.0), as PowerShell's paging convention has it:
    /// when nothing is filtered here and the list reports the service's total (<see cref="IDwsPagedEnumerator"/>),
    /// that total, read from the first page, then the items as they come; otherwise the whole list is read and
    /// counted, and the requested items are written after the total. Give a null <paramref name="filter"/> when
    /// nothing is filtered, so the service's total can be used.
    /// </summary>
    protected void WriteAll<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Func<T, bool>? filter = null)
    {
        var paging = SupportsPagingParameters(this);
        var skip = paging?.Skip ?? 0UL;
        var first = paging?.First ?? ulong.MaxValue;
        var countAll = paging is not null && paging.IncludeTotalCount;
        var held = new List<T>();
        var listed = Await(async ct =>
        {
            ulong? serviceTotal = null;
            var matched = 0UL;
            var written = 0UL;
            await using var items = source(ct).GetAsyncEnumerator(ct);
            var more = await items.MoveNextAsync().ConfigureAwait(false);
            if (countAll && filter is null && items is IDwsPagedEnumerator { Total: >= 0 } paged)
            {
                var total = (ulong)paged.Total.Value;
                serviceTotal = total;
                Post(() => WriteObject(paging!.NewTotalCount(total, 1.0)));
            }
            var hold = countAll && serviceTotal is null;
            for (; more; more = await items.MoveNextAsync().ConfigureAwait(false))
            {
                var item = items.Current;
                if (filter is not null && !filter(item)) continue;
                if (matched++ < skip) continue;
                if (written >= first)
                {
                    if (hold) continue; // counting to the end
                    break;
                }
                written++;
                if (hold) held.Add(item);
                else Post(() => WriteObject(item));
            }
            return (ServiceTotal: serviceTotal, Matched: matched, ReadToEnd: !more);
        });
        if (listed.ServiceTotal is { } reported && listed.ReadToEnd && reported != listed.Matched)
        {
            // quirks.md 3.5: the count can disagree with the records; the total went first and cannot be taken back.
            WriteWarning($"The service reported {reported} in total but listed {listed.Matched}.");
        }
        if (countAll && listed.ServiceTotal is null)
        {
            WriteObject(paging!.NewTotalCount(listed.Matched, 1.0));
            foreach (var item in held) WriteObject(item);
        }
    }

    /// <summary>
    /// A filter keeping the items whose name matches any of <paramref name="patterns"/> (wildcards, case-insensitive);
    /// null when no pattern was given, so that <see cref="WriteAll{T}"/> can use the service's total.
    /// </summary>
    protected static Func<T, bool>? NameFilter<T>(string[]? patterns, Func<T, string?> nameOf)
    {
        if (patterns is null) return null;
        var compiled = patterns.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToArray();
        return item => compiled.Any(p => p.IsMatch(nameOf(item) ?? string.Empty));
    }

    /// <summary>
    /// No string parameter takes more than <see cref="DwsRequest.MaxPathValueLength"/> characters (the reference's
    /// longest names are 64, descriptions 256): a longer one is a mistake, refused naming it before anything is sent,
    /// whether it would travel in a path, a query (HTTP 414), a body, or only filter a list here.
    /// </summary>
    private void CheckLengths()
    {
        foreach (var bound in MyInvocation.BoundParameters)
        {
            foreach (var value in bound.Value as string[] ?? new[] { bound.Value as string })
            {
                if (value is null || value.Length <= DwsRequest.MaxPathValueLength) continue;
                ThrowDwsError(new ArgumentException(
                    $"-{bound.Key} is {value.Length} characters long; IDs, names and other values are at most {DwsRequest.MaxPathValueLength}. Check that the right value was passed.",
                    bound.Key), null);
            }
        }
    }

    /// <summary>
    /// A [SupportsWildcards] parameter holding a pattern WildcardPattern cannot parse ('a[b') is a parameter error naming
    /// it, before any request: the pattern would otherwise throw only when the first listed item is matched against it.
    /// </summary>
    private void CheckWildcards()
    {
        foreach (var name in s_wildcardParameters.GetOrAdd(GetType(), WildcardParametersOf))
        {
            if (!MyInvocation.BoundParameters.TryGetValue(name, out var bound)) continue;
            foreach (var pattern in bound as string[] ?? new[] { bound as string })
            {
                if (pattern is null) continue;
                try
                {
                    WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(string.Empty);
                }
                catch (WildcardPatternException ex)
                {
                    ThrowDwsError(new ArgumentException(
                        $"-{name} '{pattern}' is not a valid wildcard pattern ({ex.Message.TrimEnd('.')}). " +
                        $"To match [ or ] as they are, escape them with a backtick: '{WildcardPattern.Escape(pattern)}'.", name, ex), pattern);
                }
            }
        }
    }

    private static readonly ConcurrentDictionary<Type, string[]> s_wildcardParameters = new();

    private static string[] WildcardParametersOf(Type cmdlet) => cmdlet.GetProperties()
        .Where(p => p.IsDefined(typeof(SupportsWildcardsAttribute), true) && p.IsDefined(typeof(ParameterAttribute), true))
        .Select(p => p.Name)
        .ToArray();

    /// <summary>Writes a per-item error so the pipeline goes on with the next item.</summary>
    protected void WriteDwsError(Exception error, object? target) => WriteError(ErrorRecordFor(error, target));

    /// <summary>
    /// Runs the work for one item; a failure becomes a per-item error on <paramref name="target"/>
    /// (<see cref="WriteDwsError"/>) so the pipeline goes on with the next item. A stopped pipeline
    /// (<see cref="PipelineStoppedException"/>) and Ctrl+C (<see cref="OperationCanceledException"/>) pass through.
    /// </summary>
    protected void ForItem(object? target, Action body)
    {
        try
        {
            body();
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
        {
            WriteDwsError(ex, target);
        }
    }

    /// <summary>Stops the pipeline: nothing further can work (bad configuration, bad credentials).</summary>
    protected void ThrowDwsError(Exception error, object? target) => ThrowTerminatingError(ErrorRecordFor(error, target));

    /// <summary>The record of a failure, an argument refused by the client named by this cmdlet's parameter (<see cref="DwsParameterNames"/>).</summary>
    private ErrorRecord ErrorRecordFor(Exception error, object? target) => DwsErrorRecords.From(DwsParameterNames.AsTyped(error, MyInvocation), target);

    /// <summary>
    /// ShouldProcess with -Force: -WhatIf always wins and an explicit -Confirm beats -Force;
    /// otherwise -Force skips the prompt. With <paramref name="highRisk"/> on a Medium cmdlet
    /// (quirks.md 10), also asks ShouldContinue unless -Force.
    /// </summary>
    protected bool ShouldChange(string target, string action, bool force, bool highRisk = false)
    {
        var whatIf = IsSwitchOn("WhatIf", "WhatIfPreference");
        var explicitConfirm = MyInvocation.BoundParameters.ContainsKey("Confirm");
        if (force && !whatIf && !explicitConfirm) return true;
        if (!ShouldProcess(target, action)) return false;
        if (highRisk && !force && !whatIf)
        {
            return ShouldContinue($"{action} on '{target}' cannot be undone. Continue?", "Confirm high-risk operation");
        }
        return true;
    }

    protected void Drain()
    {
        while (_log.TryDequeue(out var entry))
        {
            switch (entry.Level)
            {
                case DwsLogLevel.Warning: WriteWarning(entry.Message); break;
                case DwsLogLevel.Debug: WriteDebug(entry.Message); break;
                default: WriteVerbose(entry.Message); break;
            }
        }
        while (_posted.TryDequeue(out var action)) action();
    }

    private bool IsSwitchOn(string parameter, string preference)
    {
        if (MyInvocation.BoundParameters.TryGetValue(parameter, out var bound))
        {
            return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
        }
        return LanguagePrimitives.IsTrue(GetVariableValue(preference));
    }

    private DwsSession ResolveSession()
    {
        if (Session is not null) return Session.GetClient();
        if (DwsSessionStore.CurrentIn(_runspace) is { } current) return current.GetClient();
        try
        {
            var session = new DwsSession(new DwsSessionOptions { Log = DwsLogRouter.Route });
            DwsSessionStore.SetIn(_runspace, new DwsSessionInfo(session));
            return session;
        }
        catch (DwsUnknownRegionException ex)
        {
            // HUAWEICLOUD_SDK_REGION names a region with no known endpoint: say that, not "not connected".
            ThrowTerminatingError(DwsErrorRecords.From(ex, ex.Region));
            throw; // not reached
        }
        catch (DwsConfigurationException ex)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("Not connected to DWS. Run Connect-DwsService -Region <region> -AccessKey <AK> -SecretKey (Read-Host -AsSecureString), " +
                    "or set HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_REGION. (" + ex.Message + ")", ex),
                "DwsNotConnected", ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails("Not connected to DWS.") { RecommendedAction = "Run Connect-DwsService, or set the HUAWEICLOUD_SDK_* environment variables." },
            });
            throw; // not reached
        }
    }

    private static PagingParameters? SupportsPagingParameters(PSCmdlet cmdlet)
    {
        try
        {
            return cmdlet.PagingParameters;
        }
        catch (PSInvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
