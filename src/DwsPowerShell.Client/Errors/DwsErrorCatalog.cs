using System.Text.Json;

namespace DwsPowerShell.Client.Errors;

/// <summary>One row of the reference's error table (appendix 6.2).</summary>
public sealed class DwsErrorInfo
{
    public DwsErrorInfo(string code, int status, string message, string solution)
    {
        Code = code;
        Status = status;
        Message = message;
        Solution = solution;
    }

    public string Code { get; }
    public int Status { get; }
    public string Message { get; }
    public string Solution { get; }
}

/// <summary>The error table of appendix 6.2, loaded on first use from an embedded copy.</summary>
public static class DwsErrorCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, DwsErrorInfo>> s_entries = new(Load);

    public static IReadOnlyCollection<DwsErrorInfo> All => (IReadOnlyCollection<DwsErrorInfo>)s_entries.Value.Values;

    public static bool TryGet(string? code, out DwsErrorInfo info)
    {
        info = null!;
        var normalized = Normalize(code);
        return normalized is not null && s_entries.Value.TryGetValue(normalized, out info!);
    }

    /// <summary>"DWS.5 001" (as the reference's text prints it) and " dws.5001 " both become "DWS.5001".</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var compact = code!.Replace(" ", string.Empty).Trim();
        return compact.StartsWith("dws.", StringComparison.OrdinalIgnoreCase) ? "DWS." + compact.Substring(4) : compact;
    }

    private static IReadOnlyDictionary<string, DwsErrorInfo> Load()
    {
        using var stream = typeof(DwsErrorCatalog).Assembly.GetManifestResourceStream("DwsPowerShell.Client.ErrorCatalog.json")
            ?? throw new InvalidOperationException("The embedded error catalogue is missing from the assembly.");
        using var doc = JsonDocument.Parse(stream);
        var map = new Dictionary<string, DwsErrorInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in doc.RootElement.GetProperty("errors").EnumerateArray())
        {
            var code = e.GetProperty("code").GetString()!;
            map[code] = new DwsErrorInfo(code, e.GetProperty("status").GetInt32(), e.GetProperty("message").GetString()!, e.GetProperty("solution").GetString()!);
        }
        return map;
    }
}
