using System.Xml.Linq;

namespace DwsPowerShell.Module.Tests;

/// <summary>The MAML and about-topic writers on hand-made input, element by element and line by line.</summary>
public class HelpWriterTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly CommandHelp Sample = new(
        "Get-DwsWidget", "Get", "DwsWidget",
        "Gets widgets.",
        "Lists widgets (API reference 9.9.9).\n\nA second paragraph.",
        [
            new SyntaxItem("ByName", true, [
                new SyntaxParameter("Name", "string[]", false, 0, []),
                new SyntaxParameter("Kind", "string", true, null, ["round", "square"]),
                new SyntaxParameter("Raw", null, false, null, []),
            ]),
            new SyntaxItem("ById", false, [new SyntaxParameter("WidgetId", "string[]", true, null, [])]),
        ],
        [
            new ParameterHelp("Kind", "The kind.", "System.String", "string", false, [], "", ["round", "square"],
                [new ParameterSetHelp("ByName", null, true, false, false)]),
            new ParameterHelp("Name", "Names; wildcards allowed.", "System.String[]", "string[]", true, ["n"], "", [],
                [new ParameterSetHelp("ByName", 0, false, false, false)]),
            new ParameterHelp("Raw", "Raw records.", "System.Management.Automation.SwitchParameter", null, false, [], "False", [],
                [new ParameterSetHelp("ByName", null, false, false, false)]),
            new ParameterHelp("WidgetId", "Widget IDs.", "System.String[]", "string[]", false, [], "", [],
                [new ParameterSetHelp("ById", null, true, true, true)]),
        ],
        [
            new HelpExample("List round widgets", "Get-DwsWidget -Kind round |\n    Select-Object Name", "Shows their names."),
            new HelpExample("By ID", "'w-1' | Get-DwsWidget", "Reads one."),
        ],
        [new TypeHelp("System.String[]", "-WidgetId accepts values from the pipeline.")],
        [new TypeHelp("Dws.Widget", "Written for each result.")],
        "Notes.",
        [new RelatedLink("about_DwsPowerShell", "about_DwsPowerShell.help.md")]);

    private static XElement Written() => XDocument.Parse(MamlWriter.ToText(MamlWriter.Write([Sample]))).Root!.Element(Command + "command")!;

    private static XElement Parameter(XElement parent, string name) =>
        parent.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == name);

    [Fact]
    public void Maml_has_the_command_help_schema_Get_Help_reads()
    {
        var document = XDocument.Parse(MamlWriter.ToText(MamlWriter.Write([Sample])));
        Assert.Equal(XName.Get("helpItems", "http://msh"), document.Root!.Name);
        Assert.Equal("maml", document.Root.Attribute("schema")!.Value);
        var command = document.Root.Element(Command + "command")!;
        Assert.Equal(
            new[] { "details", "description", "syntax", "parameters", "inputTypes", "returnValues", "alertSet", "examples", "relatedLinks" },
            command.Elements().Select(e => e.Name.LocalName));
        var details = command.Element(Command + "details")!;
        Assert.Equal(new[] { "Get-DwsWidget", "Get", "DwsWidget" }, new[] { "name", "verb", "noun" }.Select(n => details.Element(Command + n)!.Value));
        Assert.Equal("Gets widgets.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        // Paragraphs are kept apart by an empty one: Get-Help prints them line after line.
        Assert.Equal(new[] { "Lists widgets (API reference 9.9.9).", "", "A second paragraph." },
            command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));
        Assert.Equal("Notes.", command.Element(Maml + "alertSet")!.Element(Maml + "alert")!.Element(Maml + "para")!.Value);
        Assert.Equal("about_DwsPowerShell", command.Element(Command + "relatedLinks")!.Element(Maml + "navigationLink")!.Element(Maml + "linkText")!.Value);
        Assert.Equal("System.String[]", command.Element(Command + "inputTypes")!.Element(Command + "inputType")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("Dws.Widget", command.Element(Command + "returnValues")!.Element(Command + "returnValue")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
    }

    [Fact]
    public void Syntax_items_follow_the_parameter_sets_with_how_each_parameter_binds_there()
    {
        var items = Written().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Get-DwsWidget", i.Element(Maml + "name")!.Value));
        Assert.Equal(new[] { "Name", "Kind", "Raw" }, items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

        var name = Parameter(items[0], "Name");
        Assert.Equal(("false", "0", "true"), (name.Attribute("required")!.Value, name.Attribute("position")!.Value, name.Attribute("globbing")!.Value));
        Assert.Equal("string[]", name.Element(Command + "parameterValue")!.Value);
        var kind = Parameter(items[0], "Kind");
        Assert.Equal(("true", "named"), (kind.Attribute("required")!.Value, kind.Attribute("position")!.Value));
        Assert.Equal(new[] { "round", "square" }, kind.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
        Assert.Null(Parameter(items[0], "Raw").Element(Command + "parameterValue"));
        Assert.Equal("True (ByValue, ByPropertyName)", Parameter(items[1], "WidgetId").Attribute("pipelineInput")!.Value);
    }

    [Fact]
    public void Parameters_say_what_Get_Help_lists_under_each()
    {
        var parameters = Written().Element(Command + "parameters")!;
        Assert.Equal(new[] { "Kind", "Name", "Raw", "WidgetId" }, parameters.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

        var name = Parameter(parameters, "Name");
        Assert.Equal("Names; wildcards allowed.", name.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        Assert.Equal(("false", "0", "False", "n", "true"), (name.Attribute("required")!.Value, name.Attribute("position")!.Value,
            name.Attribute("pipelineInput")!.Value, name.Attribute("aliases")!.Value, name.Attribute("globbing")!.Value));
        Assert.Equal("System.String[]", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("None", name.Element(Dev + "defaultValue")!.Value);

        var raw = Parameter(parameters, "Raw");
        Assert.Null(raw.Element(Command + "parameterValue"));
        Assert.Equal(("none", "False"), (raw.Attribute("aliases")!.Value, raw.Element(Dev + "defaultValue")!.Value));

        var id = Parameter(parameters, "WidgetId");
        Assert.Equal(("true", "named", "True (ByValue, ByPropertyName)"), (id.Attribute("required")!.Value, id.Attribute("position")!.Value, id.Attribute("pipelineInput")!.Value));
    }

    [Fact]
    public void Examples_are_numbered_with_their_code_kept_line_by_line()
    {
        var examples = Written().Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(new[] { "--------- Example 1: List round widgets ---------", "--------- Example 2: By ID ---------" },
            examples.Select(e => e.Element(Maml + "title")!.Value));
        Assert.Equal("Get-DwsWidget -Kind round |\n    Select-Object Name", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal(new[] { "Shows their names.", "" }, examples[0].Element(Dev + "remarks")!.Elements(Maml + "para").Select(p => p.Value));
    }

    [Fact]
    public void About_topic_text_has_the_layout_Get_Help_expects()
    {
        var markdown = """
            # about_Widgets

            ## SHORT DESCRIPTION

            Explains `widgets`, which are round or square and live in a project of their own.

            ## LONG DESCRIPTION

            Widgets are made with **New-Widget** and read
            with `Get-Widget`.

            ### Making one

            Steps:

            1. Connect with `Connect-Widget`; the session is kept for every later cmdlet that needs it.
            2. Run New-Widget.

                New-Widget -Name w1 | Get-Widget

            ## SEE ALSO

            Get-Widget
            """;
        Assert.Equal(
            """
            TOPIC
                about_Widgets

            SHORT DESCRIPTION
                Explains widgets, which are round or square and live in a project of their own.

            LONG DESCRIPTION
                Widgets are made with New-Widget and read with Get-Widget.

                Making one
                ----------
                Steps:

                1. Connect with Connect-Widget; the session is kept for every later cmdlet
                   that needs it.
                2. Run New-Widget.

                    New-Widget -Name w1 | Get-Widget

            SEE ALSO
                Get-Widget

            """.Replace("\r", ""),
            AboutTopicWriter.Write(markdown));
    }

    [Fact]
    public void About_topic_without_a_short_description_first_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => AboutTopicWriter.Write("# about_Widgets\n\n## LONG DESCRIPTION\n\nText.\n"));
        Assert.Contains("SHORT DESCRIPTION", error.Message);
        Assert.Equal("about_Widgets.help.txt", AboutTopicWriter.TextFileName("docs/en-US/about_Widgets.help.md"));
    }
}
