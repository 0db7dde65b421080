using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Collections;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Creates a DWS cluster.</summary>
/// <remarks>Creates a cluster with the V2 API (API reference 5.2.3, POST /v2/{project_id}/clusters): multi-AZ, disk type and size, a dedicated storage pool (-DssPoolId, dss_pool_id), cluster version, KMS encryption (-KmsKeyId, -KmsKeyName, and -CryptAlgorithm generalCipher or SMCipher, which needs -KmsKeyId) and tags; the optional fields are sent only when given. -ApiVersion v1.0 uses the legacy API (API reference 5.2.1) for installations without v2: one AZ, one tag, at least 3 CNs, a security group, and no disk, storage pool, version or KMS options. The administrator is given as a PSCredential (user name and password); the password is copied out of its SecureString only into the request body. When -DatastoreVersion is omitted the newest version the node type supports (API reference 5.2.14) is used. The service answers with an order ID only, so without -Wait the cmdlet writes that creation result (Name, OrderId) at once; with -Wait it finds the new cluster by its unique name and waits, with a progress bar, until it is AVAILABLE, then writes the cluster. A creation that fails ends with a DwsResourceFailed error.</remarks>
/// <example title="Create a three-node cluster and wait for it">
/// <code>
/// $admin = Get-Credential dbadmin
/// New-DwsCluster -Name sales-dw -Flavor dws2.m6.4xlarge.8 -NodeCount 3 -AdminCredential $admin `
///     -AvailabilityZone eu-west-101a -VpcId $vpc -SubnetId $subnet -SecurityGroupId $sg -VolumeType SSD -VolumeSizeGB 100 -Wait
/// </code>
/// <para>Sends the create request and blocks until the cluster is AVAILABLE, then writes it.</para>
/// </example>
/// <example title="Create a cluster with a public IP and tags, without waiting">
/// <code>
/// New-DwsCluster -Name etl-dw -NodeType dws.d2.xlarge -NodeCount 6 -CoordinatorNodeCount 3 -AdminCredential $admin `
///     -AvailabilityZone eu-west-101a -VpcId $vpc -SubnetId $subnet -PublicIpBindType auto_assign -Tag @{ team = 'etl'; env = 'prod' }
/// Wait-DwsCluster -ClusterId (Get-DwsCluster -Name etl-dw).ClusterId -PollIntervalSec 30
/// </code>
/// <para>Returns the order at once; the cluster is found by name and waited for later.</para>
/// </example>
/// <example title="Use the legacy v1.0 API">
/// <code>
/// New-DwsCluster -ApiVersion v1.0 -Name legacy-dw -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
///     -AvailabilityZone eu-west-101a -VpcId $vpc -SubnetId $subnet -SecurityGroupId $sg -WhatIf
/// </code>
/// <para>Shows what would be created with the 5.2.1 API without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterCreation), typeof(ClusterModel))]
public sealed class NewDwsClusterCommand : DwsLongRunningCmdlet, IClusterSpecification
{
    private const string V2 = "v2";
    private const string V1 = "v1.0";

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

    /// <summary>Number of coordinator nodes (CNs): 2 (3 with v1.0) to the node count, at most 20. Default 3.</summary>
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

    /// <summary>AZ codes (Get-DwsAvailabilityZone): one, or three for a multi-AZ cluster (v1.0: exactly one).</summary>
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

    /// <summary>Security group ID (required with -ApiVersion v1.0; optional with v2, where the service creates one).</summary>
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

    /// <summary>Cluster (kernel) version, such as 8.2.1; default the newest the flavor supports (v2 only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatastoreVersion { get; set; }

    /// <summary>Disk type: SSD, SAS or SATA; needed with -VolumeSizeGB for elastic-storage flavors (v2 only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? VolumeType { get; set; }

    /// <summary>Disk capacity per node in GB (v2 only).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? VolumeSizeGB { get; set; }

    /// <summary>KMS key ID to encrypt the cluster with (v2 only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KmsKeyId { get; set; }

    /// <summary>KMS key name, given with -KmsKeyId (v2 only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KmsKeyName { get; set; }

