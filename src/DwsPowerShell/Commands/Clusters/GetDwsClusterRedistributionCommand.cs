using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the data redistribution of a cluster: its state and progress, or its tables.</summary>
/// <remarks>Reads the redistribution details (API reference 5.2.32, GET /v2/{project_id}/clusters/{cluster_id}/redistribution; DWS 2.0 8.1.1.200 and later). By default writes one ClusterRedistribution per cluster: Status (redis_info.status, empty when no redistribution ran), Mode, TotalProgress, RedisRate (as sent, e.g. "0 KB/s"; RedisInfo.RedisProcess.RedisRateKBps has the number), what may be done now (PauseEnable, RecoverEnable, RetryEnable) and the raw RedisInfo; the schedule fields the service returns in camelCase and the parallel job count it returns under two names are both read. With -Table writes the tables being redistributed (RedistributionTable: SchemaName, TableName, Size, Status i/y/n and State in words), every page, filtered by -DatabaseName, -TableName and -Type on the service; -First and -Skip apply.</remarks>
/// <example title="Watch the progress of a redistribution">
/// <code>
/// Get-DwsClusterRedistribution -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 | Format-List Status, Mode, TotalProgress, RedisRate
/// </code>
/// <para>Shows the state, mode, percentage done and current rate.</para>
/// </example>
/// <example title="List the tables not redistributed yet">
/// <code>
/// Get-DwsCluster -Name sales-dw | Get-DwsClusterRedistribution -Table -Type n -First 20
/// </code>
/// <para>Writes the first twenty tables whose redistribution has not started.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterRedistribution", DefaultParameterSetName = DefaultSet, SupportsPaging = true)]
[OutputType(typeof(ClusterRedistribution), typeof(RedistributionTable))]
public sealed class GetDwsClusterRedistributionCommand : DwsCmdlet
{
    private const string DefaultSet = "Default";
    private const string TableSet = "Table";

    /// <summary>Cluster IDs; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>Write the tables of the redistribution instead of its state.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TableSet)]
    public SwitchParameter Table { get; set; }

    /// <summary>Only tables of this database (db_name).</summary>
    [Parameter(ParameterSetName = TableSet)]
    [ValidateNotNullOrEmpty]
    public string? DatabaseName { get; set; }

    /// <summary>Only tables whose name matches (table_name, matched by the service).</summary>
    [Parameter(ParameterSetName = TableSet)]
    [ValidateNotNullOrEmpty]
    public string? TableName { get; set; }

    /// <summary>The service's type filter (type), e.g. a table status: i (in progress), y (done), n (not started).</summary>
    [Parameter(ParameterSetName = TableSet)]
    [ValidateNotNullOrEmpty]
    public string? Type { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            ForItem(id, () =>
            {
                if (Table) WriteAll(ct => DwsSession.Clusters.ListRedistributionTablesAsync(id, DatabaseName, TableName, Type, cancellationToken: ct));
                else WriteObject(Await(ct => DwsSession.Clusters.GetRedistributionAsync(id, cancellationToken: ct)));
            });
        }
    }
}
