using DwsPowerShell.Emulator.Areas.AvailabilityZones;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Connections;
using DwsPowerShell.Emulator.Iam;
using DwsPowerShell.Emulator.Areas.Jobs;
using DwsPowerShell.Emulator.Areas.Quotas;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Areas.Tags;
using DwsPowerShell.Emulator.Areas.Workload;

namespace DwsPowerShell.Emulator.Core;

/// <summary>The one list of areas. Add a line per area (e.g. SnapshotRoutes.Map, WorkloadRoutes.Map).</summary>
internal static class RouteRegistry
{
    /// <summary>DWS areas: their routes contain {project_id}, which <see cref="ProjectScope"/> checks.</summary>
    private static readonly Action<IEndpointRouteBuilder>[] s_dwsAreas =
    [
        AvailabilityZoneRoutes.Map,
        NodeTypeRoutes.Map,
        ClusterRoutes.Map,
        JobRoutes.Map,
        SnapshotRoutes.Map,
        WorkloadRoutes.Map,
        DwsPowerShell.Emulator.Areas.Clusters.ResizeRoutes.Map,
        SettingsRoutes.Map,
        ParameterRoutes.Map,
        ConnectionRoutes.Map, TagRoutes.Map, QuotaRoutes.Map, // i4connect slice
        LogicalClusterRoutes.Map, NodeRoutes.Map, // slice i4logical
    ];

    public static void Map(WebApplication app)
    {
        ControlRoutes.Map(app);
        IamRoutes.Map(app);
        var dws = app.MapGroup("").AddEndpointFilter(ProjectScope.Filter);
        foreach (var map in s_dwsAreas) map(dws);
        app.MapFallback((HttpContext http) =>
            DwsErrors.Result(404, DwsErrors.ApiNotFound, $"The API does not exist or has not been published: {http.Request.Method} {http.Request.Path}"));
    }
}

/// <summary>Rejects a {project_id} that is not the emulator's project.</summary>
internal static class ProjectScope
{
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("project_id", out var value))
        {
            var expected = http.RequestServices.GetRequiredService<EmulatorOptions>().ProjectId;
            if (!string.Equals(value as string, expected, StringComparison.Ordinal))
                return ValueTask.FromResult<object?>(DwsErrors.Result(400, DwsErrors.TenantNotAllowed,
                    "The current tenant is not allowed to perform this operation: unknown project id."));
        }
        return next(context);
    }
}
