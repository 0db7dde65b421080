using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DwsPowerShell.Completers;

/// <summary>Completes -Name of cluster cmdlets from the session's clusters (cached; the tooltip shows ID and status).</summary>
public sealed class ClusterNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(ClusterCompletionCache.Clusters(fakeBoundParameters)
            .Where(c => !string.IsNullOrEmpty(c.Name))
            .Select(c => (c.Name!, $"{c.Id} ({c.Status})")), wordToComplete);
}
