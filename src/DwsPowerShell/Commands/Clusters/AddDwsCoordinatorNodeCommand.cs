using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Adds CNs (coordinator nodes) to DWS clusters.</summary>
/// <remarks>Adds CNs (API reference 5.2.40, POST /v1.0/{project_id}/clusters/{cluster_id}/cns/batch-create). The API's num is the TOTAL number of CNs after the operation, not the number to add: -Count adds that many (the cmdlet reads the current CNs and max_num first, API reference 5.2.39, and refuses a total above max_num), -TotalCount sends the total as is. Stop services while CNs are added. Returns the job (pipe it to Wait-DwsJob); with -Wait the cmdlet waits for the job and writes the CNs.</remarks>
/// <example title="Add one CN and wait">
/// <code>
/// Add-DwsCoordinatorNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Count 1 -Wait -PollIntervalSec 10
/// </code>
/// <para>Adds one CN to the current number and writes the CNs once the job has succeeded.</para>
/// </example>
/// <example title="Set the total number of CNs">
/// <code>
/// Add-DwsCoordinatorNode -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -TotalCount 5 | Wait-DwsJob
/// </code>
/// <para>Grows the cluster to five CNs and waits for the job.</para>
/// </example>
[Cmdlet(VerbsCommon.Add, "DwsCoordinatorNode", DefaultParameterSetName = CountSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob), typeof(CoordinatorNode))]
public sealed class AddDwsCoordinatorNodeCommand : DwsLongRunningCmdlet
{
    private const string CountSet = "Count";
    private const string TotalSet = "Total";

    /// <summary>The cluster to add CNs to; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>How many CNs to add to the current number.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CountSet)]
    [ValidateRange(1, 100)]
    public int Count { get; set; }

    /// <summary>The total number of CNs the cluster should have afterwards (the API's num).</summary>
    [Parameter(Mandatory = true, ParameterSetName = TotalSet)]
    [ValidateRange(1, 100)]
    public int TotalCount { get; set; }

    protected override void ProcessRecord()
    {
        var what = ParameterSetName == TotalSet ? $"Set the number of CNs to {TotalCount}" : $"Add {Count} CN(s)";
        if (!ShouldChange(ClusterId, what, false)) return;
        ForItem(ClusterId, () =>
        {
            WriteJob(ct => ParameterSetName == TotalSet
                ? DwsSession.Clusters.AddCoordinatorNodesAsync(ClusterId, TotalCount, ct)
                : DwsSession.Clusters.AddCoordinatorNodesByCountAsync(ClusterId, Count, ct),
                $"Adding CNs to cluster {ClusterId}",
                async ct => (await DwsSession.Clusters.ListCoordinatorNodesAsync(ClusterId, ct).ConfigureAwait(false)).Instances);
        });
    }
}
