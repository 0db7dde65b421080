using System.Text;

namespace DwsPowerShell.Client.Auth;

/// <summary>
/// The percent-encoding the DWS gateway uses for signing and for building paths: every byte of the
/// UTF-8 form except <c>A-Za-z0-9-_.~</c> becomes <c>%XX</c> with upper-case hex.
/// </summary>
public static class SignatureEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<char> s_unreserved =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");
#endif

    public static string Encode(string value)
    {
        if (value.Length == 0 || AllUnreserved(value.AsSpan())) return value;

        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b < 0x80 && IsUnreserved((char)b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }
        return sb.ToString();
    }

    /// <summary>Decodes %XX sequences (UTF-8); in a query, <c>+</c> also means a space.</summary>
    public static string Decode(string value, bool plusIsSpace)
    {
        if (plusIsSpace && value.IndexOf('+') >= 0) value = value.Replace('+', ' ');
        return value.IndexOf('%') < 0 ? value : Uri.UnescapeDataString(value);
    }

    /// <summary>True when no character of <paramref name="text"/> needs encoding (vectorised on net8.0).</summary>
    internal static bool AllUnreserved(ReadOnlySpan<char> text)
    {
#if NET8_0_OR_GREATER
        return text.IndexOfAnyExcept(s_unreserved) < 0;
#else
        foreach (var c in text) if (!IsUnreserved(c)) return false;
        return true;
#endif
    }

    internal static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
}
