using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Checks whether a cluster can be scaled out, scaled in, or have its disks expanded.</summary>
/// <remarks>Runs the service's pre-checks without changing anything. The ScaleOut set (-AddNodeCount, -UseIdleNode for a scale-out with idle nodes) runs the capacity expansion check (API reference 5.2.26, POST /v2/{project_id}/clusters/{cluster_id}/grow-check), which answers a pass flag per check item. The Storage set (-VolumeSizeGB) runs the disk expansion check (API reference 5.2.52, POST /v1/{project_id}/clusters/{cluster_id}/check-instance-storage), answered by the HTTP status only. The ScaleIn set (-RemoveNodeCount) runs the scale-in check (API reference 5.2.55, GET /v1/{project_id}/clusters/{cluster_id}/shrink-check) once per -CheckItem (Guc, Schema and Disk by default). Writes $true when every check passes and $false otherwise, with the reasons as warnings; -Detailed writes the DwsCheckResult instead (Check, Passed, Reason, Code, Target and the per-item results in Items). A cluster that does not exist is an error (DwsResourceNotFound).</remarks>
/// <example title="Check a scale-out and a disk expansion before running them">
/// <code>
/// if (Test-DwsClusterResize -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3) {
///     Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 -Confirm:$false
/// }
/// Test-DwsClusterResize -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -VolumeSizeGB 300
/// </code>
/// <para>Scales out only when the pre-check passes, then checks that 300 GB per node is an allowed disk size.</para>
/// </example>
/// <example title="See every scale-in check item">
/// <code>
/// (Get-DwsCluster -Name sales-dw | Test-DwsClusterResize -RemoveNodeCount 3 -Detailed).Items | Format-Table Check, Passed, Reason
/// </code>
/// <para>Runs the guc, schema and disk checks for removing three nodes and shows each result.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "DwsClusterResize", DefaultParameterSetName = ScaleOutSet)]
[OutputType(typeof(bool), typeof(DwsCheckResult))]
public sealed class TestDwsClusterResizeCommand : DwsCmdlet
{
    private const string ScaleOutSet = "ScaleOut";
    private const string StorageSet = "Storage";
    private const string ScaleInSet = "ScaleIn";

    /// <summary>ID of the cluster to check; accepts an object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Number of nodes the scale-out would add.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleOutSet)]
    [ValidateRange(1, 253)]
    public int AddNodeCount { get; set; }

    /// <summary>Check a scale-out with the cluster's idle nodes.</summary>
    [Parameter(ParameterSetName = ScaleOutSet)]
    public SwitchParameter UseIdleNode { get; set; }

    /// <summary>Usable GB per node the disk expansion would reach.</summary>
    [Parameter(Mandatory = true, ParameterSetName = StorageSet)]
    [ValidateRange(1, int.MaxValue)]
    public int VolumeSizeGB { get; set; }

    /// <summary>Number of nodes the scale-in would remove.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleInSet)]
    [ValidateRange(1, 253)]
    public int RemoveNodeCount { get; set; }

    /// <summary>Scale-in check items to run: Guc, Schema, Disk (all three by default).</summary>
    [Parameter(ParameterSetName = ScaleInSet)]
    [ValidateSet("Guc", "Schema", "Disk", IgnoreCase = true)]
    public string[]? CheckItem { get; set; }

    /// <summary>Write the DwsCheckResult (with per-item results) instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            var result = ParameterSetName switch
            {
                StorageSet => Await(ct => DwsSession.Clusters.CheckStorageAsync(id, VolumeSizeGB, ct)),
                ScaleInSet => Await(ct => DwsSession.Clusters.CheckScaleInAsync(id, RemoveNodeCount, CheckItem, ct)),
                _ => Await(ct => DwsSession.Clusters.CheckScaleOutAsync(id, new GrowCheckRequest
                {
                    ScaleOut = new ScaleOutCount { Count = AddNodeCount },
                    ExpandWithExistedNode = UseIdleNode ? true : null,
                }, ct)),
            };
            if (Detailed)
            {
                WriteObject(result);
                return;
            }
            if (!result.Passed) WriteWarning($"{id}: {result.Check} check failed: {result.Reason ?? result.Code ?? "no reason given"}");
            WriteObject(result.Passed);
        });
    }
}
