using System.Management.Automation;
using DwsPowerShell.Client.Models.Quotas;

namespace DwsPowerShell.Commands.Quotas;

/// <summary>Gets the DWS resource quotas of the project.</summary>
/// <remarks>Lists the project's DWS quotas (API reference 5.11.1, GET /v1.0/{project_id}/quotas): for each resource type (instances, core, ram, disk, disk_capacity) how much is used, the quota, what is Available, and the unit. The service sends the numbers as strings and a missing unit as the string "null"; Unit is then empty (UnitText keeps what was sent). -Type filters by resource type (wildcards, case-insensitive).</remarks>
/// <example title="Show all quotas">
/// <code>
/// Get-DwsQuota
/// </code>
/// <para>Shows used, quota, available and unit per resource type.</para>
/// </example>
/// <example title="Check there is room for one more cluster">
/// <code>
/// if ((Get-DwsQuota -Type instances).Available -lt 1) { throw 'No DWS cluster quota left.' }
/// </code>
/// <para>Stops a script when the cluster quota is used up.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsQuota")]
[OutputType(typeof(DwsQuota))]
public sealed class GetDwsQuotaCommand : DwsCmdlet
{
    /// <summary>Resource types to keep (instances, core, ram, disk, disk_capacity); wildcards allowed, case-insensitive.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Type { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(null, () =>
        {
            foreach (var quota in Await(ct => DwsSession.Quotas.ListAsync(ct)))
            {
                if (Type is null || Type.Any(t => WildcardPattern.Get(t, WildcardOptions.IgnoreCase).IsMatch(quota.Type ?? string.Empty))) WriteObject(quota);
            }
        });
    }
}
