namespace DwsPowerShell.Client.Auth;

/// <summary>What the chain found: credentials plus the project and region hints that came with them.</summary>
public sealed class ResolvedCredentials
{
    public ResolvedCredentials(DwsCredentials credentials, string? projectId, string? region, Uri? iamEndpoint, string? projectIdSource = null)
    {
        Credentials = credentials;
        ProjectId = projectId;
        Region = region;
        IamEndpoint = iamEndpoint;
        ProjectIdSource = projectIdSource;
    }

    public DwsCredentials Credentials { get; }
    public string? ProjectId { get; }

    /// <summary>Where <see cref="ProjectId"/> came from, in the words an error about it uses (the variable's name, or the file's key and path).</summary>
    public string? ProjectIdSource { get; }
    public string? Region { get; }
    public Uri? IamEndpoint { get; }
}

/// <summary>
/// Finds credentials, first found wins: explicit ones, then HUAWEICLOUD_SDK_* variables, then the
/// shared credentials file (<c>~/.huaweicloud/credentials</c>, <c>[basic]</c> section).
/// </summary>
public static class CredentialChain
{
    public const string AkVariable = "HUAWEICLOUD_SDK_AK";
    public const string SkVariable = "HUAWEICLOUD_SDK_SK";
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";
    public const string RegionVariable = "HUAWEICLOUD_SDK_REGION";
    public const string CredentialsFileVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

    public static ResolvedCredentials Resolve(DwsCredentials? explicitCredentials, ICredentialEnvironment? environment = null)
    {
        var env = environment ?? ProcessCredentialEnvironment.Instance;
        var envProject = NullIfBlank(env.GetVariable(ProjectIdVariable));
        var envRegion = NullIfBlank(env.GetVariable(RegionVariable));

        if (explicitCredentials is not null)
        {
            return new ResolvedCredentials(explicitCredentials, envProject, envRegion, null, ProjectIdVariable);
        }

        var fromEnvironment = FromEnvironment(env, envProject, envRegion);
        if (fromEnvironment is not null) return fromEnvironment;

        var fromFile = FromFile(env, envProject, envRegion);
        if (fromFile is not null) return fromFile;

        throw new DwsConfigurationException(
            "No DWS credentials were found. Give an access key and secret key (or an IAM user, or a token), " +
            $"or set {AkVariable} and {SkVariable}, or write ak and sk under [basic] in ~/.huaweicloud/credentials " +
            $"(another path can be set with {CredentialsFileVariable}).");
    }

    private static ResolvedCredentials? FromEnvironment(ICredentialEnvironment env, string? project, string? region)
    {
        var ak = NullIfBlank(env.GetVariable(AkVariable));
        var sk = NullIfBlank(env.GetVariable(SkVariable));
        if (ak is null && sk is null) return null;
        if (ak is null) throw new DwsConfigurationException($"{SkVariable} is set but {AkVariable} is not: set {AkVariable} to the access key ID that belongs to the secret key.");
        if (sk is null) throw new DwsConfigurationException($"{AkVariable} is set but {SkVariable} is not: set {SkVariable} to the secret access key of {AkVariable}.");
        var token = NullIfBlank(env.GetVariable(SecurityTokenVariable));
        return new ResolvedCredentials(new AccessKeyCredentials(ak, sk, token, "environment"), project, region, null, ProjectIdVariable);
    }

    private static ResolvedCredentials? FromFile(ICredentialEnvironment env, string? project, string? region)
    {
        var overridePath = NullIfBlank(env.GetVariable(CredentialsFileVariable));
        string path;
        if (overridePath is not null)
        {
            if (!File.Exists(overridePath))
            {
                throw new DwsConfigurationException($"{CredentialsFileVariable} names '{overridePath}', which does not exist: point it at an INI file with a [basic] section, or unset it.");
            }
            path = overridePath;
        }
        else
        {
            var home = env.HomeDirectory;
            if (string.IsNullOrEmpty(home)) return null;
            path = Path.Combine(home, ".huaweicloud", "credentials");
            if (!File.Exists(path)) return null;
        }

        var sections = IniFile.Parse(File.ReadAllText(path));
        if (!sections.TryGetValue("basic", out var basic))
        {
            throw new DwsConfigurationException($"The credentials file '{path}' has no [basic] section: add one with ak and sk keys.");
        }
        basic.TryGetValue("ak", out var ak);
        basic.TryGetValue("sk", out var sk);
        ak = NullIfBlank(ak);
        sk = NullIfBlank(sk);
        if (ak is null) throw new DwsConfigurationException($"The [basic] section of '{path}' has no ak key: add ak = <access key ID>.");
        if (sk is null) throw new DwsConfigurationException($"The [basic] section of '{path}' has no sk key: add sk = <secret access key>.");
        basic.TryGetValue("security_token", out var token);
        basic.TryGetValue("project_id", out var fileProject);
        basic.TryGetValue("iam_endpoint", out var iam);
        Uri? iamUri = null;
        if (NullIfBlank(iam) is { } iamText)
        {
            if (!Uri.TryCreate(iamText, UriKind.Absolute, out iamUri))
            {
                throw new DwsConfigurationException($"The iam_endpoint {DwsSessionChecks.Shown(iamText)} in '{path}' is not an absolute URL: write it as https://iam.<region>.myhuaweicloud.com.");
            }
            DwsSessionChecks.CheckEndpoint(iamUri, $"The iam_endpoint in '{path}'");
        }
        var fromFile = project is null ? NullIfBlank(fileProject) : null;
        return new ResolvedCredentials(new AccessKeyCredentials(ak, sk, NullIfBlank(token), path), project ?? fromFile, region, iamUri,
            fromFile is null ? ProjectIdVariable : $"The project_id in '{path}'");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
