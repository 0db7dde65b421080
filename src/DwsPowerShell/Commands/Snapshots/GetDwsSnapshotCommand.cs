using System.Management.Automation;
using DwsPowerShell.Client.Areas;
using SnapshotModel = DwsPowerShell.Client.Models.Snapshots.Snapshot;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Gets snapshots: all of the project, one cluster's, or by ID.</summary>
/// <remarks>
/// Without parameters, lists every snapshot of every cluster in the project (API reference 5.3.3), optionally
/// filtered by -Name. With -SnapshotId, reads each snapshot's details (API reference 5.3.4). With -ClusterId,
/// lists one cluster's snapshots a page at a time (API reference 5.3.23), with richer details such as the
/// backup keys and progress, sorted with -SortBy and -Descending; clusters from Get-DwsCluster bind to
/// -ClusterId by property name. All sets support -First, -Skip and -IncludeTotalCount.
/// </remarks>
/// <example title="List the snapshots of the production clusters">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsSnapshot -SortBy startTime -Descending -First 5
/// </code>
/// <para>Writes the five newest snapshots of each cluster whose name starts with prod-.</para>
/// </example>
/// <example title="Find snapshots by name across the project">
/// <code>
/// Get-DwsSnapshot -Name 'nightly*' | Where-Object Status -eq 'AVAILABLE'
/// </code>
/// <para>Lists every snapshot whose name starts with nightly (case-insensitive) and keeps the usable ones.</para>
/// </example>
/// <example title="Read snapshots by ID">
/// <code>
/// 'a4f2c1e0-6f0b-4a9e-9c55-3f1d2e8b7a10', 'b7e1d2c3-0a9b-4c8d-8e7f-6a5b4c3d2e10' | Get-DwsSnapshot
/// </code>
/// <para>Strings from the pipeline bind to -SnapshotId; each snapshot's details are read.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsSnapshot", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(SnapshotModel))]
public sealed class GetDwsSnapshotCommand : DwsCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByClusterSet = "ByCluster";

    /// <summary>Snapshot names to keep; wildcards allowed, case-insensitive.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [Parameter(ParameterSetName = ByClusterSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Snapshot IDs; accepts strings and snapshot objects from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotId { get; set; } = Array.Empty<string>();

    /// <summary>The cluster whose snapshots to list; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByClusterSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Sort key of a cluster's snapshots: name, clusterName or startTime.</summary>
    [Parameter(ParameterSetName = ByClusterSet)]
    [ValidateSet("name", "clusterName", "startTime", IgnoreCase = true)]
    public string? SortBy { get; set; }

    /// <summary>Sorts in descending order (needs -SortBy).</summary>
    [Parameter(ParameterSetName = ByClusterSet)]
    public SwitchParameter Descending { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in SnapshotId)
                {
                    ForItem(id, () => WriteObject(Await(ct => DwsSession.Snapshots.GetAsync(id, ct))));
                }
                break;
            case ByClusterSet:
                ForItem(ClusterId, () =>
                {
                    var direction = SortBy is null ? null : Descending ? "DESC" : "ASC";
                    WriteAll(ct => DwsSession.Snapshots.ListClusterSnapshotsAsync(ClusterId, SortBy, direction, cancellationToken: ct), NameFilter<SnapshotModel>(Name, s => s.Name));
                });
                break;
            default:
                ForItem(null, () => WriteAll(ct => ListAllAsync(DwsSession.Snapshots, ct), NameFilter<SnapshotModel>(Name, s => s.Name)));
                break;
        }
    }

    protected override void Begin()
    {
        if (Descending && SortBy is null)
        {
            ThrowDwsError(new ArgumentException("-Descending needs -SortBy: give -SortBy name, clusterName or startTime.", nameof(Descending)), null);
        }
    }

    private static async IAsyncEnumerable<SnapshotModel> ListAllAsync(SnapshotsApi snapshots, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var s in await snapshots.ListAsync(ct).ConfigureAwait(false)) yield return s;
    }
}
