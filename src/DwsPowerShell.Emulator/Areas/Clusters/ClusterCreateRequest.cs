using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Areas.AvailabilityZones;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>Create-cluster input, read from 5.2.1 (v1.0) or 5.2.3 (v2) and validated per their parameter tables.</summary>
internal sealed partial record ClusterCreateRequest(
    string Name, string Flavor, int Nodes, int Cns, int Port, string UserName, string Password,
    string VpcId, string SubnetId, string? SecurityGroupId, string? AvailabilityZone, string Version,
    string PublicBindType, string EipId, string EnterpriseProjectId, List<ClusterTag> Tags)
{
    /// <summary>5.2.3 dss_pool_id: the dedicated storage pool of the nodes' disks (v2 only).</summary>
    public string? DssPoolId { get; init; }

    /// <summary>5.2.3 master_key_id/master_key_name/crypt_algorithm: a cluster created encrypted (v2 only).</summary>
    public EncryptionRecord? Encryption { get; init; }

    private static readonly string[] s_bindTypes = ["auto_assign", "not_use", "bind_existing"];

    /// <summary>5.2.1: {"cluster":{node_type, number_of_node, user_name, user_pwd, port?, availability_zone?, number_of_cn?...}}</summary>
    public static ClusterCreateRequest FromV1(JsonObject body, EmulatorOptions options)
    {
        var c = Wire.RequireObject(body, "cluster");
        var nodes = Wire.RequireInt(c, "number_of_node");
        var request = Common(c, Wire.RequireString(c, "name"), Wire.RequireString(c, "node_type"), nodes,
            Wire.OptionalInt(c, "number_of_cn") ?? 3, Wire.OptionalInt(c, "port") ?? 8000,
            Wire.RequireString(c, "user_name"), Wire.RequireString(c, "user_pwd"),
            Wire.OptionalString(c, "security_group_id") ?? throw DwsErrors.Missing("security_group_id"),
            Wire.OptionalString(c, "availability_zone"), NodeTypeCatalog.DatastoreVersions[0], options);
        if (request.Cns < 3 || request.Cns > Math.Min(20, nodes))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: number_of_cn must be 3 to min(20, number_of_node).");
        return request;
    }

    /// <summary>5.2.3: {"cluster":{flavor, num_node, num_cn, db_name, db_password, db_port, availability_zones[], datastore_version...}}</summary>
    public static ClusterCreateRequest FromV2(JsonObject body, EmulatorOptions options)
    {
        var c = Wire.RequireObject(body, "cluster");
        var nodes = Wire.RequireInt(c, "num_node");
        var zones = c["availability_zones"] as JsonArray ?? throw DwsErrors.Missing("availability_zones");
        if (zones.Count == 0) throw DwsErrors.Missing("availability_zones");
        if (zones.Count is not (1 or 3))
            throw DwsErrors.BadRequest(DwsErrors.InvalidAz, "Invalid AZ: give one AZ, or three for a multi-AZ cluster.");
        var zoneNames = zones.Select(z => z?.GetValueKind() == System.Text.Json.JsonValueKind.String ? z.GetValue<string>() : "").ToList();
        var version = Wire.RequireString(c, "datastore_version");
        if (!NodeTypeCatalog.DatastoreVersions.Contains(version))
            throw DwsErrors.BadRequest(DwsErrors.InvalidVersion, $"Invalid database version: {version}. Supported: {string.Join(", ", NodeTypeCatalog.DatastoreVersions)}.");
        var request = Common(c, Wire.RequireString(c, "name"), Wire.RequireString(c, "flavor"), nodes,
            Wire.RequireInt(c, "num_cn"), Wire.RequireInt(c, "db_port"),
            Wire.RequireString(c, "db_name"), Wire.RequireString(c, "db_password"),
            Wire.OptionalString(c, "security_group_id"), null, version, options);
        foreach (var zone in zoneNames) CheckZone(zone, options);
        if (request.Cns < 2 || request.Cns > Math.Min(20, nodes))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: num_cn must be 2 to min(20, num_node).");
        return request with { AvailabilityZone = string.Join(',', zoneNames), DssPoolId = DssPool(c), Encryption = EncryptionOf(c) };
    }

    private static string? DssPool(JsonObject c)
    {
        var pool = Wire.OptionalString(c, "dss_pool_id");
        if (pool is not null && pool.Trim().Length == 0)
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: dss_pool_id is empty; give the ID of the dedicated storage pool or leave it out.");
        return pool;
    }

    /// <summary>A master key makes the cluster encrypted from the start; crypt_algorithm alone (with no key) is refused.</summary>
    private static EncryptionRecord? EncryptionOf(JsonObject c)
    {
        var keyId = Wire.OptionalString(c, "master_key_id");
        var algorithm = EncryptionRecord.Algorithm(c);
        if (string.IsNullOrEmpty(keyId))
        {
            if (c["crypt_algorithm"] is not null)
                throw DwsErrors.BadRequest(DwsErrors.MissingParameter, "The parameter does not exist: crypt_algorithm needs master_key_id (the KMS key that encrypts the cluster).");
            return null;
        }
        return new EncryptionRecord
        {
            Id = EmulatorState.NewUuid(),
            MasterKeyId = keyId,
            MasterKeyName = Wire.OptionalString(c, "master_key_name") ?? "",
            CryptAlgorithm = algorithm,
        };
    }

    private static ClusterCreateRequest Common(JsonObject c, string name, string flavor, int nodes, int cns, int port,
        string userName, string password, string? securityGroupId, string? zone, string version, EmulatorOptions options)
    {
        if (name.Length is < 4 or > 64)
            throw DwsErrors.BadRequest(DwsErrors.InvalidLength, "Invalid string length: the cluster name must contain 4 to 64 characters.");
        if (!NamePattern().IsMatch(name))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern, "The cluster name pattern is invalid: start with a letter; use only letters, digits, hyphens (-) and underscores (_).");
        var spec = NodeTypeCatalog.Find(flavor)
            ?? throw DwsErrors.BadRequest(DwsErrors.InvalidFlavor, $"Invalid specifications: node type '{flavor}' does not exist (see GET /v2/{{project_id}}/node-types).");
        if (spec.DatastoreType == "hybrid" ? nodes is not (1 or >= 3 and <= 256) : nodes is < 3 or > 256)
            throw DwsErrors.BadRequest(DwsErrors.InvalidNodeCount, "Invalid instance quantity: a cluster has 3 to 256 nodes (1 for a standalone hybrid data warehouse).");
        if (port is < 8000 or > 30000)
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: the port must be 8000 to 30000.");
        if (!UserNamePattern().IsMatch(userName))
            throw DwsErrors.BadRequest(DwsErrors.InvalidUserName, "Database username contains invalid characters: use 6 to 64 lowercase letters, digits or underscores, starting with a lowercase letter or an underscore.");
        CheckPassword(password, userName);
        var vpc = Wire.RequireString(c, "vpc_id");
        var subnet = Wire.RequireString(c, "subnet_id");
        if (zone is not null) CheckZone(zone, options);
        var bindType = "not_use";
        var eipId = "";
        if (c["public_ip"] is JsonObject publicIp)
        {
            bindType = Wire.RequireString(publicIp, "public_bind_type");
            if (!s_bindTypes.Contains(bindType))
                throw DwsErrors.BadRequest(DwsErrors.InvalidEipType, "Invalid EIP binding type: use auto_assign, not_use or bind_existing.");
            eipId = Wire.OptionalString(publicIp, "eip_id") ?? "";
        }
        return new ClusterCreateRequest(name, flavor, nodes, cns, port, userName, password, vpc, subnet, securityGroupId, zone,
            version, bindType, eipId, Wire.OptionalString(c, "enterprise_project_id") ?? "0", ReadTags(c));
    }

    /// <summary>12–32 characters, three of four classes, not the user name or its reverse.</summary>
    private static void CheckPassword(string password, string userName)
    {
        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(ch => "~!?,.:;(){}[]/<>@#%^&*+|\\=-_$ '\"`".Contains(ch)) ? 1 : 0);
        if (password.Length is < 12 or > 32 || classes < 3)
            throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: use 12 to 32 characters from at least three of: uppercase, lowercase, digits, special characters.");
        var reversed = new string(userName.Reverse().ToArray());
        if (password.Equals(userName, StringComparison.OrdinalIgnoreCase) || password.Equals(reversed, StringComparison.OrdinalIgnoreCase))
            throw DwsErrors.BadRequest(DwsErrors.PasswordContainsUser, "The cluster administrator password cannot be the username, or the username spelled backwards.");
    }

    private static void CheckZone(string zone, EmulatorOptions options)
    {
        var zones = AvailabilityZoneRoutes.Codes(options);
        if (!zones.Contains(zone))
            throw DwsErrors.BadRequest(DwsErrors.InvalidAz, $"Invalid AZ: '{zone}'. Available: {string.Join(", ", zones)}.");
    }

    private static List<ClusterTag> ReadTags(JsonObject c)
    {
        var node = c["tags"];
        var items = node switch { JsonArray a => a.ToList(), JsonObject o => [o], _ => [] };
        return items.OfType<JsonObject>()
            .Select(t => new ClusterTag { Key = Wire.RequireString(t, "key"), Value = Wire.OptionalString(t, "value") ?? "" })
            .ToList();
    }


    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]{5,63}$")]
    private static partial Regex UserNamePattern();
}
