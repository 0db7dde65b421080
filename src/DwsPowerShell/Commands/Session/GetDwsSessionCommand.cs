using System.Management.Automation;
using DwsPowerShell.Client;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Returns the default session set by Connect-DwsService, if any.</summary>
[Cmdlet(VerbsCommon.Get, "DwsSession")]
[OutputType(typeof(DwsSession))]
public sealed class GetDwsSessionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (DwsSessionStore.Current is { } session) WriteObject(session);
    }
}
