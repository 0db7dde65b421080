using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Services.Cdm;

/// <summary>
/// CDM (Cloud Data Migration), seed 001 "停止集群" (StopCluster): POST /v1.1/{project_id}/clusters/{cluster_id}/action
/// with {"stop":{"stopMode","delayTime"}} (and {"start":{}} to bring the cluster back), answered 200 {"jobId":[...]};
/// the effect is read on the cluster's detail (GET /v1.1/{project_id}/clusters/{cluster_id}), which the CDM reference
/// says to poll for the stop result. Errors are CDM's {"errCode","externalMessage"}.
/// </summary>
internal sealed class CdmService : IEmulatorService
{
    /// <summary>The cluster every emulator starts with.</summary>
    public const string SeededClusterId = "3c4a7b1e-0f5d-4c2e-9a6b-1d2e3f4a5b6c";
    public const string SeededClusterName = "cdm-emulator";

    /// <summary>Emulated time a stop or start takes (a GRACEFULLY stop with delayTime n waits n seconds more).</summary>
    public static readonly TimeSpan ActionDuration = TimeSpan.FromMinutes(2);

    // CDM's error codes ("批量数据迁移API错误码"): Cdm.0001 a resource that does not exist, Cdm.0011 an input out of its
    // range or format. The seed names no code for a cluster that is not in a state to stop: Cdm.0000 (system error) is
    // this emulator's choice.
    public const string NotFound = "Cdm.0001";
    public const string InvalidInput = "Cdm.0011";
    public const string WrongState = "Cdm.0000";

    public string Name => "cdm";

    public string InvalidRequestCode => InvalidInput;

    public JsonObject ErrorBody(int status, string code, string message) =>
        new() { ["errCode"] = code, ["externalMessage"] = message };

    public void AddState(EmulatorState state)
    {
        var store = new CdmStore();
        store.Seed(state.Clock.UtcNow);
        state.Add(store);
        state.OnReset(() => store.Seed(state.Clock.UtcNow));
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapService("GET", "/v1.1/{project_id}/clusters/{cluster_id}", new ServiceRoute(Name, "CDM ShowClusterDetail (read of seed 001)"),
            (string project_id, string cluster_id, EmulatorState state) =>
            {
                lock (state.Gate) return Wire.Json(Find(state, project_id, cluster_id).ToJson(state.Clock.UtcNow));
            });
        routes.MapService("POST", "/v1.1/{project_id}/clusters/{cluster_id}/action", new ServiceRoute(Name, "seed 001 StopCluster"), Action);
    }

    private static async Task<IResult> Action(string project_id, string cluster_id, HttpContext http, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        lock (state.Gate)
        {
            var cluster = Find(state, project_id, cluster_id);
            var now = state.Clock.UtcNow;
            string jobId;
            if (body!["stop"] is { } stopNode)
            {
                var stop = stopNode as JsonObject ?? throw Invalid("stop must be an object, such as {\"stopMode\":\"IMMEDIATELY\"}.");
                var mode = Wire.OptionalString(stop, "stopMode") ?? "IMMEDIATELY";
                if (mode is not ("IMMEDIATELY" or "GRACEFULLY"))
                    throw Invalid($"stopMode must be IMMEDIATELY or GRACEFULLY, not '{mode}'.");
                var delay = Wire.OptionalInt(stop, "delayTime");
                if (delay is { } d && d != -1 && d <= 0)
                    throw Invalid($"delayTime must be -1 (wait for the running jobs) or more than 0 seconds, not {d}.");
                if (cluster.StatusAt(now) != CdmStatus.Normal)
                    throw WrongStateError(cluster, now, "stopped");
                var wait = mode == "GRACEFULLY" && delay > 0 ? TimeSpan.FromSeconds(delay.Value) : TimeSpan.Zero;
                jobId = cluster.Begin(CdmAction.Stop, now, ActionDuration + wait);
            }
            else if (body["start"] is { } startNode)
            {
                if (startNode is not JsonObject) throw Invalid("start must be an object ({}).");
                if (cluster.StatusAt(now) != CdmStatus.Stopped)
                    throw WrongStateError(cluster, now, "started");
                jobId = cluster.Begin(CdmAction.Start, now, ActionDuration);
            }
            else
            {
                throw Invalid("the body must hold the action: {\"stop\":{...}} or {\"start\":{}}.");
            }
            return Wire.Json(new JsonObject { ["jobId"] = new JsonArray(jobId) });
        }
    }

    private static CdmCluster Find(EmulatorState state, string projectId, string clusterId) =>
        EmulatorServices.InProject(state, projectId) && state.Part<CdmStore>().Clusters.TryGetValue(clusterId, out var cluster)
            ? cluster
            : throw new DwsErrorException(404, NotFound, $"The resource does not exist or is invalid: cluster {clusterId}.");

    private static DwsErrorException Invalid(string detail) => DwsErrors.BadRequest(InvalidInput, "Input out of range: " + detail);

    private static DwsErrorException WrongStateError(CdmCluster cluster, DateTimeOffset now, string verb) =>
        DwsErrors.BadRequest(WrongState, $"The cluster {cluster.Id} cannot be {verb} in status {(int)cluster.StatusAt(now)} ({CdmCluster.Detail(cluster.StatusAt(now))}).");
}
