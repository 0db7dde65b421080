using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Turns the logical-cluster features of a DWS cluster on or off.</summary>
/// <remarks>Switches the logical-cluster feature (API reference 5.2.20, PUT .../logical-clusters/enable with {"enable":true|false}). It only controls whether the console shows the logical-cluster functions; once a cluster is a logical cluster it has no effect. Writes the service's answer.</remarks>
/// <example title="Show logical-cluster features for a cluster">
/// <code>
/// Set-DwsLogicalClusterFeature -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Enabled $true
/// </code>
/// <para>Enables the logical-cluster functions on the console for this cluster.</para>
/// </example>
/// <example title="Enable it for several clusters">
/// <code>
/// Get-DwsCluster -Name 'lab-*' | Set-DwsLogicalClusterFeature -Enabled $true -WhatIf
/// </code>
/// <para>Shows which clusters would be switched without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsLogicalClusterFeature", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LogicalClusterOperationResult))]
public sealed class SetDwsLogicalClusterFeatureCommand : DwsCmdlet
{
    /// <summary>The cluster to switch; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>$true to show the logical-cluster features, $false to hide them.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public bool Enabled { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange(ClusterId, Enabled ? "Enable DWS logical-cluster features" : "Disable DWS logical-cluster features", false)) return;
        ForItem(ClusterId, () =>
        {
            var result = Await(ct => DwsSession.Clusters.SetLogicalClusterFeatureAsync(ClusterId, Enabled, ct));
            if (LogicalClusterOutput.Warning(result) is { } warning) WriteWarning(warning);
            WriteObject(result);
        });
    }
}
