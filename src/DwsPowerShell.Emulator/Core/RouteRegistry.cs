using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Iam;
using DwsPowerShell.Emulator.Services;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Maps the control routes, the IAM stand-in, the services beside DWS (<see cref="EmulatorServices"/>) and every area's DWS routes (<see cref="EmulatorAreas"/>); anything else
/// is the gateway's 404.
/// </summary>
internal static class RouteRegistry
{
    public static void Map(WebApplication app)
    {
        var control = ControlRoutes.Map(app);
        IamRoutes.Map(app);
        EmulatorServices.Map(app);
        var dws = app.MapGroup("").AddEndpointFilter(ProjectScope.Filter);
        foreach (var area in EmulatorAreas.All)
        {
            area.MapRoutes(dws);
            area.MapControl(control);
        }
        app.MapFallback((HttpContext http) =>
            DwsErrors.Result(404, DwsErrors.ApiNotFound, $"The API does not exist or has not been published: {http.Request.Method} {http.Request.Path}"));
    }

    /// <summary>The catalogue rows of the DWS routes <paramref name="endpoints"/> holds (each carries its row as metadata).</summary>
    public static IEnumerable<DwsOperation> Operations(EndpointDataSource endpoints) =>
        endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<DwsOperation>()).OfType<DwsOperation>();
}

/// <summary>DWS routes from the operation catalogue (docs/catalogue.md): method and template come from the row.</summary>
internal static class DwsRoutes
{
    /// <summary>Maps <paramref name="operation"/>'s method and path to <paramref name="handler"/>; the row is kept as the endpoint's metadata.</summary>
    public static RouteHandlerBuilder Map(this IEndpointRouteBuilder routes, DwsOperation operation, Delegate handler) =>
        routes.MapMethods(Pattern(operation), [operation.Method], handler).WithMetadata(operation);

    /// <summary>
    /// The row's URI template as a route pattern. The reference writes {name} parameters as ASP.NET does, so the
    /// template is the pattern; a template with anything a pattern reads differently (a query, a '?', '*' or '=') is refused.
    /// </summary>
    public static string Pattern(DwsOperation operation)
    {
        var path = operation.Path;
        if (path.IndexOfAny(['?', '*', '=', ':']) >= 0 || !path.Contains("{project_id}", StringComparison.Ordinal))
            throw new InvalidOperationException($"{operation.Section}: the path '{path}' is not a route template this emulator maps.");
        return path;
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
