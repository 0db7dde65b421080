using System.Management.Automation;

namespace DwsPowerShell.Completers;

internal static class CompletionText
{
    /// <summary>Case-insensitive "word*" matches, quoted when they contain spaces or quotes.</summary>
    public static IEnumerable<CompletionResult> Matching(IEnumerable<(string Value, string Tooltip)> candidates, string wordToComplete)
    {
        var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        foreach (var (value, tooltip) in candidates.OrderBy(c => c.Value, StringComparer.OrdinalIgnoreCase))
        {
            if (!pattern.IsMatch(value)) continue;
            var text = value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
            yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tooltip) ? value : tooltip);
        }
    }
}
