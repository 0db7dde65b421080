using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>The 5.2.3 cluster parameters that New-DwsCluster and Test-DwsClusterCreation (5.2.29, same body) both take.</summary>
internal interface IClusterSpecification
{
    string Name { get; }
    string Flavor { get; }
    int NodeCount { get; }
    int CoordinatorNodeCount { get; }
    PSCredential AdminCredential { get; }
    int Port { get; }
    string[] AvailabilityZone { get; }
    string? VpcId { get; }
    string? SubnetId { get; }
    string? SecurityGroupId { get; }
    string? PublicIpBindType { get; }
    string? EipId { get; }
    string? DatastoreVersion { get; }
    string? VolumeType { get; }
    int? VolumeSizeGB { get; }
    string? KmsKeyId { get; }
    string? KmsKeyName { get; }
    string? CryptAlgorithm { get; }
    string? DssPoolId { get; }
    Hashtable? Tag { get; }
    string? EnterpriseProjectId { get; }
}

/// <summary>The one mapping from those parameters to the request bodies.</summary>
internal static class ClusterSpecification
{
    public static List<ClusterTag>? Tags(IClusterSpecification spec) =>
        spec.Tag?.Cast<DictionaryEntry>()
            .Select(e => new ClusterTag(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? string.Empty))
            .ToList();

    public static ClusterPublicIp? PublicIp(IClusterSpecification spec) =>
        spec.PublicIpBindType is null && spec.EipId is null
            ? null
            : new ClusterPublicIp { PublicBindType = spec.PublicIpBindType ?? ClusterPublicIp.BindExisting, EipId = spec.EipId };

    /// <summary>The v2 (5.2.3) body, with the administrator password copied out of the SecureString only into the write-only request.</summary>
    public static CreateClusterRequest ToCreateRequest(IClusterSpecification spec)
    {
        var request = new CreateClusterRequest
        {
            Name = spec.Name,
            Flavor = spec.Flavor,
            NumNode = spec.NodeCount,
            NumCn = spec.CoordinatorNodeCount,
            AdminUserName = spec.AdminCredential.UserName,
            Port = spec.Port,
            AvailabilityZones = spec.AvailabilityZone.ToList(),
            VpcId = spec.VpcId,
            SubnetId = spec.SubnetId,
            SecurityGroupId = spec.SecurityGroupId,
            PublicIp = PublicIp(spec),
            DatastoreVersion = spec.DatastoreVersion,
            MasterKeyId = spec.KmsKeyId,
            MasterKeyName = spec.KmsKeyName,
            CryptAlgorithm = spec.CryptAlgorithm,
            DssPoolId = spec.DssPoolId,
            Volume = spec.VolumeType is null && spec.VolumeSizeGB is null ? null : new ClusterVolume { Volume = spec.VolumeType, Capacity = spec.VolumeSizeGB },
            Tags = Tags(spec),
            EnterpriseProjectId = spec.EnterpriseProjectId,
        };
        request.SetAdminPassword(spec.AdminCredential.Password);
        return request;
    }
}
