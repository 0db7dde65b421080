using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>KMS encryption of a cluster (5.2.51, 5.2.60).</summary>
public sealed class EncryptionRecord
{
    public string Id { get; set; } = "";
    public string MasterKeyId { get; set; } = "";
    public string MasterKeyName { get; set; } = "";
    public string CryptAlgorithm { get; set; } = "generalCipher";
    public DateTimeOffset? LastRotateKeyTime { get; set; }

    /// <summary>crypt_algorithm (5.2.3, 5.2.60): generalCipher (also when absent) or SMCipher; anything else is a 400.</summary>
    public static string Algorithm(JsonObject parent)
    {
        var algorithm = Wire.OptionalString(parent, "crypt_algorithm") ?? "generalCipher";
        if (algorithm is not ("generalCipher" or "SMCipher"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: crypt_algorithm '{algorithm}' must be generalCipher or SMCipher.");
        return algorithm;
    }
}

/// <summary>
/// Cluster settings: 5.2.2 security groups, 5.2.28 reset password, 5.2.29 creation pre-check, 5.2.34 clusters by tag,
/// 5.2.35 resource statistics, 5.2.36 switchback, 5.2.37 cancel read-only, 5.2.45 snapshot statistics,
/// 5.2.51 encryption info, 5.2.54 description, 5.2.58 tenant actions, 5.2.60 convert to encrypted.
/// Control routes: POST /_emulator/clusters/{id}/readonly and /unbalanced ({"value":true|false}, default true).
/// </summary>
internal static class SettingsRoutes
{
    /// <summary>Free snapshot storage per cluster (5.2.45 storage.free), GB.</summary>
    public const double FreeSnapshotStorageGb = 300.0;

    /// <summary>What 5.2.58 lists for the emulator's tenant.</summary>
    public static readonly IReadOnlyList<string> TenantActions = ["ColdStorage", "DwsV3Storage", "LogicalCluster", "ElasticCn", "Redistribution", "DiskExpansion", "Switchback", "Encryption", "ParameterAudit", "TagFilter", "SnapshotStatistics", "ResetPassword"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPut("/v1/{project_id}/clusters/{cluster_id}/security-group", SecurityGroups);
        routes.MapPost("/v1.0/{project_id}/clusters/{cluster_id}/reset-password", ResetPassword);
        routes.MapPost("/v2/{project_id}/cluster-precheck", Precheck);
        routes.MapPost("/v1/{project_id}/clusters/resource-instances/tag-filter", TagFilter);
        routes.MapGet("/v1.0/{project_id}/statistics", Statistics);
        routes.MapPost("/v1.0/{project_id}/clusters/{cluster_id}/switchover", Switchback);
        routes.MapPost("/v1.0/{project_id}/clusters/{cluster_id}/cancel-readonly", CancelReadOnly);
        routes.MapGet("/v1.0/{project_id}/clusters/{cluster_id}/snapshots/statistics", SnapshotStatistics);
        routes.MapGet("/v1/{project_id}/clusters/{cluster_id}/encrypt-info", EncryptInfo);
        routes.MapPost("/v1/{project_id}/clusters/{cluster_id}/description", Description);
        routes.MapGet("/v1/{project_id}/actions", Actions);
        routes.MapPost("/v2/{project_id}/clusters/{cluster_id}/encrypt", Encrypt);
    }

    /// <summary>The control routes (mapped in the /_emulator group by ControlRoutes).</summary>
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

    // 5.2.2: {"security_groups":[...]} replaces the whole set; no answer body.
    private static async Task<IResult> SecurityGroups(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        if (body!["security_groups"] is not JsonArray groups) throw DwsErrors.Missing("security_groups");
        var ids = new List<string>();
        foreach (var g in groups)
        {
            var id = g is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            if (string.IsNullOrWhiteSpace(id))
                throw DwsErrors.BadRequest(DwsErrors.InvalidSecurityGroup, "Invalid security group ID: security_groups must hold non-empty strings.");
            if (ids.Contains(id)) throw DwsErrors.BadRequest(DuplicateParameters, $"Duplicate parameters: security group {id} is given twice.");
            ids.Add(id);
        }
        if (ids.Count == 0) throw DwsErrors.BadRequest(DwsErrors.InvalidSecurityGroup, "Invalid security group ID: give at least one security group.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Modifying the security group");
            c.SecurityGroupIds = ids;
            c.SecurityGroupId = ids[0];
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    // 5.2.28: {"new_password"}; 12-32 characters, three classes, not the user name (or reversed), not a previous one.
    private static async Task<IResult> ResetPassword(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var password = Wire.RequireString(body!, "new_password");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            CheckPassword(password, c.UserName);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
            if (c.PasswordHistory.Contains(hash))
                throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: it cannot be the same as a previous password.");
            var status = ClusterLifecycle.Status(c, state.Clock.UtcNow);
            if (status is not ("AVAILABLE" or "ACTIVE"))
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"Resetting the password is not allowed while the cluster status is {status}.");
            c.PasswordHistory.Add(hash);
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    private static void CheckPassword(string password, string userName)
    {
        if (password.Length is < 12 or > 32)
            throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: it must have 12 to 32 characters.");
        var kinds = (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(ch => !char.IsLetterOrDigit(ch)) ? 1 : 0);
        if (kinds < 3)
            throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: use at least three of uppercase, lowercase, digits and special characters.");
        var reversed = new string(userName.Reverse().ToArray());
        if (userName.Length > 0 && (password.Contains(userName, StringComparison.OrdinalIgnoreCase) || password.Contains(reversed, StringComparison.OrdinalIgnoreCase)))
            throw DwsErrors.BadRequest(DwsErrors.PasswordContainsUser, "The cluster administrator password cannot contain the username, or the username spelled backwards.");
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
            CheckPassword(password, Wire.OptionalString(cluster, "db_name") ?? "");
        var name = Wire.OptionalString(cluster, "name");
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            if (name is not null && state.Clusters.Values.Any(c => c.Name == name))
                throw new DwsErrorException(409, DwsErrors.DuplicateName, $"The cluster name already exists: {name}.");
        }
        return Wire.Empty();
    }

    // 5.2.34: a read by POST; offset/limit in the query string; every filter item must match (key, and one of values if given).
    private static async Task<IResult> TagFilter(HttpContext http, EmulatorState state)
    {
        var paging = PageQuery.Read(http, 1000);
        var body = await Wire.ReadObjectAsync(http, required: false) ?? new JsonObject();
        var filters = new List<(string Key, List<string> Values)>();
        if (body["tags"] is JsonArray tags)
        {
            foreach (var t in tags)
            {
                if (t is not JsonObject o) throw DwsErrors.BadRequest(InvalidTag, "The tag is invalid: tags[] must hold objects.");
                var key = Wire.OptionalString(o, "key");
                if (string.IsNullOrEmpty(key)) throw DwsErrors.BadRequest(InvalidTag, "The tag is invalid: key is required.");
                var values = o["values"] is JsonArray vs ? vs.Select(v => v?.GetValue<string>() ?? "").ToList() : [];
                filters.Add((key, values));
            }
        }
        else if (body["tags"] is not null) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: tags must be an array.");
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var matched = state.Clusters.Values
                .Where(c => filters.All(f => c.Tags.Any(t => t.Key == f.Key && (f.Values.Count == 0 || f.Values.Contains(t.Value)))))
                .OrderBy(c => c.Created).ThenBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
            var resources = new JsonArray();
            foreach (var c in paging.Of(matched))
            {
                resources.Add(new JsonObject
                {
                    ["resource_id"] = c.Id,
                    ["resource_detail"] = "",
                    ["resource_name"] = c.Name,
                    ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
                });
            }
            return Wire.Json(new JsonObject { ["resources"] = resources, ["count"] = matched.Count });
        }
    }

    // 5.2.35 (v1.0): name/value/unit rows; "normal" counts AVAILABLE clusters and their nodes.
    private static IResult Statistics(EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var now = state.Clock.UtcNow;
            var clusters = state.Clusters.Values.ToList();
            var normal = clusters.Where(c => ClusterLifecycle.Status(c, now) == "AVAILABLE").ToList();
            var storage = clusters.Sum(c => c.NodeIds.Count * (NodeTypeCatalog.Find(c.NodeType)?.VolumeSizeGb ?? 0));
            return Wire.Json(new JsonObject
            {
                ["statistics"] = new JsonArray(
                    Row("cluster.total", clusters.Count, null),
                    Row("cluster.normal", normal.Count, null),
                    Row("instance.total", clusters.Sum(c => c.NodeIds.Count), null),
                    Row("instance.normal", normal.Sum(c => c.NodeIds.Count), null),
                    Row("storage.total", storage, "GB")),
            });
        }
    }

