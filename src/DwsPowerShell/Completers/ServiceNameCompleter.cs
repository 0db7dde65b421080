using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DwsPowerShell.Completers;

/// <summary>Completes Invoke-DwsRestMethod -Service with the services around DWS on the same gateway.</summary>
public sealed class ServiceNameCompleter : IArgumentCompleter
{
    private static readonly (string, string)[] s_services =
    {
        ("dws", "GaussDB(DWS) data warehouse"),
        ("cdm", "Cloud Data Migration"),
        ("sfs", "Scalable File Service"),
        ("ddm", "Distributed Database Middleware"),
        ("iam", "Identity and Access Management"),
        ("obs", "Object Storage Service"),
        ("vpc", "Virtual Private Cloud"),
        ("ecs", "Elastic Cloud Server"),
        ("evs", "Elastic Volume Service"),
        ("kms", "Key Management Service"),
        ("lts", "Log Tank Service"),
        ("ces", "Cloud Eye"),
        ("smn", "Simple Message Notification"),
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => CompletionText.Matching(s_services, wordToComplete);
}
