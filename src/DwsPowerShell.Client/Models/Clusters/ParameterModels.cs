using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// A parameter group of a cluster (5.2.42 ClusterConfiguration). Status: In-Sync, Applying, Pending-Reboot,
/// Sync-Failure. fail_reason comes as the string "null" when there is none (quirks.md 6).
/// </summary>
public sealed class ClusterParameterGroupInfo
{
    /// <summary>The group type that holds the cluster's modifiable GUC parameters.</summary>
    public const string ParameterGroupType = "parameterGroup";

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    /// <summary>As sent: "null" when there is no failure.</summary>
    public string? FailReason { get; set; }

    /// <summary><see cref="Id"/>, the value -ConfigurationId takes.</summary>
    [JsonIgnore]
    public string? ConfigurationId => Id;

    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The failure reason, or null when the service sent none (or the string "null").</summary>
    [JsonIgnore]
    public string? FailureReason => string.IsNullOrWhiteSpace(FailReason) || string.Equals(FailReason, "null", StringComparison.OrdinalIgnoreCase) ? null : FailReason;

    public override string ToString() => $"{Name} ({Type}) {Status}";
}

/// <summary>The 5.2.42 answer.</summary>
public sealed class ClusterParameterGroupList
{
    public List<ClusterParameterGroupInfo>? Configurations { get; set; }
}

/// <summary>A value of a parameter for one role (5.2.43 ConfigurationParameterUnit): type cn or dn.</summary>
public sealed class ClusterParameterValue
{
    public string? Type { get; set; }

    public string? Value { get; set; }

    public string? DefaultValue { get; set; }

    public override string ToString() => $"{Type}={Value}";
}

/// <summary>A cluster parameter (5.2.43 ConfigurationParameter), with its CN and DN values.</summary>
public sealed class ClusterParameter
{
    public string? Name { get; set; }

    public List<ClusterParameterValue>? Values { get; set; }

    public string? Unit { get; set; }

    /// <summary>boolean, string, integer, float or list.</summary>
    public string? Type { get; set; }

    [JsonPropertyName("readonly")]
    public bool? ReadOnly { get; set; }

    public string? ValueRange { get; set; }

    public bool? RestartRequired { get; set; }

    public string? Description { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    [JsonIgnore]
    public string? ConfigurationId { get; set; }

    /// <summary>The value on coordinator nodes.</summary>
    [JsonIgnore]
    public string? CnValue => ValueOf(ParameterRole.Cn);

    /// <summary>The value on data nodes.</summary>
    [JsonIgnore]
    public string? DnValue => ValueOf(ParameterRole.Dn);

    public string? ValueOf(ParameterRole role) =>
        Values?.FirstOrDefault(v => string.Equals(v.Type, role.ToWire(), StringComparison.OrdinalIgnoreCase))?.Value;

    public override string ToString() => $"{Name} cn={CnValue} dn={DnValue}";
}

/// <summary>The 5.2.43 answer.</summary>
public sealed class ClusterParameterList
{
    public List<ClusterParameter>? Configurations { get; set; }
}

/// <summary>Where a parameter value applies: coordinator nodes or data nodes.</summary>
[Flags]
public enum ParameterRole
{
    Cn = 1,
    Dn = 2,
}

internal static class ParameterRoleExtensions
{
    public static string ToWire(this ParameterRole role) => role == ParameterRole.Cn ? "cn" : "dn";
}

/// <summary>One item of the 5.2.44 body (ConfigurationParameterValue): type cn|dn, name, value.</summary>
public sealed class ParameterSetting
{
    public ParameterSetting()
    {
    }

    public ParameterSetting(string type, string name, string value)
    {
        Type = type;
        Name = name;
        Value = value;
    }

    public string? Type { get; set; }

    public string? Name { get; set; }

    public string? Value { get; set; }

    public override string ToString() => $"{Type}:{Name}={Value}";
}

/// <summary>The body of 5.2.44 Modifying Parameter Settings of a Cluster.</summary>
public sealed class ParameterUpdateRequest
{
    public List<ParameterSetting>? Configurations { get; set; }
}

/// <summary>One parameter change as <c>SetParametersAsync</c> made it.</summary>
public sealed class ParameterChange
{
    public ParameterChange(string name, string role, string? oldValue, string newValue, bool restartRequired)
    {
        Name = name;
        Role = role;
        OldValue = oldValue;
        NewValue = newValue;
        RestartRequired = restartRequired;
    }

    public string Name { get; }

    /// <summary>cn or dn.</summary>
    public string Role { get; }

    public string? OldValue { get; }

    public string NewValue { get; }

    public bool RestartRequired { get; }

    public override string ToString() => $"{Role}:{Name} {OldValue} -> {NewValue}{(RestartRequired ? " (restart required)" : "")}";
}

/// <summary>What a read-merge-write parameter change did (5.2.43 then 5.2.44).</summary>
public sealed class ParameterUpdateResult
{
    public ParameterUpdateResult(string clusterId, string configurationId, IReadOnlyList<ParameterChange> changes)
    {
        ClusterId = clusterId;
        ConfigurationId = configurationId;
        Changes = changes;
    }

    public string ClusterId { get; }

    public string ConfigurationId { get; }

    /// <summary>Only the values that differ from what the cluster had; empty when nothing changed (and nothing was sent).</summary>
    public IReadOnlyList<ParameterChange> Changes { get; }

    public bool RestartRequired => Changes.Any(c => c.RestartRequired);
}

/// <summary>A parameter modification audit record (5.2.53 ConfigurationRecordResp). id is documented String, returned as a number.</summary>
public sealed class ParameterAuditRecord
{
    public string? Id { get; set; }

    /// <summary>Documented as "Operation".</summary>
    public string? Operator { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public string? Status { get; set; }

    public string? FailedReason { get; set; }

    [JsonIgnore]
    public string? RecordId => Id;

    [JsonIgnore]
    public string? ClusterId { get; set; }

    public override string ToString() => $"{Id} {StartTime:u} {Operator} {Status}".Trim();
}

/// <summary>The 5.2.53 answer; count is the server's total and can disagree with records (quirks.md 3.5).</summary>
public sealed class ParameterAuditRecordList
{
    public List<ParameterAuditRecord>? Records { get; set; }

    public int? Count { get; set; }
}

/// <summary>Filters of 5.2.53.</summary>
public sealed class ParameterAuditQuery
{
    /// <summary>action_time: records from this time on (sent as epoch milliseconds).</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>filter_by: the field to filter on (the emulator knows operator and status).</summary>
    public string? FilterBy { get; set; }

    /// <summary>filter: the text to look for.</summary>
    public string? Filter { get; set; }
}
