using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DwsPowerShell.DocGen;

/// <summary>
/// Writes the MAML command help Get-Help reads for a compiled module (en-US/DwsPowerShell.dll-Help.xml,
/// the file named after the cmdlets' assembly): one command:command per cmdlet, the shape PlatyPS's
/// Export-MamlCommandHelp produces.
/// </summary>
public static class MamlWriter
{
    public const string FileName = "DwsPowerShell.dll-Help.xml";

    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.Select(CommandElement)));

    /// <summary>The document as UTF-8 text with LF line ends, the same bytes on every machine.</summary>
    public static string ToText(XDocument document)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) document.Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static XElement CommandElement(CommandHelp help) =>
        new(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(item =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    item.Parameters.Select(p => SyntaxParameter(p, help.Parameters.Single(d => d.Name == p.Name)))))),
            new XElement(Command + "parameters", help.Parameters.Select(Parameter)),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry("inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select((example, i) =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", $"--------- Example {i + 1}: {example.Title} ---------"),
                    new XElement(Dev + "code", example.Code),
                    // Get-Help prints paragraphs line after line: an empty one keeps a blank line between them and before the next example.
                    new XElement(Dev + "remarks", Paragraphs(example.Remarks).SelectMany(p => new[] { p, new XElement(Maml + "para") }))))),
            new XElement(Command + "relatedLinks", help.RelatedLinks.Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", string.Empty)))));

    /// <summary>A parameter as one syntax line shows it: how it binds in that set, no description.</summary>
    private static XElement SyntaxParameter(SyntaxParameter p, ParameterHelp described) =>
        new(Command + "parameter",
            new XAttribute("required", Flag(p.Mandatory)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Flag(described.SupportsWildcards)),
            new XAttribute("pipelineInput", PipelineInput(described)),
            new XAttribute("position", Position(p.Position)),
            new XAttribute("aliases", Aliases(described)),
            new XElement(Maml + "name", p.Name),
            AcceptedValues(p.AcceptedValues),
            ParameterValue(p.ValueType),
            DevType(described.TypeName));

    private static XElement Parameter(ParameterHelp p) =>
        new(Command + "parameter",
            new XAttribute("required", Flag(p.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Flag(p.SupportsWildcards)),
            new XAttribute("pipelineInput", PipelineInput(p)),
            new XAttribute("position", Position(p.Position)),
            new XAttribute("aliases", Aliases(p)),
            new XElement(Maml + "name", p.Name),
            Description(p.Description),
            AcceptedValues(p.AcceptedValues),
            ParameterValue(p.ValueType),
            DevType(p.TypeName),
            new XElement(Dev + "defaultValue", p.DefaultValue.Length == 0 ? "None" : p.DefaultValue));

    /// <summary>A switch has no value element; Get-Help prints the others as &lt;type&gt;.</summary>
    private static XElement? ParameterValue(string? valueType) =>
        valueType is null ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), valueType);

    /// <summary>The values a syntax line offers as {a | b}.</summary>
    private static XElement? AcceptedValues(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : new XElement(Command + "parameterValueGroup", values.Select(v =>
            new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)));

    private static XElement DevType(string typeName) => new(Dev + "type", new XElement(Maml + "name", typeName), new XElement(Maml + "uri"));

    private static XElement TypeEntry(string element, TypeHelp type) =>
        new(Command + element, DevType(type.TypeName), Description(type.Description));

    private static XElement Description(string text) =>
        new(Maml + "description", Paragraphs(text).SelectMany((p, i) => i == 0 ? new[] { p } : new[] { new XElement(Maml + "para"), p }));

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => new XElement(Maml + "para", p.Replace('\n', ' ').Trim()));

    /// <summary>Get-Help prints this as "Accept pipeline input?".</summary>
    private static string PipelineInput(ParameterHelp p) => (p.ByValue, p.ByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static string Position(int? position) => position?.ToString(CultureInfo.InvariantCulture) ?? "named";

    private static string Aliases(ParameterHelp p) => p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases);

    private static string Flag(bool value) => value ? "true" : "false";
}
