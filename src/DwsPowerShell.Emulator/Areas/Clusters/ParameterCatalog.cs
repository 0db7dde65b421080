using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>One 5.2.53 audit record: a parameter change as the emulator applied it.</summary>
public sealed class ParameterAuditRecord
{
    public int Id { get; set; }
    /// <summary>"operator" (documented "Operation"): what was changed, e.g. "cn:work_mem=64MB".</summary>
    public string Operator { get; set; } = "";
    public DateTimeOffset StartTime { get; set; }
    public DateTimeOffset EndTime { get; set; }
    public string Status { get; set; } = "SUCCESS";
    public string? FailedReason { get; set; }
}

/// <summary>A GUC parameter the emulator serves (5.2.43 ConfigurationParameter).</summary>
public sealed record ParameterSpec(string Name, string Type, string? Unit, string ValueRange, bool RestartRequired, bool ReadOnly, string CnDefault, string DnDefault, string Description);

/// <summary>
/// The cluster parameter groups (5.2.42: the five groups of the reference's example) and the parameters of the
/// "parameterGroup" group (5.2.43). Group ids are derived from the cluster id, so they need no state.
/// </summary>
public static class ParameterCatalog
{
    public const string ParameterGroupType = "parameterGroup";

    /// <summary>(name, type) of the groups, in the order of the 5.2.42 example.</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> Groups =
    [
        ("defaultGUCConfig", "GUCConfig"),
        ("parameterGroupFor_{0}", "hiddenParameterGroup"),
        ("defaultOBSConfig", "OBSConfig"),
        ("Default-Parameter-Template-DWS-8_2_0", ParameterGroupType),
        ("security-paragroup-dws", "securityParameterGroup"),
    ];

    public static readonly IReadOnlyList<ParameterSpec> Parameters =
    [
        new("enable_constraint_optimization", "boolean", null, "on|off", false, false, "on", "on",
            "Specifies whether the informational constraint optimization execution plan can be used for an HDFS foreign table."),
        new("work_mem", "integer", "KB", "64-2147483647", false, false, "65536", "65536",
            "Specifies the memory used by internal sort operations and hash tables before they write to temporary disk files."),
        new("max_connections", "integer", null, "10-262143", true, false, "800", "5000",
            "Specifies the maximum number of concurrent connections to the database."),
        new("session_timeout", "integer", "s", "0-86400", false, false, "600", "600",
            "Specifies the longest duration with no operation after the connection to the server."),
        new("enable_bitmapscan", "boolean", null, "on|off", false, false, "on", "on",
            "Controls the query optimizer's use of bitmap-scan plan types."),
        new("shared_buffers", "integer", "KB", "128-1073741823", true, true, "4194304", "8388608",
            "Specifies the size of the shared memory used by the database (read-only: set by the flavor)."),
    ];

    public static ParameterSpec? Find(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public static string GroupId(ClusterRecord c, string type)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(c.Id + "/" + type));
        return new Guid(hash).ToString("D");
    }

    public static string GroupName(ClusterRecord c, string nameFormat) => string.Format(System.Globalization.CultureInfo.InvariantCulture, nameFormat, c.Id);

    /// <summary>The detail's parameter_group (5.2.13): the "parameterGroup" group with the cluster's status.</summary>
    public static JsonObject ParameterGroupJson(ClusterRecord c)
    {
        var (name, type) = Groups.Single(g => g.Type == ParameterGroupType);
        return new JsonObject { ["id"] = GroupId(c, type), ["name"] = GroupName(c, name), ["status"] = c.ParameterGroupStatus };
    }

    public static string Value(ClusterRecord c, ParameterSpec spec, string role) =>
        c.ParameterValues.TryGetValue(Key(role, spec.Name), out var v) ? v : role == "cn" ? spec.CnDefault : spec.DnDefault;

    public static string Key(string role, string name) => role + ":" + name;

    /// <summary>Whether <paramref name="value"/> fits the parameter's type and value_range.</summary>
    public static bool Accepts(ParameterSpec spec, string value)
    {
        switch (spec.Type)
        {
            case "boolean":
                return value is "on" or "off";
            case "integer":
                var range = spec.ValueRange.Split('-');
                return long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    && n >= long.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture)
                    && n <= long.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture);
            default:
                return true;
        }
    }
}
