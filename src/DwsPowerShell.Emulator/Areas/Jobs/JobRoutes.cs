using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Jobs;

/// <summary>5.13.1 Querying the Job Progress; plus the helper areas use to start jobs.</summary>
public static class JobRoutes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.Map(DwsOperations.S5_13_1, (string job_id, EmulatorState state) =>
        {
            lock (state.Gate)
            {
                if (!state.Jobs.TryGetValue(job_id, out var job)) throw DwsErrors.ResourceNotFound("job", job_id);
                return Wire.Json(ToJson(job, state.Clock.UtcNow));
            }
        });

    /// <summary>Creates a job (consuming a queued fail-next for its kind). Call under state.Gate.</summary>
    public static JobRecord Start(EmulatorState state, string kind, string jobName, string? clusterId, TimeSpan duration, JobFailure? failure)
    {
        var job = new JobRecord
        {
            JobId = EmulatorState.NewHexId(),
            JobName = jobName,
            Kind = kind,
            ClusterId = clusterId,
            BeginTime = state.Clock.UtcNow,
            Duration = duration,
            Failure = failure,
        };
        state.Jobs[job.JobId] = job;
        return job;
    }

    public static JsonObject ToJson(JobRecord job, DateTimeOffset now)
    {
        var p = Progress.At(job.BeginTime, job.Duration, job.Failure is not null, now);
        return new JsonObject
        {
            ["job_id"] = job.JobId,
            ["job_name"] = job.JobName,
            ["begin_time"] = Wire.IsoLocal(job.BeginTime),
            ["end_time"] = p.EndedAt is { } end ? Wire.IsoLocal(end) : null,
            ["status"] = p.State switch { RunState.Running => "RUNNING", RunState.Succeeded => "SUCCESS", _ => "FAIL" },
            ["failed_code"] = p.State == RunState.Failed ? job.Failure!.FailedCode : null,
            ["failed_detail"] = p.State == RunState.Failed ? job.Failure!.FailedDetail : null,
            ["progress"] = p.PercentText,
        };
    }
}
