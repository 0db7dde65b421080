using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The 5.2.48 answer: {"flavor":{...}}.</summary>
public sealed class ClusterFlavorEnvelope
{
    public ClusterFlavor? Flavor { get; set; }
}

/// <summary>ClusterFlavorDetailInfo (5.2.48 table 5-197): the specification a cluster uses.</summary>
public sealed class ClusterFlavor
{
    public string? Id { get; set; }

    public string? SpecName { get; set; }

    public int? CurrentNode { get; set; }

    public int? MinNode { get; set; }

    public int? MaxNode { get; set; }

    public string? Classify { get; set; }

    public string? DatastoreVersion { get; set; }

    public List<FlavorAttribute>? Attribute { get; set; }

    public FlavorVolumeNode? VolumeNode { get; set; }

    /// <summary>The flavor ID (feeds Get-DwsClusterResizeOption -FlavorId).</summary>
    [JsonIgnore]
    public string? FlavorId => Id;

    [JsonIgnore]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The value of attribute <paramref name="code"/> (cpuNum, memSize, diskType...), or null.</summary>
    public string? AttributeValue(string code) =>
        Attribute?.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase))?.Value;

    public override string ToString() => $"{SpecName} ({Id})";
}

/// <summary>FlavorAttributeInfo (5.2.48 table 5-198).</summary>
public sealed class FlavorAttribute
{
    public string? Code { get; set; }

    public string? Value { get; set; }

    public override string ToString() => $"{Code}={Value}";
}

/// <summary>FlavorVolumeNodeInfo (5.2.48 table 5-199).</summary>
public sealed class FlavorVolumeNode
{
    public string? VolumeType { get; set; }

    public int? VolumeNum { get; set; }

    /// <summary>Usable capacity of a node after copies are removed (GB).</summary>
    public int? Capacity { get; set; }

    /// <summary>Capacity of one disk (GB).</summary>
    public int? VolumeSize { get; set; }
}

/// <summary>The 5.2.56 answer: flavors[] and a total (a hint only: quirks.md 3.5).</summary>
public sealed class TargetFlavorList
{
    public List<TargetFlavor>? Flavors { get; set; }

    public int? Count { get; set; }
}

/// <summary>
/// FlavorInfoResponse (5.2.56 table 5-225): a flavor a cluster can change to. vcpus and ram are
/// documented String but returned as numbers; ram is documented MB but the example looks like GB (quirks.md 6).
/// </summary>
public sealed class TargetFlavor
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public int? Vcpus { get; set; }

    /// <summary>As sent (documented MB; the example's 64 and 256 look like GB).</summary>
    public int? Ram { get; set; }

    public bool? IsCurrentFlavor { get; set; }

    /// <summary>The flavor ID, named so that it binds Resize-DwsCluster -TargetFlavorId.</summary>
    [JsonIgnore]
    public string? TargetFlavorId => Id;

    /// <summary>The flavor the list was asked for.</summary>
    [JsonIgnore]
    public string? SourceFlavorId { get; set; }

    /// <summary>The cluster the list was asked for, when it was asked by cluster.</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    public override string ToString() => $"{Name} ({Vcpus} vCPUs, {Ram} RAM)";
}

/// <summary>The body of 5.2.57 Changing Flavors: target_flavor_id and force_backup (both mandatory).</summary>
public sealed class ChangeFlavorRequest : Clusters.IValidatedRequest
{
    public ChangeFlavorRequest()
    {
    }

    public ChangeFlavorRequest(string targetFlavorId, bool forceBackup = false)
    {
        TargetFlavorId = targetFlavorId;
        ForceBackup = forceBackup;
    }

    public string? TargetFlavorId { get; set; }

    public bool ForceBackup { get; set; }

    public void Validate() => Clusters.ClusterRequestValidation.Required(TargetFlavorId, nameof(TargetFlavorId), "the ID of the flavor to change to (Get-DwsClusterResizeOption -Flavor)");

    public override string ToString() => $"change flavor to {TargetFlavorId}{(ForceBackup ? " (backup first)" : "")}";
}
