namespace DwsPowerShell.Emulator.Core;

/// <summary>How 5.2.30 cluster-shrink answers: seed 000 (Chinese page) shows 202 + job_id, the English 5.2.30 shows 200 + DWS.0000.</summary>
public enum ShrinkAnswer
{
    Job202,
    Status200,
}

/// <summary>Emulated durations of each transition (emulated time; scaled by <see cref="EmulatorOptions.TimeScale"/>).</summary>
public sealed class EmulatorDurations
{
    public TimeSpan ClusterCreate { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan ClusterDelete { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan ClusterRestart { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan ClusterStart { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan ClusterStop { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan ClusterScaleOut { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan ClusterShrink { get; set; } = TimeSpan.FromMinutes(10);

    // Redistribution (5.2.31), disk expansion (5.2.38) and flavor change (5.2.57).
    public TimeSpan ClusterRedistribute { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan DiskExpand { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan FlavorChange { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class EmulatorOptions
{
    public string Region { get; set; } = "eu-west-101";
    public string ProjectId { get; set; } = "emulator0project0000000000000001";
    public string AccessKey { get; set; } = "EMULATORACCESSKEY001";
    public string SecretKey { get; set; } = "emulator-secret-key-do-not-use-in-production";
    public string IamUserName { get; set; } = "dwsadmin";
    public string IamPassword { get; set; } = "Emulator@123";
    public string IamDomainName { get; set; } = "emulator-domain";

    /// <summary>Emulated seconds per real second.</summary>
    public double TimeScale { get; set; } = 1;
    public EmulatorDurations Durations { get; set; } = new();
    public string? StateFile { get; set; }
    public List<FaultRule> Faults { get; set; } = [];
    public ShrinkAnswer ShrinkAnswer { get; set; } = ShrinkAnswer.Job202;
    public int RandomSeed { get; set; } = 20240620;

    /// <summary>Largest accepted distance between X-Sdk-Date and the real clock.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Largest accepted request body; past it the answer is 413 APIGW.0201 and the rest of the body is not read.
    /// 12 MiB is the API gateway's default (APIG FAQ "Does APIG Have a Limit on the Size of the API Request Body?").
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 12 * 1024 * 1024;

    /// <summary>Largest accepted total of the request's header names and values; past it the answer is 431 APIGW.0201.</summary>
    public int MaxRequestHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Real time source (tests may substitute a fake).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
