using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using SnapshotModel = DwsPowerShell.Client.Models.Snapshots.Snapshot;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Creates a manual snapshot of a cluster.</summary>
/// <remarks>
/// Starts a full manual snapshot of a cluster (API reference 5.3.1, POST /v1.0/{project_id}/snapshots).
/// The snapshot starts in the CREATING state and the cluster is busy until it is AVAILABLE. Without -Wait
/// the cmdlet writes the new snapshot as read back at once (CREATING), or the job if the service returns
/// one, so it can be piped to Wait-DwsSnapshot or Wait-DwsJob. With -Wait it shows progress until the
/// snapshot is AVAILABLE and writes the finished snapshot. Clusters from Get-DwsCluster bind to -ClusterId
/// by property name. Snapshot names are unique in the project (case-insensitive): when piping several
/// clusters, give each snapshot its own name.
/// </remarks>
/// <example title="Snapshot a cluster found by name">
/// <code>
/// Get-DwsCluster -Name 'prod-dw' | New-DwsSnapshot -Name nightly -Description 'Before the ETL upgrade'
/// </code>
/// <para>Starts a snapshot of the prod-dw cluster and writes it in the CREATING state.</para>
/// </example>
/// <example title="Snapshot and wait until it is usable">
/// <code>
/// New-DwsSnapshot -ClusterId 7d85f602-a948-4a30-afd4-e84f47471c15 -Name before_upgrade -Wait -PollIntervalSec 15
/// </code>
/// <para>Blocks with a progress bar until the snapshot is AVAILABLE, then writes it.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SnapshotModel), typeof(DwsJob))]
public sealed class NewDwsSnapshotCommand : DwsLongRunningCmdlet
{
    /// <summary>The cluster to snapshot; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The snapshot name: 4 to 64 letters, digits, hyphens and underscores, starting with a letter; unique in the project.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>A description of at most 256 characters, without any of ! &lt; &gt; ' = &amp; ".</summary>
    [Parameter]
    [ValidateNotNull]
    public string? Description { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange($"cluster {ClusterId}", $"Create snapshot '{Name}'", force: false)) return;
        ForItem(ClusterId, () =>
        {
            var created = Await(ct => DwsSession.Snapshots.CreateAsync(ClusterId, Name, Description, ct));
            if (Wait)
            {
                WriteObject(AwaitWithProgress($"Creating snapshot '{Name}'", (progress, ct) =>
                    DwsSession.Snapshots.WaitForStatusAsync(created.SnapshotId, WaitOptions,
                        s => progress($"{s.Name ?? Name}: {s.Status ?? "status not read yet"} {s.Progress}".Trim(), null), ct)));
            }
            else if (created.Job is not null)
            {
                WriteObject(created.Job);
            }
            else
            {
                WriteObject(Await(ct => DwsSession.Snapshots.GetAsync(created.SnapshotId, ct)));
            }
        });
    }
}
