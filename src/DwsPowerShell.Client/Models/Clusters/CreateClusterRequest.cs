using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json.Serialization;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// The body of 5.2.3 Creating a Cluster (V2), sent inside the "cluster" wrapper (documented optional,
/// but required: quirks.md 7.10). The administrator password can be set but never read back: it is
/// serialised into the request body only, and appears in no property, ToString() or log.
/// </summary>
public sealed class CreateClusterRequest : IValidatedRequest
{
    private string? _adminPassword;

    /// <summary>Unique cluster name: 4 to 64 characters, starting with a letter; letters, digits, - and _.</summary>
    public string? Name { get; set; }

    /// <summary>Node flavor (5.2.14 spec_name), such as dws.m1.xlarge.ultrahigh.</summary>
    public string? Flavor { get; set; }

    /// <summary>Number of CNs: 2 to the node count, at most 20. Default 3.</summary>
    public int NumCn { get; set; } = 3;

    /// <summary>Number of nodes: 3 to 256, or 1 for a standalone hybrid data warehouse.</summary>
    public int NumNode { get; set; }

    /// <summary>The administrator's user name (sent as <c>db_name</c>, which despite its name is the user: quirks.md 7.10).</summary>
    [JsonPropertyName("db_name")]
    public string? AdminUserName { get; set; }

    /// <summary>Write-only: the administrator's password (sent as <c>db_password</c>).</summary>
    [JsonIgnore]
    public string? AdminPassword
    {
        set => _adminPassword = value;
    }

    /// <summary>Whether a password was set (the password itself cannot be read back).</summary>
    [JsonIgnore]
    public bool HasAdminPassword => !string.IsNullOrEmpty(_adminPassword);

    /// <summary>Database port, 8000 to 30000 (sent as <c>db_port</c>). Default 8000.</summary>
    [JsonPropertyName("db_port")]
    public int Port { get; set; } = 8000;

    /// <summary>The dedicated (DSS) storage pool the nodes' disks come from; null for the shared one.</summary>
    public string? DssPoolId { get; set; }

    /// <summary>One AZ, or three for a multi-AZ cluster.</summary>
    public List<string>? AvailabilityZones { get; set; }

    public List<ClusterTag>? Tags { get; set; }

    public string? VpcId { get; set; }

    public string? SubnetId { get; set; }

    public string? SecurityGroupId { get; set; }

    public ClusterPublicIp? PublicIp { get; set; }

    /// <summary>Cluster (kernel) version, from 5.2.14 datastores[].version.</summary>
    public string? DatastoreVersion { get; set; }

    public string? MasterKeyId { get; set; }

    public string? MasterKeyName { get; set; }

    /// <summary>The algorithm of the KMS encryption, generalCipher or SMCipher (as 5.2.60 takes it); only with <see cref="MasterKeyId"/>.</summary>
    public string? CryptAlgorithm { get; set; }

    /// <summary>Disk type and capacity; needed for elastic-storage flavors.</summary>
    public ClusterVolume? Volume { get; set; }

    public string? EnterpriseProjectId { get; set; }

    /// <summary>The password on the wire only: private, so no reader of the object can see it.</summary>
    [JsonInclude]
    private string? DbPassword
    {
        get => _adminPassword;
        set => _adminPassword = value;
    }

    /// <summary>Sets the password from a SecureString (e.g. a PSCredential's), copying it out only here.</summary>
    public void SetAdminPassword(SecureString password) => _adminPassword = SecretText.From(password, nameof(password));

    /// <summary>Checks the body against the rules of 5.2.3; throws <see cref="ArgumentException"/> naming the property and the fix.</summary>
    public void Validate() => Validate(versionRequired: true);

    /// <summary>
    /// Every check of <see cref="Validate()"/> but the cluster version's: for a caller that fills in the default version
    /// afterwards (<see cref="Areas.ClustersApi.GetDefaultDatastoreVersionAsync"/> costs a call, which a request that
    /// fails its checks should not make).
    /// </summary>
    public void ValidateAllButVersion() => Validate(versionRequired: false);

    private void Validate(bool versionRequired)
    {
        ClusterRequestValidation.ClusterName(Name, nameof(Name));
        ClusterRequestValidation.Flavor(Flavor, nameof(Flavor));
        ClusterRequestValidation.NodeCount(NumNode, nameof(NumNode));
        ClusterRequestValidation.CnCount(NumCn, 2, NumNode, nameof(NumCn));
        ClusterRequestValidation.AdminUserName(AdminUserName, nameof(AdminUserName));
        ClusterRequestValidation.AdminPassword(_adminPassword, AdminUserName, nameof(AdminPassword));
        ClusterRequestValidation.Port(Port, nameof(Port));
        if (AvailabilityZones is null || AvailabilityZones.Count == 0 || AvailabilityZones.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{nameof(AvailabilityZones)} is required: give one AZ code, or three for a multi-AZ cluster.", nameof(AvailabilityZones));
        }
        if (AvailabilityZones.Count > 3)
        {
            throw new ArgumentException($"{nameof(AvailabilityZones)} has {AvailabilityZones.Count} AZs; a multi-AZ cluster uses at most three.", nameof(AvailabilityZones));
        }
        ClusterRequestValidation.Required(VpcId, nameof(VpcId), "the VPC ID");
        ClusterRequestValidation.Required(SubnetId, nameof(SubnetId), "the subnet ID");
        if (versionRequired) ClusterRequestValidation.Required(DatastoreVersion, nameof(DatastoreVersion), "the cluster version (a datastores[].version of the node type, such as 8.2.1)");
        ClusterRequestValidation.PublicIp(PublicIp, nameof(PublicIp));
        ClusterRequestValidation.Tags(Tags, nameof(Tags));
        if (Volume?.Capacity is { } capacity) ClusterRequestValidation.Positive(capacity, nameof(Volume) + ".Capacity", "the disk capacity (GB)");
        if (DssPoolId is not null && DssPoolId.Trim().Length == 0)
        {
            throw new ArgumentException($"{nameof(DssPoolId)} is empty: give the ID of the dedicated storage pool, or leave {nameof(DssPoolId)} out.", nameof(DssPoolId));
        }
        if (CryptAlgorithm is not null)
        {
            CryptAlgorithm = ClusterRequestValidation.OneOf(CryptAlgorithm, nameof(CryptAlgorithm), EncryptClusterRequest.GeneralCipher, EncryptClusterRequest.SMCipher);
            if (string.IsNullOrWhiteSpace(MasterKeyId))
            {
                throw new ArgumentException(
                    $"{nameof(CryptAlgorithm)} is the algorithm of the cluster's KMS encryption: give the KMS key too ({nameof(MasterKeyId)}, New-DwsCluster -KmsKeyId), or leave {nameof(CryptAlgorithm)} out.",
                    nameof(CryptAlgorithm));
            }
        }
    }

