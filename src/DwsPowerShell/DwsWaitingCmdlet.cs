using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell;

/// <summary>A cmdlet that can wait: -TimeoutSec and -PollIntervalSec, and waits shown as a progress bar.</summary>
public abstract class DwsWaitingCmdlet : DwsCmdlet
{
    internal const int DefaultTimeoutSec = 7200;
    internal const int DefaultPollIntervalSec = 10;
    internal const int MaxPollIntervalSec = 3600;

    /// <summary>Seconds to wait before giving up (default 2 hours).</summary>
    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = DefaultTimeoutSec;

    /// <summary>Seconds between status checks while waiting (default 10).</summary>
    [Parameter]
    [ValidateRange(1, MaxPollIntervalSec)]
    public int PollIntervalSec { get; set; } = DefaultPollIntervalSec;

    protected DwsWaitOptions WaitOptions => Options(TimeoutSec, PollIntervalSec);

    internal static DwsWaitOptions Options(int timeoutSec, int pollIntervalSec) =>
        new() { Timeout = TimeSpan.FromSeconds(timeoutSec), PollInterval = TimeSpan.FromSeconds(pollIntervalSec) };

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

    /// <summary>
    /// Sends a change of cluster <paramref name="clusterId"/> that answers with a job and writes the job: at once, or with
    /// -Wait once it is done (its progress shown as <paramref name="activity"/>).
    /// </summary>
    protected void WriteJob(string clusterId, Func<CancellationToken, Task<DwsJob>> start, string activity)
    {
        var job = Await(start);
        if (Wait)
        {
            job = WaitForJob(job, activity);
            job.ClusterId ??= clusterId;
        }
        WriteObject(job);
    }

    /// <summary>
    /// Sends a change that answers with a job and writes the job at once; with -Wait, waits for the job (its progress
    /// shown as <paramref name="activity"/>) and writes what <paramref name="read"/> then reads instead (a list item by item).
    /// </summary>
    protected void WriteJob<T>(Func<CancellationToken, Task<DwsJob>> start, string activity, Func<CancellationToken, Task<T>> read)
    {
        var job = Await(start);
        if (!Wait)
        {
            WriteObject(job);
            return;
        }
        WaitForJob(job, activity);
        WriteObject(Await(read), enumerateCollection: true);
    }
}
