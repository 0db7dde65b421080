using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Completers;

/// <summary>Completes -ProfileName from the sections of the credentials file (never reading a key's value out).</summary>
public sealed class ProfileCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(CredentialChain.ProfileNames().Select(p => (p, "profile " + p)), wordToComplete);
}
