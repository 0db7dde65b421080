using System.Management.Automation;
using System.Net;
using System.Security;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Completers;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Connects to DWS and makes the session the default for every other cmdlet.</summary>
/// <remarks>Creates a DwsSession for a region (or an endpoint such as the emulator) and stores it as the default session of the PowerShell process; every DWS cmdlet uses it unless given -Session. Credentials come from the parameter set used: -AccessKey with -SecretKey (SecureString), -Credential (user name = AK, password = SK), -UserName/-Password/-DomainName (IAM password; a project-scoped token is obtained, cached and renewed), or -Token. With none of these, the credential chain is searched: HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (with HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_REGION), then the [basic] section of ~/.huaweicloud/credentials. The project ID is looked up from IAM by region when not given. Secrets are never written to any stream.</remarks>
/// <example title="Connect with an access key">
/// <code>
/// Connect-DwsService -Region eu-west-101 -AccessKey $env:DWS_AK -SecretKey (Read-Host -AsSecureString 'SK')
/// </code>
/// <para>Prompts for the secret key and connects to the Dublin region.</para>
/// </example>
/// <example title="Connect to the local emulator">
/// <code>
/// $sk = ConvertTo-SecureString 'emulator-secret-key-do-not-use-in-production' -AsPlainText -Force
/// Connect-DwsService -Endpoint http://127.0.0.1:5080 -Region eu-west-101 -AccessKey EMULATORACCESSKEY001 -SecretKey $sk -PassThru
/// </code>
/// <para>Uses the emulator started with dotnet run --project src/DwsPowerShell.Emulator -- --urls http://127.0.0.1:5080.</para>
/// </example>
/// <example title="Connect from environment variables in a runbook">
/// <code>
/// $env:HUAWEICLOUD_SDK_AK = $ak; $env:HUAWEICLOUD_SDK_SK = $sk; $env:HUAWEICLOUD_SDK_REGION = 'eu-west-101'
/// Connect-DwsService
/// </code>
/// <para>With no credential parameters the environment and the credentials file are searched.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "DwsService", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(DwsSession))]
public sealed class ConnectDwsServiceCommand : PSCmdlet
{
    private const string AccessKeySet = "AccessKey";
    private const string CredentialSet = "Credential";
    private const string IamUserSet = "IamUser";
    private const string TokenSet = "Token";
    private const string EnvironmentSet = "Environment";

    /// <summary>Access key ID (AK).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNullOrEmpty]
    public string AccessKey { get; set; } = string.Empty;

    /// <summary>Secret access key (SK), as a SecureString.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNull]
    public SecureString SecretKey { get; set; } = null!;

    /// <summary>Security token of temporary AK/SK credentials.</summary>
    [Parameter(ParameterSetName = AccessKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    public SecureString? SecurityToken { get; set; }

    /// <summary>A PSCredential whose user name is the AK and whose password is the SK.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>IAM user name (password authentication; a token is obtained and renewed).</summary>
    [Parameter(Mandatory = true, ParameterSetName = IamUserSet)]
    [ValidateNotNullOrEmpty]
    public string UserName { get; set; } = string.Empty;

    /// <summary>The IAM user's password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IamUserSet)]
    [ValidateNotNull]
    public SecureString Password { get; set; } = null!;

    /// <summary>The account (domain) that owns the IAM user.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IamUserSet)]
    [ValidateNotNullOrEmpty]
    public string DomainName { get; set; } = string.Empty;

    /// <summary>An IAM token obtained elsewhere.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    /// <summary>Region, such as eu-west-101. Falls back to HUAWEICLOUD_SDK_REGION.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>Project ID; looked up from IAM by region when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    /// <summary>DWS endpoint URL (a private endpoint or the emulator); defaults to https://dws.{region}.myhuaweicloud.com.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    /// <summary>IAM endpoint URL; defaults to the endpoint when one is given, else https://iam.{region}.myhuaweicloud.com.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? IamEndpoint { get; set; }

    /// <summary>Proxy for all requests.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>Seconds allowed for one HTTP attempt.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    /// <summary>Retries after the first attempt of a retryable call.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Turns off TLS certificate validation. Only for test endpoints.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Writes the session to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var options = new DwsSessionOptions
        {
            Region = Region,
            ProjectId = ProjectId,
            Endpoint = Endpoint,
            IamEndpoint = IamEndpoint,
            Proxy = Proxy is null ? null : new WebProxy(Proxy),
            RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxRetries = MaxRetries,
            SkipCertificateCheck = SkipCertificateCheck,
            Log = DwsLogRouter.Route,
            Credentials = ParameterSetName switch
            {
                AccessKeySet => new AccessKeyCredentials(AccessKey, SecureStrings.ToPlain(SecretKey), SecureStrings.ToPlainOrNull(SecurityToken)),
                CredentialSet => new AccessKeyCredentials(Credential.UserName, SecureStrings.ToPlain(Credential.Password), SecureStrings.ToPlainOrNull(SecurityToken)),
                IamUserSet => new IamPasswordCredentials(UserName, SecureStrings.ToPlain(Password), DomainName),
                TokenSet => new TokenCredentials(SecureStrings.ToPlain(Token)),
                _ => null,
            },
        };
        if (SkipCertificateCheck) WriteWarning("TLS certificate validation is off for this session (-SkipCertificateCheck).");

        DwsSession session;
        try
        {
            session = new DwsSession(options);
        }
        catch (Exception ex) when (ex is DwsConfigurationException or ArgumentException)
        {
            ThrowTerminatingError(DwsErrorRecords.From(ex, ParameterSetName));
            return;
        }
        DwsSessionStore.Set(session);
        WriteVerbose($"Connected: {session}");
        if (PassThru) WriteObject(session);
    }
}
