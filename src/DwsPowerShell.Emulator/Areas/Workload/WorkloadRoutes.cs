using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Workload;

/// <summary>
/// Resource management plans and stages: 5.7.18–5.7.29. Every answer is 200 with workload_res_code/workload_res_str;
/// a business failure is a non-zero code in a 200 (quirks 1.1). Malformed requests are 400, unknown cluster, plan
/// or stage 404, and changes while the cluster is not AVAILABLE or is restarting 400, all with DWS error bodies.
/// </summary>
public static partial class WorkloadRoutes
{
    /// <summary>Non-zero workload_res_code values (the reference documents only 0 = success).</summary>
    public static class Codes
    {
        public const int PlanNameExists = 1001;
        public const int PlanRunning = 1002;
        public const int PlanHasNoStages = 1003;
        public const int PlanNotRunning = 1004;
        public const int StageNameExists = 1005;
        public const int StageInUse = 1006;
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_7_18, CreatePlan);
        routes.Map(DwsOperations.S5_7_19, ListPlans);
        routes.Map(DwsOperations.S5_7_22, GetPlan);
        routes.Map(DwsOperations.S5_7_24, DeletePlan);
        routes.Map(DwsOperations.S5_7_20, StartPlan);
        routes.Map(DwsOperations.S5_7_23, StopPlan);
        routes.Map(DwsOperations.S5_7_21, Logs);
        routes.Map(DwsOperations.S5_7_25, AddStage);
        routes.Map(DwsOperations.S5_7_26, GetStage);
        routes.Map(DwsOperations.S5_7_27, DeleteStage);
        routes.Map(DwsOperations.S5_7_28, ModifyStage);
        routes.Map(DwsOperations.S5_7_29, SwitchStage);
    }

    // 5.7.18: the answer carries no plan id (quirks 2.4); re-query by name.
    private static async Task<IResult> CreatePlan(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var name = Wire.RequireString(body!, "plan_name");
        var logicalCluster = Wire.OptionalString(body!, "logical_cluster_name");
        if (name.Length is < 3 or > 28)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, "Invalid string length: plan_name has 3 to 28 characters.");
        if (!PlanNamePattern().IsMatch(name))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern,
                "The plan name pattern is invalid: start with a lowercase letter; use letters, digits and underscores (_) only.");
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            if (PlansOf(state, cluster_id).Any(p => p.Name == name))
                return Result(Codes.PlanNameExists, $"workload plan {name} already exists");
            var plan = new PlanRecord
            {
                Id = EmulatorState.NewUuid(),
                Name = name,
                ClusterId = cluster_id,
                LogicalClusterName = string.IsNullOrEmpty(logicalCluster) ? null : logicalCluster,
                Created = state.Clock.UtcNow,
            };
            Save(state, plan);
            return Result(0, "success added workload plan");
        }
    }

    // 5.7.19: offset/limit are record offsets; no limit means every plan.
    private static IResult ListPlans(HttpContext http, string cluster_id, EmulatorState state)
    {
        var paging = PageQuery.Read(http, int.MaxValue);
        var logicalCluster = http.Request.Query["logical_cluster_name"].ToString();
        lock (state.Gate)
        {
            ReadableCluster(state, cluster_id);
            var now = state.Clock.UtcNow;
            var plans = PlansOf(state, cluster_id)
                .Where(p => logicalCluster.Length == 0 || p.LogicalClusterName == logicalCluster)
                .ToList();
            var items = new JsonArray();
            foreach (var p in paging.Of(plans)) items.Add(PlanJson(state, p, now));
            var json = Success("success");
            json["plan_list"] = items;
            json["count"] = plans.Count;
            return Wire.Json(json);
        }
    }

    private static IResult GetPlan(string cluster_id, string plan_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ReadableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            var json = Success("success");
            json["workload_plan"] = PlanJson(state, plan, state.Clock.UtcNow);
            return Wire.Json(json);
        }
    }

    private static IResult DeletePlan(string cluster_id, string plan_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            if (plan.Status == PlanRecord.Running)
                return Result(Codes.PlanRunning, $"workload plan {plan.Name} is running; stop it before deleting it");
            Remove(state, plan);
            return Result(0, "success deleted workload plan");
        }
    }

    // 5.7.20: the plan runs its first stage (in the order the stages were added) until a switch.
    private static IResult StartPlan(string cluster_id, string plan_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            if (plan.Status == PlanRecord.Running)
                return Result(Codes.PlanRunning, $"workload plan {plan.Name} is already running");
            var first = StagesOf(state, plan.Id).FirstOrDefault();
            if (first is null)
                return Result(Codes.PlanHasNoStages, $"workload plan {plan.Name} has no stage; add a stage before starting it");
            plan.Status = PlanRecord.Running;
            plan.CurrentStageId = first.Id;
            Log(state, plan, first.Name, "start workload plan.");
            Log(state, plan, first.Name, "start change stage.");
            Save(state, plan);
            return Result(0, "success started workload plan");
        }
    }

    private static IResult StopPlan(string cluster_id, string plan_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            if (plan.Status != PlanRecord.Running)
                return Result(Codes.PlanNotRunning, $"workload plan {plan.Name} is not running");
            var current = CurrentStageName(state, plan) ?? "";
            plan.Status = PlanRecord.Stopped;
            plan.CurrentStageId = null;
            Log(state, plan, current, "stop workload plan.");
            Save(state, plan);
            return Result(0, "success stopped workload plan");
        }
    }

    // 5.7.21: oldest entry first.
    private static IResult Logs(HttpContext http, string cluster_id, string plan_id, EmulatorState state)
    {
        var paging = PageQuery.Read(http, int.MaxValue);
        lock (state.Gate)
        {
            ReadableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            var items = new JsonArray();
            foreach (var entry in paging.Of(plan.Logs)) items.Add(entry.ToJson());
            var json = Success("success");
            json["plan_logs"] = items;
            json["count"] = plan.Logs.Count;
            return Wire.Json(json);
        }
    }

    // 5.7.25: the answer carries no stage id (quirks 2.4), and its example's workload_res_str is "".
    private static async Task<IResult> AddStage(HttpContext http, string cluster_id, string plan_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var request = StageRequest.Parse(body!, replace: false);
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            if (StagesOf(state, plan.Id).Any(s => s.Name == request.Name))
                return Result(Codes.StageNameExists, $"stage {request.Name} already exists in workload plan {plan.Name}");
            var stage = new StageRecord { Id = EmulatorState.NewUuid(), PlanId = plan.Id, Created = state.Clock.UtcNow };
            request.ApplyTo(stage);
            state.Stages[stage.Id] = stage.ToNode();
            return Result(0, "");
        }
    }

    private static IResult GetStage(string cluster_id, string plan_id, string stage_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ReadableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            var stage = FindStage(state, plan, stage_id);
            var json = Success("success");
            json["workload_plan_stage"] = stage.ToJson(state.Clock.UtcNow);
            return Wire.Json(json);
        }
    }

    private static IResult DeleteStage(string cluster_id, string plan_id, string stage_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            var stage = FindStage(state, plan, stage_id);
            if (plan.Status == PlanRecord.Running && plan.CurrentStageId == stage.Id)
                return Result(Codes.StageInUse, $"stage {stage.Name} is the current stage of running workload plan {plan.Name}");
            state.Stages.Remove(stage.Id);
            return Result(0, "success deleted workload plan stage");
        }
    }

    // 5.7.28: a full replacement of the stage (quirks 7.8).
    private static async Task<IResult> ModifyStage(HttpContext http, string cluster_id, string plan_id, string stage_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var request = StageRequest.Parse(body!, replace: true);
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            var stage = FindStage(state, plan, stage_id);
            if (StagesOf(state, plan.Id).Any(s => s.Id != stage.Id && s.Name == request.Name))
                return Result(Codes.StageNameExists, $"stage {request.Name} already exists in workload plan {plan.Name}");
            request.ApplyTo(stage);
            state.Stages[stage.Id] = stage.ToNode();
            return Result(0, "");
        }
    }

    // 5.7.29: only a running plan switches; the switch is logged like the 5.7.21 example.
    private static async Task<IResult> SwitchStage(HttpContext http, string cluster_id, string plan_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var stageId = Wire.RequireString(body!, "stage_id");
        lock (state.Gate)
        {
            ChangeableCluster(state, cluster_id);
            var plan = FindPlan(state, cluster_id, plan_id);
            var stage = FindStage(state, plan, stageId);
            if (plan.Status != PlanRecord.Running)
                return Result(Codes.PlanNotRunning, $"workload plan {plan.Name} is not running; start it before switching stages");
            plan.CurrentStageId = stage.Id;
            Log(state, plan, stage.Name, "start change stage.");
            Save(state, plan);
            return Result(0, "");
        }
    }

    private static JsonObject PlanJson(EmulatorState state, PlanRecord plan, DateTimeOffset now)
    {
        var stages = StagesOf(state, plan.Id);
        return new JsonObject
        {
            ["status"] = plan.Status,
            ["project_id"] = state.Options.ProjectId,
            ["cluster_id"] = plan.ClusterId,
            ["plan_id"] = plan.Id,
            ["plan_name"] = plan.Name,
            // The current stage's name (the 5.7.21 logs name stages the same way); null when the plan is not running.
            ["current_stage"] = CurrentStageName(state, plan),
            ["logical_cluster_name"] = plan.LogicalClusterName,
            // 5.7.19's example prints null for a plan without stages.
            ["stage_list"] = stages.Count == 0 ? null : new JsonArray(stages.Select(s => (JsonNode)s.ToJson(now)).ToArray()),
        };
    }

    /// <summary>The cluster for a read: 404 when unknown. Also drops plans of clusters that no longer exist.</summary>
    private static ClusterRecord ReadableCluster(EmulatorState state, string clusterId)
    {
        ClusterLifecycle.SettleAll(state);
        foreach (var node in state.Plans.Values.ToList())
        {
            var plan = PlanRecord.FromNode(node);
            if (!state.Clusters.ContainsKey(plan.ClusterId)) Remove(state, plan);
        }
        return ClusterLifecycle.Get(state, clusterId);
    }

    /// <summary>The cluster for a change: 404 when unknown, 400 while it is not AVAILABLE or is restarting.</summary>
    private static ClusterRecord ChangeableCluster(EmulatorState state, string clusterId)
    {
        var c = ReadableCluster(state, clusterId);
        if (c.Operation?.TaskStatus == "REBOOTING")
            throw DwsErrors.BadRequest(DwsErrors.Busy, "Workload management changes are not allowed while the cluster is restarting (REBOOTING); wait until it finishes.");
        var status = ClusterLifecycle.Status(c, state.Clock.UtcNow);
        if (status != "AVAILABLE")
            throw DwsErrors.BadRequest(DwsErrors.Busy, $"Workload management changes are not allowed while the cluster status is {status}.");
        ClusterLifecycle.EnsureWritable(c, "Workload management changes"); // sub_status READONLY (5.2.37) refuses changes
        return c;
    }

    private static List<PlanRecord> PlansOf(EmulatorState state, string clusterId) =>
        state.Plans.Values.Select(PlanRecord.FromNode)
            .Where(p => p.ClusterId == clusterId)
            .OrderBy(p => p.Created).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    private static List<StageRecord> StagesOf(EmulatorState state, string planId) =>
        state.Stages.Values.Select(StageRecord.FromNode)
            .Where(s => s.PlanId == planId)
            .OrderBy(s => s.Created).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    private static PlanRecord FindPlan(EmulatorState state, string clusterId, string planId)
    {
        if (state.Plans.TryGetValue(planId, out var node))
        {
            var plan = PlanRecord.FromNode(node);
            if (plan.ClusterId == clusterId) return plan;
        }
        throw DwsErrors.ResourceNotFound("workload plan", planId);
    }

    private static StageRecord FindStage(EmulatorState state, PlanRecord plan, string stageId)
    {
        if (state.Stages.TryGetValue(stageId, out var node))
        {
            var stage = StageRecord.FromNode(node);
            if (stage.PlanId == plan.Id) return stage;
        }
        throw DwsErrors.ResourceNotFound("workload plan stage", stageId);
    }

    private static string? CurrentStageName(EmulatorState state, PlanRecord plan) =>
        plan.CurrentStageId is { } id && state.Stages.TryGetValue(id, out var node) ? StageRecord.FromNode(node).Name : null;

    private static void Save(EmulatorState state, PlanRecord plan) => state.Plans[plan.Id] = plan.ToNode();

    private static void Remove(EmulatorState state, PlanRecord plan)
    {
        state.Plans.Remove(plan.Id);
        foreach (var stage in StagesOf(state, plan.Id)) state.Stages.Remove(stage.Id);
    }

    private static void Log(EmulatorState state, PlanRecord plan, string stageName, string message) =>
        plan.Logs.Add(new PlanLogRecord { Time = state.Clock.UtcNow, StageName = stageName, Result = 0, Message = message });

    private static JsonObject Success(string text) => new() { ["workload_res_code"] = 0, ["workload_res_str"] = text };

    private static IResult Result(int code, string text) =>
        Wire.Json(new JsonObject { ["workload_res_code"] = code, ["workload_res_str"] = text });

    [GeneratedRegex("^[a-z][A-Za-z0-9_]*$")]
    private static partial Regex PlanNamePattern();
}
