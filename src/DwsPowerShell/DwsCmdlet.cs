using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DwsPowerShell.Client;
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
        // Not task.Wait: it throws an AggregateException for a faulted task before the last drain,
        // losing the failed request's verbose line and hiding the DwsApiException the error mapper needs.
        var done = ((IAsyncResult)task).AsyncWaitHandle;
        while (!done.WaitOne(s_pumpInterval)) Drain();
        Drain();
        return task.GetAwaiter().GetResult();
    }

    protected void Await(Func<CancellationToken, Task> work) =>
        Await<bool>(async ct =>
        {
            await work(ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Runs <paramref name="action"/> on the pipeline thread at the next drain (for callbacks from client code).</summary>
    protected void Post(Action action) => _posted.Enqueue(action);

    /// <summary>Streams an async sequence to the pipeline, honouring -First/-Skip when the cmdlet supports paging.</summary>
    protected void WriteAll<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Func<T, bool>? filter = null)
    {
        var paging = SupportsPagingParameters(this);
        var skip = paging?.Skip ?? 0UL;
        var first = paging?.First ?? ulong.MaxValue;
        var written = 0UL;
        var seen = 0UL;
        Await(async ct =>
        {
            await foreach (var item in source(ct).WithCancellation(ct).ConfigureAwait(false))
            {
                if (filter is not null && !filter(item)) continue;
                if (seen++ < skip) continue;
                if (written >= first) break;
                written++;
                Post(() => WriteObject(item));
            }
            return true;
        });
        if (paging is not null && paging.IncludeTotalCount) WriteObject(paging.NewTotalCount(seen, 1.0));
    }

    /// <summary>Writes a per-item error so the pipeline goes on with the next item.</summary>
    protected void WriteDwsError(Exception error, object? target) => WriteError(DwsErrorRecords.From(error, target));

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
    protected void ThrowDwsError(Exception error, object? target) => ThrowTerminatingError(DwsErrorRecords.From(error, target));

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
