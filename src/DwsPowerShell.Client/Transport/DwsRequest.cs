using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Errors;

namespace DwsPowerShell.Client.Transport;

/// <summary>Whether a call may be sent again after an ambiguous failure.</summary>
public enum DwsCallKind
{
    /// <summary>Reads (any method): retried on 429, 5xx, timeouts and connection failures.</summary>
    Read,

    /// <summary>Changes state: retried only when the server provably did not act (429, connection never made).</summary>
    Mutation,
}

/// <summary>
/// One API call: a path template from the reference (<c>/v1.0/{project_id}/clusters/{cluster_id}</c>),
/// its path values, query and body. Path values are checked and percent-encoded so that no value can
/// change the path or the query.
/// </summary>
public sealed class DwsRequest
{
    /// <summary>
    /// The longest path or query value sent. The reference's longest names are 64 characters (clusters, snapshots),
    /// tag values 255 and descriptions 256; IDs are 36. Longer values are mistakes (and a 10 KB query ends in HTTP 414).
    /// </summary>
    public const int MaxPathValueLength = 512;

    private readonly Dictionary<string, string> _pathValues = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _query = new();

    private DwsRequest(string method, string template, DwsCallKind kind)
    {
        Method = method;
        Template = template;
        Kind = kind;
    }

    public string Method { get; }

    public string Template { get; }

    public DwsCallKind Kind { get; private set; }

    public object? Body { get; private set; }

    /// <summary>
    /// Workload APIs (5.7) report failures inside a 200 as <c>workload_res_code</c> ≠ 0 (5.7.31: <c>ret_code</c>);
    /// only requests marked with <see cref="WithResultCode"/> are checked, and a missing or null code is success
    /// (quirks.md 1.1).
    /// </summary>
    public bool ChecksResultCode { get; private set; }

    /// <summary>
    /// <c>error_code</c> values this operation documents as success besides DWS.0000 and null (5.2.54 answers
    /// DWS.0138: quirks.md 1.2); any other code on a 2xx is a failure (a refusal inside a 200, as 5.2.30 scale-in gives).
    /// </summary>
    public IReadOnlyCollection<string> SuccessCodes { get; private set; } = Array.Empty<string>();

    /// <summary>Sent to the IAM endpoint rather than the DWS one.</summary>
    public bool ToIam { get; private set; }

