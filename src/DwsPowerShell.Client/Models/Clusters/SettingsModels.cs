using System.Security;
using System.Text.Json.Serialization;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The body of 5.2.2 Modifying the Security Group of a Cluster: the whole new set.</summary>
public sealed class SecurityGroupUpdate
{
    public List<string>? SecurityGroups { get; set; }
}

/// <summary>
/// The body of 5.2.28 Resetting a Password. The password is write-only: set from a SecureString, serialised
/// into the body only, and never readable from the object, its ToString() or a log.
/// </summary>
public sealed class ResetPasswordRequest
{
    private string? _newPassword;

    /// <summary>Write-only.</summary>
    [JsonIgnore]
    public string? NewPassword
    {
        set => _newPassword = value;
    }

    [JsonIgnore]
    public bool HasNewPassword => !string.IsNullOrEmpty(_newPassword);

    [JsonInclude]
    [JsonPropertyName("new_password")]
    private string? NewPasswordWire
    {
        get => _newPassword;
        set => _newPassword = value;
    }

    public void SetNewPassword(SecureString password) => _newPassword = SecretText.From(password, nameof(password));

    /// <summary>12 to 32 characters, three of four character classes, not the user name forwards or backwards (5.2.28).</summary>
    public void Validate(string? userName = null) => ClusterRequestValidation.AdminPassword(_newPassword, userName, "NewPassword");

    public override string ToString() => "reset-password (new password hidden)";
}

/// <summary>One item of the 5.2.34 filter: a tag key and, optionally, the values that match (any of them).</summary>
public sealed class TagFilter
{
    public TagFilter()
    {
    }

    public TagFilter(string key, IEnumerable<string>? values = null)
    {
        Key = key;
        Values = values?.ToList();
    }

    public string? Key { get; set; }

    public List<string>? Values { get; set; }

    public override string ToString() => Values is { Count: > 0 } ? $"{Key}={string.Join("|", Values)}" : $"{Key}=*";
}

/// <summary>The body of 5.2.34 Querying Clusters by Tag.</summary>
public sealed class TagFilterRequest
{
    public List<TagFilter>? Tags { get; set; }
}

/// <summary>A cluster as 5.2.34 answers it: id, name and tags.</summary>
public sealed class ClusterTagResource
{
    public string? ResourceId { get; set; }

    public string? ResourceName { get; set; }

    public string? ResourceDetail { get; set; }

    public List<ClusterTag>? Tags { get; set; }

    /// <summary>The cluster's ID (= <see cref="ResourceId"/>), so the record pipes to cmdlets taking -ClusterId.</summary>
    [JsonIgnore]
    public string? ClusterId => ResourceId;

    public override string ToString() => $"{ResourceName} ({ResourceId})";
}

/// <summary>The 5.2.34 answer; count is the server's total (quirks.md 3.5).</summary>
public sealed class ClusterTagResourceList
{
    public List<ClusterTagResource>? Resources { get; set; }

    public int? Count { get; set; }
}

/// <summary>A name/value/unit row of 5.2.35 and 5.2.45.</summary>
public sealed class DwsStatistic
{
    public string? Name { get; set; }

    public double? Value { get; set; }

    public string? Unit { get; set; }

    public override string ToString() => $"{Name}={Value}{(Unit is null ? "" : " " + Unit)}";
}

/// <summary>The statistics[] answer of 5.2.35 and 5.2.45.</summary>
public sealed class DwsStatisticList
{
    public List<DwsStatistic>? Statistics { get; set; }

    internal double? Find(string name) => Statistics?.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>5.2.35 Querying the Resource Statistics, as one object (cluster.*, instance.*, storage.total rows).</summary>
public sealed class DwsResourceStatistic
{
    public int ClusterTotal { get; set; }

    /// <summary>cluster.normal: clusters that are available.</summary>
    public int ClusterAvailable { get; set; }

    public int NodeTotal { get; set; }

    /// <summary>instance.normal: nodes that are available.</summary>
    public int NodeAvailable { get; set; }

    public double StorageTotalGB { get; set; }

    /// <summary>The rows as the service sent them.</summary>
    public IReadOnlyList<DwsStatistic> Statistics { get; set; } = Array.Empty<DwsStatistic>();

    internal static DwsResourceStatistic From(DwsStatisticList? list) => new()
    {
        ClusterTotal = (int)(list?.Find("cluster.total") ?? 0),
        ClusterAvailable = (int)(list?.Find("cluster.normal") ?? 0),
        NodeTotal = (int)(list?.Find("instance.total") ?? 0),
        NodeAvailable = (int)(list?.Find("instance.normal") ?? 0),
        StorageTotalGB = list?.Find("storage.total") ?? 0,
        Statistics = list?.Statistics ?? new List<DwsStatistic>(),
    };

