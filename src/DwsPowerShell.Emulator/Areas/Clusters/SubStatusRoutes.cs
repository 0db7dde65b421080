using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.36 Performing a Switchback and 5.2.37 Removing the Read-only Status: the UNBALANCED and READONLY sub_status.</summary>
internal static class SubStatusRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_36, Switchback);
        routes.Map(DwsOperations.S5_2_37, CancelReadOnly);
    }

    /// <summary>
    /// Control routes: POST /_emulator/clusters/{id}/readonly and /unbalanced ({"value":true|false}, default true) set the
    /// sub_status that 5.2.37 and 5.2.36 clear.
    /// </summary>
    public static void MapControl(IEndpointRouteBuilder control)
    {
        control.MapPost("/clusters/{cluster_id}/readonly", (HttpContext http, string cluster_id, EmulatorState state) =>
            SetFlag(http, state, cluster_id, (c, on) => c.ReadOnly = on));
        control.MapPost("/clusters/{cluster_id}/unbalanced", (HttpContext http, string cluster_id, EmulatorState state) =>
            SetFlag(http, state, cluster_id, (c, on) => c.Unbalanced = on));
    }

    private static async Task<IResult> SetFlag(HttpContext http, EmulatorState state, string clusterId, Action<ClusterRecord, bool> set)
    {
        var body = await Wire.ReadObjectAsync(http, required: false);
        var on = body is null ? true : Wire.OptionalBool(body, "value") ?? true;
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            set(c, on);
            return Wire.Json(new JsonObject { ["id"] = c.Id, ["sub_status"] = ClusterLifecycle.SubStatus(c) });
        }
    }

    // 5.2.36: allowed only while sub_status has UNBALANCED and on 8.1.1.202 or later; answers a job.
    private static IResult Switchback(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Switchback");
            if (CompareVersion(c.Version, "8.1.1.202") < 0)
                throw DwsErrors.BadRequest(DwsErrors.InvalidVersion, $"Invalid database version: switchback needs 8.1.1.202 or later; the cluster runs {c.Version}.");
            if (!c.Unbalanced)
                throw DwsErrors.BadRequest(DwsErrors.Busy, "The cluster is balanced (sub_status has no UNBALANCED): no switchback is needed.");
            var op = ClusterLifecycle.StartOperation(state, c, "switchover", state.Options.Durations.ClusterRestart, "SWITCHING_OVER", "SWITCHOVER_FAILURE", jobName: "dwsClusterSwitchoverJob");
            return Wire.Json(new JsonObject { ["job_id"] = op.JobId });
        }
    }

    // 5.2.37: no body either way; a cluster that is not read-only is left as it is.
    private static IResult CancelReadOnly(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            if (CompareVersion(c.Version, "1.7.2") < 0)
                throw DwsErrors.BadRequest(DwsErrors.InvalidVersion, $"Invalid database version: removing the read-only status needs 1.7.2 or later; the cluster runs {c.Version}.");
            c.ReadOnly = false;
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    /// <summary>Compares dotted versions number by number (8.1.3.333 &gt; 8.1.1.202).</summary>
    /// <summary>Compares dotted versions number by number (8.1.3.333 &gt; 8.1.1.202).</summary>
    internal static int CompareVersion(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var m = i < x.Length && int.TryParse(x[i], out var p) ? p : 0;
            var n = i < y.Length && int.TryParse(y[i], out var q) ? q : 0;
            if (m != n) return m.CompareTo(n);
        }
        return 0;
    }
}
