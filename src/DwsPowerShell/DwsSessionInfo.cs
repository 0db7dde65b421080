using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell;

/// <summary>
/// A DWS session as PowerShell sees it: what Connect-DwsService -PassThru and Get-DwsSession write, and what
/// -Session takes. Its properties are the session's facts only, so Format-List *, ConvertTo-Json and
/// Export-Clixml show a few lines and never a secret; the client behind it (transport, area APIs, options)
/// is reached with <see cref="GetClient"/>, a method, which none of them walk into.
/// </summary>
public sealed class DwsSessionInfo
{
    private readonly DwsSession _client;

    /// <summary>Wraps a client session (PowerShell also uses this to bind a DwsSession given to -Session).</summary>
    public DwsSessionInfo(DwsSession session) => _client = session ?? throw new ArgumentNullException(nameof(session));

    public string? Region => _client.Region;

    /// <summary>The cloud of the region: HuaweiCloud, HuaweiCloudEurope, OpenTelekomCloud or Custom.</summary>
    public string Cloud => _client.Cloud.Name;

    // URLs as text: Windows PowerShell's ConvertTo-Json would write a System.Uri out as an object of some twenty properties.
    public string Endpoint => _client.Endpoint.AbsoluteUri;

    public string IamEndpoint => _client.IamEndpoint.AbsoluteUri;

    /// <summary>The project ID; empty until the first call looks it up, when it was not given.</summary>
    public string? ProjectId => _client.ProjectId;

    /// <summary>AccessKey, TemporaryAccessKey (AK/SK with a security token), IamUser or Token.</summary>
    public string AuthKind => _client.Credentials switch
    {
        AccessKeyCredentials { HasSecurityToken: true } => "TemporaryAccessKey",
        AccessKeyCredentials => "AccessKey",
        IamPasswordCredentials => "IamUser",
        _ => "Token",
    };

    /// <summary>The access key ID with all but its first four characters masked; empty for other kinds.</summary>
    public string? AccessKeyId => (_client.Credentials as AccessKeyCredentials)?.MaskedAccessKey;

    /// <summary>The IAM user name; empty for other kinds.</summary>
    public string? UserName => (_client.Credentials as IamPasswordCredentials)?.UserName;

    /// <summary>The account (domain) of the IAM user; empty for other kinds.</summary>
    public string? DomainName => (_client.Credentials as IamPasswordCredentials)?.DomainName;

    /// <summary>Where the credentials came from: parameters, environment, or the credentials file's path.</summary>
    public string CredentialSource => _client.Credentials.Source;

    /// <summary>The client session behind this one, for client calls no cmdlet makes.</summary>
    public DwsSession GetClient() => _client;

    public override string ToString() => _client.ToString();
}