    public override string ToString() => $"{ClusterAvailable}/{ClusterTotal} clusters, {NodeAvailable}/{NodeTotal} nodes, {StorageTotalGB} GB";
}

/// <summary>5.2.45 Querying Snapshot Statistics of one cluster: storage.free / paid / used in GB.</summary>
public sealed class DwsSnapshotStatistic
{
    public string ClusterId { get; set; } = string.Empty;

    public double FreeGB { get; set; }

    public double PaidGB { get; set; }

    public double UsedGB { get; set; }

    public IReadOnlyList<DwsStatistic> Statistics { get; set; } = Array.Empty<DwsStatistic>();

    internal static DwsSnapshotStatistic From(DwsStatisticList? list, string clusterId) => new()
    {
        ClusterId = clusterId,
        FreeGB = list?.Find("storage.free") ?? 0,
        PaidGB = list?.Find("storage.paid") ?? 0,
        UsedGB = list?.Find("storage.used") ?? 0,
        Statistics = list?.Statistics ?? new List<DwsStatistic>(),
    };

    public override string ToString() => $"{ClusterId}: used {UsedGB} GB, free {FreeGB} GB, paid {PaidGB} GB";
}

/// <summary>5.2.51 Obtaining Cluster Encryption Information. An ordinary cluster has no master key.</summary>
public sealed class ClusterEncryption
{
    public string? Id { get; set; }

    public string? ClusterId { get; set; }

    public string? MasterKeyId { get; set; }

    public string? MasterKeyName { get; set; }

    public string? LastRotateKeyTime { get; set; }

    public string? CryptAlgorithm { get; set; }

    [JsonIgnore]
    public bool IsEncrypted => !string.IsNullOrEmpty(MasterKeyId);

    public override string ToString() => IsEncrypted ? $"{ClusterId}: {MasterKeyName} ({CryptAlgorithm})" : $"{ClusterId}: not encrypted";
}

/// <summary>The body of 5.2.60 Converting an Ordinary Cluster to an Encrypted Cluster: {"encrypt":{...}}.</summary>
public sealed class EncryptClusterRequest
{
    public const string GeneralCipher = "generalCipher";
    public const string SMCipher = "SMCipher";

    public EncryptInfo? Encrypt { get; set; }

    internal void Validate()
    {
        if (Encrypt is null) throw new ArgumentException("encrypt is required: give the KMS key.", nameof(Encrypt));
        ClusterRequestValidation.Required(Encrypt.MasterKeyId, "MasterKeyId", "the KMS key ID");
        ClusterRequestValidation.Required(Encrypt.MasterKeyName, "MasterKeyName", "the KMS key name");
        if (Encrypt.CryptAlgorithm is not null) Encrypt.CryptAlgorithm = ClusterRequestValidation.OneOf(Encrypt.CryptAlgorithm, "CryptAlgorithm", GeneralCipher, SMCipher);
    }
}

/// <summary>The KMS key of 5.2.60.</summary>
public sealed class EncryptInfo
{
    public string? MasterKeyId { get; set; }

    public string? MasterKeyName { get; set; }

    public string? CryptAlgorithm { get; set; }
}

/// <summary>The body of 5.2.54 Saving Cluster Description.</summary>
public sealed class DescriptionRequest
{
    public string? DescriptionInfo { get; set; }
}

/// <summary>
/// The 5.2.54 answer: HTTP 200 with error_code. The reference's success example says "DWS.0138" (quirks.md 1.2),
/// so DWS.0000, DWS.0138 and null are success; <see cref="HasUnexpectedCode"/> flags anything else (warn, not fail).
/// </summary>
public sealed class DescriptionResult
{
    /// <summary>The error_code of the reference's success example (5.2.54).</summary>
    public const string SavedCode = "DWS.0138";

    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    [JsonIgnore]
    public string? Description { get; set; }

    [JsonIgnore]
    public bool HasUnexpectedCode => ErrorCode is not null && ErrorCode != "DWS.0000" && ErrorCode != SavedCode;
}

/// <summary>The 5.2.58 answer: the tenant's available operations (feature names such as ColdStorage).</summary>
public sealed class AvailableActionList
{
    public List<string>? ActionInfo { get; set; }

    public int? Count { get; set; }
}

/// <summary>One operation available to the tenant (5.2.58).</summary>
public sealed class DwsAvailableAction
{
    public DwsAvailableAction(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}
