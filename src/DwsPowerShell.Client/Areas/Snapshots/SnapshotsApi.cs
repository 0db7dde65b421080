using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Areas;

/// <summary>Snapshots operations; one method per API operation.</summary>
public sealed partial class SnapshotsApi
{
    /// <summary>5.3.23 sort_key values, in the casing the reference documents (quirks.md 3.6).</summary>
    public static readonly IReadOnlyList<string> ClusterSnapshotSortKeys = new[] { "name", "clusterName", "startTime" };

    private static readonly Regex s_snapshotName = new("^[A-Za-z][A-Za-z0-9_-]{3,63}$", RegexOptions.CultureInvariant);
    private const string DescriptionForbidden = "!<>'=&\"";

    private readonly DwsTransport _transport;

    internal SnapshotsApi(DwsTransport transport) => _transport = transport;

    /// <summary>
    /// 5.3.1 Creating a Snapshot (v1.0). Returns the new snapshot's ID (with the name, cluster and
    /// description sent) and a job when the service returns a job ID. The snapshot starts CREATING:
    /// follow it with <see cref="WaitForStatusAsync"/>. When the answer is lost, the snapshot is looked up by its
    /// (unique) name in the list (5.3.3): found on this cluster, the creation succeeds with it (and no job).
    /// </summary>
    /// <param name="name">4 to 64 letters, digits, hyphens and underscores, starting with a letter; unique (case-insensitive).</param>
    /// <param name="description">At most 256 characters, none of <c>! &lt; &gt; ' = &amp; "</c>.</param>
    public async Task<SnapshotCreateResult> CreateAsync(string clusterId, string name, string? description = null, CancellationToken cancellationToken = default)
    {
        var body = new SnapshotCreateBody
        {
            Snapshot = new SnapshotCreateSpec
            {
                Name = CheckName(name),
                ClusterId = DwsRequest.CheckPathValue(clusterId, nameof(clusterId)),
                Description = CheckDescription(description),
            },
        };
        return await DwsReadBack.ConfirmAsync(_transport,
            async ct => Created(await _transport.SendAsync<SnapshotEnvelope>(DwsRequest.For(DwsOperations.S5_3_1).WithBody(body), ct).ConfigureAwait(false), body.Snapshot),
            ct => ConfirmCreatedAsync(body.Snapshot, ct), cancellationToken).ConfigureAwait(false);
    }

