using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using LogicalClusterModel = DwsPowerShell.Client.Models.Clusters.LogicalCluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Creates a logical cluster from rings of a DWS cluster.</summary>
/// <remarks>Creates a logical cluster (API reference 5.2.4, POST /v2/{project_id}/clusters/{cluster_id}/logical-clusters) made of the given rings, which must be rings no other logical cluster uses (Get-DwsLogicalClusterRing lists them, API reference 5.2.11); rings from the pipeline are collected and sent in one request. The cluster must already be a logical cluster (ConvertTo-DwsLogicalCluster). The service returns no ID and runs one logical-cluster task at a time (a create while another runs fails with 417). Without -Wait the new logical cluster is found by name (API reference 5.2.7) and written in its transitional state; with -Wait the cmdlet polls it until its action_info is completed, and a failed action ends with a DwsResourceFailed error.</remarks>
/// <example title="Create a logical cluster from every free ring">
/// <code>
/// Get-DwsLogicalClusterRing -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | New-DwsLogicalCluster -Name etl_group -Wait -PollIntervalSec 10
/// </code>
/// <para>Sends all free rings in one create request and writes the logical cluster once it is created.</para>
/// </example>
/// <example title="Create a logical cluster from one ring">
/// <code>
/// $ring = Get-DwsLogicalClusterRing -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -First 1
/// New-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name report_group -Ring $ring
/// </code>
/// <para>Starts creating the logical cluster and writes it at once, with action_info showing the Create progress.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsLogicalCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LogicalClusterModel))]
public sealed class NewDwsLogicalClusterCommand : DwsLongRunningCmdlet
{
    private readonly List<LogicalClusterRing> _rings = new();
    private string? _clusterId;

    /// <summary>The cluster the logical cluster belongs to; rings from Get-DwsLogicalClusterRing carry it.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Name of the new logical cluster: letters, digits and underscores, starting with a letter.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The rings of the new logical cluster, as Get-DwsLogicalClusterRing writes them; accepted from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public LogicalClusterRing[] Ring { get; set; } = Array.Empty<LogicalClusterRing>();

    protected override void ProcessRecord()
    {
        if (_clusterId is not null && !string.Equals(_clusterId, ClusterId, StringComparison.Ordinal))
        {
            ThrowDwsError(new ArgumentException($"The rings come from two clusters ({_clusterId} and {ClusterId}); a logical cluster is made of rings of one cluster.", nameof(Ring)), ClusterId);
        }
        _clusterId = ClusterId;
        _rings.AddRange(Ring.Where(r => r is not null));
    }

    protected override void EndProcessing()
    {
        if (_clusterId is null || !ShouldChange($"{Name} on cluster {_clusterId} ({_rings.Count} ring(s))", "Create DWS logical cluster", false)) return;
        var clusterId = _clusterId;
        ForItem(Name, () =>
        {
            var request = new CreateLogicalClusterRequest { LogicalClusterName = Name, ClusterRings = _rings.ToList() };
            var result = Await(ct => DwsSession.Clusters.CreateLogicalClusterAsync(clusterId, request, ct));
            if (LogicalClusterOutput.Warning(result) is { } warning) WriteWarning(warning);
            var lc = Wait
                ? AwaitWithProgress($"Creating logical cluster {Name}", (progress, ct) => DwsSession.Clusters.WaitForLogicalClusterAsync(clusterId, Name, false, WaitOptions, l => progress(LogicalClusterOutput.Describe(l), l.ActionInfo?.Progress), ct))
                : Await(ct => DwsSession.Clusters.FindLogicalClusterAsync(clusterId, Name, ct));
            if (lc is not null) WriteObject(lc);
        });
    }
}
