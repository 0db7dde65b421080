using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Commands.Clusters;

namespace DwsPowerShell.Commands.Jobs;

/// <summary>Waits for DWS jobs to finish, with progress, and writes each finished job.</summary>
/// <remarks>Waits for any number of jobs at once with one polling loop (one request per running job per interval, not a thread per job), showing each job's own progress. A job that ends in SUCCESS is written to the pipeline; one that ends in FAIL becomes an error record (ErrorId DwsJobFailed) carrying failed_code and failed_detail, and the others go on. Takes job IDs (-JobId, or strings from the pipeline), the DwsJob objects that New-DwsSnapshot, Stop-DwsCluster, Resize-DwsCluster and others write, and any object with a JobId property. A scale-in that the service answers without a job (API reference 5.2.30 answering 200) makes Resize-DwsCluster write a ClusterTask instead: Wait-DwsJob waits on it by polling the cluster until the scale-in is done (AVAILABLE, no task, the nodes removed) and writes it with Status SUCCESS, so `Resize-DwsCluster ... | Wait-DwsJob` works whichever way the service answers; a scale-in that fails ends with DwsResourceFailed. Anything else piped in (a cluster, a snapshot, text that is not a job) is refused with a DwsInvalidArgument error naming -JobId and what to pipe, and nothing is sent for it. Ctrl+C stops the wait; -TimeoutSec gives up with DwsWaitTimedOut naming the jobs still running.</remarks>
/// <example title="Wait for a scale-in">
/// <code>
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Force | Wait-DwsJob
/// </code>
/// <para>Blocks with a progress bar until the scale-in ends, whether the service answered with a job or only with the cluster's task_status.</para>
/// </example>
/// <example title="Wait for many jobs with a time limit">
/// <code>
/// $jobs = Get-DwsCluster -Name 'etl-*' | Stop-DwsCluster -Force
/// $jobs | Wait-DwsJob -TimeoutSec 1800 -PollIntervalSec 15
/// </code>
/// <para>All stop jobs are polled in one loop; failures are reported per job.</para>
/// </example>
/// <example title="Wait for a job by its ID">
/// <code>
/// Wait-DwsJob -JobId 2c9081838417d8850184196d8282002b -PollIntervalSec 30
/// </code>
/// <para>Waits for a job started elsewhere, for example by the console.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Wait, "DwsJob", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(DwsJob), typeof(ClusterTask))]
public sealed class WaitDwsJobCommand : DwsWaitingCmdlet
{
    private const string JobIdSet = "JobId";
    private const string InputObjectSet = "InputObject";

    private readonly List<string> _ids = new();
    private readonly Dictionary<string, string?> _clusters = new(StringComparer.Ordinal);
    private readonly List<ClusterTask> _tasks = new();

    /// <summary>Job IDs, or DwsJob objects (their JobId is taken). What is piped in goes to -InputObject.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = JobIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [JobIdTransformation]
    public string[] JobId { get; set; } = Array.Empty<string>();

    /// <summary>What the pipeline gives: DwsJob objects, the ClusterTask Resize-DwsCluster writes for a scale-in answered without a job, objects with a JobId property, or job ID strings. Anything else is refused.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>The cluster a piped job works on (kept on the output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ClusterId { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == JobIdSet)
        {
            foreach (var id in JobId) AddJob(id, ClusterId);
            return;
        }
        foreach (var item in InputObject)
        {
            switch (JobInput.Classify(item, out var jobId, out var clusterId))
            {
                case ClusterTask task:
                    _tasks.Add(task);
                    break;
                case null:
                    WriteDwsError(new ArgumentException(JobInput.Refusal(item), nameof(JobId)), item);
                    break;
                default:
                    AddJob(jobId!, clusterId ?? ClusterId);
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        var count = _ids.Count + _tasks.Count;
        if (count == 0) return;
        var session = DwsSession; // resolved here, on the pipeline thread: a missing connection stops the pipeline
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var jobsTarget = _ids.Count == 1 ? _ids[0] : string.Join(",", _ids);
        AwaitWithProgress($"Waiting for {count} DWS job(s)", async (progress, ct) =>
        {
            var waits = _tasks.Select(task => WaitForTaskAsync(session, task, progress, ct)).ToList();
            if (_ids.Count > 0) waits.Add(WaitForJobsAsync(session, reported, jobsTarget, progress, ct));
            await Task.WhenAll(waits).ConfigureAwait(false);
            return true;
        });
    }

    private void AddJob(string id, string? clusterId)
    {
        if (_clusters.ContainsKey(id)) return;
        _ids.Add(id);
        _clusters[id] = clusterId;
    }

    /// <summary>All job IDs in one polling loop; a failure of the loop (timeout, unknown job) is one error for them all.</summary>
    private async Task WaitForJobsAsync(DwsSession session, HashSet<string> reported, string target, Action<string, int?> progress, CancellationToken ct)
    {
        try
        {
            var finished = await session.Jobs.WaitAsync(_ids, WaitOptions, job => Post(() => Report(job, reported, progress)), ct).ConfigureAwait(false);
            foreach (var job in finished) Post(() => Report(job, reported, null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Post(() => WriteDwsError(ex, target));
        }
    }

    /// <summary>A scale-in answered without a job: the cluster is polled until the work is done.</summary>
    private async Task WaitForTaskAsync(DwsSession session, ClusterTask task, Action<string, int?> progress, CancellationToken ct)
    {
        try
        {
            var done = await session.Clusters.WaitForTaskAsync(task, WaitOptions, c => progress($"{task.Operation} of {ClusterProgress.Describe(c)}", null), ct).ConfigureAwait(false);
            Post(() => WriteObject(done));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Post(() => WriteDwsError(ex, task));
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
