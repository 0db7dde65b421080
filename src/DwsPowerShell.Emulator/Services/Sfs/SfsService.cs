using System.Text.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Services.Sfs;

/// <summary>
/// SFS (Scalable File Service), seed 002 "缩容共享": POST /v2/{project_id}/shares/{share_id}/action with
/// {"os-shrink":{"new_size":n}}, answered 202 with no body; the shrink is seen on the share's detail
/// (GET /v2/{project_id}/shares/{share_id}: status shrinking, then available with the new size). Errors are
/// OpenStack faults, {"badRequest":{"message","code":400}} and {"itemNotFound":{...}}, with the messages of the
/// OpenStack Manila API SFS follows.
/// </summary>
internal sealed class SfsService : IEmulatorService
{
    public const string SeededShareId = "6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7";
    public const string SeededShareName = "sfs-emulator";
    public const int SeededShareSize = 2;

    /// <summary>Emulated time a shrink takes.</summary>
    public static readonly TimeSpan ShrinkDuration = TimeSpan.FromMinutes(1);

    public string Name => "sfs";

    public string InvalidRequestCode => "badRequest";

    /// <summary>An OpenStack fault: the fault's name by status, holding the message and the status as code.</summary>
    public JsonObject ErrorBody(int status, string code, string message) =>
        new() { [FaultName(status)] = new JsonObject { ["message"] = message, ["code"] = status } };

    private static string FaultName(int status) => status switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 => "overLimit",
        415 => "badMediaType",
        _ => "computeFault",
    };

    public void AddState(EmulatorState state)
    {
        var store = new SfsStore();
        store.Seed(state.Clock.UtcNow, state.Options);
        state.Add(store);
        state.OnReset(() => store.Seed(state.Clock.UtcNow, state.Options));
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapService("GET", "/v2/{project_id}/shares/{share_id}", new ServiceRoute(Name, "SFS share detail (read of seed 002)"),
            (string project_id, string share_id, EmulatorState state) =>
            {
                lock (state.Gate) return Wire.Json(new JsonObject { ["share"] = Find(state, project_id, share_id).ToJson(state.Clock.UtcNow) });
            });
        routes.MapService("POST", "/v2/{project_id}/shares/{share_id}/action", new ServiceRoute(Name, "seed 002 shrink share"), Action);
    }

    private static async Task<IResult> Action(string project_id, string share_id, HttpContext http, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        lock (state.Gate)
        {
            var share = Find(state, project_id, share_id);
            if (body!["os-shrink"] is not { } shrinkNode)
            {
                var action = body.Select(p => p.Key).FirstOrDefault() ?? "(none)";
                throw new DwsErrorException(404, "itemNotFound", $"There is no such action: {action}");
            }
            // Manila: new_size must read as an integer.
            if (shrinkNode is not JsonObject shrink || shrink["new_size"] is not JsonValue v
                || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue(out int newSize))
                throw Bad("New share size must be specified as an integer.");
            var now = state.Clock.UtcNow;
            var status = share.StatusAt(now);
            if (status != "available")
                throw Bad($"Invalid share: Share {share.Id} status must be available to shrink, but current status is: {status}.");
            var size = share.SizeAt(now);
            if (newSize <= 0 || newSize >= size)
                throw Bad($"Invalid input received: New size for shrink must be less than current size and greater than 0 (current: {size}, new: {newSize}).");
            share.BeginShrink(newSize, now, ShrinkDuration);
            return Wire.Empty(202);
        }
    }

    private static SfsShare Find(EmulatorState state, string projectId, string shareId) =>
        EmulatorServices.InProject(state, projectId) && state.Part<SfsStore>().Shares.TryGetValue(shareId, out var share)
            ? share
            : throw new DwsErrorException(404, "itemNotFound", $"Share {shareId} could not be found.");

    private static DwsErrorException Bad(string message) => DwsErrors.BadRequest("badRequest", message);
}

/// <summary>The SFS shares (one, seeded). Kept in memory only: not in the state file. Use under the state's gate.</summary>
public sealed class SfsStore
{
    public Dictionary<string, SfsShare> Shares { get; } = new(StringComparer.Ordinal);

    internal void Seed(DateTimeOffset now, EmulatorOptions options)
    {
        Shares.Clear();
        Shares[SfsService.SeededShareId] = new SfsShare(SfsService.SeededShareId, SfsService.SeededShareName, SfsService.SeededShareSize,
            options.Region + "a", options.ProjectId, now);
    }
}

/// <summary>A share: its status and size are derived from the last shrink and the clock.</summary>
public sealed class SfsShare(string id, string name, int size, string zone, string projectId, DateTimeOffset created)
{
    public string Id { get; } = id;
    private int _size = size;
    private int? _shrinkTo;
    private DateTimeOffset _shrinkEnds;

    internal void BeginShrink(int newSize, DateTimeOffset now, TimeSpan duration)
    {
        _size = SizeAt(now);
        _shrinkTo = newSize;
        _shrinkEnds = now + duration;
    }

    public string StatusAt(DateTimeOffset now) => _shrinkTo is not null && now < _shrinkEnds ? "shrinking" : "available";

    /// <summary>The size changes when the shrink ends, as Manila records it.</summary>
    public int SizeAt(DateTimeOffset now) => _shrinkTo is { } to && now >= _shrinkEnds ? to : _size;

    /// <summary>
    /// The share detail kept minimal: seed 002 names the read ("查询共享详细信息") but not its shape, so only the
    /// Manila share fields that show a shrink and identify the share.
    /// </summary>
    public JsonObject ToJson(DateTimeOffset now) => new()
    {
        ["id"] = Id,
        ["name"] = name,
        ["status"] = StatusAt(now),
        ["size"] = SizeAt(now),
        ["share_proto"] = "NFS",
        ["availability_zone"] = zone,
        ["project_id"] = projectId,
        ["created_at"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
    };
}
