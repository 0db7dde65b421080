using System.Net;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client;

/// <summary>
/// The checks a session's settings pass before anything is sent, whatever they came from (an option, a
/// Connect-DwsService parameter, an environment variable, the credentials file). Each error names the setting as
/// <c>setting</c> says (ProjectId, -ProjectId, HUAWEICLOUD_SDK_PROJECT_ID...) and never shows URL credentials.
/// </summary>
public static class DwsSessionChecks
{
    /// <summary>Huawei Cloud project IDs are 32 characters; anything much longer is not one.</summary>
    public const int MaxProjectIdLength = 64;

    /// <summary>
    /// Refuses a project ID that is not one: it goes into every path (<c>/v1.0/{project_id}/...</c>) and the
    /// X-Project-Id header, so only letters, digits, '-' and '_' are accepted, at most <see cref="MaxProjectIdLength"/>.
    /// </summary>
    /// <exception cref="DwsConfigurationException">The value is blank or not a project ID.</exception>
    public static string CheckProjectId(string? value, string setting)
    {
        if (ProjectIdProblem(value) is { } problem)
        {
            throw new DwsConfigurationException(
                $"{setting} is {Shown(value)}, which is not a project ID: {problem}. A project ID is 32 hexadecimal characters (see My Credentials > " +
                "API Credentials in the console); give that, or leave it out to have it looked up from IAM by region.");
        }
        return value!;
    }

    /// <summary>Why <paramref name="value"/> is not a project ID; null when it is one.</summary>
    internal static string? ProjectIdProblem(string? value)
    {
        if (value is null || value.Trim().Length == 0) return "it is blank";
        if (value.Length > MaxProjectIdLength) return $"it is {value.Length} characters long, and a project ID has 32";
        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_'))
            {
                return $"it contains '{DwsRequest.Printable(c.ToString())}' (only letters, digits, '-' and '_' can be in one)";
            }
        }
        return null;
    }

    /// <summary>
    /// Refuses an endpoint that is not an absolute http(s) URL, or that carries a user name or password
    /// (<c>https://user:password@host</c>): DWS and IAM take credentials in signed headers, never in the URL, and a
    /// URL is printed back (Get-DwsSession, the Verbose "Connected" line, ConvertTo-Json).
    /// </summary>
    /// <exception cref="DwsConfigurationException">The URL is not usable as an endpoint.</exception>
    public static Uri CheckEndpoint(Uri? uri, string setting)
    {
        if (uri is null) throw new DwsConfigurationException($"{setting} is required: give an absolute http(s) URL, such as https://dws.ap-southeast-3.myhuaweicloud.com.");
        if (HasUserInfo(uri))
        {
            throw new DwsConfigurationException(
                $"{setting} is {Shown(uri)}, which carries a user name or password (user:…@host). An endpoint never carries credentials: remove them from the URL " +
                "(the service is signed in to with the access key, IAM user or token).");
        }
        if (!uri.IsAbsoluteUri || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new DwsConfigurationException($"{setting} is {Shown(uri)}, which is not an absolute http(s) URL: give one such as https://dws.ap-southeast-3.myhuaweicloud.com.");
        }
        return uri;
    }

    /// <summary>
    /// Refuses a proxy URL that carries a user name or password: they belong in the proxy's credentials
    /// (<paramref name="credentialsSetting"/>, such as -ProxyCredential), where they are never printed.
    /// </summary>
    /// <exception cref="DwsConfigurationException">The URL carries credentials, or is not absolute.</exception>
    public static Uri CheckProxy(Uri? uri, string setting, string credentialsSetting)
    {
        if (uri is null) throw new DwsConfigurationException($"{setting} is required: give the proxy's absolute URL, such as http://proxy.example.com:8080.");
        if (HasUserInfo(uri))
        {
            throw new DwsConfigurationException(
                $"{setting} is {Shown(uri)}, which carries a user name or password (user:…@host). Give the proxy URL without them, and the user name and password " +
                $"in {credentialsSetting}, where they are never printed.");
        }
        if (!uri.IsAbsoluteUri) throw new DwsConfigurationException($"{setting} is {Shown(uri)}, which is not an absolute URL: give one such as http://proxy.example.com:8080.");
        return uri;
    }

    /// <summary>The proxy the session would use for <paramref name="endpoints"/>, checked as <see cref="CheckProxy(Uri, string, string)"/> does.</summary>
    internal static void CheckProxy(IWebProxy? proxy, string setting, string credentialsSetting, params Uri[] endpoints)
    {
        if (proxy is null) return;
        if (proxy is WebProxy { Address: { } address }) CheckProxy(address, setting, credentialsSetting);
        foreach (var endpoint in endpoints)
        {
            if (proxy.IsBypassed(endpoint)) continue;
            if (proxy.GetProxy(endpoint) is { } used && HasUserInfo(used)) CheckProxy(used, setting, credentialsSetting);
        }
    }

    // "user:secret@host" without a scheme parses as the scheme "user": any '@' outside an http(s) URL counts too.
    private static bool HasUserInfo(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == "http" || uri.Scheme == "https") ? uri.UserInfo.Length > 0 : uri.OriginalString.IndexOf('@') >= 0;

    private static string Shown(Uri uri) => Shown(uri.OriginalString);

    /// <summary>
    /// A value as an error message may show it: quoted, control characters escaped, long values cut, and a URL's
    /// user name and password (everything before its last '@') left out.
    /// </summary>
    /// <summary>A region ID as clouds write them: letters, digits and '-', such as eu-west-101 (at most 64).</summary>
    internal static bool IsRegionId(string value) => IsLabel(value, 64);

    /// <summary>Letters, digits and '-', not at either end, 1 to <paramref name="max"/> characters: a host name's label.</summary>
    internal static bool IsLabel(string value, int max) =>
        value.Length > 0 && value.Length <= max && value[0] != '-' && value[value.Length - 1] != '-'
        && value.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-');

    /// <summary>A DNS domain of at least two labels (letters, digits, '-'), such as hcs.example.com.</summary>
    internal static bool IsDomainName(string value) =>
        value.Length is > 0 and <= 253 && value.Split('.') is { Length: >= 2 } labels
        && labels.All(l => IsLabel(l, 63) && !l.Any(char.IsUpper));

    internal static string Shown(string? value)
    {
        if (value is null) return "(null)";
        var at = value.LastIndexOf('@');
        if (at >= 0)
        {
            var scheme = value.IndexOf("://", StringComparison.Ordinal);
            var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            value = value.Substring(0, start) + "…@" + value.Substring(at + 1);
        }
        return "'" + DwsRequest.Printable(value) + "'";
    }
}
