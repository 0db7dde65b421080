using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Errors;

/// <summary>
/// The one place that turns an answer into a <see cref="DwsApiException"/>: every error body shape
/// of quirks.md section 1 (error_code/error_msg, errCode/externalMessage, retCode/retMessage,
/// IAM's {"error":{...}}, workload_res_code), plain text, HTML, base64 and empty bodies.
/// </summary>
public static class DwsErrorMapper
{
    private const int MaxMessageLength = 500;
    private const int MaxCodeLength = 64;
    private static readonly Regex s_htmlTitle = new("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline);
    // "<[^>]+>" backtracked over the rest of the body at every unclosed '<' (minutes for 3 MB of them); this stops at the next '<'.
    private static readonly Regex s_tags = new("<[^<>]*>", RegexOptions.Singleline);

    /// <summary>Only the start of a plain-text or HTML body is read for its message (which keeps 500 characters anyway).</summary>
    private const int MaxPlainTextScan = 16 * 1024;
    private static readonly Regex s_space = new(@"\s+");

    /// <param name="host">The host the request went to, named by failures that are about it (a name DNS does not know).</param>
    public static DwsApiException FromResponse(DwsResponse response, string method, string path, string? host = null)
    {
        if (response.Failure != DwsTransportFailure.None) return FromTransportFailure(response, method, path, host);

        var (code, message) = ParseBody(response.Body);
        return Create(response.StatusCode, code, message, response.RequestId, method, path, null);
    }

    /// <summary>A 2xx whose body reports failure (workload_res_code ≠ 0 or ret_code ≠ 0); null when it reports success.</summary>
    public static DwsApiException? FromResultCode(DwsResponse response, string method, string path)
    {
        if (!response.BodyContains("workload_res_code") && !response.BodyContains("ret_code")) return null;
        var body = response.Body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var (codeName, textName) in new[] { ("workload_res_code", "workload_res_str"), ("ret_code", "ret_msg") })
            {
                if (!doc.RootElement.TryGetProperty(codeName, out var codeElement)) continue;
                var code = Text(codeElement);
                if (code is null || code == "0") return null;
                var text = doc.RootElement.TryGetProperty(textName, out var t) ? Text(t) : null;
                return Create(response.StatusCode, code, text ?? $"The service reported {codeName} {code}.", response.RequestId, method, path, null);
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to check; deserialisation reports the problem.
        }
        return null;
    }

