using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>scale_out of 5.2.22 (count) and 5.2.26 (count, node_type).</summary>
public sealed class ScaleOutCount
{
    /// <summary>Nodes to add; with idle nodes, all idle nodes must be used (5.2.22 table 5-109).</summary>
    public int? Count { get; set; }

    /// <summary>Node type (5.2.26 only).</summary>
    public string? NodeType { get; set; }
}

/// <summary>redis_conf of 5.2.22 (RedisConfReq: offLine/onLine, 1-200 jobs) and 5.2.26.</summary>
public sealed class RedistributionConfigRequest
{
    public string? RedisMode { get; set; }

    public int? ParallelJobs { get; set; }
}

/// <summary>The body of 5.2.22 Scaling Out with Idle Nodes (POST /v2/.../resize-with-existed-nodes).</summary>
public sealed class ScaleOutWithIdleNodesRequest : IValidatedRequest
{
    public const int MaxParallelJobs = 200;

    public ScaleOutWithIdleNodesRequest()
    {
    }

    /// <param name="count">Nodes to add: the number of idle nodes the cluster has.</param>
    public ScaleOutWithIdleNodesRequest(int count) => ScaleOut = new ScaleOutCount { Count = count };

    public ScaleOutCount? ScaleOut { get; set; }

    public bool? ForceBackup { get; set; }

    /// <summary>Capacity expansion backup mode; the service defaults to offline read-only.</summary>
    public string? Mode { get; set; }

    /// <summary>Logical cluster mode only; the service defaults to elastic_group there.</summary>
    public string? LogicalClusterName { get; set; }

    /// <summary>Mandatory and true: use the idle nodes.</summary>
    public bool ExpandWithExistedNode { get; set; } = true;

    /// <summary>Start redistribution right after the scale-out (service default true); false leaves the cluster WAITING_REDISTRIBUTION.</summary>
    public bool? AutoRedistribute { get; set; }

    public RedistributionConfigRequest? RedisConf { get; set; }

    /// <summary>Checks the count and redis_conf (mode sent as offLine/onLine, parallel_jobs 1-200).</summary>
    public void Validate()
    {
        var count = ScaleOut?.Count ?? 0;
        if (count < 1 || count > ClusterRequestValidation.MaxNodes - ClusterRequestValidation.MinNodes)
        {
            throw new ArgumentOutOfRangeException("Count", count,
                $"Count is {count}; give the number of idle nodes to add (1 to {ClusterRequestValidation.MaxNodes - ClusterRequestValidation.MinNodes}); all idle nodes must be used.");
        }
        if (RedisConf is { } conf)
        {
            conf.RedisMode = RedistributionMode.ForScaleOut(conf.RedisMode ?? RedistributionMode.Offline, "RedistributionMode");
            RedistributionMode.ParallelJobs(conf.ParallelJobs, MaxParallelJobs, "ParallelJobs", "scale-out with idle nodes (5.2.22)");
        }
    }

    public override string ToString() => $"add {ScaleOut?.Count} idle node(s){(AutoRedistribute == false ? " (no automatic redistribution)" : "")}";
}

/// <summary>The body of 5.2.26 Checking Before Cluster Capacity Expansion (every field optional).</summary>
public sealed class GrowCheckRequest
{
    public bool? AutoRedistribute { get; set; }

    public bool? CreateNodeOnly { get; set; }

    public bool? ExpandWithExistedNode { get; set; }

    public bool? ForceBackup { get; set; }

    public bool? IsSchedulerBuildMode { get; set; }

    public string? Mode { get; set; }

    public RedistributionConfigRequest? RedisConf { get; set; }

    public ScaleOutCount? ScaleOut { get; set; }

    public int? WaitingForKilling { get; set; }
}

/// <summary>The 5.2.26 answer: data[] of CheckGrowResult.</summary>
public sealed class GrowCheckResponse
{
    public List<GrowCheckItem>? Data { get; set; }
}

/// <summary>One CheckGrowResult (5.2.26 table 5-121).</summary>
public sealed class GrowCheckItem
{
    public bool? Pass { get; set; }

    public string? Reason { get; set; }

    /// <summary>Whether the item requires approval.</summary>
    public bool? Required { get; set; }

    public string? Desc { get; set; }

    public string? Type { get; set; }
}

/// <summary>The 5.2.55 answer.</summary>
public sealed class ShrinkCheckResponse
{
    public bool? IsPassed { get; set; }
}

/// <summary>The items 5.2.55 checks, one per call (check_item).</summary>
public static class ShrinkCheckItem
{
    public const string Guc = "guc";
    public const string Schema = "schema";
    public const string Disk = "disk";

    public static readonly IReadOnlyList<string> All = new[] { Guc, Schema, Disk };
}
