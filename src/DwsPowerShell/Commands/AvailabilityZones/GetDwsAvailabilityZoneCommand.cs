using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.AvailabilityZones;

/// <summary>Gets the availability zones of the region.</summary>
/// <remarks>Lists the AZs of the session's region (API reference 5.1.1, GET /v1.0/{project_id}/availability-zones): Code (what New-DwsCluster -AvailabilityZone takes), Name, Status and PublicBorderGroup. The service documents Status as Available/Unavailable but sends it lowercase; IsAvailable compares in any casing.</remarks>
/// <example title="List the AZs">
/// <code>
/// Get-DwsAvailabilityZone
/// </code>
/// <para>Shows the code, name, status and border group of each AZ.</para>
/// </example>
/// <example title="Create a multi-AZ cluster in the available AZs">
/// <code>
/// $azs = Get-DwsAvailabilityZone | Where-Object IsAvailable | Select-Object -First 3 -ExpandProperty Code
/// New-DwsCluster -Name multi-az-dw -Flavor dws2.m6.4xlarge.8 -NodeCount 3 -AdminCredential $admin -AvailabilityZone $azs -VpcId $vpc -SubnetId $subnet
/// </code>
/// <para>Passes three available AZ codes to New-DwsCluster.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsAvailabilityZone")]
[OutputType(typeof(AvailabilityZone))]
public sealed class GetDwsAvailabilityZoneCommand : DwsCmdlet
{
    protected override void ProcessRecord()
    {
        ForItem(null, () => WriteObject(Await(ct => DwsSession.AvailabilityZones.ListAsync(ct)), enumerateCollection: true));
    }
}
