using System.Management.Automation;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Forgets the default session and its cached token.</summary>
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
        old.Dispose();
    }
}
