using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>Failure to report for a job or operation (5.13.1 failed_code / failed_detail).</summary>
public sealed record JobFailure(string FailedCode, string FailedDetail);

public sealed class JobRecord
{
    public string JobId { get; set; } = "";
    public string JobName { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? ClusterId { get; set; }
    public DateTimeOffset BeginTime { get; set; }
    public TimeSpan Duration { get; set; }
    public JobFailure? Failure { get; set; }
}

/// <summary>
/// One request as the emulator saw it: no header values, and the JSON body as the handler read it with every
/// secret masked (<see cref="RequestLogMiddleware.Redacted"/>), so tests can check what was sent but nothing secret is kept.
/// </summary>
public sealed record RequestLogEntry(
    string RequestId,
    DateTimeOffset Time,
    string Method,
    string RawTarget,
    int Status,
    string? Fault,
    bool FaultAfterHandler,
    bool HandlerRan,
    bool Mutation,
    JsonObject? Body = null);