    private static SnapshotCreateResult Created(SnapshotEnvelope? answer, SnapshotCreateSpec sent)
    {
        var id = answer?.Snapshot?.Id;
        if (string.IsNullOrEmpty(id))
        {
            throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_3_1, $"The service accepted snapshot '{sent.Name}' of cluster {sent.ClusterId} but returned no snapshot ID. Find it with the cluster's snapshot list.");
        }
        var snapshot = answer!.Snapshot!;
        snapshot.Name ??= sent.Name;
        snapshot.ClusterId ??= sent.ClusterId;
        snapshot.Description ??= sent.Description;
        var job = string.IsNullOrEmpty(answer.JobId) ? null : new DwsJob { JobId = answer.JobId!, ClusterId = sent.ClusterId };
        return new SnapshotCreateResult(snapshot, job);
    }

    /// <summary>Read-back of a create whose answer was lost: a snapshot with the name (unique, any case) is listed for the cluster.</summary>
    private async Task<DwsReadBack<SnapshotCreateResult>> ConfirmCreatedAsync(SnapshotCreateSpec sent, CancellationToken cancellationToken)
    {
        var found = (await ListAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(s => string.Equals(s.Name, sent.Name, StringComparison.OrdinalIgnoreCase));
        if (found is null) return DwsReadBack<SnapshotCreateResult>.NotSeen($"no snapshot named '{sent.Name}' is listed");
        if (!string.IsNullOrEmpty(found.ClusterId) && !string.Equals(found.ClusterId, sent.ClusterId, StringComparison.Ordinal))
        {
            return DwsReadBack<SnapshotCreateResult>.NotSeen($"the snapshot named '{found.Name}' is of another cluster ({found.ClusterId})");
        }
        found.ClusterId ??= sent.ClusterId;
        return DwsReadBack<SnapshotCreateResult>.Seen(new SnapshotCreateResult(found, null), $"snapshot '{found.Name}' is listed ({found.Id}, {found.Status})");
    }

    /// <summary>5.3.3 Querying the Snapshot List: every snapshot of every cluster in the project (not paged).</summary>
    public async Task<IReadOnlyList<Snapshot>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_3_3), "snapshots", (SnapshotListEnvelope a) => a.Snapshots, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>5.3.4 Querying Snapshot Details (unwraps <c>snapshot</c>).</summary>
    public async Task<Snapshot> GetAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<SnapshotEnvelope>(
            DwsRequest.For(DwsOperations.S5_3_4).Path("snapshot_id", snapshotId), cancellationToken).ConfigureAwait(false);
        var snapshot = answer?.Snapshot ?? throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_3_4, $"The service returned no snapshot for {snapshotId}.");
        if (string.IsNullOrEmpty(snapshot.Id)) snapshot.Id = snapshotId;
        return snapshot;
    }

    /// <summary>
    /// 5.3.8 Deleting a Manual Snapshot. The service answers 202 and deletes in the background. When the answer
    /// is lost, the snapshot is read again (5.3.4): gone (404) or DELETING, the deletion succeeds.
    /// </summary>
    public Task DeleteAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        var request = DwsRequest.For(DwsOperations.S5_3_8).Path("snapshot_id", snapshotId);
        return DwsReadBack.ConfirmAsync(_transport, ct => _transport.SendAsync(request, ct), async ct =>
        {
            Snapshot snapshot;
            try
            {
                snapshot = await GetAsync(snapshotId, ct).ConfigureAwait(false);
            }
            catch (DwsApiException ex) when (ex.IsNotFound)
            {
                return DwsReadBack<bool>.Seen(true, $"snapshot {snapshotId} is gone");
            }
            return string.Equals(snapshot.Status?.Trim(), "DELETING", StringComparison.OrdinalIgnoreCase)
                ? DwsReadBack<bool>.Seen(true, $"snapshot {snapshotId} is DELETING")
                : DwsReadBack<bool>.NotSeen($"snapshot {snapshotId} is still {snapshot.Status ?? "listed"}");
        }, cancellationToken);
    }

    /// <summary>
    /// 5.3.23 Querying the Cluster Snapshot List: one page. <see cref="DwsPage{T}.Total"/> is the
    /// service's <c>count</c>, a hint only (quirks.md 3.5).
    /// </summary>
    /// <param name="sortKey">name, clusterName or startTime (any casing).</param>
    /// <param name="sortDirection">ASC or DESC (any casing); ASC when only <paramref name="sortKey"/> is given.</param>
    public async Task<DwsPage<Snapshot>> ListClusterSnapshotsPageAsync(string clusterId, int offset, int limit,
        string? sortKey = null, string? sortDirection = null, CancellationToken cancellationToken = default)
    {
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
        var (key, direction) = CheckSort(sortKey, sortDirection);
        var (answer, items) = await _transport.SendListAsync(
            DwsRequest.For(DwsOperations.S5_3_23).Path("cluster_id", clusterId)
                .Query("offset", offset).Query("limit", limit).Query("sort_key", key).Query("sort_dir", direction),
            "snapshots", (SnapshotListEnvelope a) => a.Snapshots, cancellationToken).ConfigureAwait(false);
        foreach (var s in items) s.ClusterId ??= answer.ClusterId ?? clusterId;
        return new DwsPage<Snapshot>(items, answer.Count);
    }

    /// <summary>
    /// 5.3.23 Querying the Cluster Snapshot List: every snapshot of one cluster, fetched a page at a
    /// time as the caller enumerates. Arguments are checked at once, before enumeration.
    /// </summary>
    public IAsyncEnumerable<Snapshot> ListClusterSnapshotsAsync(string clusterId, string? sortKey = null, string? sortDirection = null,
        int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        CheckSort(sortKey, sortDirection);
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1.");
        return DwsPager.ListAsync((offset, limit, ct) => ListClusterSnapshotsPageAsync(clusterId, offset, limit, sortKey, sortDirection, ct),
            pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>
    /// Polls 5.3.4 until the snapshot is AVAILABLE or COMPLETED and returns it. UNAVAILABLE or FAILED
    /// ends the wait with <see cref="DwsResourceFailedException"/>; running out of time with
    /// <see cref="DwsWaitTimeoutException"/>. <paramref name="onUpdate"/> sees every poll's answer.
    /// </summary>
    public async Task<Snapshot> WaitForStatusAsync(string snapshotId, DwsWaitOptions? options = null, Action<Snapshot>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(snapshotId, nameof(snapshotId));
        Snapshot? last = null;
        await DwsWaiter.PollAsync(async ct =>
        {
            var snapshot = await GetAsync(snapshotId, ct).ConfigureAwait(false);
            last = snapshot;
            onUpdate?.Invoke(snapshot);
            if (snapshot.IsFailed)
            {
                throw new DwsResourceFailedException("snapshot", snapshotId, snapshot.Name, snapshot.Status!.Trim(), taskStatus: null, failureMessage: FailureDetail(snapshot), resource: snapshot);
            }
            return snapshot.IsReady;
        }, options ?? new DwsWaitOptions(), () => new[] { $"snapshot {snapshotId} ({last?.Status ?? "status not read yet"})" },
            "snapshot " + snapshotId, cancellationToken).ConfigureAwait(false);
        return last!;
    }

    /// <summary>
    /// Polls 5.3.4 after a 5.3.8 delete until the service answers 404 (the snapshot is gone).
    /// <paramref name="onUpdate"/> sees every answer while the snapshot is still listed; running out
    /// of time ends the wait with <see cref="DwsWaitTimeoutException"/> naming the last status seen.
    /// </summary>
    public async Task WaitForDeletionAsync(string snapshotId, DwsWaitOptions? options = null, Action<Snapshot>? onUpdate = null,
        CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(snapshotId, nameof(snapshotId));
        Snapshot? last = null;
        await DwsWaiter.PollAsync(async ct =>
        {
            try
            {
                last = await GetAsync(snapshotId, ct).ConfigureAwait(false);
            }
            catch (DwsApiException ex) when (ex.IsNotFound)
            {
                return true;
            }
            onUpdate?.Invoke(last);
            return false;
        }, options ?? new DwsWaitOptions(), () => new[] { $"snapshot {snapshotId} ({last?.Status ?? "status not read yet"})" },
            "the deletion of snapshot " + snapshotId, cancellationToken).ConfigureAwait(false);
    }

    private static string? FailureDetail(Snapshot snapshot)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(snapshot.Name)) parts.Add($"snapshot '{snapshot.Name}'");
        if (!string.IsNullOrWhiteSpace(snapshot.ClusterId)) parts.Add($"cluster {snapshot.ClusterId}{(string.IsNullOrWhiteSpace(snapshot.ClusterStatus) ? "" : " is " + snapshot.ClusterStatus)}");
        if (!string.IsNullOrWhiteSpace(snapshot.Progress)) parts.Add($"progress {snapshot.Progress}");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string CheckName(string? name)
    {
        if (name is null || !s_snapshotName.IsMatch(name))
        {
            throw new ArgumentException(
                $"name '{name}' is not a valid snapshot name: use 4 to 64 letters, digits, hyphens (-) and underscores (_), starting with a letter.",
                nameof(name));
        }
        return name;
    }

    private static string? CheckDescription(string? description)
    {
        if (description is null) return null;
        if (description.Length > 256)
        {
            throw new ArgumentException($"description is {description.Length} characters long; shorten it to at most 256.", nameof(description));
        }
        var bad = description.IndexOfAny(DescriptionForbidden.ToCharArray());
        if (bad >= 0)
        {
            throw new ArgumentException($"description contains '{description[bad]}', which the service refuses: remove any of {DescriptionForbidden}.", nameof(description));
        }
        return description;
    }

    private static (string? Key, string? Direction) CheckSort(string? sortKey, string? sortDirection)
    {
        if (string.IsNullOrWhiteSpace(sortKey))
        {
            if (!string.IsNullOrWhiteSpace(sortDirection))
            {
                throw new ArgumentException("sortDirection needs a sortKey: give sortKey too (name, clusterName or startTime), or leave both out.", nameof(sortDirection));
            }
            return (null, null);
        }
        var key = ClusterSnapshotSortKeys.FirstOrDefault(k => string.Equals(k, sortKey!.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"sortKey '{sortKey}' is not supported: use one of {string.Join(", ", ClusterSnapshotSortKeys)}.", nameof(sortKey));
        var direction = string.IsNullOrWhiteSpace(sortDirection) ? "ASC" : sortDirection!.Trim().ToUpperInvariant();
        if (direction != "ASC" && direction != "DESC")
        {
            throw new ArgumentException($"sortDirection '{sortDirection}' is not supported: use ASC or DESC.", nameof(sortDirection));
        }
        return (key, direction);
    }
}
