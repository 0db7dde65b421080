using System.Text.Json;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Auth;

/// <summary>
/// Exchanges an IAM user's password for a project-scoped token (POST /v3/auth/tokens), caches it,
/// renews it before its 24 h expiry and once after a 401. Safe to use from many threads.
/// </summary>
internal sealed class IamTokenAuthenticator : IRequestAuthenticator
{
    /// <summary>Renew this long before the token's own expiry.</summary>
    internal static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(30);

    private readonly IamPasswordCredentials _credentials;
    private readonly Func<string> _projectName;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private DwsTransport? _transport;
    private CachedToken? _cached;

    public IamTokenAuthenticator(IamPasswordCredentials credentials, Func<string> projectName, TimeProvider time)
    {
        _credentials = credentials;
        _projectName = projectName;
        _time = time;
    }

    /// <summary>The project ID that came with the token, if one has been fetched.</summary>
    public string? ProjectId => Volatile.Read(ref _cached)?.ProjectId;

    /// <summary>How many tokens have been fetched (for tests and diagnostics).</summary>
    public int TokensIssued { get; private set; }

    internal void Attach(DwsTransport transport) => _transport = transport;

    public async ValueTask AuthenticateAsync(SigningRequest request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers["X-Auth-Token"] = token.Value;
    }

    public bool TryInvalidate(string? rejected)
    {
        var current = _cached;
        // Only drop the token the server rejected: a late 401 for an older token must not discard a renewed one.
        if (current is not null && (rejected is null || current.Value == rejected))
        {
            Interlocked.CompareExchange(ref _cached, null, current);
        }
        return true;
    }

    internal async Task<CachedToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _cached);
        if (current is not null && _time.GetUtcNow() < current.RenewAt) return current;

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = Volatile.Read(ref _cached);
            if (current is not null && _time.GetUtcNow() < current.RenewAt) return current;
            current = await IssueAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, current);
            TokensIssued++;
            return current;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<CachedToken> IssueAsync(CancellationToken cancellationToken)
    {
        var transport = _transport ?? throw new InvalidOperationException("The authenticator is not attached to a transport.");
        var body = new Dictionary<string, object>
        {
            ["auth"] = new Dictionary<string, object>
            {
                ["identity"] = new Dictionary<string, object>
                {
                    ["methods"] = new[] { "password" },
                    ["password"] = new Dictionary<string, object>
                    {
                        ["user"] = new Dictionary<string, object>
                        {
                            ["name"] = _credentials.UserName,
                            ["password"] = _credentials.Password,
                            ["domain"] = new Dictionary<string, object> { ["name"] = _credentials.DomainName },
                        },
                    },
                },
                ["scope"] = new Dictionary<string, object>
                {
                    ["project"] = new Dictionary<string, object> { ["name"] = _projectName() },
                },
            },
        };
        var request = DwsRequest.Post("/v3/auth/tokens").AsRead().WithBody(body).ForIam(anonymous: true);
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var token = response.Header("X-Subject-Token");
        if (string.IsNullOrEmpty(token))
        {
            throw new DwsConfigurationException("IAM answered the token request without an X-Subject-Token header: check the IAM endpoint.");
        }

        var now = _time.GetUtcNow();
        var expires = now.AddHours(24);
        string? projectId = null;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                if (t.TryGetProperty("expires_at", out var e) && e.ValueKind == JsonValueKind.String && DwsTime.TryParse(e.GetString(), out var parsed)) expires = parsed;
                if (t.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id", out var id)
                    && id.ValueKind == JsonValueKind.String) projectId = id.GetString();
            }
        }
        catch (JsonException)
        {
            // The header is what matters; the body only refines expiry and project.
        }

        var lifetime = expires - now;
        var renewAt = lifetime > RenewBefore + RenewBefore ? expires - RenewBefore : now + TimeSpan.FromTicks(lifetime.Ticks / 2);
        return new CachedToken(token!, renewAt, projectId);
    }

    internal sealed class CachedToken
    {
        public CachedToken(string value, DateTimeOffset renewAt, string? projectId)
        {
            Value = value;
            RenewAt = renewAt;
            ProjectId = projectId;
        }

        public string Value { get; }
        public DateTimeOffset RenewAt { get; }
        public string? ProjectId { get; }

        public override string ToString() => $"IAM token (renew at {RenewAt:u})";
    }
}
