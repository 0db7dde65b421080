using System.Xml.Linq;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The help Get-Help reads: en-US/DwsPowerShell.dll-Help.xml (MAML) and about_DwsPowerShell.help.txt, written into the
/// module layout by the build (ModuleLayout.targets runs src/DwsPowerShell.DocGen) from the same doc comments as docs/en-US.
/// </summary>
public class MamlHelpTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static string HelpFolder => Path.Combine(ModuleMetadata.LayoutDirectory, "en-US");

    private static readonly Lazy<XDocument> s_layoutMaml = new(() => XDocument.Load(Path.Combine(HelpFolder, "DwsPowerShell.dll-Help.xml")));

    public static TheoryData<string> CmdletNames() => CmdletSurfaceTests.CmdletNames();

    [Fact]
    public void The_build_lays_out_the_help_the_generator_writes_from_this_build()
    {
        var reader = new CommandHelpReader(M, new HelpSource(M.DocumentationPath));
        Assert.Equal(MamlWriter.ToText(MamlWriter.Write(reader.ReadAll())), File.ReadAllText(Path.Combine(HelpFolder, MamlWriter.FileName)));
        var about = Path.Combine(M.RepositoryRoot, "docs", "en-US", "about_DwsPowerShell.help.md");
        Assert.Equal(AboutTopicWriter.Write(File.ReadAllText(about)), File.ReadAllText(Path.Combine(HelpFolder, "about_DwsPowerShell.help.txt")));
    }

    [Fact]
    public void The_help_file_is_maml_with_one_command_per_cmdlet()
    {
        var root = s_layoutMaml.Value.Root!;
        Assert.Equal(XName.Get("helpItems", "http://msh"), root.Name);
        Assert.Equal("maml", root.Attribute("schema")?.Value);
        var names = root.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value).ToList();
        Assert.Equal(M.Cmdlets.Select(c => c.Name), names);
    }

    /// <summary>The expectations here come from the metadata directly, not from the model the writer uses.</summary>
    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Each_command_carries_its_sets_parameters_and_examples(string name)
    {
        var cmdlet = M.Cmdlets.Single(c => c.Name == name);
        var command = s_layoutMaml.Value.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name);
        var details = command.Element(Command + "details")!;
        Assert.Equal(cmdlet.Verb, details.Element(Command + "verb")?.Value);
        Assert.Equal(cmdlet.Noun, details.Element(Command + "noun")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Paragraphs(details)), $"{name}: no synopsis");
        Assert.False(string.IsNullOrWhiteSpace(Paragraphs(command)), $"{name}: no description");

        var parameters = M.Parameters(cmdlet);
        var sets = parameters.SelectMany(p => p.Sets).Where(s => s != "__AllParameterSets").Append(cmdlet.Named<string>("DefaultParameterSetName")).OfType<string>().Distinct().ToList();
        var syntaxItems = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(Math.Max(1, sets.Count), syntaxItems.Count);
        foreach (var set in sets.DefaultIfEmpty("__AllParameterSets"))
        {
            var inSet = parameters.Where(p => p.Sets.Contains(set) || p.Sets.Contains("__AllParameterSets")).Select(p => p.Name).Order().ToList();
            Assert.Contains(syntaxItems, item => inSet.All(p => item.Elements(Command + "parameter").Any(e => e.Element(Maml + "name")!.Value == p))
                && item.Elements(Command + "parameter").Count(e => !IsAdded(e.Element(Maml + "name")!.Value, cmdlet)) == inSet.Count);
        }

        var described = command.Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(e => e.Element(Maml + "name")!.Value);
        var expected = parameters.Select(p => p.Name)
            .Concat(cmdlet.SupportsPaging ? HelpDocsTests.PagingParameters : [])
            .Concat(cmdlet.SupportsShouldProcess ? ["Confirm", "WhatIf"] : Array.Empty<string>());
        Assert.Equal(expected.Order(), described.Keys.Order());
        foreach (var (parameterName, element) in described)
        {
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(element)), $"{name} -{parameterName}: no description");
        }
        foreach (var p in parameters)
        {
            var element = described[p.Name];
            Assert.Equal(p.Mandatory ? "true" : "false", element.Attribute("required")?.Value);
            var pipeline = (p.ByValue, p.ByPropertyName) switch
            {
                (true, true) => "True (ByValue, ByPropertyName)",
                (true, false) => "True (ByValue)",
                (false, true) => "True (ByPropertyName)",
                _ => "False",
            };
            Assert.Equal(pipeline, element.Attribute("pipelineInput")?.Value);
            Assert.Equal(p.SupportsWildcards ? "true" : "false", element.Attribute("globbing")?.Value);
            var positions = p.ParameterAttributes.Select(a => AttributeArguments.Named<int?>(a, "Position")).Where(x => x is not null and >= 0).ToList();
            Assert.Equal(positions.Count == 0 ? "named" : positions[0].ToString(), element.Attribute("position")?.Value);
            var isSwitch = p.Property.PropertyType.FullName == "System.Management.Automation.SwitchParameter";
            Assert.Equal(isSwitch, element.Element(Command + "parameterValue") is null);
            Assert.Equal(p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases), element.Attribute("aliases")?.Value);
        }

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 2, $"{name}: {examples.Count} example(s)");
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Maml + "title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Dev + "code")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(e, Dev + "remarks")));
        });
    }

    [Fact]
    public void The_about_topic_starts_the_way_Get_Help_reads_its_synopsis()
    {
        // Get-Help takes an about topic's 5th line as its synopsis.
        var lines = File.ReadAllLines(Path.Combine(HelpFolder, "about_DwsPowerShell.help.txt"));
        Assert.Equal(new[] { "TOPIC", "    about_DwsPowerShell", "", "SHORT DESCRIPTION" }, lines.Take(4));
        Assert.StartsWith("    Administers Huawei Cloud GaussDB(DWS)", lines[4]);
        Assert.Contains("LONG DESCRIPTION", lines);
        Assert.Contains(lines, l => l.Trim() == "Connect-DwsService -Region eu-west-101 -AccessKey $ak -SecretKey (Read-Host -AsSecureString)");
    }

    /// <summary>
    /// NOTES (the alertSet Get-Help -Full prints) gives, one paragraph each, the served catalogue operations whose cmdlet
    /// this is (docs/catalogue.md); the helpers, which serve none, have no API line.
    /// </summary>
    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Notes_give_the_API_line_of_each_served_catalogue_operation_of_the_cmdlet(string name)
    {
        var command = s_layoutMaml.Value.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name);
        var notes = command.Element(Maml + "alertSet")!.Element(Maml + "alert")!.Elements(Maml + "para").Select(p => p.Value).ToList();
        Assert.Equal(HelpDocsTests.ApiLines(name), notes.Where(n => n.StartsWith("API:", StringComparison.Ordinal)));
        if (CatalogueCoverageTests.Helpers.Contains(name)) Assert.DoesNotContain(notes, n => n.StartsWith("API:", StringComparison.Ordinal));
        else Assert.NotEmpty(notes);
    }

    private static bool IsAdded(string parameter, CmdletInfo cmdlet) =>
        (cmdlet.SupportsPaging && HelpDocsTests.PagingParameters.Contains(parameter)) || (cmdlet.SupportsShouldProcess && parameter is "WhatIf" or "Confirm");

    private static string Paragraphs(XElement parent, XName? container = null) =>
        string.Join("\n", (parent.Element(container ?? Maml + "description")?.Elements(Maml + "para") ?? []).Select(p => p.Value));
}
