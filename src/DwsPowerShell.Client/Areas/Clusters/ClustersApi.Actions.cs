using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Cluster lifecycle: create, delete, restart, start, stop, resize, scale-in, switchback and read-only removal.</summary>
public sealed partial class ClustersApi
{
    private const string ReleaseEip = "RELEASE_BINDING";
    private const string KeepEip = "NO_RELEASE";

    /// <summary>
    /// 5.2.3 Creating a Cluster (V2), the default. The answer is an order ID only (quirks.md 2.3):
    /// find or wait for the cluster by <see cref="ClusterCreation.Name"/>. When the answer is lost, the cluster
    /// is looked up by its (unique) name: found, the creation succeeds without an order ID.
    /// </summary>
    public async Task<ClusterCreation> CreateAsync(CreateClusterRequest request, CancellationToken cancellationToken = default)
    {
        var body = new ClusterEnvelope<CreateClusterRequest>(Checked(request));
        return await DwsReadBack.ConfirmAsync(_transport,
            async ct => Created(await _transport.SendAsync<ClusterCreation>(DwsRequest.For(DwsOperations.S5_2_3).WithBody(body), ct).ConfigureAwait(false), request.Name),
            ct => ConfirmCreatedAsync(request.Name, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>5.2.1 Creating a Cluster (the v1.0 API, for installations without v2); a lost answer is looked up by name as with 5.2.3.</summary>
    public async Task<ClusterCreation> CreateV1Async(CreateClusterV1Request request, CancellationToken cancellationToken = default)
    {
        var body = new ClusterEnvelope<CreateClusterV1Request>(Checked(request));
        return await DwsReadBack.ConfirmAsync(_transport,
            async ct => Created(await _transport.SendAsync<ClusterCreation>(DwsRequest.For(DwsOperations.S5_2_1).WithBody(body), ct).ConfigureAwait(false), request.Name),
            ct => ConfirmCreatedAsync(request.Name, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// 5.2.16 Deleting a Cluster (V2), the default: no body, the options travel in the query
    /// (keep_last_manual_backup, release_eip_type). Answers 202; wait with <see cref="WaitForDeletionAsync"/>.
    /// </summary>
    /// <param name="keepLastManualSnapshots">How many of the latest manual snapshots to keep (0 or more).</param>
    /// <param name="releaseEip">Release the bound EIP too (RELEASE_BINDING) instead of keeping it (NO_RELEASE).</param>
    /// <remarks>When the answer is lost, the cluster is read again: gone (404) or DELETING, the deletion succeeds.</remarks>
    public Task DeleteAsync(string clusterId, int keepLastManualSnapshots = 0, bool releaseEip = false, CancellationToken cancellationToken = default)
    {
        var request = DwsRequest.For(DwsOperations.S5_2_16).Path("cluster_id", clusterId)
            .Query("keep_last_manual_backup", CheckKeep(keepLastManualSnapshots))
            .Query("release_eip_type", releaseEip ? ReleaseEip : KeepEip);
        return DwsReadBack.ConfirmAsync(_transport, ct => _transport.SendAsync(request, ct), ct => ConfirmDeletedAsync(clusterId, ct), cancellationToken);
    }

    /// <summary>5.2.15 Deleting Clusters (the v1.0 API): a DELETE with the JSON body {"keep_last_manual_snapshot":N} (quirks.md 7.1); a lost answer is read back as with 5.2.16.</summary>
    public Task DeleteV1Async(string clusterId, int keepLastManualSnapshots = 0, CancellationToken cancellationToken = default)
    {
        var request = DwsRequest.For(DwsOperations.S5_2_15).Path("cluster_id", clusterId)
            .WithBody(new DeleteClusterV1Request { KeepLastManualSnapshot = CheckKeep(keepLastManualSnapshots) });
        return DwsReadBack.ConfirmAsync(_transport, ct => _transport.SendAsync(request, ct), ct => ConfirmDeletedAsync(clusterId, ct), cancellationToken);
    }

    /// <summary>
    /// 5.2.25 Restarting a Cluster: body {"restart":{}}; no job, progress shows in task_status (REBOOTING).
    /// When the answer is lost, the cluster is read again: REBOOTING, the restart succeeds.
    /// </summary>
    public Task RestartAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var request = DwsRequest.For(DwsOperations.S5_2_25).Path("cluster_id", clusterId).WithBody(new RestartClusterRequest());
        return DwsReadBack.ConfirmAsync(_transport, ct => _transport.SendAsync(request, ct), async ct =>
        {
            var cluster = await GetAsync(clusterId, ct).ConfigureAwait(false);
            return ClusterStatus.Is(cluster.TaskStatus, ClusterStatus.Rebooting) || ClusterStatus.Is(cluster.Status, ClusterStatus.Rebooting)
                ? DwsReadBack<bool>.Seen(true, $"cluster {clusterId} is rebooting")
                : DwsReadBack<bool>.NotSeen($"cluster {clusterId} is {Describe(cluster)}, not rebooting (a short restart may already be over)");
        }, cancellationToken);
    }

    /// <summary>5.2.61 Starting a Cluster: returns the job (job_id comes next to a null error_code: quirks.md 2.2).</summary>
    public async Task<DwsJob> StartAsync(string clusterId, CancellationToken cancellationToken = default) =>
        await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_61).Path("cluster_id", clusterId), clusterId, "start", cancellationToken).ConfigureAwait(false);

    /// <summary>5.2.62 Stopping a Cluster: returns the job.</summary>
    public async Task<DwsJob> StopAsync(string clusterId, CancellationToken cancellationToken = default) =>
        await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_62).Path("cluster_id", clusterId), clusterId, "stop", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// 5.2.27 Expanding Cluster Capacity/Adding Idle Nodes (v1.0 resize). Documented with no answer body;
    /// a job is returned in <see cref="ClusterActionResult.Job"/> if the service names one.
    /// </summary>
    public async Task<ClusterActionResult> ResizeAsync(string clusterId, ResizeClusterRequest request, CancellationToken cancellationToken = default) =>
        ActionResult(await _transport.SendAsync<ClusterJobResponse>(DwsRequest.For(DwsOperations.S5_2_27).Path("cluster_id", clusterId)
            .WithBody(Checked(request)), cancellationToken).ConfigureAwait(false), clusterId);

    /// <summary>
    /// 5.2.30 Scaling In a Cluster. The English reference answers 200 {"error_code":"DWS.0000"} (progress in
    /// task_status: the result's <see cref="ClusterActionResult.ClusterTask"/>); seed 000 answers 202 {"job_id"}
    /// (a job). Both are accepted (quirks.md 11). A 200 whose error_code is anything else is the service
    /// refusing the scale-in: a <see cref="DwsApiException"/> with its code and message, not a success.
    /// </summary>
    public async Task<ClusterActionResult> ShrinkAsync(string clusterId, ShrinkClusterRequest request, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<ClusterJobResponse>(DwsRequest.For(DwsOperations.S5_2_30).Path("cluster_id", clusterId)
            .WithBody(Checked(request)), cancellationToken).ConfigureAwait(false);
        return ActionResult(answer, clusterId, new ClusterTask(clusterId, ClusterTask.ScaleIn));
    }

    /// <summary>Scale-in as <see cref="ScaleInAsync(string, ShrinkClusterRequest, CancellationToken)"/>, with force_backup and need_agency false.</summary>
    public Task<ClusterActionResult> ScaleInAsync(string clusterId, int removeNodeCount, bool online = false, CancellationToken cancellationToken = default) =>
        ScaleInAsync(clusterId, new ShrinkClusterRequest { ShrinkNumber = removeNodeCount, Online = online, Type = null }, cancellationToken);

    /// <summary>
    /// Scale-in as a cmdlet asks for it: checks <see cref="ShrinkClusterRequest.ShrinkNumber"/> against the
    /// cluster's shrink numbers (5.2.46) before sending, so a value the service would refuse fails with the
    /// allowed values named; when <see cref="ShrinkClusterRequest.Type"/> is null, takes the request type (dws,
    /// stream, hybrid) from the cluster's flavor_detail.type (5.2.13); then sends 5.2.30. Without a job in the
    /// answer, the result's <see cref="ClusterActionResult.ClusterTask"/> knows the node count the cluster
    /// will have, so that waiting on it ends only once the nodes are gone.
    /// </summary>
    public async Task<ClusterActionResult> ScaleInAsync(string clusterId, ShrinkClusterRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request), "request is required.");
        var removeNodeCount = request.ShrinkNumber;
        var allowed = await ListShrinkNumbersAsync(clusterId, cancellationToken).ConfigureAwait(false);
        if (!allowed.Contains(removeNodeCount))
        {
            var choices = allowed.Count == 0 ? "none (the cluster has no scale-out to undo)" : string.Join(", ", allowed);
            throw new ArgumentOutOfRangeException("RemoveNodeCount", removeNodeCount,
                $"RemoveNodeCount {removeNodeCount} is not offered for cluster {clusterId}: a scale-in removes whole rings in reverse order of the scale-outs. Allowed values: {choices}.");
        }
        var cluster = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
        if (request.Type is null)
        {
            var type = cluster.FlavorDetail?.Type;
            request.Type = string.IsNullOrWhiteSpace(type) ? ShrinkClusterRequest.TypeDws : type!.Trim().ToLowerInvariant();
        }
        var result = await ShrinkAsync(clusterId, request, cancellationToken).ConfigureAwait(false);
        return result.HasJob
            ? result
            : new ClusterActionResult(clusterId, null, result.ErrorCode, result.ErrorMessage,
                new ClusterTask(clusterId, ClusterTask.ScaleIn, cluster.NumberOfNode - removeNodeCount));
    }

