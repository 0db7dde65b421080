using System.Text.Json.Serialization;
using DwsPowerShell.Client.Json;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The body of 5.2.31 Delivering Redistribution: redis_mode online|offline (lowercase here), parallel_jobs 1-32.</summary>
public sealed class StartRedistributionRequest : Clusters.IValidatedRequest
{
    public const int MaxParallelJobs = 32;

    public StartRedistributionRequest()
    {
    }

    public StartRedistributionRequest(string mode, int parallelJobs)
    {
        RedisMode = mode;
        ParallelJobs = parallelJobs;
    }

    public string? RedisMode { get; set; }

    public int ParallelJobs { get; set; } = 4;

    public void Validate()
    {
        RedisMode = RedistributionMode.ForRedistribution(RedisMode ?? RedistributionMode.Offline, "RedistributionMode");
        RedistributionMode.ParallelJobs(ParallelJobs, MaxParallelJobs, "ParallelJobs", "delivering redistribution (5.2.31)");
    }

    public override string ToString() => $"{RedisMode} redistribution, {ParallelJobs} parallel job(s)";
}

/// <summary>
/// The 5.2.23/5.2.24 answer: three pairs of error fields, any of which may be null (quirks.md 1.3).
/// </summary>
public sealed class RedistributionActionResponse
{
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("retCode")]
    public string? RetCode { get; set; }

    [JsonPropertyName("retMessage")]
    public string? RetMessage { get; set; }

    [JsonPropertyName("errCode")]
    public string? ErrCode { get; set; }

    [JsonPropertyName("externalMessage")]
    public string? ExternalMessage { get; set; }

    /// <summary>The first code any of the three pairs gives.</summary>
    [JsonIgnore]
    public string? Code => ErrorCode ?? ErrCode ?? RetCode;

    [JsonIgnore]
    public string? Message => ErrorMessage ?? ExternalMessage ?? RetMessage;
}

/// <summary>
/// 5.2.32 Querying Redistribution Details: redistribution info plus what may be done now
/// (suspend, resume, retry...). <see cref="ClusterId"/> is the cluster asked about.
/// </summary>
public sealed class ClusterRedistribution
{
    public RedistributionInfo? RedisInfo { get; set; }

    public bool? ScheduleMode { get; set; }

    public bool? PauseEnable { get; set; }

    public bool? RecoverEnable { get; set; }

    public bool? RetryEnable { get; set; }

    public bool? UpdateEnable { get; set; }

    public bool? ControlEnable { get; set; }

    /// <summary>"DWS.0000" on success (quirks.md 1.2: the HTTP status decides).</summary>
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonIgnore]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>redis_info.status ("" when no redistribution ran).</summary>
    [JsonIgnore]
    public string? Status => RedisInfo?.Status;

    [JsonIgnore]
    public string? Mode => RedisInfo?.RedisConf?.RedisMode;

    [JsonIgnore]
    public int? TotalProgress => RedisInfo?.RedisProcess?.TotalProgress;

    [JsonIgnore]
    public string? RedisRate => RedisInfo?.RedisProcess?.RedisRate;

    public override string ToString() => $"{ClusterId}: {(string.IsNullOrEmpty(Status) ? "no redistribution" : Status)} {TotalProgress}%".Trim();
}

/// <summary>RdsRedisInfo (5.2.32 table 5-142).</summary>
public sealed class RedistributionInfo
{
    public string? Id { get; set; }

    public string? ClusterId { get; set; }

    /// <summary>As sent; "" when none.</summary>
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Status { get; set; }

    public RedistributionConfig? RedisConf { get; set; }

    public RedistributionProgress? RedisProcess { get; set; }

    public RedistributionTableDetail? RedisTableDetail { get; set; }
}

/// <summary>
/// RedisConf (5.2.32 table 5-143). The table says parallel_jobs and parallel_job; the example returns
/// parallel_jobs and parallelJobs (quirks.md 5.1): all three are read, <see cref="EffectiveParallelJobs"/> picks one.
/// </summary>
public sealed class RedistributionConfig
{
    public string? RedisMode { get; set; }

    public RedistributionSchedule? ScheduleConf { get; set; }

    public int? ParallelJobs { get; set; }

    [JsonPropertyName("parallelJobs")]
    public int? ParallelJobsCamelCase { get; set; }

    public int? ParallelJob { get; set; }

    [JsonIgnore]
    public int? EffectiveParallelJobs => ParallelJobs ?? ParallelJobsCamelCase ?? ParallelJob;
}

/// <summary>
/// ScheduleConf (5.2.32 table 5-144): documented snake_case, returned camelCase in the example
/// (quirks.md 5.1). Both spellings are read; the plain properties give whichever came.
/// </summary>
public sealed class RedistributionSchedule
{
    [JsonPropertyName("schedule_start")]
    public string? ScheduleStartSnakeCase { get; set; }

