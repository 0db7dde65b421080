using System.Management.Automation;
using DwsPowerShell.Client;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Returns the default session set by Connect-DwsService, if any.</summary>
/// <remarks>Writes the current default DwsSession: its endpoint, region, project ID (once known) and the kind of credentials, never a secret. Writes nothing when not connected.</remarks>
/// <example title="Show the current connection">
/// <code>
/// Get-DwsSession
/// </code>
/// <para>Shows endpoint, region, project and credential kind.</para>
/// </example>
/// <example title="Keep a session to use explicitly">
/// <code>
/// $prod = Get-DwsSession
/// Get-DwsCluster -Session $prod
/// </code>
/// <para>Passes the session to another cmdlet with -Session.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsSession")]
[OutputType(typeof(DwsSession))]
public sealed class GetDwsSessionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (DwsSessionStore.Current is { } session) WriteObject(session);
    }
}
