using System.Management.Automation;
using DwsPowerShell.Completers;
using LogicalClusterModel = DwsPowerShell.Client.Models.Clusters.LogicalCluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Converts a physical DWS cluster to a logical cluster.</summary>
/// <remarks>Converts the cluster (API reference 5.2.5, POST /v2/{project_id}/clusters/{cluster_id}/convert-to-logical-cluster/{name}): all its rings become the first logical cluster, named -LogicalClusterName, which can never be deleted. The conversion is one-way, so the cmdlet asks twice (ConfirmImpact Medium plus ShouldContinue) unless -Force; -WhatIf and an explicit -Confirm win over -Force. Without -Wait the new logical cluster is written in its transitional state (API reference 5.2.7); with -Wait the cmdlet polls it until the conversion has completed.</remarks>
/// <example title="Convert a cluster and wait">
/// <code>
/// ConvertTo-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -LogicalClusterName elastic_group -Force -Wait -PollIntervalSec 10
/// </code>
/// <para>Converts the cluster without asking and writes the first logical cluster once it is ready.</para>
/// </example>
/// <example title="Preview converting clusters by name">
/// <code>
/// Get-DwsCluster -Name 'report-*' | ConvertTo-DwsLogicalCluster -LogicalClusterName base_group -WhatIf
/// </code>
/// <para>Shows which clusters would be converted without sending anything.</para>
/// </example>
[Cmdlet(VerbsData.ConvertTo, "DwsLogicalCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LogicalClusterModel))]
public sealed class ConvertToDwsLogicalClusterCommand : DwsLongRunningCmdlet
{
    /// <summary>The cluster to convert; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Name of the first logical cluster, which receives all rings (e.g. elastic_group).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string LogicalClusterName { get; set; } = string.Empty;

    /// <summary>Convert without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange(ClusterId, $"Convert DWS cluster to logical cluster '{LogicalClusterName}' (one-way)", Force, highRisk: true)) return;
        ForItem(ClusterId, () =>
        {
            var result = Await(ct => DwsSession.Clusters.ConvertToLogicalClusterAsync(ClusterId, LogicalClusterName, ct));
            if (LogicalClusterOutput.Warning(result) is { } warning) WriteWarning(warning);
            var lc = Wait
                ? AwaitWithProgress($"Converting cluster {ClusterId}", (progress, ct) => DwsSession.Clusters.WaitForLogicalClusterAsync(ClusterId, LogicalClusterName, false, WaitOptions, l => progress(LogicalClusterOutput.Describe(l), l.ActionInfo?.Progress), ct))
                : Await(ct => DwsSession.Clusters.FindLogicalClusterAsync(ClusterId, LogicalClusterName, ct));
            if (lc is not null) WriteObject(lc);
        });
    }
}
