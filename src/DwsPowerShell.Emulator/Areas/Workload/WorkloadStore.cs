using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Workload;

/// <summary>
/// The Workload area's state: workload plans (5.7.18-5.7.24) and their stages (5.7.25-5.7.29) as JSON objects by ID,
/// kept in the state file's Plans and Stages fields.
/// </summary>
public sealed class WorkloadStore
{
    public Dictionary<string, JsonObject> Plans { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Stages { get; } = new(StringComparer.Ordinal);

    internal void AddTo(EmulatorState state) => state.Add(this,
        new StateField<Dictionary<string, JsonObject>>("Plans", 40, () => new(Plans), map => EmulatorState.Replace(Plans, map), Plans.Clear,
            map => map.Values.Any(o => o is null) ? "has null where a plan belongs" : null),
        new StateField<Dictionary<string, JsonObject>>("Stages", 50, () => new(Stages), map => EmulatorState.Replace(Stages, map), Stages.Clear,
            map => map.Values.Any(o => o is null) ? "has null where a stage belongs" : null));
}

public static class WorkloadState
{
    extension(EmulatorState state)
    {
        /// <summary>The workload plans by ID (<see cref="WorkloadStore"/>). Use under <see cref="EmulatorState.Gate"/>.</summary>
        public Dictionary<string, JsonObject> Plans => state.Part<WorkloadStore>().Plans;

        /// <summary>The workload plan stages by ID (<see cref="WorkloadStore"/>). Use under <see cref="EmulatorState.Gate"/>.</summary>
        public Dictionary<string, JsonObject> Stages => state.Part<WorkloadStore>().Stages;
    }
}
