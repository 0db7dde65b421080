using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the project's DWS resource statistics: clusters, nodes and storage.</summary>
/// <remarks>Reads the resource statistics (API reference 5.2.35, GET /v1.0/{project_id}/statistics) and writes them as one object: ClusterTotal and ClusterAvailable (cluster.total, cluster.normal), NodeTotal and NodeAvailable (instance.total, instance.normal) and StorageTotalGB (storage.total); Statistics keeps the rows as the service sent them.</remarks>
/// <example title="Show the project's totals">
/// <code>
/// Get-DwsResourceStatistic
/// </code>
/// <para>Writes one line with cluster, node and storage counts.</para>
/// </example>
/// <example title="Alert when a cluster is not available">
/// <code>
/// $s = Get-DwsResourceStatistic; if ($s.ClusterAvailable -lt $s.ClusterTotal) { Write-Warning "$($s.ClusterTotal - $s.ClusterAvailable) cluster(s) not available" }
/// </code>
/// <para>Compares available and total clusters.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsResourceStatistic")]
[OutputType(typeof(DwsResourceStatistic))]
public sealed class GetDwsResourceStatisticCommand : DwsCmdlet
{
    protected override void ProcessRecord()
    {
        ForItem(null, () => WriteObject(Await(ct => DwsSession.Clusters.GetResourceStatisticsAsync(ct))));
    }
}
