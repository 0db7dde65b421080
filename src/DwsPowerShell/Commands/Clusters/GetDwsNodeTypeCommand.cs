using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the node types (flavors) that clusters can be created with.</summary>
/// <remarks>Lists the node types of the region (API reference 5.2.14, GET /v2/{project_id}/node-types): SpecName (the -Flavor of New-DwsCluster), vCPUs, memory, datastore type (dws, hybrid, stream), the AZs where each is sold, the cluster versions it supports (Datastores; LatestDatastoreVersion is what New-DwsCluster uses by default) and its disk specs. -Name filters by SpecName, case-insensitively, with wildcards.</remarks>
/// <example title="List every node type">
/// <code>
/// Get-DwsNodeType
/// </code>
/// <para>Shows spec name, type, vCPUs, memory and the newest cluster version of each flavor.</para>
/// </example>
/// <example title="Find the elastic-storage flavors of a family">
/// <code>
/// Get-DwsNodeType -Name 'dws2.*' | Where-Object ElasticVolumeSpecs | Select-Object SpecName, ElasticVolumeSpecs
/// </code>
/// <para>Lists the flavors whose disk size is chosen at creation (-VolumeType, -VolumeSizeGB).</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsNodeType")]
[OutputType(typeof(NodeType))]
public sealed class GetDwsNodeTypeCommand : DwsCmdlet
{
    /// <summary>Spec names to list, such as dws2.m6.4xlarge.8; wildcards allowed, case-insensitive.</summary>
    [Parameter(Position = 0)]
    [Alias("SpecName")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(null, () =>
        {
            var patterns = (Name ?? Array.Empty<string>()).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var type in Await(ct => DwsSession.Clusters.ListNodeTypesAsync(ct)))
            {
                if (patterns.Count == 0 || patterns.Any(p => p.IsMatch(type.SpecName ?? string.Empty))) WriteObject(type);
            }
        });
    }
}