    /// <summary>Algorithm of the KMS encryption, given with -KmsKeyId: generalCipher or SMCipher; the service's default when omitted (v2 only).</summary>
    [Parameter]
    [ValidateSet(EncryptClusterRequest.GeneralCipher, EncryptClusterRequest.SMCipher)]
    public string? CryptAlgorithm { get; set; }

    /// <summary>ID of the dedicated storage pool (DSS) the nodes' disks come from; the shared storage when omitted (v2 only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DssPoolId { get; set; }

    /// <summary>Tags as a hashtable of key = value (v1.0 takes one tag only).</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Tag { get; set; }

    /// <summary>Enterprise project ID; default "0" (the default project).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EnterpriseProjectId { get; set; }

    /// <summary>v2 (API reference 5.2.3, the default) or v1.0 (API reference 5.2.1, for installations without v2).</summary>
    [Parameter]
    [ValidateSet(V2, V1)]
    public string ApiVersion { get; set; } = V2;

    protected override void ProcessRecord()
    {
        if (!ShouldChange(Name, $"Create DWS cluster ({Flavor}, {NodeCount} nodes, API {ApiVersion})", force: false)) return;
        ForItem(Name, () =>
        {
            ClusterCreation created;
            if (ApiVersion == V1)
            {
                var request = V1Request();
                created = Await(ct => DwsSession.Clusters.CreateV1Async(request, ct));
            }
            else
            {
                var request = ClusterSpecification.ToCreateRequest(this);
                created = Await(async ct =>
                {
                    if (request.DatastoreVersion is null)
                    {
                        request.ValidateAllButVersion();
                        request.DatastoreVersion = await DwsSession.Clusters.GetDefaultDatastoreVersionAsync(Flavor, ct).ConfigureAwait(false);
                    }
                    return await DwsSession.Clusters.CreateAsync(request, ct).ConfigureAwait(false);
                });
            }

            if (!Wait)
            {
                WriteObject(created);
                return;
            }
            WriteObject(AwaitWithProgress($"Creating DWS cluster {Name}", (progress, ct) =>
                DwsSession.Clusters.WaitForCreationAsync(Name, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
        });
    }

    private CreateClusterV1Request V1Request()
    {
        var tags = ClusterSpecification.Tags(this);
        var unsupported = new[] { nameof(DatastoreVersion), nameof(VolumeType), nameof(VolumeSizeGB), nameof(KmsKeyId), nameof(KmsKeyName), nameof(CryptAlgorithm), nameof(DssPoolId) }
            .Where(MyInvocation.BoundParameters.ContainsKey).ToList();
        if (unsupported.Count > 0)
        {
            throw new ArgumentException($"-ApiVersion v1.0 (API reference 5.2.1) does not take {string.Join(", ", unsupported.Select(p => "-" + p))}; omit them or use the default v2 API.");
        }
        if (AvailabilityZone.Length != 1) throw new ArgumentException($"-ApiVersion v1.0 takes exactly one -AvailabilityZone; {AvailabilityZone.Length} were given.", nameof(AvailabilityZone));
        if (tags is { Count: > 1 }) throw new ArgumentException($"-ApiVersion v1.0 takes one tag; {tags.Count} were given in -Tag.", nameof(Tag));
        var request = new CreateClusterV1Request
        {
            Name = Name,
            NodeType = Flavor,
            NumberOfNode = NodeCount,
            NumberOfCn = MyInvocation.BoundParameters.ContainsKey(nameof(CoordinatorNodeCount)) ? CoordinatorNodeCount : null,
            AdminUserName = AdminCredential.UserName,
            Port = Port,
            AvailabilityZone = AvailabilityZone[0],
            VpcId = VpcId,
            SubnetId = SubnetId,
            SecurityGroupId = SecurityGroupId,
            PublicIp = ClusterSpecification.PublicIp(this),
            Tags = tags?.FirstOrDefault(),
            EnterpriseProjectId = EnterpriseProjectId,
        };
        request.SetAdminPassword(AdminCredential.Password);
        return request;
    }
}
