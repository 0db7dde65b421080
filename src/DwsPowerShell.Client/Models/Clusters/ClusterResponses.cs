using DwsPowerShell.Client.Models.Jobs;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The 5.2.6 answer.</summary>
internal sealed class ClusterList
{
    public List<Cluster>? Clusters { get; set; }

    public int? Count { get; set; }
}

/// <summary>The "cluster" wrapper of the 5.2.13 answer and of the 5.2.1/5.2.3 request bodies.</summary>
internal sealed class ClusterEnvelope<T> where T : class
{
    public ClusterEnvelope()
    {
    }

    public ClusterEnvelope(T cluster) => Cluster = cluster;

    public T? Cluster { get; set; }
}

/// <summary>
/// The answer of calls that may start a job: start/stop (5.2.61, 5.2.62: job_id next to a null
/// error_code), scale-in (5.2.30: 200 with error_code "DWS.0000", or 202 with job_id in seed 000).
/// </summary>
internal sealed class ClusterJobResponse
{
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    public string? JobId { get; set; }
}

/// <summary>The 5.2.46 answer: node counts a scale-in may remove (documented strings, returned as numbers).</summary>
internal sealed class ShrinkNumbers
{
    public List<int>? ShrinkSequence { get; set; }
}

/// <summary>
/// What creating a cluster (5.2.1, 5.2.3) returns: an order ID only, no cluster ID and no job
/// (quirks.md 2.3). <see cref="Name"/> is the requested name, which is how the new cluster is found
/// (<c>FindByNameAsync</c>, <c>WaitForCreationAsync</c>).
/// </summary>
public sealed class ClusterCreation
{
    [JsonPropertyName("subscriptionsID")]
    public string? OrderId { get; set; }

    /// <summary>The name the cluster was requested with.</summary>
    [JsonIgnore]
    public string? Name { get; set; }

    public override string ToString() => $"{Name} (order {OrderId})";
}

/// <summary>
/// What a scale-out or scale-in returns. Some answers carry a job (seed 000's 202 scale-in) and some
/// do not (the reference's 200 with error_code DWS.0000): with a <see cref="Job"/>, wait on the job;
/// without one, wait on the cluster's status and task_status by <see cref="ClusterId"/> (for a scale-in,
/// <see cref="ClusterTask"/> stands for the work).
/// </summary>
public sealed class ClusterActionResult
{
    public ClusterActionResult(string clusterId, DwsJob? job, string? errorCode = null, string? errorMessage = null, ClusterTask? clusterTask = null)
    {
        ClusterId = clusterId;
        Job = job;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ClusterTask = job is null ? clusterTask : null;
    }

    public string ClusterId { get; }

    /// <summary>The job the service started, or null when the answer named none.</summary>
    public DwsJob? Job { get; }

    public string? JobId => Job?.JobId;

    public bool HasJob => Job is not null;

    /// <summary>When the answer named no job: the work, tracked in the cluster's task_status (scale-in only; null otherwise).</summary>
    public ClusterTask? ClusterTask { get; }

    /// <summary>error_code of the 2xx answer, such as DWS.0000, when there was one.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public override string ToString() => Job is null ? $"cluster {ClusterId}: accepted, no job (watch the cluster's task_status)" : $"cluster {ClusterId}: job {Job.JobId}";
}
