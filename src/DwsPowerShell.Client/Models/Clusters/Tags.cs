using System.Text.Json.Serialization;
using DwsPowerShell.Client.Models.Tags;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>One item of the 5.2.34 filter: a tag key and, optionally, the values that match (any of them).</summary>
public sealed class TagFilter
{
    public TagFilter()
    {
    }

    public TagFilter(string key, IEnumerable<string>? values = null)
    {
        Key = key;
        Values = values?.ToList();
    }

    public string? Key { get; set; }

    public List<string>? Values { get; set; }

    public override string ToString() => Values is { Count: > 0 } ? $"{Key}={string.Join("|", Values)}" : $"{Key}=*";
}

/// <summary>The body of 5.2.34 Querying Clusters by Tag.</summary>
public sealed class TagFilterRequest
{
    public List<TagFilter>? Tags { get; set; }
}

/// <summary>A cluster as 5.2.34 answers it: id, name and tags.</summary>
public sealed class ClusterTagResource
{
    public string? ResourceId { get; set; }

    public string? ResourceName { get; set; }

    public string? ResourceDetail { get; set; }

    public List<ClusterTag>? Tags { get; set; }

    /// <summary>The cluster's ID (= <see cref="ResourceId"/>), so the record pipes to cmdlets taking -ClusterId.</summary>
    [JsonIgnore]
    public string? ClusterId => ResourceId;

    public override string ToString() => $"{ResourceName} ({ResourceId})";
}

/// <summary>The 5.2.34 answer; count is the server's total (quirks.md 3.5).</summary>
public sealed class ClusterTagResourceList
{
    public List<ClusterTagResource>? Resources { get; set; }

    public int? Count { get; set; }
}

/// <summary>The 5.2.33 answer; <see cref="Count"/> is a hint that can disagree with the items (quirks.md 3.5).</summary>
internal sealed class SystemTagList
{
    public List<ResourceTag>? SysTags { get; set; }

    public int? Count { get; set; }
}