    private static JsonObject Row(string name, double value, string? unit) => new() { ["name"] = name, ["value"] = value, ["unit"] = unit };

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

    // 5.2.45: used = the sizes of the cluster's snapshots; paid = what exceeds the free quota.
    private static IResult SnapshotStatistics(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            ClusterLifecycle.Get(state, cluster_id);
            var used = state.Snapshots.Values.Select(SnapshotRecord.FromNode).Where(s => s.ClusterId == cluster_id).Sum(s => s.SizeGb);
            used = Math.Round(used, 1);
            return Wire.Json(new JsonObject
            {
                ["statistics"] = new JsonArray(
                    Row("storage.free", FreeSnapshotStorageGb, "GB"),
                    Row("storage.paid", Math.Max(0, Math.Round(used - FreeSnapshotStorageGb, 1)), "GB"),
                    Row("storage.used", used, "GB")),
            });
        }
    }

    // 5.2.51: an ordinary cluster answers its id with null key fields.
    private static IResult EncryptInfo(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var e = c.Encryption;
            return Wire.Json(new JsonObject
            {
                ["id"] = e?.Id,
                ["cluster_id"] = c.Id,
                ["master_key_id"] = e?.MasterKeyId,
                ["master_key_name"] = e?.MasterKeyName,
                ["last_rotate_key_time"] = e?.LastRotateKeyTime is { } t ? Wire.IsoZ(t) : null,
                ["crypt_algorithm"] = e?.CryptAlgorithm,
            });
        }
    }

    // 5.2.54: {"description_info"}; 200 {"error_code":"DWS.0138","error_msg":null} as in the reference's success example (quirks.md 1.2).
    private static async Task<IResult> Description(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var text = Wire.OptionalString(body!, "description_info") ?? throw DwsErrors.Missing("description_info");
        if (text.Length > 256)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, $"Invalid length: description_info has {text.Length} characters; at most 256.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            c.Description = text;
            c.Updated = state.Clock.UtcNow;
            return Wire.Json(new JsonObject { ["error_code"] = "DWS.0138", ["error_msg"] = null });
        }
    }

    // 5.2.58: limit defaults to 10, offset to 0.
    private static IResult Actions(HttpContext http)
    {
        var page = new JsonArray(PageQuery.Read(http, 10).Of(TenantActions).Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        return Wire.Json(new JsonObject { ["action_info"] = page, ["count"] = TenantActions.Count });
    }

    // 5.2.60: {"encrypt":{master_key_id, master_key_name, crypt_algorithm?}}; one way; answers a job.
    private static async Task<IResult> Encrypt(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var encrypt = Wire.RequireObject(body!, "encrypt");
        var keyId = Wire.RequireString(encrypt, "master_key_id");
        var keyName = Wire.RequireString(encrypt, "master_key_name");
        var algorithm = EncryptionRecord.Algorithm(encrypt);
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            if (c.Encryption is not null)
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"The cluster is already encrypted with key {c.Encryption.MasterKeyName}; the conversion is one-way and cannot be repeated.");
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Encryption");
            c.PendingEncryption = new EncryptionRecord { Id = EmulatorState.NewUuid(), MasterKeyId = keyId, MasterKeyName = keyName, CryptAlgorithm = algorithm };
            var op = ClusterLifecycle.StartOperation(state, c, "encrypt", state.Options.Durations.ClusterRestart, "ENCRYPTING", "ENCRYPT_FAILURE", jobName: "dwsClusterEncryptJob");
            return Wire.Json(new JsonObject { ["job_id"] = op.JobId });
        }
    }

    private const string DuplicateParameters = "DWS.5039";
    private const string InvalidTag = "DWS.5197";

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
