using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Tags;

/// <summary>A tag of a cluster (ResourceTag of 5.10.2; BatchCreateResourceTag/BatchDeleteResourceTag of 5.10.3/5.10.4; TagsForResource of 5.2.33).</summary>
public sealed class ResourceTag
{
    public ResourceTag()
    {
    }

    public ResourceTag(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>Tag key, 1 to 128 characters.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Tag value, 0 to 255 characters (mandatory on the wire, may be empty).</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The cluster the tag belongs to (not in the answer: set from the request).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>True for system tags such as _sys_enterprise_project_id (5.2.33).</summary>
    [JsonIgnore]
    public bool IsSystem => Key.StartsWith("_sys_", StringComparison.Ordinal);

    public override string ToString() => $"{Key}={Value}";
}

/// <summary>A tag key used in the project, with every value it has (ProjectTag of 5.10.1).</summary>
public sealed class ProjectTag
{
    public string Key { get; set; } = string.Empty;

    public List<string> Values { get; set; } = new();

    public override string ToString() => $"{Key}={string.Join(",", Values)}";
}

/// <summary>The 5.10.2 answer and the 5.10.3/5.10.4 request body: {"tags":[{key,value}]}.</summary>
public sealed class ResourceTagList
{
    public ResourceTagList()
    {
    }

    public ResourceTagList(IEnumerable<ResourceTag> tags) => Tags = tags.Select(t => new ResourceTag(t.Key, t.Value)).ToList();

    /// <summary>Null only in an answer that had no list (refused as an invalid answer).</summary>
    public List<ResourceTag>? Tags { get; set; }
}

/// <summary>The 5.10.1 answer.</summary>
internal sealed class ProjectTagList
{
    public List<ProjectTag>? Tags { get; set; }
}
