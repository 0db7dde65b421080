using System.Buffers;
using System.Collections.Concurrent;
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

/// <summary>
/// Huawei Cloud's SDK-HMAC-SHA256 request signing (see DESIGN.md, "AK/SK request signing").
/// Thread-safe. <see cref="Sign"/> builds the canonical request, string to sign and header in one
/// per-thread buffer and hashes with one-shot APIs (net8.0) or per-thread instances (netstandard2.0),
/// so a signature allocates little more than the Authorization string it returns.
/// </summary>
public static class SdkHmacSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private const string LowerHex = "0123456789abcdef";
    private const int MaxCachedBuilder = 8 * 1024;
    private const int MaxLowerCaseNames = 64;

    private static readonly string EmptyBodyHash = HexEncoding.ToLower(Sha256(Array.Empty<byte>()));

    /// <summary>Lower-case forms of header names seen (a handful in practice), so signing does not allocate them each time.</summary>
    private static readonly ConcurrentDictionary<string, string> s_lowerNames = new(StringComparer.Ordinal);

    private static readonly IComparer<KeyValuePair<string, string>> s_queryOrder = new QueryPairComparer();

    [ThreadStatic] private static StringBuilder? t_builder;
    [ThreadStatic] private static List<string>? t_names;
    [ThreadStatic] private static List<KeyValuePair<string, string>>? t_query;
    [ThreadStatic] private static HMACSHA256? t_hmac;
    [ThreadStatic] private static string? t_hmacSecret;
#if !NET8_0_OR_GREATER
    [ThreadStatic] private static SHA256? t_sha;
