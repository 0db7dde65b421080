using System.Management.Automation;
using DwsPowerShell.Completers;
using DwsPowerShell.Client.Models.Snapshots;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Gets the snapshot policy strategies of clusters.</summary>
/// <remarks>
/// Reads a cluster's snapshot policy (API reference 5.3.11) and writes its strategies, each with the policy's
/// retention (KeepDay), optionally filtered by -Name; or, with -PolicyId, reads one strategy (API reference 5.3.12).
/// Clusters from Get-DwsCluster bind to -ClusterId by property name; the strategies bind to Set-DwsSnapshotPolicy
/// and Remove-DwsSnapshotPolicy by their ClusterId and PolicyId.
/// </remarks>
/// <example title="The snapshot policies of the production clusters">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsSnapshotPolicy
/// </code>
/// <para>Writes every strategy of each cluster whose name starts with prod-, with its next run.</para>
/// </example>
/// <example title="Read one strategy by ID">
/// <code>
/// Get-DwsSnapshotPolicy -ClusterId $id -PolicyId 11e93775-e2a6-4d09-96dd-b14c2bbffc97
/// </code>
/// <para>Writes the strategy's schedule, type and next run time.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsSnapshotPolicy", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SnapshotPolicyStrategy))]
public sealed class GetDwsSnapshotPolicyCommand : DwsCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>The cluster; accepts clusters and strategies (any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Strategy names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>IDs of the strategies to read; accepts strategies from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] PolicyId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in PolicyId)
                ForItem(id, () => WriteObject(Await(ct => DwsSession.Snapshots.GetPolicyStrategyAsync(ClusterId, id, ct))));
            return;
        }
        var keep = NameFilter<SnapshotPolicyStrategy>(Name, s => s.PolicyName);
        ForItem(ClusterId, () =>
        {
            var policy = Await(ct => DwsSession.Snapshots.GetPolicyAsync(ClusterId, ct));
            foreach (var s in policy.BackupStrategies ?? new List<SnapshotPolicyStrategy>())
                if (keep is null || keep(s)) WriteObject(s);
        });
    }
}
