using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.29 Performing a Check Before Cluster Creation.</summary>
internal static class PrecheckRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_29, Precheck);
    }

    // 5.2.29: the 5.2.3 body (db_port a string, tags as tag_list); no answer body: 200 passes, 400/409 say why.
    private static async Task<IResult> Precheck(HttpContext http, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var cluster = Wire.RequireObject(body!, "cluster");
        var flavor = Wire.RequireString(cluster, "flavor");
        var nodes = Wire.RequireInt(cluster, "num_node");
        Wire.RequireString(cluster, "vpc_id");
        Wire.RequireString(cluster, "subnet_id");
        var version = Wire.RequireString(cluster, "datastore_version");
        if (cluster["availability_zones"] is not JsonArray { Count: > 0 } azs) throw DwsErrors.Missing("availability_zones");
        if (NodeTypeCatalog.Find(flavor) is null)
            throw DwsErrors.BadRequest(DwsErrors.InvalidFlavor, $"Invalid flavor: {flavor} is not a node type of this region.");
        if (!NodeTypeCatalog.DatastoreVersions.Contains(version))
            throw DwsErrors.BadRequest(DwsErrors.InvalidVersion, $"Invalid database version: {version}.");
        if (nodes != 1 && nodes is < 3 or > 256)
            throw DwsErrors.BadRequest(DwsErrors.InvalidNodeCount, $"Invalid instance quantity: {nodes}; a cluster has 3 to 256 nodes (1 for standalone).");
        foreach (var az in azs)
        {
            var code = az?.GetValue<string>() ?? "";
            if (!code.StartsWith(state.Options.Region, StringComparison.Ordinal))
                throw DwsErrors.BadRequest(DwsErrors.InvalidAz, $"Invalid AZ: {code} is not an AZ of region {state.Options.Region}.");
        }
        if (cluster["db_port"] is { } port)
        {
            // Typed String here (quirks.md 7.10); a number is accepted too.
            var text = port is JsonValue pv && pv.TryGetValue(out string? s) ? s : port.ToJsonString();
            if (!int.TryParse(text, out var p) || p is < 8000 or > 30000)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: db_port {text} must be from 8000 to 30000.");
        }
        if (Wire.OptionalString(cluster, "db_password") is { } password)
            SecurityRoutes.CheckPassword(password, Wire.OptionalString(cluster, "db_name") ?? "");
        var name = Wire.OptionalString(cluster, "name");
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            if (name is not null && state.Clusters.Values.Any(c => c.Name == name))
                throw new DwsErrorException(409, DwsErrors.DuplicateName, $"The cluster name already exists: {name}.");
        }
        return Wire.Empty();
    }
}
