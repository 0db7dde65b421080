using System.Text.Json.Serialization;
using DwsPowerShell.Client.Json;

namespace DwsPowerShell.Client.Models.Jobs;

/// <summary>An asynchronous job (5.13.1). Also what a call that starts a job returns, before its first poll.</summary>
public sealed class DwsJob
{
    public string JobId { get; set; } = string.Empty;

    public string? JobName { get; set; }

    public DateTimeOffset? BeginTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Documented value FAIL only (quirks.md 2.1); SUCCESS ends a job; anything else is still running.</summary>
    public string? Status { get; set; }

    public string? FailedCode { get; set; }

    public string? FailedDetail { get; set; }

    /// <summary>As the service sends it, e.g. "9%".</summary>
    public string? Progress { get; set; }

    /// <summary>The resource the job works on, when the call that started it said (the job itself does not).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    [JsonIgnore]
    public string Id => JobId;

    [JsonIgnore]
    public int? ProgressPercent
    {
        get
        {
            var n = Progress is null ? null : SafeParse(Progress);
            return n is null ? null : (int)Math.Max(0, Math.Min(100, n.Value));
        }
    }

    [JsonIgnore]
    public bool IsSucceeded => JobStatus.IsSuccess(Status);

    [JsonIgnore]
    public bool IsFailed => JobStatus.IsFailure(Status);

    [JsonIgnore]
    public bool IsFinished => IsSucceeded || IsFailed;

    public override string ToString() => $"{JobId} {JobName} {Status} {Progress}".Trim();

    private static decimal? SafeParse(string text)
    {
        try { return LenientNumberConverterFactory.ParseLoose(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}

/// <summary>Job status values (quirks.md 2.1), compared case-insensitively.</summary>
public static class JobStatus
{
    public static bool IsSuccess(string? status) => Is(status, "SUCCESS") || Is(status, "SUCCEEDED") || Is(status, "SUCCEED");

    public static bool IsFailure(string? status) => Is(status, "FAIL") || Is(status, "FAILED") || Is(status, "ERROR");

    private static bool Is(string? status, string value) => string.Equals(status?.Trim(), value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A job ended in FAIL: carries the service's failed_code and failed_detail.</summary>
public sealed class DwsJobFailedException : Exception
{
    public DwsJobFailedException(DwsJob job)
        : base($"Job {job.JobId}{(job.JobName is null ? "" : " (" + job.JobName + ")")} failed: {job.FailedCode ?? "no code"}: {job.FailedDetail ?? "no detail given"}")
    {
        Job = job;
    }

    public DwsJob Job { get; }

    public string? FailedCode => Job.FailedCode;

    public string? FailedDetail => Job.FailedDetail;
}
