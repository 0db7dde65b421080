using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DwsPowerShell.Completers;

/// <summary>Completes -Region from Huawei Cloud's public regions.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    internal static readonly (string Value, string Tooltip)[] Regions =
    {
        ("af-south-1", "AF-Johannesburg"),
        ("ap-southeast-1", "CN-Hong Kong"),
        ("ap-southeast-2", "AP-Bangkok"),
        ("ap-southeast-3", "AP-Singapore"),
        ("ap-southeast-4", "AP-Jakarta"),
        ("cn-east-2", "CN East-Shanghai2"),
        ("cn-east-3", "CN East-Shanghai1"),
        ("cn-north-1", "CN North-Beijing1"),
        ("cn-north-4", "CN North-Beijing4"),
        ("cn-north-9", "CN North-Ulanqab1"),
        ("cn-south-1", "CN South-Guangzhou"),
        ("cn-southwest-2", "CN Southwest-Guiyang1"),
        ("eu-west-0", "EU-Paris"),
        ("eu-west-101", "EU-Dublin"),
        ("la-north-2", "LA-Mexico City2"),
        ("la-south-2", "LA-Santiago"),
        ("me-east-1", "ME-Riyadh"),
        ("sa-brazil-1", "LA-Sao Paulo1"),
        ("tr-west-1", "TR-Istanbul"),
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => CompletionText.Matching(Regions, wordToComplete);
}
