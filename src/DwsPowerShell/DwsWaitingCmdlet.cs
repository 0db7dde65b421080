using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell;

/// <summary>A cmdlet that can wait: -TimeoutSec and -PollIntervalSec, and waits shown as a progress bar.</summary>
public abstract class DwsWaitingCmdlet : DwsCmdlet
{
    private static int s_nextActivityId = 0x4457;

    // Source IDs PowerShell hands out count up from 1; these stay clear of them.
    private static long s_lastProgressSourceId = 0x4457L << 32;

    private readonly long _progressSourceId = Interlocked.Increment(ref s_lastProgressSourceId);

    /// <summary>Seconds to wait before giving up (default 2 hours).</summary>
    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = 7200;

    /// <summary>Seconds between status checks while waiting (default 10).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = 10;

    protected DwsWaitOptions WaitOptions => new() { Timeout = TimeSpan.FromSeconds(TimeoutSec), PollInterval = TimeSpan.FromSeconds(PollIntervalSec) };

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

    /// <summary>Waits for one job with its own progress in the bar; a FAIL throws <see cref="DwsJobFailedException"/>.</summary>
    protected DwsJob WaitForJob(DwsJob job, string activity)
    {
        var done = AwaitWithProgress(activity, (progress, ct) =>
            DwsSession.Jobs.WaitAsync(job.JobId, WaitOptions, j => progress($"{j.JobName ?? j.JobId}: {j.Status} {j.Progress}".TrimEnd(), j.ProgressPercent), ct));
        done.ClusterId ??= job.ClusterId;
        return done;
    }
}

/// <summary>A cmdlet that starts long work: returns at once, or with -Wait blocks (with progress) until it is done.</summary>
public abstract class DwsLongRunningCmdlet : DwsWaitingCmdlet
{
    /// <summary>Waits until the operation finishes, showing progress, instead of returning at once.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }
}
