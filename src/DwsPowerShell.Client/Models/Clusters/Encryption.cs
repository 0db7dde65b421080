using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

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
