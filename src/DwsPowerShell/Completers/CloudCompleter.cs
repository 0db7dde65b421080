using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DwsPowerShell.Client;

namespace DwsPowerShell.Completers;

/// <summary>Completes -Cloud from the named clouds (<see cref="DwsClouds"/>).</summary>
public sealed class CloudCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(DwsClouds.All.Select(c => (c.Name, c.Description)), wordToComplete);
}