    /// <summary>5.2.36 Performing a Switchback: restores the primary/standby balance (sub_status UNBALANCED); returns the job.</summary>
    public async Task<DwsJob> SwitchbackAsync(string clusterId, CancellationToken cancellationToken = default) =>
        await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_36).Path("cluster_id", clusterId), clusterId, "switchback", cancellationToken).ConfigureAwait(false);

    /// <summary>5.2.37 Removing the Read-only Status: clears READONLY from the cluster's sub_status (no body either way).</summary>
    public Task CancelReadOnlyAsync(string clusterId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_37).Path("cluster_id", clusterId), cancellationToken);

    private static T Checked<T>(T? request) where T : class, IValidatedRequest
    {
        if (request is null) throw new ArgumentNullException(nameof(request), "request is required.");
        request.Validate();
        return request;
    }

    private static ClusterCreation Created(ClusterCreation? answer, string? name)
    {
        answer ??= new ClusterCreation();
        answer.Name = name;
        return answer;
    }

    /// <summary>Read-back of a create whose answer was lost: a cluster with the (unique) name is listed.</summary>
    private async Task<DwsReadBack<ClusterCreation>> ConfirmCreatedAsync(string? name, CancellationToken cancellationToken)
    {
        var cluster = await FindByNameAsync(name!, cancellationToken).ConfigureAwait(false);
        return cluster is null
            ? DwsReadBack<ClusterCreation>.NotSeen($"no cluster named '{name}' is listed")
            : DwsReadBack<ClusterCreation>.Seen(new ClusterCreation { Name = name }, $"cluster '{name}' is listed ({cluster.Id}, {Describe(cluster)})");
    }

    /// <summary>Read-back of a delete whose answer was lost: the cluster is gone or DELETING.</summary>
    private async Task<DwsReadBack<bool>> ConfirmDeletedAsync(string clusterId, CancellationToken cancellationToken)
    {
        Cluster cluster;
        try
        {
            cluster = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
        }
        catch (DwsApiException ex) when (ex.IsNotFound)
        {
            return DwsReadBack<bool>.Seen(true, $"cluster {clusterId} is gone");
        }
        return ClusterStatus.IsDeleting(cluster.Status) || ClusterStatus.IsDeleted(cluster.Status)
            ? DwsReadBack<bool>.Seen(true, $"cluster {clusterId} is {cluster.Status}")
            : DwsReadBack<bool>.NotSeen($"cluster {clusterId} is {Describe(cluster)}");
    }

    private static string Describe(Cluster cluster) =>
        (cluster.Status ?? "of unknown status") + (string.IsNullOrWhiteSpace(cluster.TaskStatus) ? "" : " (task " + cluster.TaskStatus + ")");

    private static int CheckKeep(int keep) => keep >= 0 ? keep : throw new ArgumentOutOfRangeException(
        "keepLastManualSnapshots", keep, $"keepLastManualSnapshots is {keep}; give 0 (keep none) or the number of latest manual snapshots to keep.");

    private static DwsJob? ToJob(ClusterJobResponse? answer, string clusterId) =>
        string.IsNullOrWhiteSpace(answer?.JobId) ? null : new DwsJob { JobId = answer!.JobId!, ClusterId = clusterId };

    private static ClusterActionResult ActionResult(ClusterJobResponse? answer, string clusterId, ClusterTask? withoutJob = null) =>
        new(clusterId, ToJob(answer, clusterId), answer?.ErrorCode, answer?.ErrorMessage, withoutJob);

    /// <summary>Sends a cluster action whose answer must carry a job ID (quirks.md 2.2) and returns the job; an answer without one is unusable.</summary>
    private async Task<DwsJob> SendForJobAsync(DwsRequest request, string clusterId, string action, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync<ClusterJobResponse>(request, cancellationToken).ConfigureAwait(false);
        return ToJob(answer, clusterId) ?? throw DwsErrorMapper.UnusableAnswer(request,
            $"The service accepted the {action} request for cluster {clusterId} but returned no job ID{(answer?.ErrorCode is { } code ? " (error_code " + code + ")" : "")}. The {action} may still be running: check the cluster's status.");
    }
}
