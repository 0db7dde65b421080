using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DwsPowerShell.Completers;

/// <summary>Completes -ClusterId from the session's clusters (cached; the tooltip shows name and status).</summary>
public sealed class ClusterIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(ClusterCompletionCache.Clusters(fakeBoundParameters).Select(c => (c.Id, $"{c.Name} ({c.Status})")), wordToComplete);
}
