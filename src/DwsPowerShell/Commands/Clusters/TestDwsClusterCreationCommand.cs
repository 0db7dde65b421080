using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Checks whether a DWS cluster could be created with the given settings, without creating it.</summary>
/// <remarks>Sends the cluster creation pre-check (API reference 5.2.29, POST /v2/{project_id}/cluster-precheck) with the same parameters as New-DwsCluster, -DssPoolId and -CryptAlgorithm included (the 5.2.3 body; db_port travels as a string and tags as tag_list here). The service answers only with the HTTP status: 200 means the flavor, AZs, node count, network and name are fine. By default the cmdlet writes $true or $false and, when false, a warning with the reason (the service's error_code and error_msg, or the local check that failed before anything was sent). -Detailed writes the DwsCheckResult (Check, Passed, Reason, Code, Target) instead. When -DatastoreVersion is omitted the newest version the node type supports (API reference 5.2.14) is used. Server errors (5xx) and authentication failures are errors, not a failed check.</remarks>
/// <example title="Check before creating">
/// <code>
/// $admin = Get-Credential dbadmin
/// if (Test-DwsClusterCreation -Name sales-dw -Flavor dws2.m6.4xlarge.8 -NodeCount 3 -AdminCredential $admin -AvailabilityZone eu-west-101a -VpcId $vpc -SubnetId $subnet) {
///     New-DwsCluster -Name sales-dw -Flavor dws2.m6.4xlarge.8 -NodeCount 3 -AdminCredential $admin -AvailabilityZone eu-west-101a -VpcId $vpc -SubnetId $subnet -Wait
/// }
/// </code>
/// <para>Creates the cluster only when the pre-check passes; otherwise the warning says why.</para>
/// </example>
/// <example title="See the reason as an object">
/// <code>
/// Test-DwsClusterCreation -Name etl-dw -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin -AvailabilityZone eu-west-101a -VpcId $vpc -SubnetId $subnet -Detailed
/// </code>
/// <para>Writes the check result with Passed, Code and Reason.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "DwsClusterCreation")]
[OutputType(typeof(bool), typeof(DwsCheckResult))]
public sealed class TestDwsClusterCreationCommand : DwsCmdlet, IClusterSpecification
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

    /// <summary>Disk type: SSD, SAS or SATA.</summary>
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

    /// <summary>Write the DwsCheckResult (Passed, Code, Reason) instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessRecord()
    {
        var request = ClusterSpecification.ToCreateRequest(this);
        DwsCheckResult result;
        try
        {
            result = Await(async ct =>
            {
                if (request.DatastoreVersion is null)
                {
                    request.ValidateAllButVersion();
                    request.DatastoreVersion = await DwsSession.Clusters.GetDefaultDatastoreVersionAsync(Flavor, ct).ConfigureAwait(false);
                }
                return await DwsSession.Clusters.PrecheckCreateAsync(request, ct).ConfigureAwait(false);
            });
        }
        catch (ArgumentException ex)
        {
            result = new DwsCheckResult(Client.Areas.ClustersApi.CreationCheck, passed: false, ex.Message, "InvalidRequest", Name);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
        {
            WriteDwsError(ex, Name);
            return;
        }
        if (Detailed)
        {
            WriteObject(result);
            return;
        }
        if (!result.Passed) WriteWarning($"Cluster '{Name}' cannot be created: {result.Code} {result.Reason}".TrimEnd());
        WriteObject(result.Passed);
    }
}
