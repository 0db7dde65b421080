using System.Collections;
using System.Globalization;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets DWS clusters: all of them, those whose names match, or by ID.</summary>
/// <remarks>Without parameters lists every cluster of the project (API reference 5.2.6, GET /v1.0/{project_id}/clusters; the list is not paged by the service, -First and -Skip apply to what it returns). -Name filters the list on this side, case-insensitively, with wildcards; a name without wildcards that matches no cluster is an error (DwsResourceNotFound) naming it. -ClusterId reads each cluster's details (API reference 5.2.13: subnets, parameter group, maintenance window, resize info, flavor) and accepts IDs or any object with a ClusterId property from the pipeline. -Tag finds clusters by their tags (API reference 5.2.34, POST /v1/{project_id}/clusters/resource-instances/tag-filter, a read paged in the query string): a hashtable of key = value or key = @(values); a cluster matches when it has every key with one of the given values ($null or an empty list matches any value). The matches are written as normal cluster objects from the list; -Raw writes the service's tag records (ResourceId, ResourceName, Tags, ClusterId) instead. The objects written have both Id and ClusterId, so they pipe to every cmdlet that takes -ClusterId.</remarks>
/// <example title="List clusters whose names start with prod">
/// <code>
/// Get-DwsCluster -Name 'prod*'
/// </code>
/// <para>Shows name, status, node type, node count, version and creation time of each match.</para>
/// </example>
/// <example title="Read the details of clusters by ID from the pipeline">
/// <code>
/// '4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90' | Get-DwsCluster | Select-Object Name, Status, TaskStatus, MaintainWindow
/// </code>
/// <para>Each ID is read with the detail API; an unknown ID gives a DwsResourceNotFound error and the others go on.</para>
/// </example>
/// <example title="Find production clusters of two teams by tag">
/// <code>
/// Get-DwsCluster -Tag @{ env = 'prod'; team = 'sales', 'finance' }
/// </code>
/// <para>Writes every cluster tagged env=prod whose team tag is sales or finance.</para>
/// </example>
/// <example title="Find clusters that are not available">
/// <code>
/// Get-DwsCluster | Where-Object Status -ne 'AVAILABLE'
/// </code>
/// <para>Lists clusters that are creating, stopped, failed or busy.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsCluster", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(ClusterModel))]
[OutputType(typeof(ClusterTagResource), ParameterSetName = new[] { ByTagSet })]
public sealed class GetDwsClusterCommand : DwsCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByTagSet = "ByTag";

    /// <summary>Cluster names to list; wildcards allowed, case-insensitive. Omit to list every cluster.</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Cluster IDs to read in detail; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Tags to match: a hashtable of key = value or key = @(values); every key must match, any of its values ($null: any value).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByTagSet)]
    [ValidateNotNullOrEmpty]
    public Hashtable Tag { get; set; } = new();

    /// <summary>With -Tag: write the service's tag records instead of cluster objects.</summary>
    [Parameter(ParameterSetName = ByTagSet)]
    public SwitchParameter Raw { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByTagSet)
        {
            ForItem(string.Join(",", Tag.Keys.Cast<object>()), () =>
            {
                var filters = TagFilters(Tag);
                if (Raw)
                {
                    WriteAll(ct => DwsSession.Clusters.ListByTagAsync(filters, cancellationToken: ct));
                }
                else
                {
                    var tagged = Await(ct => DwsSession.Clusters.ListClustersByTagAsync(filters, ct));
                    WriteAll(_ => ToAsync(tagged));
                }
            });
            return;
        }

        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in ClusterId)
            {
                ForItem(id, () => WriteObject(Await(ct => DwsSession.Clusters.GetAsync(id, ct))));
            }
            return;
        }

        IReadOnlyList<ClusterModel> clusters;
        try
        {
            clusters = Await(ct => DwsSession.Clusters.ListAsync(ct));
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
        {
            WriteDwsError(ex, Name is null ? null : string.Join(",", Name));
            return;
        }

        var patterns = (Name ?? Array.Empty<string>()).Select(n => (Text: n, Pattern: new WildcardPattern(n, WildcardOptions.IgnoreCase))).ToList();
        var matched = patterns.Count == 0 ? clusters : clusters.Where(c => patterns.Any(p => p.Pattern.IsMatch(c.Name ?? string.Empty))).ToList();
        WriteAll(_ => ToAsync(matched));

        foreach (var (text, pattern) in patterns)
        {
            if (WildcardPattern.ContainsWildcardCharacters(text) || clusters.Any(c => pattern.IsMatch(c.Name ?? string.Empty))) continue;
            WriteDwsError(new ItemNotFoundException($"No cluster is named '{text}'. List the clusters with Get-DwsCluster."), text);
        }
    }

    private static List<TagFilter> TagFilters(Hashtable tags)
    {
        var filters = new List<TagFilter>();
        foreach (DictionaryEntry entry in tags)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var value = entry.Value is PSObject pso ? pso.BaseObject : entry.Value;
            List<string>? values = value switch
            {
                null => null,
                string s => new List<string> { s },
                IEnumerable many => many.Cast<object?>().Select(v => Convert.ToString(v is PSObject p ? p.BaseObject : v, CultureInfo.InvariantCulture) ?? string.Empty).ToList(),
                _ => new List<string> { Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty },
            };
            filters.Add(new TagFilter(key, values is { Count: > 0 } ? values : null));
        }
        return filters;
    }

#pragma warning disable CS1998 // an async iterator over what is already in memory
    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items) yield return item;
    }
#pragma warning restore CS1998
}
