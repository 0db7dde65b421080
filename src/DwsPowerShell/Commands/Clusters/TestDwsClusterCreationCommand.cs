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
public sealed class TestDwsClusterCreationCommand : ClusterSpecificationCmdlet
{
    /// <summary>Write the DwsCheckResult (Passed, Code, Reason) instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessRecord()
    {
        var request = ToCreateRequest();
        DwsCheckResult result;
        try
        {
            result = Await(async ct => await DwsSession.Clusters.PrecheckCreateAsync(await WithDatastoreVersionAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
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
