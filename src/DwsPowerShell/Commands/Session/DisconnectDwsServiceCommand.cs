using System.Management.Automation;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Forgets the default session of this runspace.</summary>
/// <remarks>Removes the default session that Connect-DwsService set in this runspace; other runspaces keep theirs. The session itself is not closed: one kept in a variable (Connect-DwsService -PassThru, Get-DwsSession) stays usable with -Session, and its connections and cached IAM token are freed once nothing refers to it.</remarks>
/// <example title="Disconnect">
/// <code>
/// Disconnect-DwsService
/// </code>
/// <para>The next DWS cmdlet connects again from the environment or asks you to run Connect-DwsService.</para>
/// </example>
/// <example title="Switch regions">
/// <code>
/// Disconnect-DwsService
/// Connect-DwsService -Region ap-southeast-3
/// </code>
/// <para>Replaces the default session with one for another region.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "DwsService")]
[OutputType(typeof(void))]
public sealed class DisconnectDwsServiceCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var old = DwsSessionStore.Clear();
        if (old is null)
        {
            WriteVerbose("There was no DWS session.");
            return;
        }
        WriteVerbose($"Disconnected from {old.Endpoint}.");
    }
}
