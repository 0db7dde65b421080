namespace DwsPowerShell.Client.Auth;

/// <summary>
/// How requests are authenticated. Secrets are held privately: no public property, <c>ToString()</c>
/// or serializer ever shows them.
/// </summary>
public abstract class DwsCredentials
{
    private protected DwsCredentials(string source) => Source = source;

    /// <summary>Where these credentials were found ("parameters", "environment", a file path).</summary>
    public string Source { get; }

    /// <summary>A description that is safe to print.</summary>
    public abstract string Kind { get; }

    public override string ToString() => $"{Kind} (from {Source})";
}

/// <summary>Access key / secret key, with an optional security token for temporary credentials.</summary>
public sealed class AccessKeyCredentials : DwsCredentials
{
    private readonly string _secretKey;
    private readonly string? _securityToken;

    public AccessKeyCredentials(string accessKey, string secretKey, string? securityToken = null, string source = "parameters")
        : base(source)
    {
        if (string.IsNullOrWhiteSpace(accessKey)) throw new ArgumentException("AccessKey is required: give the access key ID (AK).", nameof(accessKey));
        if (string.IsNullOrWhiteSpace(secretKey)) throw new ArgumentException("SecretKey is required: give the secret access key (SK) that belongs to the AK.", nameof(secretKey));
        AccessKey = accessKey.Trim();
        _secretKey = secretKey.Trim();
        _securityToken = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken!.Trim();
    }

    public string AccessKey { get; }

    public bool HasSecurityToken => _securityToken is not null;

    public override string Kind => HasSecurityToken ? $"AK/SK {MaskedAccessKey} with security token" : $"AK/SK {MaskedAccessKey}";

    /// <summary>The AK with all but its first four characters hidden.</summary>
    public string MaskedAccessKey => AccessKey.Length <= 4 ? "****" : AccessKey.Substring(0, 4) + new string('*', Math.Min(12, AccessKey.Length - 4));

    internal string SecretKey => _secretKey;

    internal string? SecurityToken => _securityToken;
}

/// <summary>An IAM user's password; the session exchanges it for a token (POST /v3/auth/tokens).</summary>
public sealed class IamPasswordCredentials : DwsCredentials
{
    private readonly string _password;

    public IamPasswordCredentials(string userName, string password, string domainName, string source = "parameters")
        : base(source)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("UserName is required: give the IAM user name.", nameof(userName));
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("Password is required: give the IAM user's password.", nameof(password));
        if (string.IsNullOrWhiteSpace(domainName)) throw new ArgumentException("DomainName is required: give the account (domain) name that owns the IAM user.", nameof(domainName));
        UserName = userName;
        DomainName = domainName;
        _password = password;
    }

    public string UserName { get; }

    public string DomainName { get; }

    public override string Kind => $"IAM user {UserName}@{DomainName}";

    internal string Password => _password;
}

/// <summary>An IAM token obtained elsewhere, sent as <c>X-Auth-Token</c>.</summary>
public sealed class TokenCredentials : DwsCredentials
{
    private readonly string _token;

    public TokenCredentials(string token, string source = "parameters")
        : base(source)
    {
        if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("Token is required: give an IAM token (the X-Subject-Token of POST /v3/auth/tokens).", nameof(token));
        _token = token.Trim();
    }

    public override string Kind => "IAM token";

    internal string Token => _token;
}