    /// <summary>Sent without credentials (the token request itself).</summary>
    public bool Anonymous { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> QueryPairs => _query;

    /// <summary>The catalogue operation the request is built from; null for IAM calls, which are not DWS operations.</summary>
    public DwsOperation? Operation { get; private set; }

    /// <summary>
    /// The request of a catalogue operation: its method and path template, and a <see cref="DwsCallKind.Read"/> when its
    /// retry is safe (GET, and the POSTs that only read: quirks.md 7.7), a <see cref="DwsCallKind.Mutation"/> otherwise.
    /// </summary>
    public static DwsRequest For(DwsOperation operation)
    {
        if (operation is null) throw new ArgumentNullException(nameof(operation));
        return new(operation.Method, operation.Path, operation.Retry == DwsRetry.Safe ? DwsCallKind.Read : DwsCallKind.Mutation) { Operation = operation };
    }

    /// <summary>The HTTP methods <see cref="Custom"/> sends.</summary>
    public static readonly IReadOnlyList<string> CustomMethods = new[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>Headers the transport writes itself (host, signing, token, project, body type): <see cref="Header"/> refuses them.</summary>
    public static readonly IReadOnlyList<string> ReservedHeaders = new[] { "Host", "Authorization", "X-Sdk-Date", "X-Auth-Token", "X-Security-Token", "Content-Type", "Content-Length" };

    /// <summary>
    /// A request to any API on the same gateway and credentials (Invoke-DwsRestMethod): <paramref name="template"/> is a
    /// path whose <c>{project_id}</c> is the session's; GET and HEAD are retried as reads, everything else as a change.
    /// </summary>
    public static DwsRequest Custom(string method, string template, string parameterName = "Path")
    {
        var m = (method ?? "").Trim().ToUpperInvariant();
        if (!CustomMethods.Contains(m)) throw new DwsArgumentException($"Method '{Printable(method ?? "")}' is not one of {string.Join(", ", CustomMethods)}.", "Method", method);
        var t = (template ?? "").Trim();
        if (t.Length == 0 || t[0] != '/')
            throw new DwsArgumentException($"{parameterName} '{Printable(t)}' must start with '/', such as /v1.1/{{project_id}}/clusters.", parameterName, template);
        foreach (var c in t)
        {
            if (c is '?' or '#' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
                throw new DwsArgumentException($"{parameterName} '{Printable(t)}' contains '{Printable(c.ToString())}': give the query in -Query, and no spaces or control characters.", parameterName, template);
        }
        foreach (Match placeholder in Regex.Matches(t, @"\{([^}]*)\}"))
        {
            if (placeholder.Groups[1].Value != "project_id")
                throw new DwsArgumentException($"{parameterName} has the placeholder {placeholder.Value}: only {{project_id}} is filled in; write the other values into the path.", parameterName, template);
        }
        if (t.IndexOf("..", StringComparison.Ordinal) >= 0)
            throw new DwsArgumentException($"{parameterName} '{Printable(t)}' contains '..', which would leave the path.", parameterName, template);
        return new(m, t, m is "GET" or "HEAD" ? DwsCallKind.Read : DwsCallKind.Mutation);
    }

    /// <summary>Where the request goes instead of the session's DWS endpoint (another service of the cloud); null for DWS.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>Sends the request to <paramref name="endpoint"/> (another service, such as https://cdm.eu-west-101.myhuaweicloud.eu).</summary>
    public DwsRequest At(Uri endpoint)
    {
        Endpoint = DwsSessionChecks.CheckEndpoint(endpoint ?? throw new ArgumentNullException(nameof(endpoint)), "Uri");
        return this;
    }

    private readonly List<KeyValuePair<string, string>> _headers = new();

    /// <summary>Headers of the request's own, signed with it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Adds a header of the request's own (refusing <see cref="ReservedHeaders"/>, invalid names and line breaks).</summary>
    public DwsRequest Header(string name, string? value)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0 || n.Any(c => c <= ' ' || c >= 127 || c is ':' or '(' or ')' or ',' or ';' or '"' or '/' or '[' or ']' or '?' or '=' or '{' or '}' or '\\'))
            throw new DwsArgumentException($"Header name '{Printable(n)}' is not a valid HTTP header name.", "Header", name);
        if (ReservedHeaders.Any(r => string.Equals(r, n, StringComparison.OrdinalIgnoreCase)))
            throw new DwsArgumentException($"Header '{n}' is written by the session itself (signing, token, host, body type); leave it out" +
                (string.Equals(n, "Content-Type", StringComparison.OrdinalIgnoreCase) ? ", or give -ContentType." : "."), "Header", name);
        if (value is not null && value.Any(c => c is '\r' or '\n' or '\0'))
            throw new DwsArgumentException($"Header '{n}' has a line break in its value.", "Header", value);
        _headers.Add(new KeyValuePair<string, string>(n, value ?? ""));
        return this;
    }

    /// <summary>A body sent as these bytes (no re-casing, no serialisation), with its content type.</summary>
    public byte[]? RawBody { get; private set; }

    public string? RawContentType { get; private set; }

    public DwsRequest WithRawBody(byte[] body, string contentType = "application/json")
    {
        RawBody = body ?? throw new ArgumentNullException(nameof(body));
        RawContentType = string.IsNullOrWhiteSpace(contentType) ? "application/json" : contentType.Trim();
        Body = null;
        return this;
    }

    // Requests by path: the IAM calls (token, project list) and tests; DWS operations are built with For.
    internal static DwsRequest Get(string template) => new("GET", template, DwsCallKind.Read);

    internal static DwsRequest Post(string template) => new("POST", template, DwsCallKind.Mutation);

    /// <summary>A POST that only reads (the IAM token request): safe to retry.</summary>
    internal DwsRequest AsRead()
    {
        Kind = DwsCallKind.Read;
        return this;
    }

    public DwsRequest WithResultCode()
    {
        ChecksResultCode = true;
        return this;
    }

    /// <summary>Declares an <c>error_code</c> the operation documents as its success answer (see <see cref="SuccessCodes"/>).</summary>
    public DwsRequest WithSuccessCode(string code)
    {
        SuccessCodes = SuccessCodes.Concat(new[] { code }).ToArray();
        return this;
    }

    internal DwsRequest ForIam(bool anonymous = false)
    {
        ToIam = true;
        Anonymous = anonymous;
        return this;
    }

    /// <summary>Sets a path value. Refuses values that could not travel as one path segment.</summary>
    public DwsRequest Path(string name, string? value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        _pathValues[name] = CheckPathValue(value, parameterName ?? name);
        return this;
    }

    /// <summary>Adds a query value (none when null). Refuses values longer than <see cref="MaxPathValueLength"/>.</summary>
    public DwsRequest Query(string name, string? value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (value is null) return this;
        if (value.Length > MaxPathValueLength) throw TooLong(value, ParameterName(parameterName, name));
        _query.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public DwsRequest Query(string name, int? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture), name);

    public DwsRequest Query(string name, long? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture), name);

