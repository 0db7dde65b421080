using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Snapshots;

/// <summary>The Snapshots area's state: each snapshot as a JSON object (<see cref="SnapshotRecord"/>) by ID, kept in the state file's Snapshots field.</summary>
public sealed class SnapshotStore
{
    public Dictionary<string, JsonObject> Snapshots { get; } = new(StringComparer.Ordinal);

    internal void AddTo(EmulatorState state) => state.Add(this, new StateField<Dictionary<string, JsonObject>>("Snapshots", 30,
        () => new(Snapshots), map => EmulatorState.Replace(Snapshots, map), Snapshots.Clear,
        map => map.Values.Any(o => o is null) ? "has null where a snapshot belongs" : null));
}

public static class SnapshotState
{
    extension(EmulatorState state)
    {
        /// <summary>The snapshots by ID (<see cref="SnapshotStore"/>). Use under <see cref="EmulatorState.Gate"/>.</summary>
        public Dictionary<string, JsonObject> Snapshots => state.Part<SnapshotStore>().Snapshots;
    }
}
