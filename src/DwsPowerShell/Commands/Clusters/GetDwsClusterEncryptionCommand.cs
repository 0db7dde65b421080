using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the encryption information of DWS clusters.</summary>
/// <remarks>Reads each cluster's KMS encryption (API reference 5.2.51, GET /v1/{project_id}/clusters/{cluster_id}/encrypt-info): MasterKeyId, MasterKeyName, CryptAlgorithm and LastRotateKeyTime; IsEncrypted is false for an ordinary cluster, whose key fields are empty. Accepts IDs and any object with a ClusterId property from the pipeline.</remarks>
/// <example title="Show the key of a cluster">
/// <code>
/// Get-DwsClusterEncryption -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90
/// </code>
/// <para>Shows the master key and algorithm.</para>
/// </example>
/// <example title="Find clusters that are not encrypted">
/// <code>
/// Get-DwsCluster | Get-DwsClusterEncryption | Where-Object { -not $_.IsEncrypted }
/// </code>
/// <para>Lists the ordinary clusters, candidates for Enable-DwsClusterEncryption.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterEncryption")]
[OutputType(typeof(ClusterEncryption))]
public sealed class GetDwsClusterEncryptionCommand : DwsClusterReadCmdlet<ClusterEncryption>
{
    protected override Task<ClusterEncryption> ReadAsync(string clusterId, CancellationToken ct) => DwsSession.Clusters.GetEncryptionAsync(clusterId, ct);
}
