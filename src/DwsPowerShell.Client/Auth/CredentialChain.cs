namespace DwsPowerShell.Client.Auth;

/// <summary>What the chain found: credentials plus the project and region hints that came with them.</summary>
public sealed class ResolvedCredentials
{
    public ResolvedCredentials(DwsCredentials credentials, string? projectId, string? region, Uri? iamEndpoint, string? projectIdSource = null,
        DwsCloud? cloud = null, string? regionSource = null)
    {
        Credentials = credentials;
        ProjectId = projectId;
        Region = region;
        IamEndpoint = iamEndpoint;
        ProjectIdSource = projectIdSource;
        Cloud = cloud;
        RegionSource = regionSource;
    }

    /// <summary>The cloud a profile names (its cloud or domain key), or null for the default.</summary>
    public DwsCloud? Cloud { get; }

    /// <summary>Where <see cref="Region"/> came from, in the words an error about it uses.</summary>
    public string? RegionSource { get; }

    public DwsCredentials Credentials { get; }
    public string? ProjectId { get; }

    /// <summary>Where <see cref="ProjectId"/> came from, in the words an error about it uses (the variable's name, or the file's key and path).</summary>
    public string? ProjectIdSource { get; }
    public string? Region { get; }
    public Uri? IamEndpoint { get; }
}

/// <summary>
/// Finds credentials, first found wins: explicit ones, then HUAWEICLOUD_SDK_* variables, then the
/// shared credentials file (<c>~/.huaweicloud/credentials</c>, <c>[basic]</c> section). A named profile reads its own
/// section of that file instead, and its keys win over the variables.
/// </summary>
public static class CredentialChain
{
    public const string AkVariable = "HUAWEICLOUD_SDK_AK";
    public const string SkVariable = "HUAWEICLOUD_SDK_SK";
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";
    public const string RegionVariable = "HUAWEICLOUD_SDK_REGION";
    public const string CredentialsFileVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

    /// <summary>The section of the credentials file read when no profile is named.</summary>
    public const string DefaultProfile = "basic";