    public DwsRequest Query(string name, bool? value) => Query(name, value is null ? null : value.Value ? "true" : "false", name);

    /// <summary>An array parameter, sent as repeated keys (quirks.md 7.5).</summary>
    public DwsRequest QueryEach(string name, IEnumerable<string>? values, [CallerArgumentExpression(nameof(values))] string? parameterName = null)
    {
        if (values is null) return this;
        foreach (var v in values) Query(name, v, parameterName);
        return this;
    }

    public DwsRequest WithBody(object? body)
    {
        Body = body;
        return this;
    }

    /// <summary>The encoded path with every placeholder filled.</summary>
    public string BuildPath(string? projectId)
    {
        var sb = new StringBuilder(Template.Length + 64);
        var i = 0;
        while (i < Template.Length)
        {
            var open = Template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(Template, i, Template.Length - i);
                break;
            }
            sb.Append(Template, i, open - i);
            var close = Template.IndexOf('}', open);
            var name = Template.Substring(open + 1, close - open - 1);
            string value;
            if (name == "project_id")
            {
                value = projectId ?? throw new DwsConfigurationException("This call needs a project ID: give one, or let the session look it up from IAM by region.");
                if (DwsSessionChecks.ProjectIdProblem(value) is { } problem)
                {
                    throw new ArgumentException($"projectId '{Printable(value)}' is not a project ID: {problem}.", nameof(projectId));
                }
            }
            else if (!_pathValues.TryGetValue(name, out value!))
            {
                throw new InvalidOperationException($"Path value '{name}' of {Template} was not set.");
            }
            sb.Append(SignatureEncoding.Encode(value));
            i = close + 1;
        }
        return sb.ToString();
    }

    public bool NeedsProjectId => Template.IndexOf("{project_id}", StringComparison.Ordinal) >= 0;

    /// <summary>The query as it goes on the wire.</summary>
    public string BuildQueryString()
    {
        if (_query.Count == 0) return string.Empty;
        var sb = new StringBuilder();
        foreach (var pair in _query)
        {
            sb.Append(sb.Length == 0 ? '?' : '&');
            sb.Append(SignatureEncoding.Encode(pair.Key)).Append('=').Append(SignatureEncoding.Encode(pair.Value));
        }
        return sb.ToString();
    }

    public override string ToString() => $"{Method} {Template}";

    /// <summary>Refuses an ID or name that could not travel as one path segment; each refusal is a <see cref="DwsArgumentException"/> carrying the value.</summary>
    internal static string CheckPathValue(string? value, string parameterName)
    {
        if (value is null || value.Trim().Length == 0)
        {
            throw new DwsArgumentException($"{parameterName} is required: give a non-empty value.", parameterName, value);
        }
        if (value.Length > MaxPathValueLength) throw TooLong(value, parameterName);
        if (value == "." || value.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            throw new DwsArgumentException($"{parameterName} '{Printable(value)}' contains '..' or is '.', which is not a valid ID or name.", parameterName, value);
        }
        foreach (var c in value)
        {
            if (c == '/' || c == '\\' || c == '?' || c == '#' || char.IsControl(c))
            {
                throw new DwsArgumentException($"{parameterName} '{Printable(value)}' contains '{Printable(c.ToString())}', which an ID or name cannot contain. Check the value.", parameterName, value);
            }
        }
        return value;
    }

    /// <summary>Refuses a query value longer than <see cref="MaxPathValueLength"/> before a call that sends it later.</summary>
    internal static string? CheckQueryValue(string? value, string parameterName) =>
        value is not null && value.Length > MaxPathValueLength ? throw TooLong(value, parameterName) : value;

    private static DwsArgumentException TooLong(string value, string parameterName) =>
        new($"{parameterName} is {value.Length} characters long; IDs and names are at most {MaxPathValueLength}. Check that the right value was passed.", parameterName, value);

    // A caller's plain expression ("filter", "query!.Filter") names the value by its last identifier; anything else by the query key.
    private static string ParameterName(string? expression, string queryKey)
    {
        if (expression is null || !s_memberAccess.IsMatch(expression)) return queryKey;
        return expression.Substring(expression.LastIndexOf('.') + 1);
    }

    private static readonly Regex s_memberAccess = new(@"^[A-Za-z_][A-Za-z0-9_]*([?!]?\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

    internal static string Printable(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.Length > 80 ? value.Substring(0, 80) + "…" : value)
        {
            if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
