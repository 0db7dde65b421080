using System.Text;

namespace DwsPowerShell.Client.Auth;

/// <summary>
/// The percent-encoding the DWS gateway uses for signing and for building paths: every byte of the
/// UTF-8 form except <c>A-Za-z0-9-_.~</c> becomes <c>%XX</c> with upper-case hex.
/// </summary>
public static class SignatureEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        if (value.Length == 0) return value;
        var needs = false;
        foreach (var c in value)
        {
            if (!IsUnreserved(c)) { needs = true; break; }
        }
        if (!needs) return value;

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

    internal static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
}
