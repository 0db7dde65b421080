using System.Management.Automation;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Deletes snapshot policy strategies.</summary>
/// <remarks>
/// Deletes one strategy of a cluster's snapshot policy (API reference 5.3.14,
/// DELETE /v1.0/{project_id}/clusters/{cluster_id}/snapshot-policies/{id}); snapshots already taken stay.
/// Strategies from Get-DwsSnapshotPolicy bind to -ClusterId and -PolicyId by property name. Asks for confirmation
/// unless -Force is given; -WhatIf shows what would be deleted.
/// </remarks>
/// <example title="Delete the test strategies of a cluster">
/// <code>
/// Get-DwsSnapshotPolicy -ClusterId $id -Name 'test*' | Remove-DwsSnapshotPolicy -Force
/// </code>
/// <para>Deletes every strategy whose name starts with test without asking.</para>
/// </example>
/// <example title="See what would be deleted">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Get-DwsSnapshotPolicy | Remove-DwsSnapshotPolicy -WhatIf
/// </code>
/// <para>Lists the strategies that would be deleted and deletes nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsSnapshotPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveDwsSnapshotPolicyCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts strategies (any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The strategy to delete; accepts strategies from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PolicyId { get; set; } = string.Empty;

    /// <summary>Deletes without asking for confirmation (an explicit -Confirm still asks; -WhatIf still wins).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"snapshot policy {PolicyId} of cluster {ClusterId}", "Delete snapshot policy", Force)) return;
        ForItem(PolicyId, () => Await(ct => DwsSession.Snapshots.DeletePolicyStrategyAsync(ClusterId, PolicyId, ct)));
    }
}
