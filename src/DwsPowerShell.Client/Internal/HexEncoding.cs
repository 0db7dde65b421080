namespace DwsPowerShell.Client.Internal;

internal static class HexEncoding
{
    private const string LowerHex = "0123456789abcdef";

    public static string ToLower(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        WriteLower(bytes, chars);
        return new string(chars);
    }

    /// <summary>Writes <paramref name="bytes"/> as lower-case hex into the first 2 × length characters of <paramref name="destination"/>.</summary>
    public static void WriteLower(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[i * 2] = LowerHex[bytes[i] >> 4];
            destination[i * 2 + 1] = LowerHex[bytes[i] & 0xF];
        }
    }
}
