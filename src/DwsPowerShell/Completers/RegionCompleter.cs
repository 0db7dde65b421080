using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DwsPowerShell.Client;

namespace DwsPowerShell.Completers;

/// <summary>Completes -Region from the regions whose DWS endpoint the client knows (<see cref="DwsRegions"/>).</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    private static readonly (string Value, string Tooltip)[] s_regions =
        DwsRegions.All.Select(r => (r.Id, r.Name ?? r.Id)).ToArray();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => CompletionText.Matching(s_regions, wordToComplete);
}
