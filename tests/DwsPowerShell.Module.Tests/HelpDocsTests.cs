using DwsPowerShell.Client.Models.Jobs;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Catalogue;

namespace DwsPowerShell.Module.Tests;

/// <summary>Every cmdlet has a PlatyPS-format page in docs/en-US whose syntax blocks and parameter sections match the code.</summary>
public class HelpDocsTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "ProgressAction", "WhatIf", "Confirm",
    };

    public static TheoryData<string> CmdletNames() => CmdletSurfaceTests.CmdletNames();

    /// <summary>The parameters PowerShell adds for SupportsPaging, documented on every paging cmdlet's page.</summary>
    public static readonly string[] PagingParameters = { "First", "IncludeTotalCount", "Skip" };

    [Fact]
    public void Pages_are_what_the_generator_writes_from_the_code()
    {
        var reader = new CommandHelpReader(M, new HelpSource(M.DocumentationPath));
        var stale = reader.ReadAll().Where(h => !File.Exists(PagePath(h.Name)) || File.ReadAllText(PagePath(h.Name)) != HelpPageWriter.Write(h)).Select(h => h.Name).ToList();
        Assert.True(stale.Count == 0, "Regenerate with `dotnet run --project src/DwsPowerShell.DocGen` (after building the module) or `pwsh ./build.ps1 -Task Docs`: stale pages for " + string.Join(", ", stale));
    }

    /// <summary>What Get-Help shows comes from the doc comments: every part of them must be there.</summary>
    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Doc_comments_give_a_synopsis_a_description_every_parameter_and_two_examples(string name)
    {
        var cmdlet = M.Cmdlets.Single(c => c.Name == name);
        var help = new HelpSource(M.DocumentationPath);
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis(cmdlet.Type)), $"{cmdlet.Type.Name}: no <summary>");
        Assert.False(string.IsNullOrWhiteSpace(help.Description(cmdlet.Type)), $"{cmdlet.Type.Name}: no <remarks> (the DESCRIPTION Get-Help shows)");
        Assert.NotEqual(help.Synopsis(cmdlet.Type), help.Description(cmdlet.Type));
        var undescribed = M.Parameters(cmdlet).Where(p => string.IsNullOrWhiteSpace(help.Parameter(p.Property))).Select(p => p.Name).ToList();
        Assert.True(undescribed.Count == 0, $"{cmdlet.Type.Name}: no <summary> on " + string.Join(", ", undescribed));
        var examples = help.Examples(cmdlet.Type);
        Assert.True(examples.Count >= 2, $"{cmdlet.Type.Name}: {examples.Count} <example>(s); at least two are needed");
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Code), $"{cmdlet.Type.Name}: example '{e.Title}' has no <code>");
            Assert.False(string.IsNullOrWhiteSpace(e.Remarks), $"{cmdlet.Type.Name}: example '{e.Title}' does not say what it does");
            Assert.NotEqual("Example", e.Title);
        });
    }

    /// <summary>The API lines a cmdlet's help shows, from the catalogue: its served operations, in table order.</summary>
    internal static IReadOnlyList<string> ApiLines(string cmdlet) =>
        DwsOperations.All.Where(o => o.Cmdlet == cmdlet && o.Served).Select(o => "API: " + o.Section + " " + o.Title + ": " + o.Method + " " + o.Path).ToList();

    private static string Notes(string page) => Regex.Match(page, @"\n## NOTES\n(?<notes>.*?)\n## RELATED LINKS\n", RegexOptions.Singleline).Groups["notes"].Value;

    /// <summary>A served operation whose cmdlet is exported but whose page does not name it fails naming the section.</summary>
    [Fact]
    public void Each_served_operation_of_an_exported_cmdlet_is_the_API_line_of_its_page()
    {
        var missing = DwsOperations.All
            .Where(o => o.Served && M.Cmdlets.Any(c => c.Name == o.Cmdlet))
            .Where(o => !Notes(File.ReadAllText(PagePath(o.Cmdlet))).Contains($"\nAPI: {o.Section} {o.Title}: {o.Method} {o.Path}\n", StringComparison.Ordinal))
            .Select(o => $"{o.Section} ({o.Cmdlet})")
            .ToList();
        Assert.True(missing.Count == 0, "served operations missing from their cmdlet's page NOTES: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Page_notes_hold_exactly_the_catalogue_API_lines_of_the_cmdlet(string name)
    {
        var lines = Notes(File.ReadAllText(PagePath(name))).Split('\n').Where(l => l.StartsWith("API:", StringComparison.Ordinal));
        Assert.Equal(ApiLines(name), lines);
    }

    private static string PagePath(string name) => Path.Combine(M.RepositoryRoot, "docs", "en-US", name + ".md");

    private static string Page(string name)
    {
        var path = Path.Combine(M.RepositoryRoot, "docs", "en-US", name + ".md");
        Assert.True(File.Exists(path), $"docs/en-US/{name}.md is missing");
        return File.ReadAllText(path);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Page_has_front_matter_synopsis_description_and_two_examples(string name)
    {
        var page = Page(name);
        Assert.StartsWith("---", page);
        Assert.Contains("document type: cmdlet", page);
        Assert.Contains($"title: {name}", page);
        Assert.Matches(@"## SYNOPSIS\s+\S", page);
        Assert.Matches(@"## DESCRIPTION\s+\S", page);
        var examples = Regex.Matches(page, @"^### Example \d+", RegexOptions.Multiline).Count;
        Assert.True(examples >= 2, $"{name}: {examples} example(s); at least two are needed");
        Assert.Matches(@"```powershell\s*\n\s*\S", page);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_parameter_is_documented_and_nothing_else(string name)
    {
        var page = Page(name);
        var cmdlet = M.Cmdlets.Single(c => c.Name == name);
        var parameters = M.Parameters(cmdlet).Select(p => p.Name).Concat(cmdlet.SupportsPaging ? PagingParameters : []).ToHashSet(StringComparer.Ordinal);
        var documented = Regex.Matches(page, @"^### -(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Where(p => !CommonParameters.Contains(p)).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(parameters.Except(documented));
        Assert.Empty(documented.Except(parameters));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Syntax_blocks_match_the_parameter_sets(string name)
    {
        var page = Page(name);
        var cmdlet = M.Cmdlets.Single(c => c.Name == name);
        var parameters = M.Parameters(cmdlet);
        var syntax = Regex.Match(page, @"## SYNTAX(?<body>.*?)\n## ", RegexOptions.Singleline).Groups["body"].Value;
        Assert.False(string.IsNullOrWhiteSpace(syntax), $"{name}: no SYNTAX section");
        var blocks = Regex.Matches(syntax, @"### (?<set>[^\r\n]+)\s*```\w*\s*(?<code>.*?)```", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups["set"].Value.Replace("(Default)", "").Trim(), m => m.Groups["code"].Value, StringComparer.Ordinal);
        var sets = parameters.SelectMany(p => p.Sets).Where(s => s != "__AllParameterSets").Distinct().ToList();
        var defaultSet = cmdlet.Named<string>("DefaultParameterSetName");
        if (defaultSet is not null && !sets.Contains(defaultSet)) sets.Add(defaultSet);
        if (sets.Count == 0) sets.Add("__AllParameterSets");
        foreach (var set in sets)
        {
            Assert.True(blocks.ContainsKey(set), $"{name}: no syntax block '### {set}' (found: {string.Join(", ", blocks.Keys)})");
            var code = blocks[set];
            Assert.StartsWith(name, code.Trim());
            foreach (var p in parameters.Where(p => p.Sets.Contains(set) || p.Sets.Contains("__AllParameterSets")))
            {
                Assert.True(Regex.IsMatch(code, @"-" + p.Name + @"\b"), $"{name} syntax block {set} lacks -{p.Name}");
            }
        }
    }

    [Fact]
    public void The_about_topic_covers_the_basics()
    {
        var about = File.ReadAllText(Path.Combine(M.RepositoryRoot, "docs", "en-US", "about_DwsPowerShell.help.md"));
        foreach (var topic in new[] { "Connect-DwsService", "HUAWEICLOUD_SDK_AK", "credentials", "Wait-DwsJob", "pipeline", "emulator" })
        {
            Assert.Contains(topic, about, StringComparison.OrdinalIgnoreCase);
        }
    }
}
