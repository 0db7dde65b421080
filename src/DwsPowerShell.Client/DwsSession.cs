using System.Text.Json;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Areas;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client;

/// <summary>
/// Credentials, region, project and one transport, with one typed area per part of the API.
/// Thread-safe: one session serves any number of concurrent calls.
/// </summary>
public sealed class DwsSession : IDisposable
{
    private readonly SemaphoreSlim _projectLock = new(1, 1);
    private readonly IamTokenAuthenticator? _iamToken;
    private string? _projectId;
    private readonly bool _gateway;

    public DwsSession(DwsSessionOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        Options = options.Clone();
        var resolved = CredentialChain.Resolve(Options.Credentials, Options.Environment, Options.ProfileName);
        Credentials = resolved.Credentials;
        Cloud = Options.Cloud ?? resolved.Cloud ?? DwsClouds.HuaweiCloud;
        Region = FirstNonBlank(Options.Region, resolved.Region);
        // A project ID goes into every path and the X-Project-Id header: checked here, before anything is sent.
        if (FirstNonBlank(Options.ProjectId) is { } given) _projectId = DwsSessionChecks.CheckProjectId(given, nameof(DwsSessionOptions.ProjectId));
        else if (FirstNonBlank(resolved.ProjectId) is { } found) _projectId = DwsSessionChecks.CheckProjectId(found, resolved.ProjectIdSource ?? CredentialChain.ProjectIdVariable);

        DwsRegion? known = null;
        var regionSource = string.IsNullOrWhiteSpace(Options.Region) ? resolved.RegionSource ?? CredentialChain.RegionVariable : nameof(DwsSessionOptions.Region);
        if (Options.Endpoint is null)
        {
            if (Region is null)
            {
                throw new DwsConfigurationException(
                    $"No region was given: set Region (for example {Cloud.Regions.FirstOrDefault()?.Id ?? "eu-west-101"}), or {CredentialChain.RegionVariable}, or give an Endpoint.");
            }
            // A region alone must name a known one: a mistyped region would otherwise only fail at the first call, on DNS.
            known = Cloud.FindRegion(Region) ?? throw new DwsUnknownRegionException(Region, regionSource, Cloud);
            Region = known.Id;
        }
        Endpoint = Options.Endpoint ?? known!.Endpoint;
        // An explicit endpoint is the DWS endpoint only (a VPC endpoint, a newer region): IAM and the other services stay
        // the cloud's when the region is one of its own. A loopback endpoint (the emulator) stands for the whole gateway.
        _gateway = Options.Endpoint is { } explicitEndpoint && (explicitEndpoint.IsLoopback || Region is null || Cloud.FindRegion(Region) is null);
        if (Options.Endpoint is not null && !_gateway) known = Cloud.FindRegion(Region);
        IamEndpoint = Options.IamEndpoint ?? resolved.IamEndpoint ?? (_gateway ? Options.Endpoint! : known!.IamEndpoint);
        if (Options.Endpoint is not null) DwsSessionChecks.CheckEndpoint(Endpoint, nameof(DwsSessionOptions.Endpoint));
        DwsSessionChecks.CheckEndpoint(IamEndpoint, Options.IamEndpoint is null && resolved.IamEndpoint is not null
            ? $"The iam_endpoint in '{resolved.Credentials.Source}'" : nameof(DwsSessionOptions.IamEndpoint));
        DwsSessionChecks.CheckProxy(Options.Proxy, nameof(DwsSessionOptions.Proxy), "the WebProxy's Credentials", Endpoint, IamEndpoint);

        IRequestAuthenticator authenticator = Credentials switch
        {
            AccessKeyCredentials ak => new AccessKeyAuthenticator(ak, Options.TimeProvider),
            TokenCredentials token => new StaticTokenAuthenticator(token),
            IamPasswordCredentials password => _iamToken = new IamTokenAuthenticator(password, RequireRegion, Options.TimeProvider),
            _ => throw new DwsConfigurationException($"Unsupported credentials: {Credentials.Kind}."),
        };
        Transport = new DwsTransport(Endpoint, IamEndpoint, authenticator, GetProjectIdAsync, Options);
        _iamToken?.Attach(Transport);

        AvailabilityZones = new AvailabilityZonesApi(Transport);
        Clusters = new ClustersApi(Transport);
        Snapshots = new SnapshotsApi(Transport);
        Jobs = new JobsApi(Transport);
        Workload = new WorkloadApi(Transport);
        Connections = new ConnectionsApi(Transport);
        Tags = new TagsApi(Transport);
        Quotas = new QuotasApi(Transport);
    }

    public DwsSessionOptions Options { get; }

    /// <summary>Which credentials are in use (printable: no secret).</summary>
    public DwsCredentials Credentials { get; }

    public string? Region { get; }

    /// <summary>The cloud the region belongs to (<see cref="DwsClouds"/>).</summary>
    public DwsCloud Cloud { get; }

