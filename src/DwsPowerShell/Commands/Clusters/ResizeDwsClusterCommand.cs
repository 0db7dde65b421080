using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Scales a DWS cluster out (adds nodes, or puts its idle nodes to use) or in (removes nodes), expands its disks, or changes its flavor.</summary>
/// <remarks>The ScaleOut set (-AddNodeCount, optionally -SubnetId for a cross-subnet scale-out) adds nodes and redistributes data (API reference 5.2.27, POST /v1.0/{project_id}/clusters/{cluster_id}/resize); the cluster shows task_status GROWING meanwhile. -CreateNodeOnly sends create_node_only: the nodes are added as idle nodes (task_status CREATING_NODE), without redistribution, for a later -UseIdleNode. The service answers a scale-out without a job, so the cluster is read again and written in its transitional state (pipe it to Wait-DwsCluster). The ScaleIn set (-RemoveNodeCount, -Online to keep the cluster usable meanwhile) removes nodes (API reference 5.2.30, cluster-shrink): a scale-in removes whole rings in reverse order of the scale-outs, so -RemoveNodeCount is first checked against the values the service offers (API reference 5.2.46, see Get-DwsClusterResizeOption) and a value not offered is an error (DwsInvalidArgument) naming the allowed ones, with nothing sent. The request type (dws, stream, hybrid) is taken from the cluster's flavor; force_backup and need_agency are always sent, true only with -ForceBackup (back up first) and -NeedAgency (an agency: a long scale-in without one may fail); retry is sent only with -Retry (run a scale-in that failed again). The service answers a scale-in in one of two documented ways: 202 with a job (the DwsJob is written) or 200 with error_code DWS.0000 and progress only in the cluster's task_status (a ClusterTask is written, which Wait-DwsJob waits on by polling the cluster until the nodes are gone); either way `Resize-DwsCluster ... | Wait-DwsJob` ends when the scale-in is done. A 200 whose error_code is anything else is the service refusing the scale-in: an error (DwsOperationFailed) with the service's code and message. Scale-out asks for confirmation as a Medium-impact change; scale-in is high risk and also asks ShouldContinue unless -Force (-WhatIf and an explicit -Confirm still win). With -Wait the cmdlet waits for the job or the scale-in task (then for the cluster to be AVAILABLE with no task), with a progress bar, and writes the cluster; RESIZE_FAILURE or CLUSTER_SHRINK_FAILED ends with a DwsResourceFailed error. The ScaleOutIdleNode set (-AddNodeCount with -UseIdleNode) adds the cluster's idle nodes, which must all be used (API reference 5.2.22, POST /v2/{project_id}/clusters/{cluster_id}/resize-with-existed-nodes; idle nodes come from -CreateNodeOnly): -AutoRedistribute $false leaves the cluster in task_status WAITING_REDISTRIBUTION until Start-DwsClusterRedistribution; -RedistributionMode and -ParallelJobs (1-200) configure the redistribution. The Storage set (-VolumeSizeGB, usable GB per node afterwards) expands the disks (API reference 5.2.38, expand-instance-storage; the cluster shows DISK_EXPANDING; check first with Test-DwsClusterResize -VolumeSizeGB and see the range with Get-DwsClusterResizeOption -Storage). The Flavor set (-TargetFlavorId, from Get-DwsClusterResizeOption -Flavor) changes the node flavor (API reference 5.2.57) and writes its job; it interrupts the service, so like scale-in it asks ShouldContinue unless -Force. With -Wait the idle-node scale-out and the disk expansion wait until the cluster is AVAILABLE with no task or rests in WAITING_REDISTRIBUTION.</remarks>
/// <example title="Add a ring of three nodes and wait for it">
/// <code>
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 | Wait-DwsCluster -PollIntervalSec 30
/// </code>
/// <para>Starts the scale-out and waits until the cluster is AVAILABLE with its new nodes.</para>
/// </example>
/// <example title="Remove the nodes of the last scale-out">
/// <code>
/// $id = (Get-DwsCluster -Name sales-dw).ClusterId
/// Get-DwsClusterResizeOption -ClusterId $id
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Force | Wait-DwsJob
/// </code>
/// <para>Shows the allowed counts, then scales in without prompting and waits until the scale-in is done, whether the service answered with a job or only with the cluster's task_status.</para>
/// </example>
/// <example title="Scale in online with a backup and an agency">
/// <code>
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Online -ForceBackup -NeedAgency -Force -Wait
/// </code>
/// <para>Backs the data up, authorizes an agency for a long scale-in, and writes the cluster once it is AVAILABLE.</para>
/// </example>
/// <example title="Add idle nodes, put them to use and redistribute later">
/// <code>
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 -CreateNodeOnly -Confirm:$false | Wait-DwsCluster
/// Resize-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -AddNodeCount 3 -UseIdleNode -AutoRedistribute $false -Wait -Confirm:$false
/// Start-DwsClusterRedistribution -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -RedistributionMode Online -ParallelJobs 8
/// </code>
/// <para>Adds three idle nodes, puts them to use, waits until the cluster waits for redistribution, then starts an online redistribution.</para>
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
[OutputType(typeof(DwsJob), typeof(ClusterTask), typeof(ClusterModel))]
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

    /// <summary>Back up the data first (scale-in, idle-node scale-out and flavor change). A scale-in always sends force_backup: false unless this is given.</summary>
    [Parameter(ParameterSetName = ScaleInSet)]
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

    /// <summary>Add the nodes as idle nodes only, without redistributing data (create_node_only); put them to use later with -UseIdleNode.</summary>
    [Parameter(ParameterSetName = ScaleOutSet)]
    public SwitchParameter CreateNodeOnly { get; set; }

    /// <summary>Number of nodes to remove: one of the values Get-DwsClusterResizeOption lists.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScaleInSet)]
    [ValidateRange(1, 253)]
    public int RemoveNodeCount { get; set; }

    /// <summary>Scale in online: the cluster stays usable (read-only phases apply) during the scale-in.</summary>
    [Parameter(ParameterSetName = ScaleInSet)]
    public SwitchParameter Online { get; set; }

    /// <summary>Authorize an agency for the scale-in (need_agency): a long scale-in without one may fail. Sent as false unless given.</summary>
    [Parameter(ParameterSetName = ScaleInSet)]
    [Alias("UseAgency")]
    public SwitchParameter NeedAgency { get; set; }

    /// <summary>Retry a scale-in that failed (retry); not sent unless given.</summary>
    [Parameter(ParameterSetName = ScaleInSet)]
    public SwitchParameter Retry { get; set; }

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
            ? $"Scale in DWS cluster: remove {RemoveNodeCount} node(s){(Online ? " online" : " offline")}{(Retry ? ", retrying the failed scale-in" : "")}"
            : $"Scale out DWS cluster: add {AddNodeCount} {(CreateNodeOnly ? "idle node(s), without redistribution" : "node(s)")}";
        if (!ShouldChange(ClusterId, action, Force, highRisk: scaleIn)) return;
        ForItem(ClusterId, () =>
        {
            var id = ClusterId;
            var result = scaleIn
                ? Await(ct => DwsSession.Clusters.ScaleInAsync(id, ScaleInRequest(), ct))
                : Await(ct => DwsSession.Clusters.ResizeAsync(id, ScaleOutRequest(), ct));

            if (!Wait)
            {
                // What pipes to Wait-DwsJob: the job, or for a scale-in answered without one the task that waits on the cluster.
                if (result.Job is not null) WriteObject(result.Job);
                else if (result.ClusterTask is { } started) WriteObject(started.As(Await(ct => DwsSession.Clusters.GetAsync(id, ct))));
                else WriteObject(Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
                return;
            }
            var activity = scaleIn ? $"Scaling in DWS cluster {id}" : $"Scaling out DWS cluster {id}";
            if (result.ClusterTask is { } task)
            {
                WriteObject(AwaitWithProgress(activity, (progress, ct) =>
                    DwsSession.Clusters.WaitForTaskAsync(task, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)).Cluster);
                return;
            }
            if (result.Job is { } job)
            {
                WaitForJob(job, activity);
            }
            WriteObject(AwaitWithProgress(activity, (progress, ct) =>
                DwsSession.Clusters.WaitForStatusAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct)));
        });
    }

    /// <summary>5.2.30: force_backup and need_agency are required (false unless asked for); retry only when given.</summary>
    private ShrinkClusterRequest ScaleInRequest() => new()
    {
        ShrinkNumber = RemoveNodeCount,
        Online = Online,
        Type = null, // from the cluster's flavor
        ForceBackup = ForceBackup,
        NeedAgency = NeedAgency,
        Retry = MyInvocation.BoundParameters.ContainsKey(nameof(Retry)) ? Retry.IsPresent : null,
    };

    /// <summary>5.2.27: create_node_only only when given.</summary>
    private ResizeClusterRequest ScaleOutRequest() => new(AddNodeCount, SubnetId)
    {
        CreateNodeOnly = MyInvocation.BoundParameters.ContainsKey(nameof(CreateNodeOnly)) ? CreateNodeOnly.IsPresent : null,
    };

    private void ScaleOutWithIdleNodes()
    {
        var request = new ScaleOutWithIdleNodesRequest(AddNodeCount)
        {
            AutoRedistribute = AutoRedistribute,
            ForceBackup = ForceBackup ? true : null,
            LogicalClusterName = LogicalClusterName,
            RedisConf = new RedistributionConfigRequest { RedisMode = RedistributionMode ?? Client.Models.Clusters.RedistributionMode.Offline, ParallelJobs = ParallelJobs },
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
