using System.Management.Automation;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Returns the default session of this runspace, set by Connect-DwsService, if any.</summary>
/// <remarks>Writes the default session of this runspace: its region, endpoints, project ID (once known), the kind of credentials, the masked access key ID or the IAM user, and where the credentials came from; never a secret. The same object binds to -Session. Writes nothing when this runspace is not connected.</remarks>
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
[OutputType(typeof(DwsSessionInfo))]
public sealed class GetDwsSessionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (DwsSessionStore.Current is { } session) WriteObject(session);
    }
}
