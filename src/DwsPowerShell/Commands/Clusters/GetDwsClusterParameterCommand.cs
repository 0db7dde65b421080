using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;
using ClusterParameterModel = DwsPowerShell.Client.Models.Clusters.ClusterParameter;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the parameters of DWS clusters with their CN and DN values.</summary>
/// <remarks>Reads the parameter settings of a cluster's parameter group (API reference 5.2.43, GET /v1.0/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}). Without -ConfigurationId the group of type parameterGroup is read (found with API reference 5.2.42). Each parameter has CnValue and DnValue (from values[] by type cn/dn), Type, Unit, ValueRange, ReadOnly, RestartRequired and Description. -Name filters by parameter name with wildcards. Accepts ClusterId and ConfigurationId by property name, so Get-DwsClusterParameterGroup output pipes in.</remarks>
/// <example title="Show memory parameters">
/// <code>
/// Get-DwsClusterParameter -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name '*mem*'
/// </code>
/// <para>Lists the parameters whose names contain "mem" with their CN and DN values.</para>
/// </example>
/// <example title="Parameters that need a restart to change">
/// <code>
/// Get-DwsCluster -Name sales-dw | Get-DwsClusterParameter | Where-Object RestartRequired
/// </code>
/// <para>Lists the parameters of the cluster's default group that take effect only after a restart.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsClusterParameter")]
[OutputType(typeof(ClusterParameterModel))]
public sealed class GetDwsClusterParameterCommand : DwsCmdlet
{
    /// <summary>ID of the cluster; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The parameter group ID (Get-DwsClusterParameterGroup); default the cluster's group of type parameterGroup.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ConfigurationId { get; set; }

    /// <summary>Parameter names to show; wildcards allowed, case-insensitive.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () =>
        {
            var parameters = Await(ct => DwsSession.Clusters.ListParametersAsync(ClusterId, ConfigurationId, ct));
            var patterns = (Name ?? Array.Empty<string>()).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var p in parameters)
            {
                if (patterns.Count == 0 || patterns.Any(w => w.IsMatch(p.Name ?? string.Empty))) WriteObject(p);
            }
            foreach (var n in Name ?? Array.Empty<string>())
            {
                if (WildcardPattern.ContainsWildcardCharacters(n) || parameters.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))) continue;
                WriteDwsError(new ItemNotFoundException($"Cluster {ClusterId} has no parameter '{n}'. List them with Get-DwsClusterParameter -ClusterId {ClusterId}."), n);
            }
        });
    }
}
