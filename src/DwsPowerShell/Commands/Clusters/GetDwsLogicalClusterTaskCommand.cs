using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the task history of logical clusters.</summary>
/// <remarks>Lists the tasks of a cluster's logical clusters (API reference 5.2.8, every page): type (Create, Grow/Expand, Shrink, Restart, Delete), start and end time, result and log. -LogicalClusterName and -Type filter on the service; logical clusters from Get-DwsLogicalCluster bind both -ClusterId and -LogicalClusterName by property name. -SortBy takes the service's camelCase keys. Supports -First, -Skip and -IncludeTotalCount.</remarks>
/// <example title="Show the newest tasks of a logical cluster">
/// <code>
/// Get-DwsLogicalCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name etl_group | Get-DwsLogicalClusterTask -SortBy startTime -Descending -First 5
/// </code>
/// <para>Writes the five most recent tasks of the logical cluster etl_group.</para>
/// </example>
/// <example title="Find failed creates">
/// <code>
/// Get-DwsLogicalClusterTask -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Type Create | Where-Object Result -eq 'failed'
/// </code>
/// <para>Lists the Create tasks that failed, with their logs.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsLogicalClusterTask", SupportsPaging = true)]
[OutputType(typeof(LogicalClusterTask))]
public sealed class GetDwsLogicalClusterTaskCommand : DwsCmdlet
{
    /// <summary>The cluster whose logical-cluster tasks to list; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Only the tasks of this logical cluster; binds from logical cluster objects.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? LogicalClusterName { get; set; }

    /// <summary>Only tasks of this type (Create, Expand, Shrink, Restart, Delete).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Type { get; set; }

    /// <summary>Sort key, camelCase as the service takes it: startTime or endTime.</summary>
    [Parameter]
    [ValidateSet("startTime", "endTime", IgnoreCase = true)]
    public string? SortBy { get; set; }

    /// <summary>Sorts in descending order (with -SortBy).</summary>
    [Parameter]
    public SwitchParameter Descending { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () =>
        {
            var sortBy = SortBy is null ? null : SortBy.Equals("endTime", StringComparison.OrdinalIgnoreCase) ? "endTime" : "startTime";
            var order = sortBy is null ? null : Descending ? "DESC" : "ASC";
            var name = string.IsNullOrEmpty(LogicalClusterName) ? null : LogicalClusterName;
            WriteAll(ct => DwsSession.Clusters.ListLogicalClusterTasksAsync(ClusterId, name, Type, sortBy, order, cancellationToken: ct));
        });
    }
}
