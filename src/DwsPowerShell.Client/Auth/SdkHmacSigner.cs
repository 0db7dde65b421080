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

    private const int MaxCachedBuilder = 8 * 1024;
    private const int MaxLowerCaseNames = 64;
    private const int StackChars = 512;

    private static readonly string EmptyBodyHash = HexEncoding.ToLower(Sha256(Array.Empty<byte>()));

    /// <summary>Lower-case forms of header names seen (a handful in practice), so signing does not allocate them each time.</summary>
    private static readonly ConcurrentDictionary<string, string> s_lowerNames = new(StringComparer.Ordinal);

    private static readonly IComparer<KeyValuePair<string, string>> s_queryOrder = new QueryPairComparer();
    private static readonly Comparison<KeyValuePair<string, string>> s_byName = static (x, y) => string.CompareOrdinal(x.Key, y.Key);

    [ThreadStatic] private static StringBuilder? t_builder;
    [ThreadStatic] private static List<KeyValuePair<string, string>>? t_signed;
    [ThreadStatic] private static List<KeyValuePair<string, string>>? t_query;
    [ThreadStatic] private static IncrementalHash? t_hmac;
    [ThreadStatic] private static string? t_hmacSecret;
    [ThreadStatic] private static IncrementalHash? t_sha;

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
            date = FormatDate(utc);
            request.Headers[DateHeader] = date;
        }

        // A body that is not JSON (multipart uploads) is not hashed: the gateway expects UNSIGNED-PAYLOAD, declared in a signed header.
        if (request.Headers.TryGetValue("Content-Type", out var contentType)
            && !contentType.TrimStart().StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers[ContentSha256Header] = UnsignedPayload;
        }

        var signed = t_signed ??= new List<KeyValuePair<string, string>>();
        var sb = t_builder ?? new StringBuilder(512);
        t_builder = null; // taken: a nested call (there is none today) would get a fresh one
        try
        {
            CollectSignedHeaders(request.Headers, signed);
            AppendCanonicalRequest(sb.Clear(), request, signed, DeclaredPayload(signed));

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
            Finish(Hmac(secretKey), sb, signature);

            sb.Clear().Append(Algorithm).Append(" Access=").Append(accessKey).Append(", SignedHeaders=");
            AppendNames(sb, signed);
            sb.Append(", Signature=");
            AppendHex(sb, signature);
            return sb.ToString();
        }
        finally
        {
            signed.Clear();
            if (sb.Capacity <= MaxCachedBuilder) t_builder = sb.Clear();
        }
    }

    /// <summary><see cref="DateFormat"/> (yyyyMMddTHHmmssZ) without parsing a format string each time.</summary>
    internal static string FormatDate(DateTime utc)
    {
#if NET8_0_OR_GREATER
        return string.Create(16, utc, static (span, t) =>
        {
            Digits(span, 0, t.Year, 4);
            Digits(span, 4, t.Month, 2);
            Digits(span, 6, t.Day, 2);
            span[8] = 'T';
            Digits(span, 9, t.Hour, 2);
            Digits(span, 11, t.Minute, 2);
            Digits(span, 13, t.Second, 2);
            span[15] = 'Z';
        });
#else
        return utc.ToString(DateFormat, CultureInfo.InvariantCulture);
#endif
    }

