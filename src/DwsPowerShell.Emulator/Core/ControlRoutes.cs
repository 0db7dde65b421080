using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// /_emulator/ control routes: no auth, loopback callers only.
/// GET requests · DELETE requests · POST reset · GET clock · POST clock/advance {"seconds":n} ·
/// GET faults · PUT faults [FaultRule...] · POST jobs/fail-next {"kind","failed_code","failed_detail"} (kind: the work that
/// fails, such as shrink; "shrink-answer" makes the next scale-in answer 200 with that code instead of starting).
/// Areas add their own (<see cref="IEmulatorArea.MapControl"/>).
/// </summary>
internal static class ControlRoutes
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Fault lists: a misspelt field is refused rather than left at its default.</summary>
    private static readonly JsonSerializerOptions s_faultJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Largest single clock advance: 100 years.</summary>
    public const double MaxAdvanceSeconds = 100 * 365.25 * 24 * 3600;

    /// <summary>The emulated clock stops short of this, so dates stay printable.</summary>
    private static readonly DateTimeOffset s_clockCeiling = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Maps the core's control routes; returns the group the areas add theirs to (<see cref="IEmulatorArea.MapControl"/>).</summary>
    public static RouteGroupBuilder Map(WebApplication app)
    {
        var control = app.MapGroup("/_emulator").AddEndpointFilter(LoopbackOnly);
        control.MapGet("/requests", (EmulatorState state) => Results.Json(state.Requests, s_json)).WithMetadata(StateUnchanged.Instance);
        control.MapDelete("/requests", (EmulatorState state) =>
        {
            state.ClearRequests();
            return Results.NoContent();
        }).WithMetadata(StateUnchanged.Instance);
        control.MapPost("/reset", (EmulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        control.MapGet("/clock", (EmulatorClock clock) => ClockResult(clock)).WithMetadata(StateUnchanged.Instance);
        control.MapPost("/clock/advance", async (HttpContext http, EmulatorClock clock) =>
        {
            var body = await Wire.ReadObjectAsync(http, required: true);
            var seconds = body!["seconds"] switch
            {
                null => throw DwsErrors.Missing("seconds"),
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue(out double d) ? d : double.PositiveInfinity,
                _ => throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: seconds must be a number (for example 600)."),
            };
            if (!(seconds >= 0 && seconds <= MaxAdvanceSeconds))
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange,
                    $"seconds must be from 0 to {MaxAdvanceSeconds:0} (100 years), not {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            var by = TimeSpan.FromSeconds(seconds);
            if (by > s_clockCeiling - clock.UtcNow)
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"seconds would move the emulated clock past {s_clockCeiling:yyyy-MM-dd}.");
            clock.Advance(by);
            return ClockResult(clock);
        }).WithMetadata(StateUnchanged.Instance);
        control.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Rules, s_json)).WithMetadata(StateUnchanged.Instance);
        control.MapPut("/faults", async (HttpContext http, FaultInjector faults) =>
        {
            List<FaultRule>? rules;
            try
            {
                rules = await JsonSerializer.DeserializeAsync<List<FaultRule>>(http.Request.Body, s_faultJson, http.RequestAborted);
            }
            catch (JsonException e)
            {
                throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid fault list: " + e.Message);
            }
            for (var i = 0; i < (rules?.Count ?? 0); i++)
            {
                if (rules![i] is null) throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, $"Invalid fault list: fault [{i}] is null, not an object.");
                if (rules[i].Problem() is { } problem) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"Invalid fault list: fault [{i}]: {problem}");
            }
            faults.SetRules(rules ?? []);
            return Results.Json(faults.Rules, s_json);
        }).WithMetadata(StateUnchanged.Instance);
        control.MapPost("/jobs/fail-next", async (HttpContext http, EmulatorState state) =>
        {
            var body = await Wire.ReadObjectAsync(http, required: true);
            var kind = Wire.RequireString(body!, "kind");
            if (!FailureKinds.IsKnown(kind))
                throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"kind '{kind}' is not work the emulator can fail; use one of {string.Join(", ", FailureKinds.All)}.");
            var failure = new JobFailure(
                Wire.OptionalString(body!, "failed_code") ?? "EmulatorInjectedTask-fail:DWS.0005",
                Wire.OptionalString(body!, "failed_detail") ?? "DWS.0005:Failure injected by the emulator.");
            state.FailNext(kind, failure);
            return Results.NoContent();
        });
        return control;
    }

    private static IResult ClockResult(EmulatorClock clock) =>
        Wire.Json(new JsonObject { ["now"] = clock.UtcNow.ToString("O"), ["time_scale"] = clock.TimeScale });

    private static ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
            return ValueTask.FromResult<object?>(Results.StatusCode(403));
        return next(context);
    }
}
