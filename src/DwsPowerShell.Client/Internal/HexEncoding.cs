namespace DwsPowerShell.Client.Internal;

internal static class HexEncoding
{
    private const string LowerHex = "0123456789abcdef";

    public static string ToLower(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i * 2] = LowerHex[bytes[i] >> 4];
            chars[i * 2 + 1] = LowerHex[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
