using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the instances of DWS clusters, or one instance by ID.</summary>
/// <remarks>With -ClusterId, lists the cluster's instances (API reference 5.2.47, GET /v2/{project_id}/clusters/{cluster_id}/instances): ID, name, status, service and internal IP, and the logical cluster each belongs to. With -InstanceId, reads each instance's details (API reference 5.2.59, GET /v2/{project_id}/instances/{instance_id}): type, role, flavor, datastore, network and more. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="List a cluster's instances">
/// <code>
/// Get-DwsCluster -Name prod | Get-DwsClusterInstance | Format-Table InstanceName, InstanceStatus, TrafficIp, LogicalClusterName
/// </code>
/// <para>Shows every instance of the cluster and its logical cluster.</para>
/// </example>
/// <example title="Read one instance">
/// <code>
/// Get-DwsClusterInstance -InstanceId 13cb2c86-a598-48ca-8c2c-0389f4b78963
/// </code>
/// <para>Writes the instance's details.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterInstance", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ClusterInstance), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(InstanceDetail), ParameterSetName = new[] { ByIdSet })]
public sealed class GetDwsClusterInstanceCommand : DwsCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>The cluster whose instances to list; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>IDs of instances to read; accepts objects with an InstanceId property from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] InstanceId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in InstanceId)
            {
                ForItem(id, () => WriteObject(Await(ct => DwsSession.Clusters.GetInstanceAsync(id, ct))));
            }
            return;
        }
        ForItem(ClusterId, () => WriteObject(Await(ct => DwsSession.Clusters.ListInstancesAsync(ClusterId, ct)), enumerateCollection: true));
    }
}
