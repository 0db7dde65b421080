using System.Management.Automation;
using DwsPowerShell.Client.Models;

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
public sealed class WaitDwsJobCommand : DwsWaitingCmdlet
{
    private readonly List<string> _ids = new();
    private readonly Dictionary<string, string?> _clusters = new(StringComparer.Ordinal);

    /// <summary>Job IDs; accepts the job objects that New-DwsSnapshot, Resize-DwsCluster and others return.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] JobId { get; set; } = Array.Empty<string>();

    /// <summary>The cluster a piped job works on (kept on the output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ClusterId { get; set; }

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
        var reported = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var finished = AwaitWithProgress($"Waiting for {_ids.Count} DWS job(s)", (progress, ct) =>
                DwsSession.Jobs.WaitAsync(_ids, WaitOptions, job => Post(() => Report(job, reported, progress)), ct));
            foreach (var job in finished) Report(job, reported, null);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
        {
            WriteDwsError(ex, _ids.Count == 1 ? _ids[0] : string.Join(",", _ids));
        }
    }

    private void Report(DwsJob job, HashSet<string> reported, Action<string, int?>? progress)
    {
        if (job.ClusterId is null && _clusters.TryGetValue(job.JobId, out var cluster)) job.ClusterId = cluster;
        if (!job.IsFinished)
        {
            progress?.Invoke($"{job.JobName ?? job.JobId}: {job.Status} {job.Progress} ({_ids.Count - reported.Count} of {_ids.Count} running)", job.ProgressPercent);
            return;
        }
        if (!reported.Add(job.JobId)) return;
        if (job.IsFailed) WriteDwsError(new DwsJobFailedException(job), job.JobId);
        else WriteObject(job);
    }
}
