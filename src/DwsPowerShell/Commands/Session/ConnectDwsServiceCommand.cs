using System.Management.Automation;
using System.Net;
using System.Security;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Completers;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Session;

/// <summary>Connects to DWS and makes the session the default for every other cmdlet.</summary>
/// <remarks>Creates a session for a region (or an endpoint such as the emulator) and makes it the default session of this runspace; every DWS cmdlet run in the runspace uses it unless given -Session. Each runspace (ForEach-Object -Parallel, a RunspacePool, a thread job) has its own default, so runspaces that connect at once do not replace each other's; to share one session, pass it to -Session. Connecting again only changes the default: a session kept in a variable (-PassThru, Get-DwsSession) stays usable. Without -Endpoint, -Region must be one of the regions of the cloud whose endpoint is known (Tab completes them): Huawei Cloud by default, or the cloud -Cloud names (HuaweiCloudEurope, OpenTelekomCloud), or any region of a domain of your own given with -CloudDomain (Huawei Cloud Stack); for a private or newer region give -Endpoint as well. Credentials come from the parameter set used: -AccessKey with -SecretKey (SecureString), -Credential (user name = AK, password = SK), -UserName/-Password/-DomainName (IAM password; a project-scoped token is obtained, cached and renewed), or -Token. With none of these, the credential chain is searched: HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (with HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_REGION), then the [basic] section of ~/.huaweicloud/credentials. -ProfileName reads another section of that file instead (ak, sk, and optionally security_token, project_id, region, iam_endpoint, cloud or domain), so a runbook switches account or cloud by name; a profile's keys win over the variables, and parameters win over the profile. The project ID is looked up from IAM by region when not given. Secrets are never written to any stream.</remarks>
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
/// <example title="Keep sessions for two regions">
/// <code>
/// $dublin = Connect-DwsService -Region eu-west-101 -AccessKey $ak -SecretKey $sk -PassThru
/// $singapore = Connect-DwsService -Region ap-southeast-3 -AccessKey $ak -SecretKey $sk -PassThru
/// Get-DwsCluster -Session $dublin
/// </code>
/// <para>The second connection becomes the default; the first stays usable through -Session.</para>
/// </example>
/// <example title="Use one session in parallel runspaces">
/// <code>
/// $s = Connect-DwsService -Region eu-west-101 -AccessKey $ak -SecretKey $sk -PassThru
/// $ids | ForEach-Object -Parallel { Get-DwsCluster -ClusterId $_ -Session $using:s }
/// </code>
/// <para>A new runspace has no default session of its own: pass one to -Session, or run Connect-DwsService in it.</para>
/// </example>
/// <example title="Connect from environment variables in a runbook">
/// <code>
/// $env:HUAWEICLOUD_SDK_AK = $ak; $env:HUAWEICLOUD_SDK_SK = $sk; $env:HUAWEICLOUD_SDK_REGION = 'eu-west-101'
/// Connect-DwsService
/// </code>
/// <para>With no credential parameters the environment and the credentials file are searched.</para>
/// </example>
/// <example title="Switch account and cloud by profile">
/// <code>
/// Connect-DwsService -ProfileName otc-prod
/// </code>
/// <para>Reads the [otc-prod] section of ~/.huaweicloud/credentials, for example ak, sk, region = eu-de and cloud = OpenTelekomCloud, and connects to https://dws.eu-de.otc.t-systems.com.</para>
/// </example>
/// <example title="Connect to Open Telekom Cloud or a Huawei Cloud Stack domain">
/// <code>
/// Connect-DwsService -Cloud OpenTelekomCloud -Region eu-de -AccessKey $ak -SecretKey $sk
/// Connect-DwsService -CloudDomain hcs.example.com -Region region-one -AccessKey $ak -SecretKey $sk
/// </code>
/// <para>The first derives dws.eu-de.otc.t-systems.com and its IAM endpoint; the second takes any region of the domain, with endpoints https://{service}.{region}.hcs.example.com.</para>
/// </example>
/// <example title="Allow larger answers">
/// <code>
/// Connect-DwsService -Region eu-west-101 -AccessKey $ak -SecretKey $sk -MaxResponseSize 64MB
/// </code>
/// <para>Accepts answers of up to 64 MiB (the default is 16 MiB); a larger one fails with the error ID DwsResponseTooLarge, naming the limit.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "DwsService", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(DwsSessionInfo))]
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

    /// <summary>Region, such as eu-west-101; falls back to the profile's region, then HUAWEICLOUD_SDK_REGION. Without -Endpoint it must be a known region of the cloud (Tab completes them); a private or newer region needs -Endpoint too.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>The cloud whose regions and endpoints apply: HuaweiCloud (the default), HuaweiCloudEurope or OpenTelekomCloud (Tab completes them). For a Huawei Cloud Stack or other domain of your own, give -CloudDomain instead.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CloudCompleter))]
    public string? Cloud { get; set; }

    /// <summary>The domain of a cloud of your own, such as a Huawei Cloud Stack installation (hcs.example.com): any region is accepted, and its endpoints are https://{service}.{region}.{domain} (IAM https://iam.{region}.{domain}; give -IamEndpoint when IAM is elsewhere).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CloudDomain { get; set; }

    /// <summary>A named profile of the credentials file (~/.huaweicloud/credentials, or the file HUAWEICLOUD_SDK_CREDENTIALS_FILE names): its [name] section gives ak and sk, and optionally security_token, project_id, region, iam_endpoint, and cloud (a cloud's name) or domain (a custom cloud). Its values win over the HUAWEICLOUD_SDK_* variables; parameters win over it. Tab completes the file's profiles.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>Project ID (32 hexadecimal characters; letters, digits, '-' and '_' are accepted, at most 64); looked up from IAM by region when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    /// <summary>DWS endpoint URL (a private or newer region, a private endpoint, the emulator); defaults to the region's DWS endpoint, such as https://dws.ap-southeast-3.myhuaweicloud.com. It cannot carry a user name or password.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    /// <summary>IAM endpoint URL; defaults to the IAM endpoint of the region in its cloud, also when -Endpoint is given (a DWS VPC endpoint does not move IAM). A loopback -Endpoint (the emulator), or one for a region the cloud does not know, serves IAM too. It cannot carry a user name or password.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? IamEndpoint { get; set; }

    /// <summary>Proxy for all requests, such as http://proxy.example.com:8080; a user name and password go in -ProxyCredential, not in the URL.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>User name and password for the proxy given in -Proxy.</summary>
    [Parameter]
    [ValidateNotNull]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Seconds allowed for one HTTP attempt.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    /// <summary>Retries after the first attempt of a retryable call.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The most one answer may hold, in bytes, counted after decompression (PowerShell's 64MB works). A larger answer fails with DwsResponseTooLarge and is not retried. The default, 16MB, is far above any real DWS answer and stops a broken or hostile endpoint (an endless body, a gzip bomb) from growing the process by gigabytes.</summary>
    [Parameter]
    [ValidateRange(1L, 2147483647L)]
    public long MaxResponseSize { get; set; } = DwsSessionOptions.DefaultMaxResponseBytes;

    /// <summary>Turns off TLS certificate validation. Only for test endpoints.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Writes the session to the pipeline, to keep in a variable and pass to -Session.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            // Checked in the words of these parameters, before anything is built or sent (the session checks them again as options).
            if (ProjectId is not null) DwsSessionChecks.CheckProjectId(ProjectId.Trim(), "-ProjectId");
            if (Endpoint is not null) DwsSessionChecks.CheckEndpoint(Endpoint, "-Endpoint");
            if (IamEndpoint is not null) DwsSessionChecks.CheckEndpoint(IamEndpoint, "-IamEndpoint");
            if (Proxy is not null) DwsSessionChecks.CheckProxy(Proxy, "-Proxy", "-ProxyCredential");
            if (ProxyCredential is not null && Proxy is null) throw new DwsConfigurationException("-ProxyCredential is for a proxy: give -Proxy with the proxy's URL too.");
        }
        catch (DwsConfigurationException ex)
        {
            ThrowTerminatingError(DwsErrorRecords.From(ex, ParameterSetName));
            return;
        }

        DwsCloud? cloud;
        try
        {
            if (Cloud is not null && CloudDomain is not null) throw new DwsConfigurationException("-Cloud and -CloudDomain both choose the cloud: give -Cloud for a named cloud, or -CloudDomain for a domain of your own.");
            cloud = CloudDomain is not null ? DwsClouds.Custom(CloudDomain) : Cloud is null ? null : DwsClouds.Find(Cloud) ?? throw new DwsConfigurationException(
                $"-Cloud '{Cloud}' is not a known cloud: use one of {string.Join(", ", DwsClouds.All.Select(c => c.Name))}, or -CloudDomain for a domain of your own.");
        }
        catch (DwsConfigurationException ex)
        {
            ThrowTerminatingError(DwsErrorRecords.From(CloudDomain is not null && Cloud is null ? new DwsConfigurationException("-CloudDomain: " + ex.Message) : ex, CloudDomain ?? Cloud));
            return;
        }
        var options = new DwsSessionOptions
        {
            Cloud = cloud,
            ProfileName = ProfileName,
            Region = Region,
            ProjectId = ProjectId,
            Endpoint = Endpoint,
            IamEndpoint = IamEndpoint,
            Proxy = Proxy is null ? null : new WebProxy(Proxy) { Credentials = ProxyCredential?.GetNetworkCredential() },
            RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxRetries = MaxRetries,
            MaxResponseBytes = MaxResponseSize,
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
        catch (DwsUnknownRegionException ex)
        {
            ThrowTerminatingError(DwsErrorRecords.From(ex, ex.Region));
            return;
        }
        catch (DwsProfileException ex)
        {
            ThrowTerminatingError(DwsErrorRecords.From(ex, ex.Profile));
            return;
        }
        catch (Exception ex) when (ex is DwsConfigurationException or ArgumentException)
        {
            ThrowTerminatingError(DwsErrorRecords.From(ex, ParameterSetName));
            return;
        }
        var info = new DwsSessionInfo(session);
        DwsSessionStore.Set(info);
        WriteVerbose($"Connected: {session}");
        if (PassThru) WriteObject(info);
    }
}