    public override string ToString() => $"{Name} ({Flavor}, {NumNode} nodes, {NumCn} CNs, version {DatastoreVersion})";
}

/// <summary>Disk of a v2 cluster: volume is SSD, SAS or SATA; capacity in GB.</summary>
public sealed class ClusterVolume
{
    public string? Volume { get; set; }

    public int? Capacity { get; set; }

    public override string ToString() => $"{Volume} {Capacity} GB";
}

/// <summary>
/// The body of 5.2.1 Creating a Cluster (v1.0), sent inside the "cluster" wrapper. Single AZ, number_of_cn
/// from 3, and tags typed as ONE object (quirks.md 7.9). The password is write-only as in <see cref="CreateClusterRequest"/>.
/// </summary>
public sealed class CreateClusterV1Request : IValidatedRequest
{
    private string? _adminPassword;

    public string? NodeType { get; set; }

    public int NumberOfNode { get; set; }

    public string? SubnetId { get; set; }

    public string? SecurityGroupId { get; set; }

    public string? VpcId { get; set; }

    public string? AvailabilityZone { get; set; }

    /// <summary>8000 to 30000; the service defaults to 8000.</summary>
    public int? Port { get; set; }

    public string? Name { get; set; }

    /// <summary>The administrator's user name (sent as <c>user_name</c>).</summary>
    [JsonPropertyName("user_name")]
    public string? AdminUserName { get; set; }

    /// <summary>Write-only: the administrator's password (sent as <c>user_pwd</c>).</summary>
    [JsonIgnore]
    public string? AdminPassword
    {
        set => _adminPassword = value;
    }

    [JsonIgnore]
    public bool HasAdminPassword => !string.IsNullOrEmpty(_adminPassword);

    public ClusterPublicIp? PublicIp { get; set; }

    /// <summary>3 to the node count, at most 20; the service defaults to 3.</summary>
    public int? NumberOfCn { get; set; }

    /// <summary>ONE tag object, as 5.2.1 documents it (every other API takes an array).</summary>
    public ClusterTag? Tags { get; set; }

    public string? EnterpriseProjectId { get; set; }

    [JsonInclude]
    private string? UserPwd
    {
        get => _adminPassword;
        set => _adminPassword = value;
    }

    public void SetAdminPassword(SecureString password) => _adminPassword = SecretText.From(password, nameof(password));

    /// <summary>Checks the body against the rules of 5.2.1.</summary>
    public void Validate()
    {
        ClusterRequestValidation.ClusterName(Name, nameof(Name));
        ClusterRequestValidation.Flavor(NodeType, nameof(NodeType));
        ClusterRequestValidation.NodeCount(NumberOfNode, nameof(NumberOfNode));
        if (NumberOfCn is { } cns) ClusterRequestValidation.CnCount(cns, 3, NumberOfNode, nameof(NumberOfCn));
        ClusterRequestValidation.AdminUserName(AdminUserName, nameof(AdminUserName));
        ClusterRequestValidation.AdminPassword(_adminPassword, AdminUserName, nameof(AdminPassword));
        if (Port is { } port) ClusterRequestValidation.Port(port, nameof(Port));
        ClusterRequestValidation.Required(VpcId, nameof(VpcId), "the VPC ID");
        ClusterRequestValidation.Required(SubnetId, nameof(SubnetId), "the subnet ID");
        ClusterRequestValidation.Required(SecurityGroupId, nameof(SecurityGroupId), "the security group ID (required by the v1.0 API)");
        ClusterRequestValidation.PublicIp(PublicIp, nameof(PublicIp));
        if (Tags is not null) ClusterRequestValidation.Tags(new[] { Tags }, nameof(Tags));
    }

    public override string ToString() => $"{Name} ({NodeType}, {NumberOfNode} nodes)";
}

internal static class SecretText
{
    /// <summary>The text of a SecureString; the unmanaged copy is zeroed at once.</summary>
    public static string From(SecureString? secret, string parameterName)
    {
        if (secret is null) throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        var ptr = IntPtr.Zero;
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return Marshal.PtrToStringUni(ptr) ?? string.Empty;
        }
        finally
        {
            if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }
}
