namespace DwsPowerShell.Client.Auth;

/// <summary>Adds credentials to an outgoing request's headers.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Adds Authorization / X-Auth-Token (and signing headers) to <paramref name="request"/>.</summary>
    ValueTask AuthenticateAsync(SigningRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// After a 401: drops the cached token so the next attempt fetches a new one. False when there is nothing
    /// to renew. <paramref name="rejected"/> is the request's <c>X-Auth-Token</c>; a token that has already been
    /// replaced is not dropped again (the retry then uses the newer one).
    /// </summary>
    bool TryInvalidate(string? rejected);
}

internal sealed class AccessKeyAuthenticator : IRequestAuthenticator
{
    private readonly AccessKeyCredentials _credentials;
    private readonly TimeProvider _time;

    public AccessKeyAuthenticator(AccessKeyCredentials credentials, TimeProvider time)
    {
        _credentials = credentials;
        _time = time;
    }

    public ValueTask AuthenticateAsync(SigningRequest request, CancellationToken cancellationToken)
    {
        if (_credentials.SecurityToken is { } token) request.Headers["X-Security-Token"] = token;
        var authorization = SdkHmacSigner.Sign(request, _credentials.AccessKey, _credentials.SecretKey, _time.GetUtcNow().UtcDateTime);
        request.Headers["Authorization"] = authorization;
        return default;
    }

    public bool TryInvalidate(string? rejected) => false;
}

internal sealed class StaticTokenAuthenticator : IRequestAuthenticator
{
    private readonly TokenCredentials _credentials;

    public StaticTokenAuthenticator(TokenCredentials credentials) => _credentials = credentials;

    public ValueTask AuthenticateAsync(SigningRequest request, CancellationToken cancellationToken)
    {
        request.Headers["X-Auth-Token"] = _credentials.Token;
        return default;
    }

    public bool TryInvalidate(string? rejected) => false;
}
