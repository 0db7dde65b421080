using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>Deletes the public domain name of a DWS cluster.</summary>
/// <remarks>Deletes a cluster's domain name (API reference 5.9.3, DELETE /v1.0/{project_id}/clusters/{cluster_id}/dns?type=public). The type is a mandatory query parameter and only public domain names can be deleted, so -Type defaults to public; the service refuses private. Writes nothing. Asks for confirmation (ConfirmImpact High) unless -Force; -WhatIf and an explicit -Confirm win over -Force. Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Delete a cluster's public domain name">
/// <code>
/// Remove-DwsClusterDomainName -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Force
/// </code>
/// <para>Deletes the public domain name without asking.</para>
/// </example>
/// <example title="Preview deleting the public domain names of test clusters">
/// <code>
/// Get-DwsCluster -Name 'test-*' | Remove-DwsClusterDomainName -WhatIf
/// </code>
/// <para>Lists what would be deleted without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsClusterDomainName", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveDwsClusterDomainNameCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The domain name type; only public domain names can be deleted (the default).</summary>
    [Parameter]
    [ValidateSet(DomainNameTypes.Public, DomainNameTypes.Private, IgnoreCase = true)]
    public string Type { get; set; } = DomainNameTypes.Public;

    /// <summary>Delete without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange(ClusterId, $"Delete {Type} domain name", Force)) return;
        ForItem(ClusterId, () => Await(ct => DwsSession.Connections.RemoveDomainNameAsync(ClusterId, Type, ct)));
    }
}
