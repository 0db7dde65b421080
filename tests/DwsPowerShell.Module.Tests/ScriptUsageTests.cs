using System.Text.RegularExpressions;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The Pester suites, the demo script and the help examples call only cmdlets that exist, with
/// parameters those cmdlets have (full names, aliases or unique prefixes, as PowerShell binds them).
/// Pester cannot run on the build machines, so this catches a renamed parameter there.
/// </summary>
public class ScriptUsageTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    private static readonly string[] Common =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "ProgressAction",
    };

    private static readonly Regex s_call = new(@"\b(?<cmd>[A-Z][a-z]+-Dws[A-Za-z]+)\b(?<args>[^|;{}()]*)", RegexOptions.Compiled);
    private static readonly Regex s_parameter = new(@"(?<=^|\s)-(?<name>[A-Za-z][A-Za-z0-9]*)(?=[\s:]|$)", RegexOptions.Compiled);
    private static readonly Regex s_quoted = new(@"'[^']*'|""[^""]*""", RegexOptions.Compiled);

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(M.RepositoryRoot, "tests", "Pester"), "*.ps1").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(M.RepositoryRoot, file));
        }
        data.Add("docs/en-US (examples)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Scripts_call_real_cmdlets_with_real_parameters(string script)
    {
        var text = script.StartsWith("docs", StringComparison.Ordinal)
            ? string.Join("\n", Directory.GetFiles(Path.Combine(M.RepositoryRoot, "docs", "en-US"), "*.md")
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"```powershell\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)))
            : File.ReadAllText(Path.Combine(M.RepositoryRoot, script));
        var problems = new List<string>();
        var lineNumber = 0;
        foreach (var line in JoinContinuations(text))
        {
            lineNumber++;
            var code = s_quoted.Replace(line.Split('#')[0], "''");
            foreach (Match call in s_call.Matches(code))
            {
                var name = call.Groups["cmd"].Value;
                var cmdlet = M.Cmdlets.FirstOrDefault(c => c.Name == name);
                if (cmdlet is null)
                {
                    if (!IsHelper(name)) problems.Add($"{lineNumber}: {name} is not a cmdlet of the module");
                    continue;
                }
                var known = M.Parameters(cmdlet).SelectMany(p => p.NamesAndAliases).Concat(Common).ToList();
                if (cmdlet.SupportsShouldProcess) known.AddRange(new[] { "WhatIf", "Confirm" });
                if (cmdlet.SupportsPaging) known.AddRange(new[] { "First", "Skip", "IncludeTotalCount" });
                foreach (Match p in s_parameter.Matches(call.Groups["args"].Value))
                {
                    var given = p.Groups["name"].Value;
                    if (IsOperator(given)) continue;
                    var exact = known.Any(k => k.Equals(given, StringComparison.OrdinalIgnoreCase));
                    var prefix = known.Where(k => k.StartsWith(given, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1;
                    if (!exact && !prefix) problems.Add($"{lineNumber}: {name} has no parameter -{given}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{script}:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>Functions the test scripts define themselves (TestHelpers.psm1 and local helpers).</summary>
    private static bool IsHelper(string name) => name is "Start-DwsEmulator" or "Stop-DwsEmulator" or "Connect-DwsEmulator" or "Get-DwsEmulatorCredential"
        or "Add-DwsIdleNode" or "Assert-DwsErrorRecord" or "Get-DwsCommandName" or "Find-DwsTestGap"
        || name.StartsWith("New-Test", StringComparison.Ordinal);

    private static bool IsOperator(string token) => token.ToLowerInvariant() is "eq" or "ne" or "gt" or "ge" or "lt" or "le" or "like" or "notlike"
        or "match" or "notmatch" or "contains" or "notcontains" or "in" or "notin" or "and" or "or" or "not" or "is" or "isnot" or "as"
        or "replace" or "split" or "join" or "f" or "band" or "bor";

    private static IEnumerable<string> JoinContinuations(string text)
    {
        var current = "";
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            if (raw.TrimEnd().EndsWith('`'))
            {
                current += raw.TrimEnd().TrimEnd('`') + " ";
                continue;
            }
            yield return current + raw;
            current = "";
        }
    }
}