    [JsonPropertyName("scheduleStart")]
    public string? ScheduleStartCamelCase { get; set; }

    [JsonPropertyName("schedule_end")]
    public string? ScheduleEndSnakeCase { get; set; }

    [JsonPropertyName("scheduleEnd")]
    public string? ScheduleEndCamelCase { get; set; }

    [JsonPropertyName("schedule_type")]
    public string? ScheduleTypeSnakeCase { get; set; }

    [JsonPropertyName("scheduleType")]
    public string? ScheduleTypeCamelCase { get; set; }

    [JsonPropertyName("schedule_date")]
    public List<int>? ScheduleDateSnakeCase { get; set; }

    [JsonPropertyName("scheduleDate")]
    public List<int>? ScheduleDateCamelCase { get; set; }

    [JsonPropertyName("schedule_time")]
    public List<string>? ScheduleTimeSnakeCase { get; set; }

    [JsonPropertyName("scheduleTime")]
    public List<string>? ScheduleTimeCamelCase { get; set; }

    [JsonIgnore]
    public string? ScheduleStart => ScheduleStartSnakeCase ?? ScheduleStartCamelCase;

    [JsonIgnore]
    public string? ScheduleEnd => ScheduleEndSnakeCase ?? ScheduleEndCamelCase;

    [JsonIgnore]
    public string? ScheduleType => ScheduleTypeSnakeCase ?? ScheduleTypeCamelCase;

    [JsonIgnore]
    public IReadOnlyList<int>? ScheduleDate => ScheduleDateSnakeCase ?? ScheduleDateCamelCase;

    [JsonIgnore]
    public IReadOnlyList<string>? ScheduleTime => ScheduleTimeSnakeCase ?? ScheduleTimeCamelCase;
}

/// <summary>RedisProgress (5.2.32 table 5-145). <see cref="RedisRate"/> carries its unit, e.g. "0 KB/s" (quirks.md 6).</summary>
public sealed class RedistributionProgress
{
    public long? BytesDone { get; set; }

    public long? ByteLeft { get; set; }

    public int? TablesDone { get; set; }

    public int? TablesLeft { get; set; }

    public int? TableProgress { get; set; }

    public int? TotalProgress { get; set; }

    /// <summary>As sent, with its unit ("0 KB/s").</summary>
    public string? RedisRate { get; set; }

    public string? EstimatedTime { get; set; }

    public bool? Completed { get; set; }

    public bool? Initialed { get; set; }

    public int? FailCount { get; set; }

    /// <summary>The cm_ctl result.</summary>
    public bool? Redistributing { get; set; }

    public string? Status { get; set; }

    public bool? PauseByUser { get; set; }

    /// <summary>In the example only (not in table 5-145).</summary>
    public string? TotalRedisRate { get; set; }

    /// <summary>The number in <see cref="RedisRate"/> converted to KB/s (B/s, KB/s, MB/s, GB/s understood), or null.</summary>
    [JsonIgnore]
    public decimal? RedisRateKBps => RateToKBps(RedisRate);

    internal static decimal? RateToKBps(string? rate)
    {
        if (string.IsNullOrWhiteSpace(rate)) return null;
        decimal? number;
        try { number = LenientNumberConverterFactory.ParseLoose(rate); }
        catch (System.Text.Json.JsonException) { return null; }
        if (number is null) return null;
        var unit = new string(rate!.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        return unit switch
        {
            "BS" or "B" => number / 1024m,
            "MBS" or "MB" => number * 1024m,
            "GBS" or "GB" => number * 1024m * 1024m,
            _ => number,
        };
    }
}

/// <summary>RedisTableDetail (5.2.32 table 5-146): one page of tables.</summary>
public sealed class RedistributionTableDetail
{
    public List<RedistributionTable>? Data { get; set; }

    public int? Total { get; set; }
}

/// <summary>RedisTable (5.2.32 table 5-147): status i (in progress), y (done), n (not started).</summary>
public sealed class RedistributionTable
{
    public string? TableName { get; set; }

    public int? Id { get; set; }

    public string? SchemaName { get; set; }

    public string? LogicalClusterName { get; set; }

    /// <summary>Table size in bytes.</summary>
    public long? Size { get; set; }

    public string? Status { get; set; }

    [JsonIgnore]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Status in words: InProgress (i), Completed (y), NotStarted (n), else the raw value.</summary>
    [JsonIgnore]
    public string? State => Status?.Trim().ToLowerInvariant() switch
    {
        "i" => "InProgress",
        "y" => "Completed",
        "n" => "NotStarted",
        _ => Status,
    };

    public override string ToString() => $"{SchemaName}.{TableName} {State}";
}
