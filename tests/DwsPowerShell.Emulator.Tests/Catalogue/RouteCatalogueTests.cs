using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Services;
using DwsPowerShell.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DwsPowerShell.Emulator.Tests.Catalogue;

/// <summary>Every DWS route the emulator answers is mapped from its row of the operation catalogue (docs/catalogue.md).</summary>
public sealed class RouteCatalogueTests
{
    /// <summary>The sections the emulator answers, by chapter. A section added here without a route, or a route without a line here, fails naming it.</summary>
    private static readonly string[] Routed =
    [
        "5.1.1",
        "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8", "5.2.9", "5.2.10", "5.2.11", "5.2.12", "5.2.13", "5.2.14",
        "5.2.15", "5.2.16", "5.2.17", "5.2.18", "5.2.19", "5.2.20", "5.2.21", "5.2.22", "5.2.23", "5.2.24", "5.2.25", "5.2.26", "5.2.27",
        "5.2.28", "5.2.29", "5.2.30", "5.2.31", "5.2.32", "5.2.33", "5.2.34", "5.2.35", "5.2.36", "5.2.37", "5.2.38", "5.2.39", "5.2.40",
        "5.2.41", "5.2.42", "5.2.43", "5.2.44", "5.2.45", "5.2.46", "5.2.47", "5.2.48", "5.2.49", "5.2.50", "5.2.51", "5.2.52", "5.2.53",
        "5.2.54", "5.2.55", "5.2.56", "5.2.57", "5.2.58", "5.2.59", "5.2.60", "5.2.61", "5.2.62",
        "5.3.1", "5.3.3", "5.3.4", "5.3.8", "5.3.9", "5.3.10", "5.3.11", "5.3.12", "5.3.13", "5.3.14", "5.3.23",
        "5.7.18", "5.7.19", "5.7.20", "5.7.21", "5.7.22", "5.7.23", "5.7.24", "5.7.25", "5.7.26", "5.7.27", "5.7.28", "5.7.29",
        "5.9.1", "5.9.2", "5.9.3", "5.9.4", "5.9.5", "5.9.6", "5.9.7", "5.9.8", "5.9.9", "5.9.10",
        "5.10.1", "5.10.2", "5.10.3", "5.10.4",
        "5.11.1",
        "5.13.1",
    ];

    /// <summary>
    /// The routes of the services beside DWS (Services/), which keep their own paths and carry a ServiceRoute, not a DWS
    /// row: a route added there without a line here, or listed without a route, fails naming it.
    /// </summary>
    private static readonly string[] ServiceRouted =
    [
        "cdm GET /v1.1/{project_id}/clusters/{cluster_id}",
        "cdm POST /v1.1/{project_id}/clusters/{cluster_id}/action",
        "ddm GET /v1/{project_id}/instances/{instance_id}",
        "ddm GET /v3/{project_id}/instances/{instance_id}/groups",
        "ddm POST /v2/{project_id}/instances/{instance_id}/action/reduce",
        "sfs GET /v2/{project_id}/shares/{share_id}",
        "sfs POST /v2/{project_id}/shares/{share_id}/action",
    ];

    private static async Task<IReadOnlyList<RouteEndpoint>> EndpointsAsync()
    {
        await using var host = await EmulatorHost.StartAsync();
        return [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    [Fact]
    public async Task Every_DWS_route_carries_its_catalogue_row_and_answers_its_method_and_path()
    {
        var endpoints = await EndpointsAsync();
        var dws = endpoints.Where(e => e.RoutePattern.RawText is { } p && p.Contains("{project_id}", StringComparison.Ordinal)
            && e.Metadata.GetMetadata<ServiceRoute>() is null).ToList();
        Assert.NotEmpty(dws);
        var problems = new List<string>();
        foreach (var e in dws)
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            if (e.Metadata.GetMetadata<DwsOperation>() is not { } op)
            {
                problems.Add($"{string.Join(",", methods)} {e.RoutePattern.RawText} has no catalogue row (map it with routes.Map(DwsOperations.S5_x_y, ...))");
                continue;
            }
            if (DwsOperations.BySection(op.Section) != op) problems.Add($"{op.Section}: the row is not the catalogue's");
            if (e.RoutePattern.RawText != op.Path) problems.Add($"{op.Section}: route {e.RoutePattern.RawText}, row {op.Path}");
            if (!methods.SequenceEqual([op.Method])) problems.Add($"{op.Section}: route answers {string.Join(",", methods)}, row says {op.Method}");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_routed_sections_are_the_listed_ones_each_once()
    {
        await using var host = await EmulatorHost.StartAsync();
        var sections = RouteRegistry.Operations(host.Services.GetRequiredService<EndpointDataSource>()).Select(o => o.Section).ToList();
        Assert.Empty(sections.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => $"{g.Key} is routed {g.Count()} times"));
        Assert.Empty(Routed.Except(sections).Select(s => $"{s} is listed but has no route"));
        Assert.Empty(sections.Except(Routed).Select(s => $"{s} has a route but is not listed"));
        Assert.Empty(Routed.Where(s => DwsOperations.BySection(s) is null).Select(s => $"{s} is not a catalogue row"));
    }

    [Fact]
    public async Task Routes_without_a_row_are_only_the_emulators_own_and_IAM()
    {
        var others = (await EndpointsAsync()).Where(e => e.Metadata.GetMetadata<DwsOperation>() is null && e.Metadata.GetMetadata<ServiceRoute>() is null)
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => !p.StartsWith("/_emulator/", StringComparison.Ordinal));
        Assert.All(others, p => Assert.Matches(@"^(/v3/|/v3\.0/|\{\*path:nonfile\}$)", p));
    }

    [Fact]
    public async Task The_service_routes_are_the_listed_ones_each_once_and_carry_no_DWS_row()
    {
        var services = (await EndpointsAsync()).Where(e => e.Metadata.GetMetadata<ServiceRoute>() is not null).ToList();
        Assert.All(services, e => Assert.Null(e.Metadata.GetMetadata<DwsOperation>()));
        var routed = services.Select(e => $"{e.Metadata.GetMetadata<ServiceRoute>()!.Service} {string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ServiceRouted, routed);
    }

    [Fact]
    public void No_area_maps_a_path_literal()
    {
        var literal = new Regex(@"\.Map(Get|Post|Put|Delete|Patch|Methods)?\(\s*""/v", RegexOptions.CultureInvariant);
        var offenders = SourceTree.Files("src/DwsPowerShell.Emulator/Areas")
            .Where(f => literal.IsMatch(File.ReadAllText(f))).Select(SourceTree.Relative);
        Assert.Empty(offenders);
    }
}
