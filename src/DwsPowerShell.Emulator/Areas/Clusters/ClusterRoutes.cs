using System.Globalization;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>Cluster management: 5.2.1, 5.2.3, 5.2.6, 5.2.13, 5.2.15, 5.2.16, 5.2.25, 5.2.27, 5.2.30, 5.2.46, 5.2.61, 5.2.62.</summary>
internal static class ClusterRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_6, List);
        routes.Map(DwsOperations.S5_2_13, Get);
        routes.Map(DwsOperations.S5_2_1, (HttpContext http, EmulatorState state) => Create(http, state, v2: false));
        routes.Map(DwsOperations.S5_2_3, (HttpContext http, EmulatorState state) => Create(http, state, v2: true));
        routes.Map(DwsOperations.S5_2_15, DeleteV1);
        routes.Map(DwsOperations.S5_2_16, DeleteV2);
        routes.Map(DwsOperations.S5_2_25, Restart);
        routes.Map(DwsOperations.S5_2_61, (string cluster_id, EmulatorState state) => StartOrStop(state, cluster_id, start: true));
        routes.Map(DwsOperations.S5_2_62, (string cluster_id, EmulatorState state) => StartOrStop(state, cluster_id, start: false));
        routes.Map(DwsOperations.S5_2_27, Resize);
        routes.Map(DwsOperations.S5_2_46, ShrinkNumbers);
        routes.Map(DwsOperations.S5_2_30, Shrink);
    }

    private static IResult List(EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var now = state.Clock.UtcNow;
            var clusters = new JsonArray();
            foreach (var c in state.Clusters.Values.OrderBy(c => c.Created).ThenBy(c => c.Name, StringComparer.Ordinal))
                clusters.Add(ClusterJson.ToJson(state, c, now, detail: false));
            return Wire.Json(new JsonObject { ["clusters"] = clusters, ["count"] = clusters.Count });
        }
    }

    private static IResult Get(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            return Wire.Json(new JsonObject { ["cluster"] = ClusterJson.ToJson(state, c, state.Clock.UtcNow, detail: true) });
        }
    }

    // 5.2.1/5.2.3 answer only an order id ("subscriptionsID"), no cluster id and no job id.
    private static async Task<IResult> Create(HttpContext http, EmulatorState state, bool v2)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var request = v2 ? ClusterCreateRequest.FromV2(body!, state.Options) : ClusterCreateRequest.FromV1(body!, state.Options);
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            if (state.Clusters.Values.Any(c => c.Name == request.Name))
                throw new DwsErrorException(409, DwsErrors.DuplicateName, $"The cluster name already exists: {request.Name}.");
            var now = state.Clock.UtcNow;
            var cluster = new ClusterRecord
            {
                Id = EmulatorState.NewUuid(),
                Name = request.Name,
                Version = request.Version,
                NodeType = request.Flavor,
                NodeTypeId = NodeTypeCatalog.Find(request.Flavor)!.Id,
                AvailabilityZone = request.AvailabilityZone ?? state.Options.Region + "a",
                VpcId = request.VpcId,
                SubnetId = request.SubnetId,
                SecurityGroupId = request.SecurityGroupId,
                UserName = request.UserName,
                EnterpriseProjectId = request.EnterpriseProjectId,
                PublicBindType = request.PublicBindType,
                EipId = request.EipId,
                Port = request.Port,
                NumberOfCn = request.Cns,
                Tags = request.Tags,
                DssPoolId = request.DssPoolId,
                Encryption = request.Encryption,
                NodeIds = Enumerable.Range(0, request.Nodes).Select(_ => EmulatorState.NewUuid()).ToList(),
                Created = now,
                Updated = now,
                CreateDuration = state.Options.Durations.ClusterCreate,
                CreateFailure = state.TakePendingFailure("create"),
                SubscriptionId = now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)
                    + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture),
            };
            state.Clusters[cluster.Id] = cluster;
            return Wire.Json(new JsonObject { ["subscriptionsID"] = cluster.SubscriptionId });
        }
    }

    // 5.2.15: DELETE with a mandatory JSON body {"keep_last_manual_snapshot": n}.
    private static async Task<IResult> DeleteV1(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var keep = Wire.RequireInt(body!, "keep_last_manual_snapshot");
        if (keep < 0) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: keep_last_manual_snapshot must not be negative.");
        return Delete(state, cluster_id, keep);
    }

    // 5.2.16: the same information as query parameters.
    private static IResult DeleteV2(HttpContext http, string cluster_id, EmulatorState state)
    {
        var keepText = http.Request.Query["keep_last_manual_backup"].ToString();
        var keep = 0; // "If this parameter is left blank, the default value 0 is used."
        if (keepText.Length > 0 && (!int.TryParse(keepText, NumberStyles.None, CultureInfo.InvariantCulture, out keep)))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: keep_last_manual_backup must be a non-negative integer.");
        var release = http.Request.Query["release_eip_type"].ToString();
        if (release.Length > 0 && release is not ("NO_RELEASE" or "RELEASE_BINDING"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: release_eip_type must be NO_RELEASE or RELEASE_BINDING.");
        return Delete(state, cluster_id, keep);
    }

    private static IResult Delete(EmulatorState state, string clusterId, int keepManualSnapshots)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            if (c.DeleteStartedAt is null)
            {
                c.DeleteStartedAt = state.Clock.UtcNow;
                c.DeleteDuration = state.Options.Durations.ClusterDelete;
                c.KeepManualSnapshots = keepManualSnapshots;
                c.Operation = null;
                c.Updated = c.DeleteStartedAt.Value;
            }
            return Wire.Empty(202);
        }
    }

    // 5.2.25: the body must be the literal {"restart":{}}; the answer has no body and no job.
    private static async Task<IResult> Restart(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        Wire.RequireObject(body!, "restart");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Restart");
            ClusterLifecycle.StartOperation(state, c, "restart", state.Options.Durations.ClusterRestart, "REBOOTING", "REBOOT_FAILURE");
            return Wire.Empty();
        }
    }

    // 5.2.61/5.2.62: 200 {"error_code":null,"error_msg":null,"job_id":...}.
    private static IResult StartOrStop(EmulatorState state, string clusterId, bool start)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            var now = state.Clock.UtcNow;
            ClusterLifecycle.EnsureIdle(c, now, start ? "Start" : "Stop");
            if (start != c.Stopped)
                throw DwsErrors.BadRequest(DwsErrors.Busy, start ? "The cluster is not stopped." : "The cluster is already stopped.");
            var op = start
                ? ClusterLifecycle.StartOperation(state, c, "start", state.Options.Durations.ClusterStart, null, "START_FAILURE", "STARTING", "dwsClusterStartJob")
                : ClusterLifecycle.StartOperation(state, c, "stop", state.Options.Durations.ClusterStop, null, "STOP_FAILURE", "STOPING", "dwsClusterStopJob");
            return Wire.Json(new JsonObject { ["error_code"] = null, ["error_msg"] = null, ["job_id"] = op.JobId });
        }
    }

    // 5.2.27: {"scale_out":{"count":n,"subnet_id"?},"create_node_only"?}; 200 with no body; task_status GROWING.
    private static async Task<IResult> Resize(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var count = Wire.RequireInt(Wire.RequireObject(body!, "scale_out"), "count");
        var idleOnly = Wire.OptionalBool(body!, "create_node_only") ?? false;
        if (count < 3)
            throw DwsErrors.BadRequest(DwsErrors.InvalidNodeCount, "Invalid instance quantity: a scale-out adds at least one ring of 3 nodes.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Scale-out");
            if (c.NodeIds.Count + c.IdleNodeIds.Count + count > 256)
                throw DwsErrors.BadRequest(DwsErrors.TooManyNodes, "The number of nodes has reached the maximum: a cluster has at most 256 nodes.");
            var op = ClusterLifecycle.StartOperation(state, c, "resize", state.Options.Durations.ClusterScaleOut,
                idleOnly ? "CREATING_NODE" : "GROWING", "RESIZE_FAILURE");
            op.NodeCount = count;
            op.IdleNodesOnly = idleOnly;
            return Wire.Empty();
        }
    }

    // 5.2.46: numbers although documented as strings.
    private static IResult ShrinkNumbers(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var sequence = new JsonArray(ClusterLifecycle.ShrinkSequence(c).Select(n => (JsonNode?)n).ToArray());
            return Wire.Json(new JsonObject { ["shrink_sequence"] = sequence });
        }
    }

    // 5.2.30: shrink_number must be a value from 5.2.46; online, type, force_backup and need_agency are required, retry
    // optional. Answer per ShrinkAnswer: 202 {"job_id"} (seed 000) or 200 {"error_code":"DWS.0000",...} (English 5.2.30,
    // progress only in task_status CLUSTER_SHRINKING). force_backup=true snapshots the cluster first; retry=true re-runs a
    // scale-in that failed (CLUSTER_SHRINK_FAILED) and is refused when none did. A queued fail-next of kind "shrink-answer"
    // is the service refusing the scale-in inside a 200 (error_code ≠ DWS.0000, nothing starts), whichever the answer mode;
    // kind "shrink" makes the scale-in itself fail later.
    private static async Task<IResult> Shrink(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var number = Wire.RequireInt(body!, "shrink_number");
        Wire.RequireBool(body!, "online");
        var type = Wire.RequireString(body!, "type");
        var retry = Wire.OptionalBool(body!, "retry") ?? false;
        var forceBackup = Wire.RequireBool(body!, "force_backup");
        Wire.RequireBool(body!, "need_agency");
        if (type is not ("dws" or "stream" or "hybrid"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: type must be dws, stream or hybrid.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Scale-in");
            var allowed = ClusterLifecycle.ShrinkSequence(c);
            if (!allowed.Contains(number))
            {
                var choices = allowed.Count == 0 ? "none (the cluster has no scale-out to undo)" : string.Join(", ", allowed);
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                    $"The parameter value is out of range: shrink_number {number} is not allowed. Scale-in removes whole rings in reverse order of the scale-outs; allowed values (GET .../shrink-numbers): {choices}.");
            }
            if (retry && c.FailedTaskStatus != ShrinkFailed)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                    $"The parameter value is out of range: retry is true, but the cluster has no failed scale-in to retry (task_status {c.FailedTaskStatus ?? "none"}). Send retry only after a scale-in ended in {ShrinkFailed}.");
            if (state.TakePendingFailure(ShrinkAnswerKind) is { } refused)
                return Wire.Json(new JsonObject { ["error_code"] = refused.FailedCode, ["error_msg"] = refused.FailedDetail });
            if (forceBackup)
                SnapshotRoutes.AddAutomated(state, c.Id, $"{c.Name}-before-scale-in-{state.Clock.UtcNow:yyyyMMddHHmmss}");
            var job202 = state.Options.ShrinkAnswer == ShrinkAnswer.Job202;
            var op = ClusterLifecycle.StartOperation(state, c, "shrink", state.Options.Durations.ClusterShrink,
                "CLUSTER_SHRINKING", ShrinkFailed, jobName: job202 ? "dwsClusterShrinkJob" : null);
            op.NodeCount = number;
            return job202
                ? Wire.Json(new JsonObject { ["job_id"] = op.JobId }, 202)
                : Wire.Json(new JsonObject { ["error_code"] = "DWS.0000", ["error_msg"] = "Request successfully processed." });
        }
    }

    private const string ShrinkFailed = "CLUSTER_SHRINK_FAILED";

    /// <summary>The fail-next kind that makes the next scale-in answer 200 with the failure's code and detail.</summary>
    public const string ShrinkAnswerKind = "shrink-answer";
}
