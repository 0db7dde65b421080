namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The body of 5.2.27 scale-out: {"scale_out":{"count","subnet_id"},"create_node_only"}.</summary>
public sealed class ResizeClusterRequest : IValidatedRequest
{
    public ResizeClusterRequest()
    {
    }

    /// <param name="count">Nodes to add.</param>
    /// <param name="subnetId">For a cross-subnet scale-out; null keeps the cluster's subnet.</param>
    /// <param name="createNodeOnly">Add idle nodes only (no redistribution).</param>
    public ResizeClusterRequest(int count, string? subnetId = null, bool createNodeOnly = false)
    {
        ScaleOut = new ClusterScaleOut { Count = count, SubnetId = subnetId };
        CreateNodeOnly = createNodeOnly ? true : null;
    }

    public ClusterScaleOut? ScaleOut { get; set; }

    /// <summary>True adds idle nodes only; null leaves the service's default (false).</summary>
    public bool? CreateNodeOnly { get; set; }

    public void Validate()
    {
        if (ScaleOut is null) throw new ArgumentException($"{nameof(ScaleOut)} is required: give the number of nodes to add.", nameof(ScaleOut));
        var count = ScaleOut.Count;
        if (count < 1 || count > ClusterRequestValidation.MaxNodes - ClusterRequestValidation.MinNodes)
        {
            throw new ArgumentOutOfRangeException("Count", count,
                $"Count is {count}; add from 1 to {ClusterRequestValidation.MaxNodes - ClusterRequestValidation.MinNodes} nodes (a cluster has at most {ClusterRequestValidation.MaxNodes}).");
        }
    }

    public override string ToString() => $"add {ScaleOut?.Count} node(s){(CreateNodeOnly == true ? " (idle)" : "")}";
}

/// <summary>How many nodes to add, and optionally in which subnet.</summary>
public sealed class ClusterScaleOut
{
    public int Count { get; set; }

    public string? SubnetId { get; set; }
}

/// <summary>The body of 5.2.30 scale-in. <see cref="ShrinkNumber"/> must be one of the 5.2.46 values (quirks.md 2.7).</summary>
public sealed class ShrinkClusterRequest : IValidatedRequest
{
    public const string TypeDws = "dws";
    public const string TypeStream = "stream";
    public const string TypeHybrid = "hybrid";

    /// <summary>Nodes to remove: a whole number of rings, in reverse order of earlier scale-outs.</summary>
    public int ShrinkNumber { get; set; }

    public bool Online { get; set; }

    /// <summary>dws, stream or hybrid (the cluster's flavor_detail.type).</summary>
    public string? Type { get; set; } = TypeDws;

    public bool? Retry { get; set; }

    public bool ForceBackup { get; set; }

    /// <summary>Long scale-ins need an agency; without one they may fail.</summary>
    public bool NeedAgency { get; set; }

    /// <summary>Checks the counts and the type; the type is sent lowercase as documented.</summary>
    public void Validate()
    {
        if (ShrinkNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ShrinkNumber), ShrinkNumber,
                $"{nameof(ShrinkNumber)} is {ShrinkNumber}; give the number of nodes to remove, one of the values the shrink numbers (5.2.46) list for the cluster.");
        }
        Type = ClusterRequestValidation.OneOf(Type, nameof(Type), TypeDws, TypeStream, TypeHybrid);
    }

    public override string ToString() => $"remove {ShrinkNumber} node(s) ({(Online ? "online" : "offline")}, {Type})";
}

/// <summary>The body of 5.2.15 (v1.0 delete): a DELETE with a JSON body (quirks.md 7.1).</summary>
internal sealed class DeleteClusterV1Request
{
    public int KeepLastManualSnapshot { get; set; }
}

/// <summary>The body of 5.2.25, which must be literally {"restart":{}} (quirks.md 7.2).</summary>
internal sealed class RestartClusterRequest
{
    public EmptyObject Restart { get; set; } = new();

    internal sealed class EmptyObject
    {
    }
}
