using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Services.Cdm;

/// <summary>CDM cluster statuses (ShowClusterDetail "status"): 200 normal, 900 stopped, 910 stopping, 920 starting.</summary>
public enum CdmStatus
{
    Normal = 200,
    Stopped = 900,
    Stopping = 910,
    Starting = 920,
}

public enum CdmAction
{
    Stop,
    Start,
}

/// <summary>The CDM clusters (one, seeded). Kept in memory only: not in the state file. Use under the state's gate.</summary>
public sealed class CdmStore
{
    public Dictionary<string, CdmCluster> Clusters { get; } = new(StringComparer.Ordinal);

    internal void Seed(DateTimeOffset now)
    {
        Clusters.Clear();
        Clusters[CdmService.SeededClusterId] = new CdmCluster(CdmService.SeededClusterId, CdmService.SeededClusterName, now);
    }
}

/// <summary>A CDM cluster: its status is derived from the last action and the clock.</summary>
public sealed class CdmCluster(string id, string name, DateTimeOffset created)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset Updated { get; private set; } = created;
    public CdmAction? LastAction { get; private set; }
    public DateTimeOffset ActionStart { get; private set; }
    public TimeSpan ActionDuration { get; private set; }

    /// <summary>Starts an action; returns its job ID (32 hex characters, as the seed's example).</summary>
    internal string Begin(CdmAction action, DateTimeOffset now, TimeSpan duration)
    {
        LastAction = action;
        ActionStart = now;
        ActionDuration = duration;
        Updated = now;
        return EmulatorState.NewHexId();
    }

    public CdmStatus StatusAt(DateTimeOffset now)
    {
        if (LastAction is null) return CdmStatus.Normal;
        var done = now >= ActionStart + ActionDuration;
        return LastAction == CdmAction.Stop
            ? done ? CdmStatus.Stopped : CdmStatus.Stopping
            : done ? CdmStatus.Normal : CdmStatus.Starting;
    }

    /// <summary>The emulator's words for a status: the reference gives only "Normal".</summary>
    public static string Detail(CdmStatus status) => status switch
    {
        CdmStatus.Normal => "Normal",
        CdmStatus.Stopped => "Stopped",
        CdmStatus.Stopping => "Stopping",
        _ => "Starting",
    };

    /// <summary>
    /// ShowClusterDetail kept minimal: the seed (001) shows no read, so only the fields that show a stop (id, name,
    /// status as a string code, statusDetail, actionProgress, isFrozen, created, updated), of the shape the CDM reference gives.
    /// </summary>
    public JsonObject ToJson(DateTimeOffset now)
    {
        var status = StatusAt(now);
        var progress = new JsonObject();
        if (status is CdmStatus.Stopping or CdmStatus.Starting)
        {
            var percent = (int)Math.Clamp((now - ActionStart) / ActionDuration * 100, 0, 99);
            progress[status == CdmStatus.Stopping ? "STOPPING" : "STARTING"] = $"{percent}%";
        }
        return new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusDetail"] = Detail(status),
            ["actionProgress"] = progress,
            ["isFrozen"] = "0",
            ["created"] = Wire.IsoLocal(Created),
            ["updated"] = Wire.IsoLocal(LastAction is not null && status is CdmStatus.Normal or CdmStatus.Stopped ? ActionStart + ActionDuration : Updated),
        };
    }
}
