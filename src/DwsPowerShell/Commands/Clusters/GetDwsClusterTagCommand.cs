using System.Management.Automation;
using DwsPowerShell.Client.Models.Tags;
using TagModel = DwsPowerShell.Client.Models.Tags.ResourceTag;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets tags: of a cluster, its system tags, or every tag key used in the project.</summary>
/// <remarks>Without -ClusterId, lists the tag keys used in the project with all their values (API reference 5.10.1, GET /v1.0/{project_id}/tags), as ProjectTag objects (Key, Values). With -ClusterId, lists the cluster's tags (API reference 5.10.2, GET /v1.0/{project_id}/clusters/{cluster_id}/tags), as ResourceTag objects (Key, Value, ClusterId) that pipe to Remove-DwsClusterTag. With -ClusterId -System, lists the cluster's system tags such as _sys_enterprise_project_id (API reference 5.2.33, GET /v1/{project_id}/clusters/{cluster_id}/enterprise-projects) a page at a time; -First, -Skip and -IncludeTotalCount work. -Key filters by tag key (wildcards, case-insensitive). Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Tags of the production clusters">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsClusterTag
/// </code>
/// <para>Writes each tag of each cluster whose name starts with prod-, with its ClusterId.</para>
/// </example>
/// <example title="Which values does the env key have in this project?">
/// <code>
/// Get-DwsClusterTag -Key env | Select-Object -ExpandProperty Values
/// </code>
/// <para>Lists every value of the env tag across the project's clusters.</para>
/// </example>
/// <example title="The enterprise project of a cluster">
/// <code>
/// Get-DwsClusterTag -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -System -Key _sys_enterprise_project_id
/// </code>
/// <para>Reads the cluster's system tags and keeps the enterprise project ID.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterTag", DefaultParameterSetName = ProjectSet, SupportsPaging = true)]
[OutputType(typeof(ProjectTag), ParameterSetName = new[] { ProjectSet })]
[OutputType(typeof(TagModel), ParameterSetName = new[] { ClusterSet, SystemSet })]
public sealed class GetDwsClusterTagCommand : DwsCmdlet
{
    private const string ProjectSet = "Project";
    private const string ClusterSet = "Cluster";
    private const string SystemSet = "SystemTag";

    /// <summary>The cluster whose tags to list; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClusterSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = SystemSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Lists the cluster's system tags (such as _sys_enterprise_project_id) instead of its own tags.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SystemSet)]
    public SwitchParameter System { get; set; }

    /// <summary>Tag keys to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Key { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ParameterSetName == ProjectSet ? null : ClusterId, () =>
        {
            switch (ParameterSetName)
            {
                case SystemSet:
                    WriteAll(ct => DwsSession.Clusters.ListSystemTagsAsync(ClusterId, cancellationToken: ct), NameFilter<ResourceTag>(Key, t => t.Key));
                    break;
                case ClusterSet:
                    WriteAll(ct => ToAsync(DwsSession.Tags.ListAsync(ClusterId, ct)), NameFilter<ResourceTag>(Key, t => t.Key));
                    break;
                default:
                    WriteAll(ct => ToAsync(DwsSession.Tags.ListProjectTagsAsync(ct)), NameFilter<ProjectTag>(Key, t => t.Key));
                    break;
            }
        });
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(Task<IReadOnlyList<T>> list)
    {
        foreach (var item in await list.ConfigureAwait(false)) yield return item;
    }
}
