using DwsPowerShell.Client.Models.Jobs;

namespace DwsPowerShell.Client.Models.Snapshots;

/// <summary>
/// What 5.3.1 gives back: the new snapshot (its ID, plus the name, cluster and description that were
/// sent; status is not known until it is read) and a job when the service returned a job ID.
/// </summary>
public sealed class SnapshotCreateResult
{
    public SnapshotCreateResult(Snapshot snapshot, DwsJob? job)
    {
        Snapshot = snapshot;
        Job = job;
    }

    public Snapshot Snapshot { get; }

    /// <summary>Null unless the service answered with a job ID (5.3.1 documents none).</summary>
    public DwsJob? Job { get; }

    public string Id => Snapshot.Id;

    public string SnapshotId => Snapshot.Id;

    public string? ClusterId => Snapshot.ClusterId;

    public string? JobId => Job?.JobId;

    public override string ToString() => Snapshot.ToString();
}
