using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A node type (flavor) from 5.2.14, with its AZs, kernel versions and disk specs.</summary>
public sealed class NodeType
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The same value as <see cref="Id"/>.</summary>
    [JsonIgnore]
    public string NodeTypeId => Id;

    /// <summary>The flavor name used when creating a cluster, such as dws.d2.xlarge.</summary>
    public string? SpecName { get; set; }

    public List<NodeTypeDetail>? Detail { get; set; }

    /// <summary>dws, hybrid or stream.</summary>
    public string? DatastoreType { get; set; }

    public List<NodeTypeAvailableZone>? AvailableZones { get; set; }

    /// <summary>Memory size (GB in the example).</summary>
    public int? Ram { get; set; }

    public int? Vcpus { get; set; }

    public List<NodeTypeDatastore>? Datastores { get; set; }

    /// <summary>Typical storage of a fixed-storage flavor; null for elastic storage.</summary>
    public NodeTypeVolume? Volume { get; set; }

    /// <summary>Disk specs of an elastic-storage flavor; null for fixed storage.</summary>
    public List<NodeTypeElasticVolumeSpec>? ElasticVolumeSpecs { get; set; }

    /// <summary>The newest of <see cref="Datastores"/> versions, compared number by number (8.10 after 8.9); null when none.</summary>
    [JsonIgnore]
    public string? LatestDatastoreVersion => Datastores?
        .Select(d => d.Version)
        .Where(v => !string.IsNullOrWhiteSpace(v))
        .OrderByDescending(v => v!, DatastoreVersionComparer.Instance)
        .FirstOrDefault();

    public override string ToString() => $"{SpecName} ({Vcpus} vCPU, {Ram} GB)";
}

/// <summary>One attribute of a node type: type, value and unit (e.g. vCPU 4; mem 32 GB).</summary>
public sealed class NodeTypeDetail
{
    public string? Type { get; set; }

    public string? Value { get; set; }

    public string? Unit { get; set; }

    public override string ToString() => $"{Type}={Value}{(Unit is null ? "" : " " + Unit)}";
}

/// <summary>An AZ where a node type is sold; status is normal, sellout or abandon.</summary>
public sealed class NodeTypeAvailableZone
{
    public string? Code { get; set; }

    public string? Status { get; set; }

    public override string ToString() => $"{Code} {Status}".Trim();
}

/// <summary>A kernel (datastore) version a node type supports.</summary>
public sealed class NodeTypeDatastore
{
    public string? Version { get; set; }

    public NodeTypeDatastoreAttachments? Attachments { get; set; }

    public override string ToString() => Version ?? string.Empty;
}

/// <summary>CN limits of a kernel version (documented strings, returned as numbers: quirks.md 6).</summary>
public sealed class NodeTypeDatastoreAttachments
{
    public int? MinCn { get; set; }

    public int? MaxCn { get; set; }
}

/// <summary>Typical storage of a fixed-storage flavor.</summary>
public sealed class NodeTypeVolume
{
    public string? Type { get; set; }

    /// <summary>Available disk capacity (GB).</summary>
    public int? Size { get; set; }
}

/// <summary>Elastic disk spec: type, minimum, maximum and step (GB).</summary>
public sealed class NodeTypeElasticVolumeSpec
{
    public string? Type { get; set; }

    public int? Step { get; set; }

    public int? MinSize { get; set; }

    public int? MaxSize { get; set; }
}

/// <summary>The 5.2.14 answer.</summary>
internal sealed class NodeTypeList
{
    public List<NodeType>? NodeTypes { get; set; }

    public int? Count { get; set; }
}

/// <summary>Compares dotted versions such as 8.1.3.333 and 8.2.0 number by number; non-numeric parts compare as text.</summary>
public sealed class DatastoreVersionComparer : IComparer<string>
{
    public static readonly DatastoreVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = x.Trim().Split('.');
        var b = y.Trim().Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length) return -1;
            if (i >= b.Length) return 1;
            var c = long.TryParse(a[i], out var na) && long.TryParse(b[i], out var nb)
                ? na.CompareTo(nb)
                : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
