using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DwsPowerShell.Client;

namespace DwsPowerShell.Completers;

/// <summary>Completes -Region from the regions of the cloud given in -Cloud (Huawei Cloud by default) whose DWS endpoint the client knows.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var cloud = (fakeBoundParameters?["Cloud"] is { } named ? DwsClouds.Find(named.ToString()) : null) ?? DwsClouds.HuaweiCloud;
        return CompletionText.Matching(cloud.Regions.Select(r => (r.Id, r.Name ?? r.Id)), wordToComplete);
    }
}
