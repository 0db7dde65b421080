using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using System.Collections.Concurrent;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Areas;

/// <summary>Jobs (5.13) and waiting for them.</summary>
public sealed class JobsApi
{
    private readonly DwsTransport _transport;

    internal JobsApi(DwsTransport transport) => _transport = transport;

    /// <summary>5.13.1 Querying the Job Progress.</summary>
    public async Task<DwsJob> GetAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var job = await _transport.SendAsync<DwsJob>(DwsRequest.For(DwsOperations.S5_13_1).Path("job_id", jobId), cancellationToken).ConfigureAwait(false);
        if (job is null) throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_13_1, $"The service returned an empty answer for job {jobId}.");
        if (string.IsNullOrEmpty(job.JobId)) job.JobId = jobId;
        return job;
    }

    /// <summary>
    /// Waits for any number of jobs with one polling loop: each interval asks once for every job
    /// still running. <paramref name="onUpdate"/> sees every poll's answer (for progress display).
    /// Returns every job in its final state, failed ones included; see <see cref="DwsJob.IsFailed"/>.
    /// </summary>
    public async Task<IReadOnlyList<DwsJob>> WaitAsync(IEnumerable<string> jobIds, DwsWaitOptions? options = null,
        Action<DwsJob>? onUpdate = null, CancellationToken cancellationToken = default)
    {
        options ??= new DwsWaitOptions();
        var ids = jobIds?.Distinct(StringComparer.Ordinal).ToList() ?? throw new ArgumentNullException(nameof(jobIds));
        foreach (var id in ids) DwsRequest.CheckPathValue(id, nameof(jobIds));
        var pending = new List<string>(ids);
        var finished = new ConcurrentDictionary<string, DwsJob>(StringComparer.Ordinal);
        using var throttle = new SemaphoreSlim(options.MaxConcurrentRequests);
        var report = new object();

        await DwsWaiter.PollAsync(async ct =>
        {
            var polls = pending.Select(async id =>
            {
                await throttle.WaitAsync(ct).ConfigureAwait(false);
                DwsJob job;
                try
                {
                    job = await GetAsync(id, ct).ConfigureAwait(false);
                }
                finally
                {
                    throttle.Release();
                }
                // Reported as soon as it arrives, but one call at a time: onUpdate typically writes progress, which is not thread-safe.
                lock (report)
                {
                    onUpdate?.Invoke(job);
                    if (job.IsFinished) finished[id] = job;
                }
            }).ToList();
            await Task.WhenAll(polls).ConfigureAwait(false);
            pending.RemoveAll(finished.ContainsKey);
            return pending.Count == 0;
        }, options, () => pending.ToList(), ids.Count == 1 ? "job " + ids[0] : $"{ids.Count} jobs", cancellationToken).ConfigureAwait(false);

        return ids.Select(id => finished[id]).ToList();
    }

    /// <summary>Waits for one job; a FAIL becomes <see cref="DwsJobFailedException"/>.</summary>
    public async Task<DwsJob> WaitAsync(string jobId, DwsWaitOptions? options = null, Action<DwsJob>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        // Checked here so that a bad value is reported against jobId, not the jobIds of the overload below.
        DwsRequest.CheckPathValue(jobId, nameof(jobId));
        var job = (await WaitAsync(new[] { jobId }, options, onUpdate, cancellationToken).ConfigureAwait(false))[0];
        if (job.IsFailed) throw new DwsJobFailedException(job);
        return job;
    }
}