    /// <summary>
    /// The endpoint of a service on the same credentials: <c>dws</c> is <see cref="Endpoint"/>, <c>iam</c>
    /// <see cref="IamEndpoint"/>; any other is the region's <c>https://{service}.{region}.{domain}</c> in the session's
    /// cloud. A session whose explicit Endpoint is on loopback (the emulator), or names a region its cloud does not know,
    /// sends every service there.
    /// </summary>
    public Uri ServiceEndpoint(string service)
    {
        var name = (service ?? "").Trim().ToLowerInvariant();
        if (name == "dws") return Endpoint;
        if (name == "iam") return IamEndpoint;
        if (_gateway)
        {
            // Checked as a name all the same, so a typo fails the same way with or without a gateway.
            DwsRegion.CheckServiceName(name);
            return Endpoint;
        }
        var region = Cloud.FindRegion(Region) ?? throw new DwsConfigurationException(
            $"The endpoint of service '{name}' cannot be derived without a known region of {Cloud.Description}: give the full URL instead.");
        return region.ServiceEndpoint(name);
    }

    public Uri Endpoint { get; }

    public Uri IamEndpoint { get; }

    /// <summary>The project ID if known yet (it is looked up on first use otherwise).</summary>
    public string? ProjectId => _projectId;

    public DwsTransport Transport { get; }

    /// <summary>Availability zones (5.1).</summary>
    public AvailabilityZonesApi AvailabilityZones { get; }

    /// <summary>Clusters (5.2): lifecycle, logical clusters, nodes, parameters, resizing, settings and system tags.</summary>
    public ClustersApi Clusters { get; }

    public SnapshotsApi Snapshots { get; }

    public JobsApi Jobs { get; }

    public WorkloadApi Workload { get; }

    /// <summary>Connection management (5.9): domain names, ELBs, EIPs, endpoints.</summary>
    public ConnectionsApi Connections { get; }

    /// <summary>Tag management (5.10).</summary>
    public TagsApi Tags { get; }

    /// <summary>Quota management (5.11).</summary>
    public QuotasApi Quotas { get; }

    /// <summary>The project ID, looked up once from IAM (GET /v3/projects?name={region}) when not given.</summary>
    public async ValueTask<string> GetProjectIdAsync(CancellationToken cancellationToken = default)
    {
        if (_projectId is { } known) return known;
        await _projectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_projectId is { } again) return again;
            if (_iamToken is not null)
            {
                var token = await _iamToken.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                if (FirstNonBlank(token.ProjectId) is { } fromToken) return KeepIamProjectId(fromToken, "POST", "/v3/auth/tokens", "IAM's token names");
            }
            var region = RequireRegion();
            var response = await Transport.SendAsync(DwsRequest.Get("/v3/projects").Query("name", region).ForIam(), cancellationToken).ConfigureAwait(false);
            // Only an answer that lists projects can say the region has none; anything else is an unusable answer.
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(response.Body) ? "null" : response.Body);
            }
            catch (JsonException)
            {
                throw DwsErrorMapper.UnusableAnswer("GET", "/v3/projects", "IAM's project list could not be read as JSON.");
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object
                    || !doc.RootElement.TryGetProperty("projects", out var projects) || projects.ValueKind != JsonValueKind.Array)
                {
                    throw DwsErrorMapper.UnusableAnswer("GET", "/v3/projects", "IAM's answer has no project list.");
                }
                foreach (var p in projects.EnumerateArray())
                {
                    if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                        && id.GetString() is { Length: > 0 } value)
                    {
                        return KeepIamProjectId(value, "GET", "/v3/projects", "IAM's project list gives");
                    }
                }
            }
            throw new DwsConfigurationException($"IAM has no project named '{region}' for these credentials: give the project ID, or check the region.");
        }
        finally
        {
            _projectLock.Release();
        }
    }

    /// <summary>A project ID IAM gave (in its token or its project list): kept when it passes the check every project ID passes, an unusable answer otherwise.</summary>
    private string KeepIamProjectId(string value, string method, string path, string source)
    {
        if (DwsSessionChecks.ProjectIdProblem(value) is { } problem)
        {
            throw DwsErrorMapper.UnusableAnswer(method, path, $"{source} the project ID {DwsSessionChecks.Shown(value)}, which is not one: {problem}.");
        }
        return _projectId = value;
    }

    public override string ToString() => $"DWS {Endpoint} ({Credentials.Kind}, project {ProjectId ?? "not yet known"})";

    public void Dispose() => Transport.Dispose();

    private string RequireRegion() => Region ?? throw new DwsConfigurationException(
        $"The project ID cannot be looked up without a region: set Region or {CredentialChain.RegionVariable}, or give the project ID.");

    private static string? FirstNonBlank(params string?[] values)
    {
        foreach (var v in values) if (!string.IsNullOrWhiteSpace(v)) return v!.Trim();
        return null;
    }
}