#if NET8_0_OR_GREATER
    private static void Digits(Span<char> span, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            span[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
#endif

    public static string CanonicalRequest(SigningRequest request, IReadOnlyList<string> signedHeaders)
    {
        var signed = new List<KeyValuePair<string, string>>(signedHeaders.Count);
        foreach (var name in signedHeaders)
        {
            signed.Add(new KeyValuePair<string, string>(name, request.Headers.TryGetValue(name, out var value) ? value : string.Empty));
        }
        var sb = new StringBuilder(256);
        AppendCanonicalRequest(sb, request, signed, request.Headers.TryGetValue(ContentSha256Header, out var declared) ? declared : null);
        return sb.ToString();
    }

    /// <param name="signed">Lower-case names in order, with their values as given (trimmed here).</param>
    private static void AppendCanonicalRequest(StringBuilder sb, SigningRequest request, List<KeyValuePair<string, string>> signed, string? declaredPayload)
    {
        sb.Append(IsUpper(request.Method) ? request.Method : request.Method.ToUpperInvariant()).Append('\n');
        AppendCanonicalUri(sb, request.Path);
        sb.Append('\n');
        AppendCanonicalQuery(sb, request.Query);
        sb.Append('\n');
        for (var i = 0; i < signed.Count; i++)
        {
            sb.Append(signed[i].Key).Append(':').Append(signed[i].Value.Trim()).Append('\n');
        }
        sb.Append('\n');
        AppendNames(sb, signed);
        sb.Append('\n');
        AppendPayloadHash(sb, request, declaredPayload);
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
        while (true)
        {
            var slash = decoded.IndexOf('/', segment);
            var end = slash < 0 ? decoded.Length : slash;
            AppendEncoded(sb, decoded, segment, end - segment);
            if (slash < 0) break;
            sb.Append('/');
            segment = slash + 1;
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
        var signed = new List<KeyValuePair<string, string>>();
        CollectSignedHeaders(headers, signed);
        return signed.ConvertAll(pair => pair.Key);
    }

    /// <summary>
    /// The signed headers (see <see cref="SignedHeaderNames"/>) with their values, in one pass over the headers,
    /// so no header is looked up again while the canonical request is built.
    /// </summary>
    private static void CollectSignedHeaders(IDictionary<string, string> headers, List<KeyValuePair<string, string>> signed)
    {
        signed.Clear();
        foreach (var pair in headers)
        {
            var lower = LowerCase(pair.Key);
            if (lower == "content-type" || lower.IndexOf('_') >= 0) continue;
            signed.Add(new KeyValuePair<string, string>(lower, pair.Value));
        }
        signed.Sort(s_byName);
    }

    /// <summary>The value of X-Sdk-Content-Sha256 among the signed headers, if any.</summary>
    private static string? DeclaredPayload(List<KeyValuePair<string, string>> signed)
    {
        foreach (var pair in signed) if (pair.Key == "x-sdk-content-sha256") return pair.Value;
        return null;
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

    private static bool IsUpper(string method)
    {
        foreach (var c in method) if (c < 'A' || c > 'Z') return false;
        return true;
    }

    private static void AppendPayloadHash(StringBuilder sb, SigningRequest request, string? declared)
    {
        if (declared == UnsignedPayload)
        {
            sb.Append(UnsignedPayload);
            return;
        }
        if (request.Body.Length == 0)
        {
            sb.Append(EmptyBodyHash);
            return;
        }
        var sha = Sha();
        sha.AppendData(request.Body);
#if NET8_0_OR_GREATER
        Span<byte> hash = stackalloc byte[32];
        sha.TryGetHashAndReset(hash, out _);
        AppendHex(sb, hash);
#else
        AppendHex(sb, sha.GetHashAndReset());
#endif
    }

    /// <summary>Appends <c>value[start..start+length]</c> encoded; unreserved text is copied as is.</summary>
    private static void AppendEncoded(StringBuilder sb, string value, int start, int length)
    {
        if (SignatureEncoding.AllUnreserved(value.AsSpan(start, length))) sb.Append(value, start, length);
        else sb.Append(SignatureEncoding.Encode(value.Substring(start, length)));
    }

    private static void AppendNames(StringBuilder sb, List<KeyValuePair<string, string>> signed)
    {
        for (var i = 0; i < signed.Count; i++)
        {
            if (i > 0) sb.Append(';');
            sb.Append(signed[i].Key);
        }
    }

    /// <summary>Appends a hash (32 bytes) as lower-case hex, through a stack buffer and one Append.</summary>
    private static void AppendHex(StringBuilder sb, ReadOnlySpan<byte> hash)
    {
        Span<char> hex = stackalloc char[64];
        HexEncoding.WriteLower(hash, hex);
#if NET8_0_OR_GREATER
        sb.Append(hex);
#else
        foreach (var c in hex) sb.Append(c);
#endif
    }

    /// <summary>SHA-256 of the builder's text as UTF-8.</summary>
    private static void HashUtf8(StringBuilder sb, Span<byte> destination) => Finish(Sha(), sb, destination);

    /// <summary>This thread's SHA-256 (a reused context: see <see cref="Finish"/>).</summary>
    private static IncrementalHash Sha() => t_sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>
    /// This thread's HMAC-SHA256 keyed with the UTF-8 secret key: keying an HMAC costs more than hashing a
    /// canonical request, so the key is set once per thread and secret (a one-shot HMACSHA256.HashData re-keys on every call).
    /// </summary>
    private static IncrementalHash Hmac(string secretKey)
    {
        if (t_hmac is null || !ReferenceEquals(t_hmacSecret, secretKey))
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secretKey));
            t_hmacSecret = secretKey;
        }
        return t_hmac;
    }

    /// <summary>
    /// Feeds the builder's text as UTF-8 to a reused <see cref="IncrementalHash"/> and writes the hash.
    /// (A reused IncrementalHash keeps its OpenSSL context: measured faster than SHA256.HashData and
    /// HMACSHA256.TryComputeHash, which set one up per call.)
    /// </summary>
    private static void Finish(IncrementalHash hash, StringBuilder sb, Span<byte> destination)
    {
        var length = sb.Length;
#if NET8_0_OR_GREATER
        if (length <= StackChars)
        {
            Span<char> chars = stackalloc char[StackChars];
            Span<byte> bytes = stackalloc byte[StackChars * 3];
            sb.CopyTo(0, chars, length);
            hash.AppendData(bytes.Slice(0, Encoding.UTF8.GetBytes(chars.Slice(0, length), bytes)));
            hash.TryGetHashAndReset(destination, out _);
            return;
        }
#endif
        var rentedChars = ArrayPool<char>.Shared.Rent(length);
        var rentedBytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            sb.CopyTo(0, rentedChars, 0, length);
            hash.AppendData(rentedBytes, 0, Encoding.UTF8.GetBytes(rentedChars, 0, length, rentedBytes, 0));
            new ReadOnlySpan<byte>(hash.GetHashAndReset()).CopyTo(destination);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rentedChars);
            ArrayPool<byte>.Shared.Return(rentedBytes);
        }
    }

    private static byte[] Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }
}
