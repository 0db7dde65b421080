using System.Collections;
using System.Globalization;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>
/// The 5.2.3 cluster parameters, declared once for New-DwsCluster and Test-DwsClusterCreation (5.2.29, the same body),
/// and the one mapping from them to the request bodies.
/// </summary>
public abstract class ClusterSpecificationCmdlet : DwsCmdlet
{
    /// <summary>Unique cluster name: 4 to 64 characters, starting with a letter; letters, digits, - and _.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Node flavor (a SpecName from Get-DwsNodeType), such as dws2.m6.4xlarge.8.</summary>
    [Parameter(Mandatory = true)]
    [Alias("NodeType")]
    [ValidateNotNullOrEmpty]
    public string Flavor { get; set; } = string.Empty;

    /// <summary>Number of nodes: 3 to 256 (1 for a standalone hybrid data warehouse).</summary>
    [Parameter(Mandatory = true)]
    [ValidateRange(1, 256)]
    public int NodeCount { get; set; }

    /// <summary>Number of coordinator nodes (CNs): 2 to the node count, at most 20. Default 3.</summary>
    [Parameter]
    [ValidateRange(1, 20)]
    public int CoordinatorNodeCount { get; set; } = 3;

    /// <summary>The database administrator: user name and password (12 to 32 characters, three character classes).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    [Credential]
    public PSCredential AdminCredential { get; set; } = null!;

    /// <summary>Database port, 8000 to 30000. Default 8000.</summary>
    [Parameter]
    [ValidateRange(8000, 30000)]
    public int Port { get; set; } = 8000;

    /// <summary>AZ codes (Get-DwsAvailabilityZone): one, or three for a multi-AZ cluster.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string[] AvailabilityZone { get; set; } = Array.Empty<string>();

    /// <summary>VPC ID.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string VpcId { get; set; } = string.Empty;

    /// <summary>Subnet ID in the VPC.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string SubnetId { get; set; } = string.Empty;

    /// <summary>Security group ID (optional; the service creates one when omitted).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecurityGroupId { get; set; }

    /// <summary>Public IP binding: auto_assign, not_use or bind_existing (with -EipId).</summary>
    [Parameter]
    [ValidateSet(ClusterPublicIp.AutoAssign, ClusterPublicIp.NotUse, ClusterPublicIp.BindExisting)]
    public string? PublicIpBindType { get; set; }

    /// <summary>The EIP to bind when -PublicIpBindType is bind_existing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EipId { get; set; }

    /// <summary>Cluster (kernel) version, such as 8.2.1; default the newest the flavor supports.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatastoreVersion { get; set; }

    /// <summary>Disk type: SSD, SAS or SATA; needed with -VolumeSizeGB for elastic-storage flavors.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? VolumeType { get; set; }

    /// <summary>Disk capacity per node in GB.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? VolumeSizeGB { get; set; }

    /// <summary>KMS key ID to encrypt the cluster with.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KmsKeyId { get; set; }

    /// <summary>KMS key name, given with -KmsKeyId.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KmsKeyName { get; set; }

    /// <summary>Algorithm of the KMS encryption, given with -KmsKeyId: generalCipher or SMCipher; the service's default when omitted.</summary>
    [Parameter]
    [ValidateSet(EncryptClusterRequest.GeneralCipher, EncryptClusterRequest.SMCipher)]
    public string? CryptAlgorithm { get; set; }

    /// <summary>ID of the dedicated storage pool (DSS) the nodes' disks come from; the shared storage when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DssPoolId { get; set; }

    /// <summary>Tags as a hashtable of key = value.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Tag { get; set; }

    /// <summary>Enterprise project ID; default "0" (the default project).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EnterpriseProjectId { get; set; }

    protected List<ClusterTag>? Tags() =>
        Tag?.Cast<DictionaryEntry>()
            .Select(e => new ClusterTag(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? string.Empty))
            .ToList();

    protected ClusterPublicIp? PublicIp() =>
        PublicIpBindType is null && EipId is null
            ? null
            : new ClusterPublicIp { PublicBindType = PublicIpBindType ?? ClusterPublicIp.BindExisting, EipId = EipId };

    /// <summary>The v2 (5.2.3) body, with the administrator password copied out of the SecureString only into the write-only request.</summary>
    protected CreateClusterRequest ToCreateRequest()
    {
        var request = new CreateClusterRequest
        {
            Name = Name,
            Flavor = Flavor,
            NumNode = NodeCount,
            NumCn = CoordinatorNodeCount,
            AdminUserName = AdminCredential.UserName,
            Port = Port,
            AvailabilityZones = AvailabilityZone.ToList(),
            VpcId = VpcId,
            SubnetId = SubnetId,
            SecurityGroupId = SecurityGroupId,
            PublicIp = PublicIp(),
            DatastoreVersion = DatastoreVersion,
            MasterKeyId = KmsKeyId,
            MasterKeyName = KmsKeyName,
            CryptAlgorithm = CryptAlgorithm,
            DssPoolId = DssPoolId,
            Volume = VolumeType is null && VolumeSizeGB is null ? null : new ClusterVolume { Volume = VolumeType, Capacity = VolumeSizeGB },
            Tags = Tags(),
            EnterpriseProjectId = EnterpriseProjectId,
        };
        request.SetAdminPassword(AdminCredential.Password);
        return request;
    }

    /// <summary>Fills in the newest version the flavor supports (5.2.14) when -DatastoreVersion was omitted, after the other checks.</summary>
    protected async Task<CreateClusterRequest> WithDatastoreVersionAsync(CreateClusterRequest request, CancellationToken ct)
    {
        if (request.DatastoreVersion is null)
        {
            request.ValidateAllButVersion();
            request.DatastoreVersion = await DwsSession.Clusters.GetDefaultDatastoreVersionAsync(Flavor, ct).ConfigureAwait(false);
        }
        return request;
    }
}
