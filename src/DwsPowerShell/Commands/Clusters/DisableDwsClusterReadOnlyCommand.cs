using System.Management.Automation;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Removes the read-only status of DWS clusters.</summary>
/// <remarks>Removes READONLY from the cluster's sub_status (API reference 5.2.37, POST /v1.0/{project_id}/clusters/{cluster_id}/cancel-readonly; clusters of 1.7.2 or later). A cluster becomes read-only when its disk usage is too high; free space or scale out first, or it may become read-only again. While read-only, changes such as resizing, restarting and parameter changes are refused. Accepts IDs and any object with a ClusterId property from the pipeline; -PassThru writes the cluster afterwards.</remarks>
/// <example title="Remove the read-only status after freeing disk space">
/// <code>
/// Disable-DwsClusterReadOnly -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -PassThru | Select-Object Name, SubStatus
/// </code>
/// <para>Removes the status and shows the cluster's new sub-status.</para>
/// </example>
/// <example title="Clear every read-only cluster">
/// <code>
/// Get-DwsCluster | Where-Object SubStatus -like '*READONLY*' | Disable-DwsClusterReadOnly -Confirm:$false
/// </code>
/// <para>Removes the read-only status from each read-only cluster.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Disable, "DwsClusterReadOnly", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterModel))]
public sealed class DisableDwsClusterReadOnlyCommand : DwsCmdlet
{
    /// <summary>IDs of the clusters; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Write the cluster after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange(id, "Remove the read-only status of DWS cluster", force: false)) continue;
            ForItem(id, () =>
            {
                Await(ct => DwsSession.Clusters.CancelReadOnlyAsync(id, ct));
                if (PassThru) WriteObject(Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
            });
        }
    }
}
