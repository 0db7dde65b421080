using System.Buffers;
using System.Security.Cryptography;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Accepts an SDK-HMAC-SHA256 signature made with the emulator's AK/SK (X-Security-Token tolerated), or an
/// unexpired X-Auth-Token from POST /v3/auth/tokens. Anything else: 401 APIGW.0301. Messages never echo
/// signatures, tokens or keys.
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (RequestContext.IsControl(http) || IsTokenIssue(http.Request))
        {
            await next(http);
            return;
        }
        var failure = http.Request.Headers.ContainsKey("Authorization")
            ? await VerifySignatureAsync(http)
            : VerifyToken(http);
        if (failure is not null)
        {
            await DwsErrors.WriteAsync(http, 401, DwsErrors.IamAuthFailed, "Incorrect IAM authentication information: " + failure);
            return;
        }
        await next(http);
    }

    private static bool IsTokenIssue(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/v3/auth/tokens", StringComparison.OrdinalIgnoreCase);

    private string? VerifyToken(HttpContext http)
    {
        var token = http.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0) return "no Authorization or X-Auth-Token header.";
        lock (state.Gate)
        {
            if (!state.Tokens.TryGetValue(token, out var expires)) return "the token is not valid.";
            if (state.Clock.UtcNow >= expires)
            {
                state.Tokens.Remove(token);
                return "the token has expired.";
            }
        }
        return null;
    }

    private async Task<string?> VerifySignatureAsync(HttpContext http)
    {
        var options = state.Options;
        var auth = SdkSignature.ParseAuthorization(http.Request.Headers.Authorization.ToString());
        if (auth is null) return $"the Authorization header is not in the {SdkSignature.Algorithm} format.";
        if (!string.Equals(auth.Access, options.AccessKey, StringComparison.Ordinal)) return "the access key is unknown.";

        var signed = auth.SignedHeaders;
        if (!signed.Contains("host") || !signed.Contains("x-sdk-date")) return "host and x-sdk-date must be signed.";
        if (signed.Any(h => h.Length == 0 || h != h.ToLowerInvariant())) return "SignedHeaders must be lower-case names.";
        var headerValues = new List<(string, string)>(signed.Count);
        foreach (var name in signed)
        {
            if (!http.Request.Headers.TryGetValue(name, out var values)) return $"signed header '{name}' is missing.";
            headerValues.Add((name, string.Join(',', values.ToArray())));
        }
        if (http.Request.Headers.ContainsKey("X-Security-Token") && !signed.Contains("x-security-token"))
            return "x-security-token must be signed.";

        var sdkDate = http.Request.Headers["X-Sdk-Date"].ToString();
        if (!SdkSignature.TryParseDate(sdkDate, out var date)) return "X-Sdk-Date is not in the yyyyMMddTHHmmssZ format.";
        if ((state.Clock.RealUtcNow - date).Duration() > options.MaxClockSkew) return "X-Sdk-Date is too far from the server time.";

        string payloadHash;
        if (string.Equals(http.Request.Headers["X-Sdk-Content-Sha256"].ToString(), SdkSignature.UnsignedPayload, StringComparison.Ordinal))
        {
            payloadHash = SdkSignature.UnsignedPayload;
        }
        else
        {
            payloadHash = await HashBodyAsync(http);
        }

        var (rawPath, rawQuery) = SplitTarget(RequestContext.RawTarget(http));
        var canonical = SdkSignature.CanonicalRequest(http.Request.Method, rawPath, rawQuery, headerValues, payloadHash);
        var expected = SdkSignature.Sign(options.SecretKey, SdkSignature.StringToSign(sdkDate, canonical));
        return SdkSignature.SignaturesEqual(expected, auth.Signature) ? null : "the signature does not match.";
    }

    /// <summary>
    /// SHA-256 of the body, read once in pieces (never whole in memory; RequestLimitsMiddleware stops it at the limit).
    /// The body stays readable for the handler: buffered in memory up to 30 KB, past that in a temporary file.
    /// </summary>
    private static async Task<string> HashBodyAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int n;
            while ((n = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) sha.AppendData(buffer, 0, n);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static (string Path, string Query) SplitTarget(string rawTarget)
    {
        if (Uri.TryCreate(rawTarget, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
            rawTarget = absolute.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        var q = rawTarget.IndexOf('?');
        return q < 0 ? (rawTarget, "") : (rawTarget[..q], rawTarget[(q + 1)..]);
    }
}
