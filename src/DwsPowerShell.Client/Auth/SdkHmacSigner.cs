using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DwsPowerShell.Client.Internal;

namespace DwsPowerShell.Client.Auth;

/// <summary>What the signer needs of a request. Header names are matched case-insensitively.</summary>
public sealed class SigningRequest
{
    public SigningRequest(string method, string path)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    /// <summary>The path as it goes on the wire (already percent-encoded).</summary>
    public string Path { get; }

    /// <summary>Decoded query pairs; a key may repeat.</summary>
    public IList<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; set; } = Array.Empty<byte>();
}

/// <summary>Huawei Cloud's SDK-HMAC-SHA256 request signing (see DESIGN.md, "AK/SK request signing").</summary>
public static class SdkHmacSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private static readonly string EmptyBodyHash = HexEncoding.ToLower(Sha256(Array.Empty<byte>()));

    /// <summary>
    /// Adds <c>X-Sdk-Date</c> (when absent) and, for a Content-Type other than <c>application/json</c>,
    /// <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>; returns the <c>Authorization</c> header value.
    /// </summary>
    public static string Sign(SigningRequest request, string accessKey, string secretKey, DateTime utcNow)
    {
        if (!request.Headers.TryGetValue(DateHeader, out var date))
        {
            // An Unspecified time is already UTC (the parameter says so); ToUniversalTime would shift it by the local offset.
            var utc = utcNow.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(utcNow, DateTimeKind.Utc) : utcNow.ToUniversalTime();
            date = utc.ToString(DateFormat, CultureInfo.InvariantCulture);
            request.Headers[DateHeader] = date;
        }

        // A body that is not JSON (multipart uploads) is not hashed: the gateway expects UNSIGNED-PAYLOAD, declared in a signed header.
        if (request.Headers.TryGetValue("Content-Type", out var contentType)
            && !contentType.TrimStart().StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers[ContentSha256Header] = UnsignedPayload;
        }

        var signedHeaders = SignedHeaderNames(request.Headers);
        var canonical = CanonicalRequest(request, signedHeaders);
        var stringToSign = Algorithm + "\n" + date + "\n" + HexEncoding.ToLower(Sha256(Encoding.UTF8.GetBytes(canonical)));
        var signature = HexEncoding.ToLower(HmacSha256(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={string.Join(";", signedHeaders)}, Signature={signature}";
    }

    public static string CanonicalRequest(SigningRequest request, IReadOnlyList<string> signedHeaders)
    {
        var sb = new StringBuilder(256);
        sb.Append(request.Method.ToUpperInvariant()).Append('\n');
        sb.Append(CanonicalUri(request.Path)).Append('\n');
        sb.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            sb.Append(name).Append(':').Append(HeaderValue(request.Headers, name)).Append('\n');
        }
        sb.Append('\n');
        sb.Append(string.Join(";", signedHeaders)).Append('\n');
        sb.Append(PayloadHash(request));
        return sb.ToString();
    }

    /// <summary>The path decoded, split on <c>/</c>, each segment re-encoded; the result always ends in <c>/</c>.</summary>
    public static string CanonicalUri(string path)
    {
        // Huawei's signers decode the whole path before splitting it, so "a%2Fb" signs like "a/b".
        var segments = SignatureEncoding.Decode(path, plusIsSpace: false).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = SignatureEncoding.Encode(segments[i]);
        }
        var uri = string.Join("/", segments);
        return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
    }

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
    {
        var groups = new SortedDictionary<string, List<string>>(CodePointComparer.Instance);
        foreach (var pair in query)
        {
            if (!groups.TryGetValue(pair.Key, out var values)) groups[pair.Key] = values = new List<string>();
            values.Add(pair.Value);
        }
        var parts = new List<string>();
        foreach (var group in groups)
        {
            group.Value.Sort(CodePointComparer.Instance);
            var key = SignatureEncoding.Encode(group.Key);
            foreach (var value in group.Value)
            {
                parts.Add(key + "=" + SignatureEncoding.Encode(value));
            }
        }
        return string.Join("&", parts);
    }

    /// <summary>Every header except <c>content-type</c> and names containing <c>_</c>, lower-cased and sorted.</summary>
    public static IReadOnlyList<string> SignedHeaderNames(IDictionary<string, string> headers)
    {
        var names = new List<string>();
        foreach (var name in headers.Keys)
        {
            var lower = name.ToLowerInvariant();
            if (lower == "content-type" || lower.IndexOf('_') >= 0) continue;
            names.Add(lower);
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// Unicode code point order (the byte order of UTF-8), which Huawei's Go, Java and Python signers sort
    /// by. <see cref="StringComparer.Ordinal"/> compares UTF-16 units and puts characters above U+FFFF
    /// before U+E000–U+FFFF.
    /// </summary>
    internal sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var n = Math.Min(x.Length, y.Length);
            for (var i = 0; i < n; i++)
            {
                var a = x[i];
                var b = y[i];
                if (a == b) continue;
                // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF: order them after U+E000–U+FFFF.
                return Rank(a).CompareTo(Rank(b));
            }
            return x.Length.CompareTo(y.Length);
        }

        private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x2000 : c >= '\uE000' ? c - 0x800 : c;
    }

    private static string HeaderValue(IDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value.Trim() : string.Empty;

    private static string PayloadHash(SigningRequest request)
    {
        if (request.Headers.TryGetValue(ContentSha256Header, out var declared) && declared == UnsignedPayload)
        {
            return UnsignedPayload;
        }
        return request.Body.Length == 0 ? EmptyBodyHash : HexEncoding.ToLower(Sha256(request.Body));
    }

    private static byte[] Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }

    private static byte[] HmacSha256(byte[] key, byte[] data)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(data);
    }
}
