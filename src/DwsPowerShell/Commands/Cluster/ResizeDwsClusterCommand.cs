using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Resize;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Cluster;

/// <summary>Scales a DWS cluster out (adds nodes, or puts its idle nodes to use) or in (removes nodes), expands its disks, or changes its flavor.</summary>
/// <remarks>The ScaleOut set (-AddNodeCount, optionally -SubnetId for a cross-subnet scale-out) adds nodes and redistributes data (API reference 5.2.27, POST /v1.0/{project_id}/clusters/{cluster_id}/resize); the cluster shows task_status GROWING meanwhile. The ScaleIn set (-RemoveNodeCount, -Online to keep the cluster usable meanwhile) removes nodes (API reference 5.2.30, cluster-shrink): a scale-in removes whole rings in reverse order of the scale-outs, so -RemoveNodeCount is first checked against the values the service offers (API reference 5.2.46, see Get-DwsClusterResizeOption) and a value not offered is an error (DwsInvalidArgument) naming the allowed ones, with nothing sent. The request type (dws, stream, hybrid) is taken from the cluster's flavor. Scale-out asks for confirmation as a Medium-impact change; scale-in is high risk and also asks ShouldContinue unless -Force (-WhatIf and an explicit -Confirm still win). When the service answers with a job it is written at once, so `Resize-DwsCluster ... | Wait-DwsJob` works; when it answers without one the cluster is read again and written in its transitional state. With -Wait the cmdlet waits for the job (if any) and then for the cluster to be AVAILABLE with no task, with a progress bar, and writes the cluster; RESIZE_FAILURE or CLUSTER_SHRINK_FAILED ends with a DwsResourceFailed error. The ScaleOutIdleNode set (-AddNodeCount with -UseIdleNode) adds the cluster's idle nodes, which must all be used (API reference 5.2.22, POST /v2/{project_id}/clusters/{cluster_id}/resize-with-existed-nodes; idle nodes come from a scale-out with create_node_only): -AutoRedistribute $false leaves the cluster in task_status WAITING_REDISTRIBUTION until Start-DwsClusterRedistribution; -RedistributionMode and -ParallelJobs (1-200) configure the redistribution. The Storage set (-VolumeSizeGB, usable GB per node afterwards) expands the disks (API reference 5.2.38, expand-instance-storage; the cluster shows DISK_EXPANDING; check first with Test-DwsClusterResize -VolumeSizeGB and see the range with Get-DwsClusterResizeOption -Storage). The Flavor set (-TargetFlavorId, from Get-DwsClusterResizeOption -Flavor) changes the node flavor (API reference 5.2.57) and writes its job; it interrupts the service, so like scale-in it asks ShouldContinue unless -Force. With -Wait the idle-node scale-out and the disk expansion wait until the cluster is AVAILABLE with no task or rests in WAITING_REDISTRIBUTION.</remarks>
/// <example title="Add a ring of three nodes and wait until the cluster is available">
/// <code>
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 | Wait-DwsCluster -PollIntervalSec 30
/// </code>
/// <para>The scale-out answers without a job: the cluster is written GROWING, and Wait-DwsCluster waits until it is AVAILABLE with no task.</para>
/// </example>
/// <example title="Remove the nodes of the last scale-out">
/// <code>
/// $id = (Get-DwsCluster -Name sales-dw).ClusterId
/// Get-DwsClusterResizeOption -ClusterId $id
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Online -Force -Wait
/// </code>
/// <para>Shows the allowed counts, then scales in without prompting and writes the cluster once it is AVAILABLE.</para>
/// </example>
/// <example title="Put idle nodes to use and redistribute later">
/// <code>
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 -UseIdleNode -AutoRedistribute $false -Wait -Confirm:$false
/// Start-DwsClusterRedistribution -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -RedistributionMode Online -ParallelJobs 8
/// </code>
/// <para>Adds the three idle nodes, waits until the cluster waits for redistribution, then starts an online redistribution.</para>
/// </example>
/// <example title="Expand the disks, then change the flavor">
/// <code>
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -VolumeSizeGB 300 -Wait -Confirm:$false
/// $target = Get-DwsClusterResizeOption -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Flavor | Where-Object Name -eq 'dws2.m6.4xlarge.8'
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -TargetFlavorId $target.TargetFlavorId -Force | Wait-DwsJob
/// </code>
/// <para>Grows each node to 300 GB usable, then changes the flavor without prompting and waits for the job.</para>
/// </example>
[Cmdlet(VerbsCommon.Resize, "DwsCluster", DefaultParameterSetName = ScaleOutSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob), typeof(ClusterModel))]
public sealed class ResizeDwsClusterCommand : DwsLongRunningCmdlet
{
    private const string ScaleOutSet = "ScaleOut";
    private const string ScaleInSet = "ScaleIn";
    private const string ScaleOutIdleNodeSet = "ScaleOutIdleNode";
    private const string StorageSet = "Storage";
    private const string FlavorSet = "Flavor";

    /// <summary>ID of the cluster to resize; accepts an object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Number of nodes to add (the service adds whole rings, usually 3 nodes each); with -UseIdleNode, the number of idle nodes (all must be used).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleOutSet)]
    [Parameter(Mandatory = true, ParameterSetName = ScaleOutIdleNodeSet)]
    [ValidateRange(1, 253)]
    public int AddNodeCount { get; set; }

