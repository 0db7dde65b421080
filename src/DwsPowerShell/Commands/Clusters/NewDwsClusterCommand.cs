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
public sealed class NewDwsClusterCommand : ClusterSpecificationCmdlet
{
    private const string V2 = "v2";
    private const string V1 = "v1.0";

    /// <summary>
    /// v2 (API reference 5.2.3, the default) or v1.0 (API reference 5.2.1, for installations without v2). v1.0 takes exactly
    /// one -AvailabilityZone, one tag in -Tag and at least 3 coordinator nodes, needs -SecurityGroupId, and takes none of
    /// -DatastoreVersion, -VolumeType, -VolumeSizeGB, -KmsKeyId, -KmsKeyName, -CryptAlgorithm and -DssPoolId.
    /// </summary>
    [Parameter]
    [ValidateSet(V2, V1)]
    public string ApiVersion { get; set; } = V2;

    /// <inheritdoc cref="DwsLongRunningCmdlet.Wait"/>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <inheritdoc cref="DwsWaitingCmdlet.TimeoutSec"/>
    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = DwsWaitingCmdlet.DefaultTimeoutSec;

    /// <inheritdoc cref="DwsWaitingCmdlet.PollIntervalSec"/>
    [Parameter]
    [ValidateRange(1, DwsWaitingCmdlet.MaxPollIntervalSec)]
    public int PollIntervalSec { get; set; } = DwsWaitingCmdlet.DefaultPollIntervalSec;

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
                var request = ToCreateRequest();
                created = Await(async ct => await DwsSession.Clusters.CreateAsync(await WithDatastoreVersionAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
            }

            if (!Wait)
            {
                WriteObject(created);
                return;
            }
            WriteObject(AwaitWithProgress($"Creating DWS cluster {Name}", (progress, ct) =>
                DwsSession.Clusters.WaitForCreationAsync(Name, DwsWaitingCmdlet.Options(TimeoutSec, PollIntervalSec), c => progress(ClusterProgress.Describe(c), null), ct)));
        });
    }

    private CreateClusterV1Request V1Request()
    {
        var tags = Tags();
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
            PublicIp = PublicIp(),
            Tags = tags?.FirstOrDefault(),
            EnterpriseProjectId = EnterpriseProjectId,
        };
        request.SetAdminPassword(AdminCredential.Password);
        return request;
    }
}
