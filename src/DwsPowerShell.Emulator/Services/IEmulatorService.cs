using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Services;

/// <summary>
/// A cloud service beside DWS that the emulator answers for, as the API gateway it stands for (Services/&lt;Name&gt;):
/// the calls of a seed page and the reads that show their effect, in the service's own paths, wire shapes and error
/// bodies. Its routes carry a <see cref="ServiceRoute"/>, not a DWS catalogue row; its state is not in the state file.
/// </summary>
public interface IEmulatorService
{
    /// <summary>The service's name as Invoke-DwsRestMethod -Service takes it (cdm, sfs, ddm).</summary>
    string Name { get; }

    /// <summary>The error body of the service for a failure (DWS.* codes from <see cref="Wire"/> arrive as <see cref="InvalidRequestCode"/>).</summary>
    JsonObject ErrorBody(int status, string code, string message);

    /// <summary>The service's code for a request it cannot read (malformed JSON, a wrong type).</summary>
    string InvalidRequestCode { get; }

    void MapRoutes(IEndpointRouteBuilder routes);

    /// <summary>Adds the service's state and seeds its resources (again on every reset: <see cref="EmulatorState.OnReset"/>).</summary>
    void AddState(EmulatorState state);
}

/// <summary>Endpoint metadata of a service route: the service and the seed page (or the read) it answers for.</summary>
public sealed record ServiceRoute(string Service, string Source);

/// <summary>The services of this assembly (every concrete <see cref="IEmulatorService"/>), and how their routes are mapped.</summary>
public static class EmulatorServices
{
    public static IReadOnlyList<IEmulatorService> All { get; } = typeof(IEmulatorService).Assembly.GetTypes()
        .Where(t => typeof(IEmulatorService).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IEmulatorService)Activator.CreateInstance(t)!)
        .ToArray();

    internal static void Map(WebApplication app)
    {
        foreach (var service in All)
        {
            var group = app.MapGroup("").AddEndpointFilter((context, next) => AnswerErrors(service, context, next));
            service.MapRoutes(group);
        }
    }

    /// <summary>
    /// Maps one route of a service. The state it keeps is not in the state file, so the route is
    /// <see cref="StateUnchanged"/> for it.
    /// </summary>
    internal static RouteHandlerBuilder MapService(this IEndpointRouteBuilder routes, string method, string pattern, ServiceRoute route, Delegate handler) =>
        routes.MapMethods(pattern, [method], handler).WithMetadata(route, StateUnchanged.Instance);

    /// <summary>Failures as the service's error body; a DWS.* code (a body <see cref="Wire"/> could not read) becomes the service's own.</summary>
    private static async ValueTask<object?> AnswerErrors(IEmulatorService service, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DwsErrorException e)
        {
            var code = e.Code.StartsWith("DWS.", StringComparison.Ordinal) ? service.InvalidRequestCode : e.Code;
            return Wire.Json(service.ErrorBody(e.Status, code, e.Message), e.Status);
        }
    }

    /// <summary>
    /// 401 for a call signed with AK/SK where the service takes only an IAM token (X-Auth-Token): the gateway's
    /// APIGW.0301, as for any credential it refuses.
    /// </summary>
    internal static ValueTask<object?> TokenOnly(string service, EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.Headers.ContainsKey("Authorization")
            ? ValueTask.FromResult<object?>(DwsErrors.Result(401, DwsErrors.IamAuthFailed,
                $"Incorrect IAM authentication information: {service} takes an IAM token (X-Auth-Token), not an AK/SK signature."))
            : next(context);

    /// <summary>The seeded resources live in the emulator's one project; another project holds none of them.</summary>
    internal static bool InProject(EmulatorState state, string projectId) =>
        string.Equals(projectId, state.Options.ProjectId, StringComparison.Ordinal);
}
