using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// /_emulator/ control routes: no auth, loopback callers only.
/// GET requests · DELETE requests · POST reset · GET clock · POST clock/advance {"seconds":n} ·
/// GET faults · PUT faults [FaultRule...] · POST jobs/fail-next {"kind","failed_code","failed_detail"} (kind: the work that
/// fails, such as shrink; "shrink-answer" makes the next scale-in answer 200 with that code instead of starting).
/// </summary>
internal static class ControlRoutes
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app)
    {
        var control = app.MapGroup("/_emulator").AddEndpointFilter(LoopbackOnly);
        control.MapGet("/requests", (EmulatorState state) => Results.Json(state.Requests, s_json));
        control.MapDelete("/requests", (EmulatorState state) =>
        {
            state.ClearRequests();
            return Results.NoContent();
        });
        control.MapPost("/reset", (EmulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        control.MapGet("/clock", (EmulatorClock clock) => ClockResult(clock));
        control.MapPost("/clock/advance", async (HttpContext http, EmulatorClock clock) =>
        {
            var body = await Wire.ReadObjectAsync(http, required: true);
            var seconds = body!["seconds"]?.GetValue<double>() ?? throw DwsErrors.Missing("seconds");
            if (seconds < 0) throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "seconds must not be negative.");
            clock.Advance(TimeSpan.FromSeconds(seconds));
            return ClockResult(clock);
        });
        control.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Rules, s_json));
        control.MapPut("/faults", async (HttpContext http, FaultInjector faults) =>
        {
            List<FaultRule>? rules;
            try
            {
                rules = await JsonSerializer.DeserializeAsync<List<FaultRule>>(http.Request.Body, s_json, http.RequestAborted);
            }
            catch (JsonException e)
            {
                throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid fault list: " + e.Message);
            }
            faults.SetRules(rules ?? []);
            return Results.Json(faults.Rules, s_json);
        });
        control.MapPost("/jobs/fail-next", async (HttpContext http, EmulatorState state) =>
        {
            var body = await Wire.ReadObjectAsync(http, required: true);
            var kind = Wire.RequireString(body!, "kind");
            var failure = new JobFailure(
                Wire.OptionalString(body!, "failed_code") ?? "EmulatorInjectedTask-fail:DWS.0005",
                Wire.OptionalString(body!, "failed_detail") ?? "DWS.0005:Failure injected by the emulator.");
            state.FailNext(kind, failure);
            return Results.NoContent();
        });
        Areas.Settings.SettingsRoutes.MapControl(control); // POST clusters/{id}/readonly | unbalanced
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
