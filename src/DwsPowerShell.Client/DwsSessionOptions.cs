using System.Net;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client;

/// <summary>Everything a <see cref="DwsSession"/> needs. Only the region (or an endpoint) is required.</summary>
public sealed class DwsSessionOptions
{
    /// <summary>Region such as <c>eu-west-101</c>; falls back to HUAWEICLOUD_SDK_REGION. Without an <see cref="Endpoint"/> it must be one of <see cref="DwsRegions.All"/>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// The cloud whose regions and endpoints apply (<see cref="DwsClouds"/>: Huawei Cloud, Huawei Cloud Europe, Open
    /// Telekom Cloud, or <see cref="DwsClouds.Custom"/> for a domain of one's own); a profile may name one; default Huawei Cloud.
    /// </summary>
    public DwsCloud? Cloud { get; set; }

    /// <summary>
    /// A profile of the credentials file (<c>~/.huaweicloud/credentials</c>): its [name] section gives ak, sk, and
    /// optionally security_token, project_id, region, iam_endpoint, cloud or domain. Null reads [basic] after the variables.
    /// </summary>
    public string? ProfileName { get; set; }

    /// <summary>Overrides the region's DWS endpoint from <see cref="DwsRegions"/> (a private or newer region, a private endpoint, the emulator). Never with user:password@ (refused).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Overrides the region's IAM endpoint from its cloud. An explicit <see cref="Endpoint"/> does not move IAM, unless it is
    /// on loopback (the emulator serves IAM and every service) or the region is not one the cloud knows.
    /// </summary>
    public Uri? IamEndpoint { get; set; }

    /// <summary>Project ID; looked up once from IAM (<c>GET /v3/projects?name={region}</c>) when absent. Checked when the session is made (<see cref="DwsSessionChecks.CheckProjectId"/>).</summary>
    public string? ProjectId { get; set; }

    /// <summary>Explicit credentials; when null the chain (environment, credentials file) is searched.</summary>
    public DwsCredentials? Credentials { get; set; }

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt of a retryable call.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// No single retry delay (including a server's Retry-After) exceeds this. A Retry-After longer than what is left
    /// of <see cref="TotalTimeout"/> is not waited for at all: the call fails at once, its error saying when to try again.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Total time for one call, all attempts and delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    private long _maxResponseBytes = DefaultMaxResponseBytes;

    /// <summary>
    /// The most one HTTP answer may hold, counted after decompression (default 16 MiB). A larger answer fails the call
    /// with DWS.Client.ResponseTooLarge and is not retried; a Content-Length above it is refused before the body is read.
    /// The default is far above any real DWS answer (the largest, a page of 1,000 records, is a few MB) and bounds what
    /// a broken or hostile server can cost: an endless body or a gzip bomb stops here instead of growing the process
    /// by gigabytes. Between 1 and <see cref="int.MaxValue"/> bytes.
    /// </summary>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        set => _maxResponseBytes = value is >= 1 and <= int.MaxValue ? value : throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), value,
            $"MaxResponseBytes must be between 1 and {int.MaxValue} bytes (the default is {DefaultMaxResponseBytes}, 16 MiB).");
    }

    /// <summary>Proxy for every request; its user name and password go in its Credentials, never in its URL (refused).</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Turns TLS certificate validation off. Off by default; only for test endpoints.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>Receives one line per request and retry; never given a secret.</summary>
    public Action<DwsLogEntry>? Log { get; set; }

    /// <summary>Test seam: wraps or replaces the HTTP handler (for example an in-memory server).</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? ConfigureHandler { get; set; }

    /// <summary>Test seam: where the credential chain reads environment variables and the home folder.</summary>
    public ICredentialEnvironment? Environment { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal DwsSessionOptions Clone() => (DwsSessionOptions)MemberwiseClone();
}

public enum DwsLogLevel { Verbose, Debug, Warning }

/// <summary>A log line. Messages are built from method, path, status and timings only.</summary>
public sealed class DwsLogEntry
{
    public DwsLogEntry(DwsLogLevel level, string message)
    {
        Level = level;
        Message = message;
    }

    public DwsLogLevel Level { get; }

    public string Message { get; }

    public override string ToString() => Message;
}
