using System.Management.Automation;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Deletes manual snapshots.</summary>
/// <remarks>
/// Deletes a manual snapshot (API reference 5.3.8, DELETE /v1.0/{project_id}/snapshots/{snapshot_id}); automated
/// snapshots cannot be deleted. The service answers at once and deletes in the background; with -Wait the cmdlet
/// polls until the snapshot is gone (404). Snapshots from Get-DwsSnapshot bind to -SnapshotId by property name.
/// Asks for confirmation unless -Force is given; -WhatIf shows what would be deleted.
/// </remarks>
/// <example title="Delete old manual snapshots of a cluster">
/// <code>
/// Get-DwsSnapshot -ClusterId $id | Where-Object { $_.Type -eq 'MANUAL' -and $_.Started -lt (Get-Date).AddDays(-30) } | Remove-DwsSnapshot -Force
/// </code>
/// <para>Deletes every manual snapshot of the cluster older than 30 days without asking.</para>
/// </example>
/// <example title="Delete a snapshot and wait until it is gone">
/// <code>
/// Remove-DwsSnapshot -SnapshotId a4f2c1e0-6f0b-4a9e-9c55-3f1d2e8b7a10 -Wait -PollIntervalSec 5
/// </code>
/// <para>Asks for confirmation, deletes the snapshot and blocks until the service no longer finds it.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveDwsSnapshotCommand : DwsLongRunningCmdlet
{
    /// <summary>IDs of the snapshots to delete; accepts snapshot objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotId { get; set; } = Array.Empty<string>();

    /// <summary>Deletes without asking for confirmation (an explicit -Confirm still asks; -WhatIf still wins).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in SnapshotId)
        {
            if (!ShouldChange($"snapshot {id}", "Delete snapshot", Force)) continue;
            ForItem(id, () =>
            {
                Await(ct => DwsSession.Snapshots.DeleteAsync(id, ct));
                if (Wait)
                {
                    AwaitWithProgress($"Deleting snapshot {id}", async (progress, ct) =>
                    {
                        await DwsSession.Snapshots.WaitForDeletionAsync(id, WaitOptions, s => progress($"{s.Name ?? id}: {s.Status ?? "still listed"}", null), ct).ConfigureAwait(false);
                        return true;
                    });
                }
            });
        }
    }
}
