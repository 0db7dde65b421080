using System.Globalization;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Emulator.Core;

[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    Latency,
    Throttle429,
    Status500,
    Status502,
    Status503,
    Status504,
    ConnectionReset,
    TruncatedBody,
    NonJsonBody,

    /// <summary>HTTP 200 with <see cref="FaultRule.Body"/> as a JSON answer (null, {}, an error object...): a success status whose body is not the answer.</summary>
    Body200,
}

/// <summary>
/// One fault: requests matching <see cref="Route"/> ("METHOD /path/glob", "/path/glob" or "*"; '*' matches one path
/// segment, '**' anything; the glob is tried against the raw path and the route template) get <see cref="Kind"/>
/// with probability <see cref="Rate"/>, at most <see cref="MaxCount"/> times.
/// </summary>
public sealed class FaultRule
{
    public string Route { get; set; } = "*";
    public FaultKind Kind { get; set; }
    public double Rate { get; set; } = 1;
    public int LatencyMs { get; set; } = 1000;
    public int RetryAfterSeconds { get; set; } = 1;
    public int? MaxCount { get; set; }

    /// <summary>The body of a <see cref="FaultKind.Body200"/> answer, as sent (default <c>null</c>; empty for no body).</summary>
    public string Body { get; set; } = "null";

    /// <summary>Inject after the handler ran: the mutation is applied, the answer is lost.</summary>
    public bool AfterHandler { get; set; }

    /// <summary>Parses "route=GET /v1.0/*/clusters,kind=Status503,rate=0.5,max=3,ms=200,retry-after=2,after=true".</summary>
    public static FaultRule Parse(string spec)
    {
        var rule = new FaultRule();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) throw new FormatException($"Fault setting '{part}' is not key=value.");
            var key = part[..eq].Trim().ToLowerInvariant();
            var value = part[(eq + 1)..].Trim();
            switch (key)
            {
                case "route": rule.Route = value; break;
                case "kind":
                    rule.Kind = Enum.TryParse<FaultKind>(value, ignoreCase: true, out var kind) && !int.TryParse(value, out _)
                        ? kind
                        : throw new FormatException($"Fault kind '{value}' is not one of {string.Join(", ", Enum.GetNames<FaultKind>())}.");
                    break;
                case "rate": rule.Rate = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "ms" or "latency" or "latencyms": rule.LatencyMs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "retry-after" or "retryafter": rule.RetryAfterSeconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "max" or "maxcount": rule.MaxCount = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "after" or "afterhandler": rule.AfterHandler = bool.Parse(value); break;
                case "body": rule.Body = value; break;
                default: throw new FormatException($"Unknown fault setting '{key}'.");
            }
        }
        if (rule.Problem() is { } problem) throw new FormatException("Fault " + problem);
        return rule;
    }

    /// <summary>Longest latency a rule may add: 10 minutes, past any client's timeout.</summary>
    public const int MaxLatencyMs = 600_000;

    /// <summary>Largest Retry-After: a day.</summary>
    public const int MaxRetryAfterSeconds = 86_400;

    /// <summary>What makes this rule one the emulator cannot honour (e.g. "latencyMs must be ..."), or null.</summary>
    public string? Problem()
    {
        if (Route is null) return "route must be a string such as \"GET /v1.0/*/clusters\" or \"*\".";
        if (!Enum.IsDefined(Kind)) return $"kind must be one of {string.Join(", ", Enum.GetNames<FaultKind>())}.";
        if (!(Rate >= 0 && Rate <= 1)) return $"rate must be from 0 to 1, not {Rate.ToString(CultureInfo.InvariantCulture)}.";
        if (LatencyMs is < 0 or > MaxLatencyMs) return $"latencyMs must be from 0 to {MaxLatencyMs} (10 minutes), not {LatencyMs}.";
        if (RetryAfterSeconds is < 0 or > MaxRetryAfterSeconds) return $"retryAfterSeconds must be from 0 to {MaxRetryAfterSeconds} (a day), not {RetryAfterSeconds}.";
        if (MaxCount < 0) return $"maxCount must be 0 or more (or absent for no limit), not {MaxCount}.";
        if (Body is null) return "body must be a string: the JSON text a Body200 answer sends (\"null\", \"{}\"...).";
        return null;
    }
}
