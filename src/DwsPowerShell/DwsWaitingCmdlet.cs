using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell;

/// <summary>A cmdlet that can wait: -TimeoutSec and -PollIntervalSec, and waits shown as a progress bar.</summary>
public abstract class DwsWaitingCmdlet : DwsCmdlet
{
    private static int s_nextActivityId = 0x4457;

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
    /// bar; the bar is always completed afterwards (STYLE.md 6).
    /// </summary>
    protected T AwaitWithProgress<T>(string activity, Func<Action<string, int?>, CancellationToken, Task<T>> wait)
    {
        var id = Interlocked.Increment(ref s_nextActivityId);
        try
        {
            return Await(ct => wait((status, percent) => Post(() => WriteProgress(new ProgressRecord(id, activity, string.IsNullOrEmpty(status) ? "Waiting" : status)
            {
                PercentComplete = percent is null ? -1 : Math.Max(0, Math.Min(100, percent.Value)),
            })), ct));
        }
        finally
        {
            WriteProgress(new ProgressRecord(id, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
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
