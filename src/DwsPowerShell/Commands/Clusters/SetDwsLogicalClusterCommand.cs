using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using LogicalClusterModel = DwsPowerShell.Client.Models.Clusters.LogicalCluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Changes a logical cluster: its rings, mode or waiting_for_killing.</summary>
/// <remarks>Edits a logical cluster (API reference 5.2.18, PUT /v2/{project_id}/clusters/{cluster_id}/logical-clusters/{logical_cluster_id}). The API replaces the whole ring list, so the cmdlet reads the logical cluster first (API reference 5.2.7) and keeps whatever is not given: -Ring replaces the rings (add free rings from Get-DwsLogicalClusterRing to grow it, leave some out to shrink it), -Mode and -WaitingForKilling change only those fields. Without -Wait the logical cluster is written in its transitional state; with -Wait the cmdlet polls it until the action (Grow/Expand or Shrink) has completed.</remarks>
/// <example title="Grow a logical cluster by the free rings">
/// <code>
/// $lc = Get-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name etl_group
/// $free = Get-DwsLogicalClusterRing -ClusterId $lc.ClusterId
/// $lc | Set-DwsLogicalCluster -Ring (@($lc.ClusterRings) + @($free)) -Wait -PollIntervalSec 10
/// </code>
/// <para>Adds every free ring to etl_group and waits until the expansion has completed.</para>
/// </example>
/// <example title="Change only the mode">
/// <code>
/// Set-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -LogicalClusterId 0b494d0d-8431-4c4f-8a06-2cc42d0d0c7d -Mode read-only
/// </code>
/// <para>Keeps the rings and changes the mode.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsLogicalCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LogicalClusterModel))]
public sealed class SetDwsLogicalClusterCommand : DwsLongRunningCmdlet
{
    /// <summary>The cluster the logical cluster belongs to; binds from logical cluster objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The logical cluster to change; binds from Get-DwsLogicalCluster output.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string LogicalClusterId { get; set; } = string.Empty;

    /// <summary>All rings the logical cluster should have afterwards (its current rings plus free ones to grow, fewer to shrink).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public LogicalClusterRing[]? Ring { get; set; }

    /// <summary>The logical cluster's mode, e.g. read-only.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Mode { get; set; }

    /// <summary>The waiting_for_killing value.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? WaitingForKilling { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"{LogicalClusterId} (cluster {ClusterId})", "Edit DWS logical cluster", false)) return;
        ForItem(LogicalClusterId, () =>
        {
            var result = Await(ct => DwsSession.Clusters.SetLogicalClusterAsync(ClusterId, LogicalClusterId, Ring, Mode, WaitingForKilling, ct));
            if (LogicalClusterOutput.Warning(result) is { } warning) WriteWarning(warning);
            var lc = Wait
                ? AwaitWithProgress($"Editing logical cluster {result.LogicalClusterName}", (progress, ct) => DwsSession.Clusters.WaitForLogicalClusterAsync(ClusterId, LogicalClusterId, false, WaitOptions, l => progress(LogicalClusterOutput.Describe(l), l.ActionInfo?.Progress), ct))
                : Await(ct => DwsSession.Clusters.FindLogicalClusterAsync(ClusterId, LogicalClusterId, ct));
            if (lc is not null) WriteObject(lc);
        });
    }
}
