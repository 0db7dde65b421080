using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Gets the DWS operations available to the current tenant.</summary>
/// <remarks>Lists the tenant's available operations, feature flags such as ColdStorage and DwsV3Storage (API reference 5.2.58, GET /v1/{project_id}/actions, paged by offset and limit; every page is fetched). Supports -First and -Skip.</remarks>
/// <example title="List the tenant's operations">
/// <code>
/// Get-DwsAvailableAction
/// </code>
/// <para>Writes one object per available operation.</para>
/// </example>
/// <example title="Check for a feature before using it">
/// <code>
/// if ((Get-DwsAvailableAction).Name -contains 'ColdStorage') { 'cold storage is available' }
/// </code>
/// <para>Tests whether the tenant may use cold storage.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsAvailableAction", SupportsPaging = true)]
[OutputType(typeof(DwsAvailableAction))]
public sealed class GetDwsAvailableActionCommand : DwsCmdlet
{
    protected override void ProcessRecord()
    {
        ForItem(null, () => WriteAll(ct => DwsSession.Clusters.ListAvailableActionsAsync(cancellationToken: ct)));
    }
}
