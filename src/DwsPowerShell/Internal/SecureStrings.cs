using System.Runtime.InteropServices;
using System.Security;

namespace DwsPowerShell.Internal;

/// <summary>Reads a SecureString once, at the moment the client needs the text.</summary>
internal static class SecureStrings
{
    public static string ToPlain(SecureString value)
    {
        var ptr = IntPtr.Zero;
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
            return Marshal.PtrToStringUni(ptr) ?? string.Empty;
        }
        finally
        {
            if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    public static string? ToPlainOrNull(SecureString? value) => value is null ? null : ToPlain(value);
}
