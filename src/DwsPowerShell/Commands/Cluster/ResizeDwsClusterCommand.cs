using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Cluster;

/// <summary>Scales a DWS cluster out (adds nodes) or in (removes nodes).</summary>
/// <remarks>The ScaleOut set (-AddNodeCount, optionally -SubnetId for a cross-subnet scale-out) adds nodes and redistributes data (API reference 5.2.27, POST /v1.0/{project_id}/clusters/{cluster_id}/resize); the cluster shows task_status GROWING meanwhile. The ScaleIn set (-RemoveNodeCount, -Online to keep the cluster usable meanwhile) removes nodes (API reference 5.2.30, cluster-shrink): a scale-in removes whole rings in reverse order of the scale-outs, so -RemoveNodeCount is first checked against the values the service offers (API reference 5.2.46, see Get-DwsClusterResizeOption) and a value not offered is an error (DwsInvalidArgument) naming the allowed ones, with nothing sent. The request type (dws, stream, hybrid) is taken from the cluster's flavor. Scale-out asks for confirmation as a Medium-impact change; scale-in is high risk and also asks ShouldContinue unless -Force (-WhatIf and an explicit -Confirm still win). When the service answers with a job it is written at once, so `Resize-DwsCluster ... | Wait-DwsJob` works; when it answers without one the cluster is read again and written in its transitional state. With -Wait the cmdlet waits for the job (if any) and then for the cluster to be AVAILABLE with no task, with a progress bar, and writes the cluster; RESIZE_FAILURE or CLUSTER_SHRINK_FAILED ends with a DwsResourceFailed error.</remarks>
/// <example title="Add a ring of three nodes and wait for the job">
/// <code>
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 | Wait-DwsJob -PollIntervalSec 30
/// </code>
/// <para>Starts the scale-out and waits for its job (when the service gives one; otherwise Wait-DwsCluster does the same).</para>
/// </example>
/// <example title="Remove the nodes of the last scale-out">
/// <code>
/// $id = (Get-DwsCluster -Name sales-dw).ClusterId
/// Get-DwsClusterResizeOption -ClusterId $id
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Online -Force -Wait
/// </code>
/// <para>Shows the allowed counts, then scales in without prompting and writes the cluster once it is AVAILABLE.</para>
/// </example>
[Cmdlet(VerbsCommon.Resize, "DwsCluster", DefaultParameterSetName = ScaleOutSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob), typeof(ClusterModel))]
public sealed class ResizeDwsClusterCommand : DwsLongRunningCmdlet
{
    private const string ScaleOutSet = "ScaleOut";
    private const string ScaleInSet = "ScaleIn";

    /// <summary>ID of the cluster to resize; accepts an object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Number of nodes to add (the service adds whole rings, usually 3 nodes each).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleOutSet)]
    [ValidateRange(1, 253)]
    public int AddNodeCount { get; set; }

    /// <summary>Subnet for the new nodes (cross-subnet scale-out); the cluster's subnet when omitted.</summary>
    [Parameter(ParameterSetName = ScaleOutSet)]
    [ValidateNotNullOrEmpty]
    public string? SubnetId { get; set; }

    /// <summary>Number of nodes to remove: one of the values Get-DwsClusterResizeOption lists.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleInSet)]
    [ValidateRange(1, 253)]
    public int RemoveNodeCount { get; set; }

    /// <summary>Scale in online: the cluster stays usable (read-only phases apply) during the scale-in.</summary>
    [Parameter(ParameterSetName = ScaleInSet)]
    public SwitchParameter Online { get; set; }

    /// <summary>Do not ask for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var scaleIn = ParameterSetName == ScaleInSet;
        var action = scaleIn
            ? $"Scale in DWS cluster: remove {RemoveNodeCount} node(s){(Online ? " online" : " offline")}"
            : $"Scale out DWS cluster: add {AddNodeCount} node(s)";
        if (!ShouldChange(ClusterId, action, Force, highRisk: scaleIn)) return;
        try
        {
            var id = ClusterId;
            var result = scaleIn
                ? Await(ct => DwsSession.Clusters.ScaleInAsync(id, RemoveNodeCount, Online, ct))
                : Await(ct => DwsSession.Clusters.ResizeAsync(id, new ResizeClusterRequest(AddNodeCount, SubnetId), ct));

            if (!Wait)
            {
                if (result.Job is not null) WriteObject(result.Job);
                else WriteObject(Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
                return;
            }
            var activity = scaleIn ? $"Scaling in DWS cluster {id}" : $"Scaling out DWS cluster {id}";
            if (result.Job is { } job)
            {
                AwaitWithProgress(activity, (progress, ct) =>
                    DwsSession.Jobs.WaitAsync(job.JobId, WaitOptions, j => progress($"{j.JobName ?? j.JobId}: {j.Status} {j.Progress}", j.ProgressPercent), ct));
            }
            WriteObject(AwaitWithProgress(activity, (progress, ct) =>
                DwsSession.Clusters.WaitForStatusAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
        {
            WriteDwsError(ex, ClusterId);
        }
    }
}
