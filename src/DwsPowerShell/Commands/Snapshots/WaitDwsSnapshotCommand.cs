using System.Management.Automation;
using SnapshotModel = DwsPowerShell.Client.Models.Snapshots.Snapshot;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Waits until snapshots are AVAILABLE, with progress, and writes each finished snapshot.</summary>
/// <remarks>
/// Polls each snapshot's details (API reference 5.3.4) until its status is AVAILABLE (or COMPLETED) and writes it.
/// A snapshot that ends UNAVAILABLE or FAILED becomes an error record (ErrorId DwsResourceFailed) and the others
/// go on; running out of time gives DwsWaitTimedOut. Accepts snapshot IDs or the snapshots that New-DwsSnapshot
/// and Get-DwsSnapshot write. Ctrl+C stops the wait.
/// </remarks>
/// <example title="Create a snapshot and wait for it">
/// <code>
/// New-DwsSnapshot -ClusterId $id -Name nightly | Wait-DwsSnapshot -PollIntervalSec 15
/// </code>
/// <para>Writes the snapshot once it is AVAILABLE.</para>
/// </example>
/// <example title="Wait for every snapshot still being created">
/// <code>
/// Get-DwsSnapshot | Where-Object Status -eq 'CREATING' | Wait-DwsSnapshot -TimeoutSec 3600
/// </code>
/// <para>Waits at most an hour for each snapshot in progress.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Wait, "DwsSnapshot")]
[OutputType(typeof(SnapshotModel))]
public sealed class WaitDwsSnapshotCommand : DwsWaitingCmdlet
{
    /// <summary>Snapshot IDs; accepts strings and snapshot objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (var id in SnapshotId)
        {
            ForItem(id, () =>
            {
                WriteObject(AwaitWithProgress($"Waiting for snapshot {id}", (progress, ct) =>
                    DwsSession.Snapshots.WaitForStatusAsync(id, WaitOptions,
                        s => progress($"{s.Name ?? id}: {s.Status ?? "status not read yet"} {s.Progress}".Trim(), null), ct)));
            });
        }
    }
}