    /// <summary>Scale out with the cluster's idle nodes (API v2 resize-with-existed-nodes) instead of new ones.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleOutIdleNodeSet)]
    public SwitchParameter UseIdleNode { get; set; }

    /// <summary>Start redistribution right after the scale-out (default $true); $false leaves the cluster WAITING_REDISTRIBUTION for Start-DwsClusterRedistribution.</summary>
    [Parameter(ParameterSetName = ScaleOutIdleNodeSet)]
    public bool AutoRedistribute { get; set; } = true;

    /// <summary>Redistribution mode: Offline (default) or Online.</summary>
    [Parameter(ParameterSetName = ScaleOutIdleNodeSet)]
    [ValidateSet("Offline", "Online", IgnoreCase = true)]
    public string? RedistributionMode { get; set; }

    /// <summary>Parallel redistribution jobs, 1 to 200 (default 4).</summary>
    [Parameter(ParameterSetName = ScaleOutIdleNodeSet)]
    [ValidateRange(1, 200)]
    public int ParallelJobs { get; set; } = 4;

    /// <summary>Logical cluster to scale (logical-cluster mode only; the service defaults to elastic_group).</summary>
    [Parameter(ParameterSetName = ScaleOutIdleNodeSet)]
    [ValidateNotNullOrEmpty]
    public string? LogicalClusterName { get; set; }

    /// <summary>Back up the data first (idle-node scale-out and flavor change).</summary>
    [Parameter(ParameterSetName = ScaleOutIdleNodeSet)]
    [Parameter(ParameterSetName = FlavorSet)]
    public SwitchParameter ForceBackup { get; set; }

    /// <summary>Usable disk capacity per node after the expansion, in GB (see Get-DwsClusterResizeOption -Storage).</summary>
    [Parameter(Mandatory = true, ParameterSetName = StorageSet)]
    [ValidateRange(1, int.MaxValue)]
    public int VolumeSizeGB { get; set; }

    /// <summary>ID of the flavor to change to (Get-DwsClusterResizeOption -Flavor lists them); binds TargetFlavorId from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FlavorSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string TargetFlavorId { get; set; } = string.Empty;

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
        switch (ParameterSetName)
        {
            case ScaleOutIdleNodeSet:
                ScaleOutWithIdleNodes();
                return;
            case StorageSet:
                ExpandStorage();
                return;
            case FlavorSet:
                ChangeFlavor();
                return;
        }
        var scaleIn = ParameterSetName == ScaleInSet;
        var action = scaleIn
            ? $"Scale in DWS cluster: remove {RemoveNodeCount} node(s){(Online ? " online" : " offline")}"
            : $"Scale out DWS cluster: add {AddNodeCount} node(s)";
        if (!ShouldChange(ClusterId, action, Force, highRisk: scaleIn)) return;
        ForItem(ClusterId, () =>
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
                WaitForJob(job, activity);
            }
            WriteObject(AwaitWithProgress(activity, (progress, ct) =>
                DwsSession.Clusters.WaitForStatusAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
        });
    }

    private void ScaleOutWithIdleNodes()
    {
        var request = new ScaleOutWithIdleNodesRequest(AddNodeCount)
        {
            AutoRedistribute = AutoRedistribute,
            ForceBackup = ForceBackup ? true : null,
            LogicalClusterName = LogicalClusterName,
            RedisConf = new RedistributionConfigRequest { RedisMode = RedistributionMode ?? Client.Models.Resize.RedistributionMode.Offline, ParallelJobs = ParallelJobs },
        };
        Change($"Scale out DWS cluster with {AddNodeCount} idle node(s){(AutoRedistribute ? "" : ", redistribution left to Start-DwsClusterRedistribution")}", false,
            id => Await(ct => DwsSession.Clusters.ScaleOutWithIdleNodesAsync(id, request, ct)), $"Scaling out DWS cluster {ClusterId} with idle nodes");
    }

    private void ExpandStorage() =>
        Change($"Expand the disks of DWS cluster to {VolumeSizeGB} GB per node", false,
            id => Await(async ct =>
            {
                await DwsSession.Clusters.ExpandStorageAsync(id, VolumeSizeGB, ct).ConfigureAwait(false);
                return true;
            }), $"Expanding the disks of DWS cluster {ClusterId}");

    private void ChangeFlavor()
    {
        if (!ShouldChange(ClusterId, $"Change the flavor of DWS cluster to {TargetFlavorId} (the service is interrupted)", Force, highRisk: true)) return;
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            var job = Await(ct => DwsSession.Clusters.ChangeFlavorAsync(id, new ChangeFlavorRequest(TargetFlavorId, ForceBackup), ct));
            if (!Wait)
            {
                WriteObject(job);
                return;
            }
            var activity = $"Changing the flavor of DWS cluster {id}";
            WaitForJob(job, activity);
            WriteObject(AwaitWithProgress(activity, (progress, ct) =>
                DwsSession.Clusters.WaitForStatusAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
        });
    }

    /// <summary>Medium-risk changes that answer without a job: send, then write the cluster (or wait for it to settle).</summary>
    private void Change(string action, bool highRisk, Action<string> send, string activity)
    {
        if (!ShouldChange(ClusterId, action, Force, highRisk)) return;
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            send(id);
            WriteObject(Wait
                ? AwaitWithProgress(activity, (progress, ct) => DwsSession.Clusters.WaitForResizeAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct))
                : Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
        });
    }
}
