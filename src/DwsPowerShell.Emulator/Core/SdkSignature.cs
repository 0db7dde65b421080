using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Server side of SDK-HMAC-SHA256 (DESIGN.md "AK/SK request signing"), written from the description:
/// the canonical request is rebuilt from the request exactly as received.
/// </summary>
internal static class SdkSignature
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public sealed record Authorization(string Access, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Authorization? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return null;
        string? access = null, signed = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) return null;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Access": access = value; break;
                case "SignedHeaders": signed = value; break;
                case "Signature": signature = value; break;
                default: return null;
            }
        }
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(signed) || string.IsNullOrEmpty(signature)) return null;
        return new Authorization(access, signed.Split(';'), signature);
    }

    public static bool TryParseDate(string? value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);

    /// <summary>The path is percent-decoded first, then split on '/', each segment re-encoded; always ends in '/'.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var decoded = Uri.UnescapeDataString(rawPath);
        var joined = string.Join('/', decoded.Split('/').Select(Encode));
        return joined.EndsWith('/') ? joined : joined + "/";
    }

    /// <summary>
    /// '+' is a space; keys ordered by decoded text, a key's values sorted, both by Unicode code point as Huawei's SDK
    /// signers sort (Python's sorted str, Go's sort.Strings on UTF-8); enc(k)=enc(v) joined by '&amp;'.
    /// </summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.StartsWith('?')) rawQuery = rawQuery[1..];
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add((DecodeQuery(key), DecodeQuery(value)));
        }
        return string.Join('&', pairs
            .OrderBy(p => p.Key, CodePointOrder.Instance)
            .ThenBy(p => p.Value, CodePointOrder.Instance)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
    }

    public static string CanonicalRequest(string method, string rawPath, string rawQuery,
        IReadOnlyList<(string Name, string Value)> signedHeaderValues, string payloadHash)
    {
        var sb = new StringBuilder();
        sb.Append(method).Append('\n');
        sb.Append(CanonicalUri(rawPath)).Append('\n');
        sb.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var (name, value) in signedHeaderValues) sb.Append(name).Append(':').Append(value.Trim()).Append('\n');
        sb.Append('\n');
        sb.Append(string.Join(';', signedHeaderValues.Select(h => h.Name))).Append('\n');
        sb.Append(payloadHash);
        return sb.ToString();
    }

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        $"{Algorithm}\n{sdkDate}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static string Sign(string secretKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static bool SignaturesEqual(string expected, string provided) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(provided));

    private static string DecodeQuery(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    private static string Encode(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Strings by Unicode code point. <see cref="StringComparer.Ordinal"/> compares UTF-16 units, which puts a
    /// character above U+FFFF (a surrogate pair, U+D800-U+DFFF) before U+E000-U+FFFF: U+1F600 before U+FF5A.
    /// </summary>
    internal sealed class CodePointOrder : IComparer<string>
    {
        public static readonly CodePointOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
            var common = x.AsSpan().CommonPrefixLength(y);
            if (common == x.Length || common == y.Length) return x.Length.CompareTo(y.Length);
            return Rank(x[common]).CompareTo(Rank(y[common]));
        }

        /// <summary>Moves surrogates above every other UTF-16 unit; the order among the rest is unchanged.</summary>
        private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
    }
}