#endif

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

        var names = t_names ??= new List<string>();
        var sb = t_builder ?? new StringBuilder(512);
        t_builder = null; // taken: a nested call (there is none today) would get a fresh one
        try
        {
            names.Clear();
            AddSignedHeaderNames(request.Headers, names);
            AppendCanonicalRequest(sb.Clear(), request, names);

#if NET8_0_OR_GREATER
            Span<byte> canonicalHash = stackalloc byte[32];
            Span<byte> signature = stackalloc byte[32];
#else
            var canonicalHash = new byte[32];
            var signature = new byte[32];
#endif
            HashUtf8(sb, canonicalHash);

            sb.Clear().Append(Algorithm).Append('\n').Append(date).Append('\n');
            AppendHex(sb, canonicalHash);
            HmacUtf8(secretKey, sb, signature);

            sb.Clear().Append(Algorithm).Append(" Access=").Append(accessKey).Append(", SignedHeaders=");
            AppendJoined(sb, names);
            sb.Append(", Signature=");
            AppendHex(sb, signature);
            return sb.ToString();
        }
        finally
        {
            names.Clear();
            if (sb.Capacity <= MaxCachedBuilder) t_builder = sb.Clear();
        }
    }

    public static string CanonicalRequest(SigningRequest request, IReadOnlyList<string> signedHeaders)
    {
        var sb = new StringBuilder(256);
        AppendCanonicalRequest(sb, request, signedHeaders);
        return sb.ToString();
    }

    private static void AppendCanonicalRequest(StringBuilder sb, SigningRequest request, IReadOnlyList<string> signedHeaders)
    {
        sb.Append(request.Method.ToUpperInvariant()).Append('\n');
        AppendCanonicalUri(sb, request.Path);
        sb.Append('\n');
        AppendCanonicalQuery(sb, request.Query);
        sb.Append('\n');
        for (var i = 0; i < signedHeaders.Count; i++)
        {
            var name = signedHeaders[i];
            sb.Append(name).Append(':').Append(HeaderValue(request.Headers, name)).Append('\n');
        }
        sb.Append('\n');
        AppendJoined(sb, signedHeaders);
        sb.Append('\n');
        AppendPayloadHash(sb, request);
    }

    /// <summary>The path decoded, split on <c>/</c>, each segment re-encoded; the result always ends in <c>/</c>.</summary>
    public static string CanonicalUri(string path)
    {
        var sb = new StringBuilder(path.Length + 8);
        AppendCanonicalUri(sb, path);
        return sb.ToString();
    }

    private static void AppendCanonicalUri(StringBuilder sb, string path)
    {
        // Huawei's signers decode the whole path before splitting it, so "a%2Fb" signs like "a/b".
        var decoded = SignatureEncoding.Decode(path, plusIsSpace: false);
        var start = sb.Length;
        var segment = 0;
        for (var i = 0; i <= decoded.Length; i++)
        {
            if (i < decoded.Length && decoded[i] != '/') continue;
            AppendEncoded(sb, decoded, segment, i - segment);
            if (i < decoded.Length) sb.Append('/');
            segment = i + 1;
        }
        if (sb.Length == start || sb[sb.Length - 1] != '/') sb.Append('/');
    }

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
    {
        var sb = new StringBuilder();
        AppendCanonicalQuery(sb, query);
        return sb.ToString();
    }

    /// <summary>Pairs sorted by key, then value, in code point order; each key and value encoded.</summary>
    private static void AppendCanonicalQuery(StringBuilder sb, IEnumerable<KeyValuePair<string, string>> query)
    {
        var pairs = t_query ??= new List<KeyValuePair<string, string>>();
        try
        {
            pairs.Clear();
            if (query is IList<KeyValuePair<string, string>> list)
            {
                for (var i = 0; i < list.Count; i++) pairs.Add(list[i]);
            }
            else
            {
                foreach (var pair in query) pairs.Add(pair);
            }
            if (pairs.Count == 0) return;
            pairs.Sort(s_queryOrder);
            for (var i = 0; i < pairs.Count; i++)
            {
                if (i > 0) sb.Append('&');
                AppendEncoded(sb, pairs[i].Key, 0, pairs[i].Key.Length);
                sb.Append('=');
                AppendEncoded(sb, pairs[i].Value, 0, pairs[i].Value.Length);
            }
        }
        finally
        {
            pairs.Clear();
        }
    }

    /// <summary>Every header except <c>content-type</c> and names containing <c>_</c>, lower-cased and sorted.</summary>
    public static IReadOnlyList<string> SignedHeaderNames(IDictionary<string, string> headers)
    {
        var names = new List<string>();
        AddSignedHeaderNames(headers, names);
        return names;
    }

    private static void AddSignedHeaderNames(IDictionary<string, string> headers, List<string> names)
    {
        foreach (var pair in headers)
        {
            var lower = LowerCase(pair.Key);
            if (lower == "content-type" || lower.IndexOf('_') >= 0) continue;
            names.Add(lower);
        }
        names.Sort(StringComparer.Ordinal);
    }

    private static string LowerCase(string name)
    {
        if (s_lowerNames.TryGetValue(name, out var lower)) return lower;
        lower = name.ToLowerInvariant();
        if (s_lowerNames.Count < MaxLowerCaseNames) s_lowerNames.TryAdd(name, lower);
        return lower;
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

    /// <summary>By key, then by value, both in code point order (what grouping by key and sorting each group's values gives).</summary>
    private sealed class QueryPairComparer : IComparer<KeyValuePair<string, string>>
    {
        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
        {
            var byKey = CodePointComparer.Instance.Compare(x.Key, y.Key);
            return byKey != 0 ? byKey : CodePointComparer.Instance.Compare(x.Value, y.Value);
        }
    }

    private static string HeaderValue(IDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value.Trim() : string.Empty;

    private static void AppendPayloadHash(StringBuilder sb, SigningRequest request)
    {
        if (request.Headers.TryGetValue(ContentSha256Header, out var declared) && declared == UnsignedPayload)
        {
            sb.Append(UnsignedPayload);
            return;
        }
        if (request.Body.Length == 0)
        {
            sb.Append(EmptyBodyHash);
            return;
        }
#if NET8_0_OR_GREATER
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(request.Body, hash);
        AppendHex(sb, hash);
#else
        AppendHex(sb, Sha256(request.Body));
#endif
    }

    /// <summary>Appends <c>value[start..start+length]</c> encoded; unreserved text is copied as is.</summary>
    private static void AppendEncoded(StringBuilder sb, string value, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!SignatureEncoding.IsUnreserved(value[i]))
            {
                sb.Append(SignatureEncoding.Encode(value.Substring(start, length)));
                return;
            }
        }
        sb.Append(value, start, length);
    }

    private static void AppendJoined(StringBuilder sb, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) sb.Append(';');
            sb.Append(names[i]);
        }
    }

    private static void AppendHex(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            sb.Append(LowerHex[b >> 4]).Append(LowerHex[b & 0xF]);
        }
    }

    /// <summary>SHA-256 of the builder's text as UTF-8.</summary>
    private static void HashUtf8(StringBuilder sb, Span<byte> destination)
    {
        var length = sb.Length;
        var chars = ArrayPool<char>.Shared.Rent(length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            sb.CopyTo(0, chars, 0, length);
            var count = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
#if NET8_0_OR_GREATER
            SHA256.HashData(bytes.AsSpan(0, count), destination);
#else
            var sha = t_sha ??= SHA256.Create();
            new ReadOnlySpan<byte>(sha.ComputeHash(bytes, 0, count)).CopyTo(destination);
#endif
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>HMAC-SHA256 keyed with the UTF-8 secret key, of the builder's text as UTF-8.</summary>
    private static void HmacUtf8(string secretKey, StringBuilder sb, Span<byte> destination)
    {
        var length = sb.Length;
        var chars = ArrayPool<char>.Shared.Rent(length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            sb.CopyTo(0, chars, 0, length);
            var count = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
            // One instance per thread and secret: keying an HMAC costs more than hashing a canonical request,
            // so the key is set once (a one-shot HMACSHA256.HashData re-keys on every call).
            if (t_hmac is null || !ReferenceEquals(t_hmacSecret, secretKey))
            {
                t_hmac?.Dispose();
                t_hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
                t_hmacSecret = secretKey;
            }
#if NET8_0_OR_GREATER
            t_hmac.TryComputeHash(bytes.AsSpan(0, count), destination, out _);
#else
            new ReadOnlySpan<byte>(t_hmac.ComputeHash(bytes, 0, count)).CopyTo(destination);
#endif
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static byte[] Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }
}
