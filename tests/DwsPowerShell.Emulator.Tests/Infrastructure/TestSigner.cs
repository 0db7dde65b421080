using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DwsPowerShell.Emulator.Tests.Infrastructure;

/// <summary>
/// A client-side SDK-HMAC-SHA256 signer written for the tests from DESIGN.md (independent of the emulator's verifier
/// and of the client library). Signs host, x-sdk-date and every request header except content-type.
/// </summary>
internal static class TestSigner
{
    public static string DateHeader(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Adds Host, X-Sdk-Date and Authorization to the request.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, string accessKey, string secretKey, DateTimeOffset at)
    {
        var uri = request.RequestUri!;
        request.Headers.Host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.Remove("X-Sdk-Date");
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", DateHeader(at));
        request.Headers.Authorization = null;

        var headers = request.Headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value).Trim()))
            .Where(h => h.Name != "content-type" && !h.Name.Contains('_'))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(";", headers.Select(h => h.Name));
        var payload = request.Headers.TryGetValues("X-Sdk-Content-Sha256", out var v) && v.Single() == "UNSIGNED-PAYLOAD"
            ? "UNSIGNED-PAYLOAD"
            : Hex(SHA256.HashData(body));
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(CanonicalPath(uri.AbsolutePath)).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n')
            .Append(string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payload)
            .ToString();
        var stringToSign = $"SDK-HMAC-SHA256\n{DateHeader(at)}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SDK-HMAC-SHA256 Access={accessKey}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static string CanonicalPath(string escapedPath)
    {
        var parts = Uri.UnescapeDataString(escapedPath).Split('/').Select(Uri.EscapeDataString);
        var path = string.Join("/", parts);
        return path.EndsWith('/') ? path : path + "/";
    }

    private static string CanonicalQuery(string query)
    {
        if (query.StartsWith('?')) query = query[1..];
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var kv = p.Split('=', 2);
            string Dec(string s) => Uri.UnescapeDataString(s.Replace("+", " "));
            return (K: Dec(kv[0]), V: kv.Length > 1 ? Dec(kv[1]) : "");
        });
        // Huawei's SDKs sort by code point, which is the order of the UTF-8 bytes.
        return string.Join("&", pairs.OrderBy(p => Encoding.UTF8.GetBytes(p.K), Utf8Order).ThenBy(p => Encoding.UTF8.GetBytes(p.V), Utf8Order)
            .Select(p => Uri.EscapeDataString(p.K) + "=" + Uri.EscapeDataString(p.V)));
    }

    private static readonly Comparer<byte[]> Utf8Order = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
