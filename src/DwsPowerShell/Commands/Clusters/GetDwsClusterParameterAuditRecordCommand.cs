using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the parameter modification audit records of DWS clusters.</summary>
/// <remarks>Lists who changed which parameters when (API reference 5.2.53, GET /v1/{project_id}/clusters/{cluster_id}/configurations/audit-records, paged by offset and limit; every page is fetched, -First and -Skip apply). -Since sends action_time (epoch milliseconds); -FilterBy and -Filter send filter_by and filter. Record IDs are documented as strings but returned as numbers; RecordId is a string either way. Accepts IDs and any object with a ClusterId property from the pipeline.</remarks>
/// <example title="Parameter changes of the last week">
/// <code>
/// Get-DwsClusterParameterAuditRecord -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Since (Get-Date).AddDays(-7)
/// </code>
/// <para>Lists the changes made in the last seven days.</para>
/// </example>
/// <example title="The latest five changes of every cluster">
/// <code>
/// Get-DwsCluster | Get-DwsClusterParameterAuditRecord -First 5
/// </code>
/// <para>Writes at most five records per cluster.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterParameterAuditRecord", SupportsPaging = true)]
[OutputType(typeof(ParameterAuditRecord))]
public sealed class GetDwsClusterParameterAuditRecordCommand : DwsCmdlet
{
    /// <summary>IDs of the clusters; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Only records from this time on (action_time).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>The field to filter on (filter_by), such as status.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FilterBy { get; set; }

    /// <summary>The filter text (filter).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    protected override void ProcessRecord()
    {
        var query = new ParameterAuditQuery { Since = Since is { } s ? new DateTimeOffset(s.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(s, DateTimeKind.Local) : s) : null, FilterBy = FilterBy, Filter = Filter };
        foreach (var id in ClusterId)
        {
            ForItem(id, () => WriteAll(ct => DwsSession.Clusters.ListParameterAuditRecordsAsync(id, query, cancellationToken: ct)));
        }
    }
}
