using System.Management.Automation;
using System.Security;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Resets the password of a DWS cluster's database administrator.</summary>
/// <remarks>Sets a new administrator password (API reference 5.2.28, POST /v1.0/{project_id}/clusters/{cluster_id}/reset-password). The password is taken as a SecureString and copied out of it only into the request body; it is never written to output, verbose or debug streams. It must have 12 to 32 characters, at least three of uppercase letters, lowercase letters, digits and special characters, must not be the user name or the user name reversed, and must not be a previous password; the first rules are checked before anything is sent. Accepts IDs and any object with a ClusterId property from the pipeline. Writes nothing.</remarks>
/// <example title="Reset the administrator password, prompting for it">
/// <code>
/// Reset-DwsClusterPassword -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -NewPassword (Read-Host -AsSecureString 'New password')
/// </code>
/// <para>Reads the new password without echoing it and sets it after confirmation.</para>
/// </example>
/// <example title="Rotate the password of a cluster found by name, from a secret vault">
/// <code>
/// Get-DwsCluster -Name sales-dw | Reset-DwsClusterPassword -NewPassword (Get-Secret DwsAdmin) -Confirm:$false
/// </code>
/// <para>Pipes the cluster by its ClusterId and sets the password kept in the vault.</para>
/// </example>
[Cmdlet(VerbsCommon.Reset, "DwsClusterPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class ResetDwsClusterPasswordCommand : DwsCmdlet
{
    /// <summary>IDs of the clusters; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>The new administrator password: 12 to 32 characters, three character classes, not the user name and not a previous password.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public SecureString NewPassword { get; set; } = null!;

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange(id, "Reset the DWS cluster administrator password", force: false)) continue;
            ForItem(id, () => Await(ct => DwsSession.Clusters.ResetPasswordAsync(id, NewPassword, ct)));
        }
    }
}
