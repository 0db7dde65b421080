using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Internal;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Areas;

/// <summary>Finding clusters and waiting for them, on the one polling loop (<see cref="DwsWaiter.PollAsync"/>).</summary>
public sealed partial class ClustersApi
{
    /// <summary>
    /// The cluster whose name is exactly <paramref name="name"/> (case-sensitive), from the 5.2.6 list;
    /// null when there is none. Clusters already DELETED are ignored. Names are unique, so more than
    /// one match is an error.
    /// </summary>
    public async Task<Cluster?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(name, nameof(name));
        var matches = (await ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => string.Equals(c.Name, name, StringComparison.Ordinal) && !ClusterStatus.IsDeleted(c.Status))
            .ToList();
        if (matches.Count > 1)
        {
            throw new InvalidOperationException(
                $"{matches.Count} clusters are named '{name}' ({string.Join(", ", matches.Select(c => c.Id))}); give the cluster ID instead.");
        }
        return matches.Count == 0 ? null : matches[0];
    }

    /// <summary>
    /// Polls 5.2.13 until the cluster is AVAILABLE (or ACTIVE) with no task_status and no action_progress.
    /// A failure state throws <see cref="DwsResourceFailedException"/>; running out of time throws
    /// <see cref="DwsWaitTimeoutException"/>. <paramref name="onUpdate"/> sees every poll's answer.
    /// </summary>
    public Task<Cluster> WaitForStatusAsync(string clusterId, DwsWaitOptions? options = null, Action<Cluster>? onUpdate = null,
        CancellationToken cancellationToken = default) =>
        WaitUntilReadyAsync(ct => GetAsync(clusterId, ct)!, "cluster " + clusterId, clusterId, options, onUpdate, cancellationToken);

    /// <summary>
    /// Waits for work the service answered without a job (<see cref="ClusterTask"/>, e.g. a 5.2.30 scale-in
    /// answered 200): polls 5.2.13 until <see cref="ClusterTask.IsDoneBy"/> (AVAILABLE, no task, and the node
    /// count the task expects), and returns the task with status SUCCESS and the cluster as last read. A failure
    /// state (CLUSTER_SHRINK_FAILED...) throws <see cref="DwsResourceFailedException"/>; running out of time throws
    /// <see cref="DwsWaitTimeoutException"/>. <paramref name="onUpdate"/> sees every poll's answer.
    /// </summary>
    public async Task<ClusterTask> WaitForTaskAsync(ClusterTask task, DwsWaitOptions? options = null, Action<Cluster>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        if (task is null) throw new ArgumentNullException(nameof(task));
        var cluster = await WaitUntilReadyAsync(ct => GetAsync(task.ClusterId, ct)!, $"the {task.Operation} of cluster {task.ClusterId}", task.ClusterId,
            options, onUpdate, cancellationToken, task.IsDoneBy).ConfigureAwait(false);
        return task.As(cluster);
    }

    /// <summary>
    /// After a create (which returns no cluster ID: quirks.md 2.3): polls the list until a cluster named
    /// <paramref name="name"/> appears, then polls that cluster as <see cref="WaitForStatusAsync"/> does.
    /// One timeout covers both phases.
    /// </summary>
    public Task<Cluster> WaitForCreationAsync(string name, DwsWaitOptions? options = null, Action<Cluster>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        string? id = null;
        return WaitUntilReadyAsync(async ct =>
        {
            if (id is not null) return await GetAsync(id, ct).ConfigureAwait(false);
            var found = await FindByNameAsync(name, ct).ConfigureAwait(false);
            id = found?.Id;
            return found;
        }, $"cluster '{name}'", $"'{name}' (not listed yet)", options, onUpdate, cancellationToken);
    }

    /// <summary>
    /// Polls 5.2.13 until it answers 404 (or the status reads DELETED). DELETE_FAILED or
    /// "DELETION FAILED" throws <see cref="DwsResourceFailedException"/>.
    /// </summary>
    public async Task WaitForDeletionAsync(string clusterId, DwsWaitOptions? options = null, Action<Cluster>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        Cluster? last = null;
        await DwsWaiter.PollAsync(async ct =>
        {
            try
            {
                last = await GetAsync(clusterId, ct).ConfigureAwait(false);
            }
            catch (DwsApiException ex) when (ex.IsNotFound)
            {
                return true;
            }
            onUpdate?.Invoke(last);
            if (ClusterStatus.IsDeletionFailed(last.Status)) throw Failure(last);
            return ClusterStatus.IsDeleted(last.Status);
        }, options ?? new DwsWaitOptions(), () => new[] { Describe(last, clusterId) }, $"the deletion of cluster {clusterId}", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Cluster> WaitUntilReadyAsync(Func<CancellationToken, Task<Cluster?>> read, string what, string notYetSeen,
        DwsWaitOptions? options, Action<Cluster>? onUpdate, CancellationToken cancellationToken, Func<Cluster, bool>? done = null)
    {
        done ??= ClusterStatus.IsReady;
        Cluster? last = null;
        await DwsWaiter.PollAsync(async ct =>
        {
            var cluster = await read(ct).ConfigureAwait(false);
            if (cluster is null) return false;
            last = cluster;
            onUpdate?.Invoke(cluster);
            if (ClusterStatus.IsFailed(cluster)) throw Failure(cluster);
            return done(cluster);
        }, options ?? new DwsWaitOptions(), () => new[] { Describe(last, notYetSeen) }, what, cancellationToken).ConfigureAwait(false);
        return last!;
    }

    private static DwsResourceFailedException Failure(Cluster c) =>
        new("cluster", c.Id, c.Name, c.Status, c.TaskStatus, c.FailedReasons?.ErrorCode, c.FailedReasons?.ErrorMessage, c);

    private static string Describe(Cluster? c, string notYetSeen)
    {
        if (c is null) return notYetSeen;
        var text = $"{c.Name ?? c.Id} ({c.Status ?? "no status"}";
        if (!string.IsNullOrWhiteSpace(c.TaskStatus)) text += ", task " + c.TaskStatus;
        if (c.ActionProgress is { Count: > 0 } progress) text += ", " + string.Join(", ", progress.Select(p => p.Key + " " + p.Value));
        return text + ")";
    }
}