    /// <summary>
    /// A 2xx whose own <c>error_code</c> (or <c>errCode</c>/<c>retCode</c>, which 5.2.4, 5.2.17, 5.2.23 and 5.2.24 send
    /// beside it: quirks.md 1.3) is not a success value (DWS.0000, "0", null, or one of <paramref name="successCodes"/>,
    /// which the operation documents as success: 5.2.54 answers DWS.0138): the service's code and message as a failure;
    /// null when the answer reports success. A refusal inside a 200 (5.2.30 scale-in) is the same failure as a 4xx.
    /// </summary>
    public static DwsApiException? FromErrorCode(DwsResponse response, string method, string path, IReadOnlyCollection<string>? successCodes = null)
    {
        if (!response.BodyContains("\"error_code\"") && !response.BodyContains("\"errCode\"") && !response.BodyContains("\"retCode\"")) return null;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            // Only the answer's own fields: items of a list (or of an array answer) may carry codes of their own.
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            for (var i = 0; i < OwnOutcomePairs; i++)
            {
                var (codeName, messageName) = s_fieldPairs[i];
                if (!doc.RootElement.TryGetProperty(codeName, out var codeElement)) continue;
                var code = ShortenCode(Text(codeElement));
                if (code is null || code == "DWS.0000" || code == "0") continue;
                if (successCodes is not null && successCodes.Contains(code, StringComparer.OrdinalIgnoreCase)) continue;
                var message = doc.RootElement.TryGetProperty(messageName, out var m) ? Text(m) : null;
                return Create(response.StatusCode, code,
                    message is null ? $"the service answered {response.StatusCode} but refused the request with {codeName} {code}" : Shorten(message),
                    response.RequestId, method, path, null);
            }
        }
        catch (JsonException)
        {
            // Not JSON: deserialisation reports the problem.
        }
        return null;
    }

    /// <summary>
    /// A 2xx answer that lacks what the call needs (no body, or no object or ID where one must be): the service
    /// answered, but not usably. Reported as DWS.Client.InvalidResponse, like an unreadable body, so that callers
    /// see one exception type for every bad answer.
    /// </summary>
    internal static DwsApiException UnusableAnswer(DwsOperation operation, string message) =>
        UnusableAnswer(operation.Method, operation.Path, message);

    /// <inheritdoc cref="UnusableAnswer(DwsOperation, string)"/>
    internal static DwsApiException UnusableAnswer(DwsRequest request, string message) =>
        UnusableAnswer(request.Method, request.Template, message);

    /// <inheritdoc cref="UnusableAnswer(DwsOperation, string)"/>
    /// <remarks>For the IAM calls (token, project list), which are not DWS catalogue operations.</remarks>
    internal static DwsApiException UnusableAnswer(string method, string template, string message) =>
        Create(200, "DWS.Client.InvalidResponse", message, null, method, template, null);

    /// <summary>
    /// An answer over <see cref="DwsSessionOptions.MaxResponseBytes"/>: DWS.Client.ResponseTooLarge with the answer's
    /// status, naming the limit and how to raise it.
    /// </summary>
    internal static DwsApiException TooLarge(DwsResponse response, DwsResponseTooLargeException tooLarge, string method, string path) =>
        Create(response.StatusCode, "DWS.Client.ResponseTooLarge",
            tooLarge.Message + ". If answers this large are expected, raise the limit: Connect-DwsService -MaxResponseSize, or DwsSessionOptions.MaxResponseBytes",
            response.RequestId, method, path, tooLarge,
            "Raise the limit on one answer with Connect-DwsService -MaxResponseSize (in bytes; 64MB works) or DwsSessionOptions.MaxResponseBytes, if answers this large are expected; otherwise the endpoint is not answering like DWS.");

    /// <summary>
    /// <paramref name="error"/> of a change whose answer was lost: the same failure, marked
    /// <see cref="DwsApiException.OutcomeUnknown"/>, its message saying that the change may or may not have been
    /// applied, what a read-back found (<paramref name="finding"/>, when one was made), and to look before sending it again.
    /// </summary>
    internal static DwsApiException OutcomeUnknown(DwsApiException error, string? finding = null)
    {
        var lost = error.LostAnswer ?? error.Message;
        var sb = new StringBuilder(lost);
        if (!lost.EndsWith(".", StringComparison.Ordinal)) sb.Append('.');
        sb.Append(" The outcome is unknown: the request was sent and its answer lost, so the change may or may not have been applied.");
        if (finding is not null) sb.Append(' ').Append(finding);
        sb.Append(" Look before running it again: sending it again could apply it twice.");
        return new DwsApiException(sb.ToString(), error.StatusCode, error.ErrorCode, error.ErrorMessage, error.RequestId, error.Method, error.Path,
            error.RecommendedAction, error.InnerException)
        {
            Attempts = error.Attempts,
            OutcomeUnknown = true,
            RetryAfter = error.RetryAfter,
            LostAnswer = lost,
        };
    }

    /// <summary>
    /// <paramref name="error"/> (a 429 or 5xx with Retry-After) when the wait it asked for was longer than the call had
    /// left of its total time: not waited for, and the message says when to try again.
    /// </summary>
    internal static DwsApiException WaitBeyondBudget(DwsApiException error, TimeSpan asked, TimeSpan left, DateTimeOffset retryAt)
    {
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0}. The service asked to wait {1:0} s (Retry-After), longer than the {2:0.#} s left of this call's total time: not waited for. Try again after {3:yyyy-MM-dd HH:mm:ss} UTC.",
            error.Message.TrimEnd('.'), asked.TotalSeconds, left.TotalSeconds, retryAt.UtcDateTime);
        return new DwsApiException(message, error.StatusCode, error.ErrorCode, error.ErrorMessage, error.RequestId, error.Method, error.Path,
            error.RecommendedAction, error.InnerException)
        {
            Attempts = error.Attempts,
            RetryAfter = retryAt,
        };
    }

    internal static DwsApiException Create(int status, string? code, string? message, string? requestId, string method, string path, Exception? inner,
        string? action = null)
    {
        code = DwsErrorCatalog.Normalize(code);
        if (DwsErrorCatalog.TryGet(code, out var info))
        {
            action = info.Solution ?? action;
            message ??= info.Message;
        }
        message ??= DefaultMessage(status);
        var sb = new StringBuilder();
        sb.Append(method).Append(' ').Append(path).Append(" failed");
        if (status > 0) sb.Append(" with HTTP ").Append(status);
        sb.Append(": ");
        if (code is not null) sb.Append(code).Append(' ');
        sb.Append(message);
        if (requestId is not null) sb.Append(" (request ID ").Append(requestId).Append(')');
        return new DwsApiException(sb.ToString(), status, code, message, requestId, method, path, action, inner);
    }

    private static DwsApiException FromTransportFailure(DwsResponse response, string method, string path, string? host)
    {
        var (code, text) = response.Failure switch
        {
            DwsTransportFailure.HostNotFound => ("DWS.Client.HostNotFound", host is null ? "the endpoint's host name does not resolve" : $"the host name '{host}' does not resolve"),
            DwsTransportFailure.NotSent => ("DWS.Client.ConnectionFailed", "could not connect to the endpoint"),
            DwsTransportFailure.Timeout => ("DWS.Client.Timeout", "the server did not answer in time"),
            _ => ("DWS.Client.ConnectionBroken", "the connection broke before an answer arrived"),
        };
        var detail = response.Error?.GetBaseException().Message;
        var action = response.Failure == DwsTransportFailure.HostNotFound
            ? "Check the endpoint's host name (or the region it was derived from), and the DNS or proxy settings of this machine."
            : null;
        return Create(0, code, detail is null ? text : $"{text} ({detail})", null, method, path, response.Error, action);
    }

    internal static (string? Code, string? Message) ParseBody(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length == 0) return (null, null);
        if (trimmed[0] == '{' || trimmed[0] == '[')
        {
            var parsed = ParseJson(trimmed);
            if (parsed.Code is not null || parsed.Message is not null) return parsed;
        }
        var decoded = TryBase64Json(trimmed);
        if (decoded is not null) return ParseJson(decoded);
        return (null, Shorten(PlainText(trimmed)));
    }

    private static (string? Code, string? Message) ParseJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0) root = root[0];
            if (root.ValueKind != JsonValueKind.Object) return (null, Shorten(json));
            if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object) root = nested;
            else if (OpenStackFault(root) is { } fault) return fault;

            string? code = null, message = null;
            foreach (var (codeName, messageName) in s_fieldPairs)
            {
                var c = root.TryGetProperty(codeName, out var ce) ? ShortenCode(Text(ce)) : null;
                var m = root.TryGetProperty(messageName, out var me) ? Text(me) : null;
                // Bodies may carry several pairs with some null (quirks.md 1.3): take the first failure code.
                if (c is not null && c != "DWS.0000" && code is null) { code = c; message = m ?? message; }
                else if (m is not null && message is null) message = m;
            }
            return (code, message is null ? null : Shorten(message));
        }
        catch (JsonException)
        {
            return (null, Shorten(PlainText(json)));
        }
    }

    /// <summary>
    /// The OpenStack-style fault of the services beside DWS on the same gateway (SFS, EVS...): one property named after
    /// the fault holding the message, <c>{"itemNotFound":{"message":"...","code":404}}</c>. The fault's name is the code
    /// unless the inner code is a service code of its own (text, not the HTTP status repeated).
    /// </summary>
    private static (string? Code, string? Message)? OpenStackFault(JsonElement root)
    {
        using var properties = root.EnumerateObject();
        if (!properties.MoveNext()) return null;
        var only = properties.Current;
        if (properties.MoveNext() || only.Value.ValueKind != JsonValueKind.Object) return null;
        if (!only.Value.TryGetProperty("message", out var m) || Text(m) is not { } message) return null;
        var inner = only.Value.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? Text(c) : null;
        return (ShortenCode(inner ?? only.Name), Shorten(message));
    }

    /// <summary>The first pairs of <see cref="s_fieldPairs"/> (error_code, errCode, retCode): those a 2xx reports its own outcome with.</summary>
    private const int OwnOutcomePairs = 3;

    private static readonly (string, string)[] s_fieldPairs =
    {
        ("error_code", "error_msg"),
        ("errCode", "externalMessage"),
        ("retCode", "retMessage"),
        ("workload_res_code", "workload_res_str"),
        ("code", "message"),
        ("error_code", "error_message"),
        ("code", "msg"),
    };

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    private static string? TryBase64Json(string text)
    {
        if (text.Length < 8 || text.Length % 4 != 0) return null;
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '/' || c == '=')) return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Trim();
            return decoded.StartsWith("{", StringComparison.Ordinal) ? decoded : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string PlainText(string text)
    {
        if (text.Length > MaxPlainTextScan) text = text.Substring(0, MaxPlainTextScan);
        if (text.IndexOf('<') >= 0)
        {
            var title = s_htmlTitle.Match(text);
            text = title.Success ? title.Groups[1].Value : s_tags.Replace(text, " ");
        }
        return s_space.Replace(text, " ").Trim();
    }

    /// <summary>Real codes are short ("DWS.5001"); a long value is not one and must not carry a whole body into the message.</summary>
    private static string? ShortenCode(string? code) => code is null || code.Length <= MaxCodeLength ? code : code.Substring(0, MaxCodeLength) + "…";

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text.Substring(0, MaxMessageLength) + "…";

    private static string DefaultMessage(int status) => status switch
    {
        400 => "the request was rejected as invalid",
        401 => "authentication failed: check the access key and secret key, or the token",
        403 => "permission denied",
        404 => "the resource was not found",
        409 => "the request conflicts with the resource's current state",
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ => "the request failed",
    };
}