    public static ResolvedCredentials Resolve(DwsCredentials? explicitCredentials, ICredentialEnvironment? environment = null, string? profileName = null)
    {
        var env = environment ?? ProcessCredentialEnvironment.Instance;
        var envProject = NullIfBlank(env.GetVariable(ProjectIdVariable));
        var envRegion = NullIfBlank(env.GetVariable(RegionVariable));
        if (NullIfBlank(profileName) is { } profile) return FromProfile(env, profile, explicitCredentials);

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

    /// <summary>The profiles (section names) of the credentials file, for completion; empty when there is no readable file.</summary>
    public static IReadOnlyList<string> ProfileNames(ICredentialEnvironment? environment = null)
    {
        try
        {
            var path = CredentialsFile(environment ?? ProcessCredentialEnvironment.Instance, DefaultProfile);
            return path is null ? Array.Empty<string>() : IniFile.Parse(File.ReadAllText(path)).Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DwsConfigurationException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>The credentials file: HUAWEICLOUD_SDK_CREDENTIALS_FILE (which must exist) or ~/.huaweicloud/credentials; null when there is none.</summary>
    private static string? CredentialsFile(ICredentialEnvironment env, string section)
    {
        var overridePath = NullIfBlank(env.GetVariable(CredentialsFileVariable));
        if (overridePath is not null)
        {
            if (!File.Exists(overridePath))
            {
                throw new DwsConfigurationException($"{CredentialsFileVariable} names '{overridePath}', which does not exist: point it at an INI file with a [{section}] section, or unset it.");
            }
            return overridePath;
        }
        var home = env.HomeDirectory;
        if (string.IsNullOrEmpty(home)) return null;
        var path = Path.Combine(home, ".huaweicloud", "credentials");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// A named profile: the [name] section of the credentials file, with ak and sk (unless credentials are given
    /// explicitly), and optionally security_token, project_id, region, iam_endpoint and cloud (a cloud's name) or
    /// domain (a custom cloud's domain). Its values win over the HUAWEICLOUD_SDK_* variables: naming a profile asks for it.
    /// </summary>
    private static ResolvedCredentials FromProfile(ICredentialEnvironment env, string profile, DwsCredentials? explicitCredentials)
    {
        try
        {
            return ReadProfile(env, profile, explicitCredentials);
        }
        catch (DwsConfigurationException ex) when (ex is not DwsProfileException)
        {
            throw new DwsProfileException(profile, ex.Message);
        }
    }

    private static ResolvedCredentials ReadProfile(ICredentialEnvironment env, string profile, DwsCredentials? explicitCredentials)
    {
        var path = CredentialsFile(env, profile) ?? throw new DwsConfigurationException(
            $"Profile '{profile}' was asked for, but there is no credentials file: write ~/.huaweicloud/credentials with a [{profile}] section (ak, sk, region), or set {CredentialsFileVariable}.");
        var sections = IniFile.Parse(File.ReadAllText(path));
        if (!sections.TryGetValue(profile, out var keys))
        {
            var names = sections.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();
            throw new DwsConfigurationException($"The credentials file '{path}' has no [{profile}] section" +
                (names.Count > 0 ? $"; its profiles are: {string.Join(", ", names)}." : ": it has no sections.") + $" Add [{profile}] with ak and sk keys, or name another profile.");
        }
        string? Key(string key) => keys.TryGetValue(key, out var v) ? NullIfBlank(v) : null;
        string Required(string key, string what) => Key(key) ?? throw new DwsConfigurationException(
            $"The [{profile}] section of '{path}' has no {key} key: add {key} = <{what}>.");
        var credentials = explicitCredentials ?? new AccessKeyCredentials(Required("ak", "access key ID"), Required("sk", "secret access key"), Key("security_token"), $"{path} [{profile}]");
        var cloud = CloudOf(Key("cloud"), Key("domain"), path, profile);
        var project = Key("project_id");
        return new ResolvedCredentials(credentials, project, Key("region"), IamEndpointOf(Key("iam_endpoint"), $"[{profile}] of '{path}'"),
            $"The project_id in [{profile}] of '{path}'", cloud, $"The region in [{profile}] of '{path}'");
    }

    private static DwsCloud? CloudOf(string? name, string? domain, string path, string section)
    {
        if (name is not null && domain is not null && !string.Equals(name, DwsClouds.CustomName, StringComparison.OrdinalIgnoreCase))
            throw new DwsConfigurationException($"The [{section}] section of '{path}' has both cloud = {name} and domain = {domain}: keep cloud for a named cloud, or domain for a custom one.");
        if (domain is not null) return DwsClouds.Custom(domain);
        if (name is null) return null;
        return DwsClouds.Find(name) ?? throw new DwsConfigurationException(
            $"The cloud {DwsSessionChecks.Shown(name)} in [{section}] of '{path}' is not a known cloud: use one of {string.Join(", ", DwsClouds.All.Select(c => c.Name))}, or domain = <your domain> for a custom one.");
    }

    /// <summary>A credentials file's iam_endpoint; <paramref name="where"/> names the file (and section) as errors say it.</summary>
    private static Uri? IamEndpointOf(string? text, string where)
    {
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new DwsConfigurationException($"The iam_endpoint {DwsSessionChecks.Shown(text)} in {where} is not an absolute URL: write it as https://iam.<region>.myhuaweicloud.com.");
        }
        DwsSessionChecks.CheckEndpoint(uri, $"The iam_endpoint in {where}");
        return uri;
    }

    private static ResolvedCredentials? FromFile(ICredentialEnvironment env, string? project, string? region)
    {
        var path = CredentialsFile(env, DefaultProfile);
        if (path is null) return null;
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
        var iamUri = IamEndpointOf(NullIfBlank(iam), $"'{path}'");
        var fromFile = project is null ? NullIfBlank(fileProject) : null;
        return new ResolvedCredentials(new AccessKeyCredentials(ak, sk, NullIfBlank(token), path), project ?? fromFile, region, iamUri,
            fromFile is null ? ProjectIdVariable : $"The project_id in '{path}'");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
