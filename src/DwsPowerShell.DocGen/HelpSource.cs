using System.Xml.Linq;

namespace DwsPowerShell.DocGen;

/// <summary>One example of a cmdlet: a title, PowerShell code and what it does.</summary>
public sealed record HelpExample(string Title, string Code, string Remarks);

/// <summary>
/// The help text written next to the code: XML doc comments of the built module
/// (&lt;summary&gt; = synopsis, &lt;remarks&gt; = description, &lt;example title=".."&gt;&lt;code&gt; on the cmdlet
/// class; &lt;summary&gt; on each parameter property).
/// </summary>
public sealed class HelpSource
{
    private readonly Dictionary<string, XElement> _members;

    public HelpSource(string xmlDocPath)
    {
        var doc = XDocument.Load(xmlDocPath);
        _members = doc.Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string Synopsis(Type type) => Text(Member("T:" + type.FullName)?.Element("summary"));

    public string Description(Type type) => Text(Member("T:" + type.FullName)?.Element("remarks"));

    public IReadOnlyList<HelpExample> Examples(Type type) =>
        (Member("T:" + type.FullName)?.Elements("example") ?? Enumerable.Empty<XElement>())
            .Select(e => new HelpExample(
                e.Attribute("title")?.Value ?? "Example",
                Code(e.Element("code")),
                Text(new XElement("x", e.Nodes().Where(n => n is not XElement { Name.LocalName: "code" })))))
            .ToList();

    /// <summary>
    /// The parameter's summary, looked up on the class that declares the property (a base class's for an inherited one);
    /// &lt;inheritdoc cref=".."/&gt; takes the summary of the member it names (the compiler leaves it as written).
    /// </summary>
    public string Parameter(System.Reflection.PropertyInfo property) =>
        Text(Summary(Member($"P:{DocumentationName(property.DeclaringType!)}.{property.Name}")));

    /// <summary>A type as the XML documentation names it: a generic base class by its definition (DwsClusterReadCmdlet`1).</summary>
    private static string DocumentationName(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!;

    private XElement? Summary(XElement? member, int depth = 0) =>
        member?.Element("summary")
        ?? (depth < 8 && member?.Element("inheritdoc")?.Attribute("cref")?.Value is { } cref ? Summary(Member(cref), depth + 1) : null);

    private XElement? Member(string name) => _members.TryGetValue(name, out var m) ? m : null;

    private static string Code(XElement? code)
    {
        if (code is null) return string.Empty;
        var lines = code.Value.Replace("\r", "").Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }

    /// <summary>Flattens doc-comment XML to markdown text: paragraphs kept, &lt;c&gt; as code, see/paramref as names.</summary>
    private static string Text(XElement? element)
    {
        if (element is null) return string.Empty;
        var paragraphs = new List<string>();
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            var text = System.Text.RegularExpressions.Regex.Replace(current.ToString(), @"\s+", " ").Trim();
            if (text.Length > 0) paragraphs.Add(text);
            current.Clear();
        }
        void Walk(XNode node)
        {
            switch (node)
            {
                case XText t: current.Append(t.Value); break;
                case XElement { Name.LocalName: "para" } p: Flush(); foreach (var n in p.Nodes()) Walk(n); Flush(); break;
                case XElement { Name.LocalName: "c" } c: current.Append('`').Append(c.Value).Append('`'); break;
                case XElement { Name.LocalName: "see" or "seealso" } s:
                    var cref = s.Attribute("cref")?.Value ?? s.Attribute("langword")?.Value ?? "";
                    current.Append(cref.Contains('.') ? cref[(cref.LastIndexOf('.') + 1)..] : cref.Split(':').Last());
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } r: current.Append(r.Attribute("name")?.Value); break;
                case XElement e: foreach (var n in e.Nodes()) Walk(n); break;
            }
        }
        foreach (var n in element.Nodes()) Walk(n);
        Flush();
        return string.Join("\n\n", paragraphs);
    }
}
