using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Commands.Job;

/// <summary>Waits for DWS jobs to finish, with progress, and writes each finished job.</summary>
/// <remarks>Waits for any number of jobs at once with one polling loop (one request per running job per interval, not a thread per job), showing each job's own progress. A job that ends in SUCCESS is written to the pipeline; one that ends in FAIL becomes an error record (ErrorId DwsJobFailed) carrying failed_code and failed_detail, and the others go on. Ctrl+C stops the wait; -TimeoutSec gives up with DwsWaitTimedOut naming the jobs still running.</remarks>
/// <example title="Wait for a scale-in">
/// <code>
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Force | Wait-DwsJob
/// </code>
/// <para>Blocks with a progress bar until the scale-in job ends.</para>
/// </example>
/// <example title="Wait for many jobs with a time limit">
/// <code>
/// $jobs = Get-DwsCluster -Name 'etl-*' | Stop-DwsCluster -Force
/// $jobs | Wait-DwsJob -TimeoutSec 1800 -PollIntervalSec 15
/// </code>
/// <para>All stop jobs are polled in one loop; failures are reported per job.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Wait, "DwsJob")]
[OutputType(typeof(DwsJob))]
public sealed class WaitDwsJobCommand : DwsCmdlet
{
    private const int ActivityId = 0x4457; // "DW"
    private readonly List<string> _ids = new();
    private readonly Dictionary<string, string?> _clusters = new(StringComparer.Ordinal);

    /// <summary>Job IDs; accepts the job objects that New-DwsSnapshot, Resize-DwsCluster and others return.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] JobId { get; set; } = Array.Empty<string>();

    /// <summary>The cluster a piped job works on (kept on the output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ClusterId { get; set; }

    /// <summary>Seconds to wait before giving up (default 2 hours).</summary>
    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = 7200;

    /// <summary>Seconds between polls (default 10).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = 10;

    protected override void ProcessRecord()
    {
        foreach (var id in JobId)
        {
            if (_clusters.ContainsKey(id)) continue;
            _ids.Add(id);
            _clusters[id] = ClusterId;
        }
    }

    protected override void EndProcessing()
    {
        if (_ids.Count == 0) return;
        var options = new DwsWaitOptions { PollInterval = TimeSpan.FromSeconds(PollIntervalSec), Timeout = TimeSpan.FromSeconds(TimeoutSec) };
        var reported = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var finished = Await(ct => DwsSession.Jobs.WaitAsync(_ids, options, job => Post(() => Report(job, reported)), ct));
            foreach (var job in finished) Report(job, reported);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
        {
            WriteDwsError(ex, _ids.Count == 1 ? _ids[0] : string.Join(",", _ids));
        }
        finally
        {
            WriteProgress(new ProgressRecord(ActivityId, "Waiting for DWS jobs", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private void Report(DwsJob job, HashSet<string> reported)
    {
        if (job.ClusterId is null && _clusters.TryGetValue(job.JobId, out var cluster)) job.ClusterId = cluster;
        if (!job.IsFinished)
        {
            WriteProgress(new ProgressRecord(ActivityId, "Waiting for DWS jobs", $"{job.JobName ?? job.JobId}: {job.Status} {job.Progress}")
            {
                PercentComplete = job.ProgressPercent ?? -1,
                CurrentOperation = $"{_ids.Count - reported.Count} of {_ids.Count} still running",
            });
            return;
        }
        if (!reported.Add(job.JobId)) return;
        if (job.IsFailed) WriteDwsError(new DwsJobFailedException(job), job.JobId);
        else WriteObject(job);
    }
}
