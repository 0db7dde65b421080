namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>
/// Work the service accepted without a job ID, whose progress shows only in the cluster's task_status:
/// a scale-in answered 200 {"error_code":"DWS.0000"} (5.2.30; seed 000 answers 202 with a job instead,
/// quirks.md 11). It stands where a <see cref="Jobs.DwsJob"/> would: wait on it with
/// <see cref="Areas.ClustersApi.WaitForTaskAsync"/>, which polls the cluster (5.2.13) and returns it finished.
/// </summary>
public sealed class ClusterTask
{
    public const string ScaleIn = "scale-in";
    public const string Running = "RUNNING";
    public const string Success = "SUCCESS";

    /// <param name="clusterId">The cluster the work runs on.</param>
    /// <param name="operation">What runs, such as <see cref="ScaleIn"/>.</param>
    /// <param name="targetNodeCount">
    /// The node count the cluster has once the work is done (for a scale-in, the count before it less the
    /// nodes removed), or null when unknown: the work is done only when the cluster shows it, not merely
    /// because task_status is still empty right after the answer.
    /// </param>
    public ClusterTask(string clusterId, string operation, int? targetNodeCount = null)
        : this(clusterId, operation, targetNodeCount, Running, null)
    {
    }

    private ClusterTask(string clusterId, string operation, int? targetNodeCount, string status, Cluster? cluster)
    {
        if (string.IsNullOrWhiteSpace(clusterId)) throw new ArgumentException("clusterId is required.", nameof(clusterId));
        if (string.IsNullOrWhiteSpace(operation)) throw new ArgumentException("operation is required.", nameof(operation));
        ClusterId = clusterId;
        Operation = operation;
        TargetNodeCount = targetNodeCount;
        Status = status;
        Cluster = cluster;
    }

    public string ClusterId { get; }

    /// <summary>What runs, such as "scale-in".</summary>
    public string Operation { get; }

    /// <summary>The node count once done, or null when unknown.</summary>
    public int? TargetNodeCount { get; }

    /// <summary>RUNNING, or SUCCESS once waited for (a failure is an exception, not a status), in the words of a job's status.</summary>
    public string Status { get; }

    /// <summary>The cluster as last read while waiting (null before the first read).</summary>
    public Cluster? Cluster { get; }

    /// <summary>The cluster's task_status as last read, such as CLUSTER_SHRINKING.</summary>
    public string? TaskStatus => Cluster?.TaskStatus;

    public bool IsSucceeded => Status == Success;

    /// <summary>Done: the cluster is AVAILABLE with no task, and has <see cref="TargetNodeCount"/> nodes when that is known.</summary>
    public bool IsDoneBy(Cluster cluster)
    {
        if (cluster is null) throw new ArgumentNullException(nameof(cluster));
        if (!ClusterStatus.IsReady(cluster)) return false;
        return TargetNodeCount is not { } target || cluster.NumberOfNode is not { } nodes || nodes <= target;
    }

    /// <summary>This task as of <paramref name="cluster"/>: still RUNNING, or SUCCESS when <see cref="IsDoneBy"/>.</summary>
    public ClusterTask As(Cluster cluster) =>
        new(ClusterId, Operation, TargetNodeCount, IsDoneBy(cluster) ? Success : Running, cluster);

    public override string ToString() =>
        $"{Operation} of cluster {ClusterId}: {Status}{(string.IsNullOrWhiteSpace(TaskStatus) ? "" : " (" + TaskStatus + ")")}";
}
