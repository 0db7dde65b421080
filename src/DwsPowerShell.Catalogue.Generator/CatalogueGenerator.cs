using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DwsPowerShell.Catalogue.Generator;

/// <summary>
/// Writes DwsPowerShell.Client.Catalogue.DwsOperations from Catalogue/operations.tsv (an AdditionalFiles item): one
/// static property per row, named from the section (5.2.3 is S5_2_3), plus All and BySection. A row's ClientMethods are
/// computed here, not typed: the client methods whose doc comment starts with the row's section ("/// &lt;summary&gt;5.2.3 ...").
/// A malformed table fails the build (DWSCAT001) naming the file and line.
/// A project other than the client sets the MSBuild property DwsCatalogueNamespace (a CompilerVisibleProperty) to its
/// own namespace: it then gets DwsOperations and the small types it needs there, internal, without ClientMethods.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CatalogueGenerator : IIncrementalGenerator
{
    public const string FileName = "operations.tsv";

    /// <summary>The MSBuild property naming the namespace to write into; unset or empty means the client's.</summary>
    public const string NamespaceProperty = "DwsCatalogueNamespace";

    public const string ClientNamespace = "DwsPowerShell.Client.Catalogue";

    public static readonly string[] Columns = { "section", "title", "area", "method", "path", "retry", "paging", "cmdlet", "ref_line" };

    private static readonly Dictionary<string, string> Retry = new(StringComparer.Ordinal) { ["safe"] = "Safe", ["unsafe"] = "Unsafe" };

    private static readonly Dictionary<string, string> Paging = new(StringComparer.Ordinal)
    {
        ["none"] = "None", ["offset-limit"] = "OffsetLimit", ["page-number"] = "PageNumber", ["offset-limit-body"] = "OffsetLimitBody",
    };

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" };

    private static readonly Regex SectionPattern = new(@"^5\.\d+\.\d+$");
    private static readonly Regex DocSection = new(@"^\s*///\s*(?:<summary>)?\s*(5\.\d+\.\d+)\b");
    private static readonly Regex AreaPattern = new("^[A-Z][A-Za-z]+$");
    private static readonly Regex CmdletPattern = new("^[A-Z][a-z]+(?:To)?-Dws[A-Z][A-Za-z]+$");

    private static readonly DiagnosticDescriptor BadRow = new("DWSCAT001", "Operation catalogue row is malformed",
        "{0}", "DwsPowerShell.Catalogue", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NoTable = new("DWSCAT002", "Operation catalogue is missing",
        "No AdditionalFiles item named " + FileName + ": the client project passes Catalogue/" + FileName + " to the generator",
        "DwsPowerShell.Catalogue", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tables = context.AdditionalTextsProvider
            .Where(t => string.Equals(System.IO.Path.GetFileName(t.Path), FileName, StringComparison.OrdinalIgnoreCase))
            .Select((t, ct) => (t.Path, Text: t.GetText(ct)?.ToString() ?? ""))
            .Collect();

        var served = context.SyntaxProvider.CreateSyntaxProvider(
                (node, _) => node is MethodDeclarationSyntax m && m.HasLeadingTrivia,
                (ctx, _) => ServedBy((MethodDeclarationSyntax)ctx.Node))
            .Where(s => s is not null)
            .Select((s, _) => s!.Value)
            .Collect();

        var target = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
            options.GlobalOptions.TryGetValue("build_property." + NamespaceProperty, out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns.Trim() : ClientNamespace);

        context.RegisterSourceOutput(tables.Combine(served).Combine(target), (spc, input) =>
        {
            var (pair, ns) = input;
            if (pair.Left.Length == 0)
            {
                spc.ReportDiagnostic(Diagnostic.Create(NoTable, Location.None));
                return;
            }
            var (path, text) = pair.Left[0];
            var rows = Parse(path, text, out var problems);
            foreach (var p in problems) spc.ReportDiagnostic(p);
            if (problems.Count > 0) return;
            var source = ns == ClientNamespace ? Emit(rows, pair.Right) : EmitStandalone(rows, ns);
            spc.AddSource("DwsOperations.g.cs", SourceText.From(source, Encoding.UTF8));
        });
    }

    /// <summary>(section, "Type.Method") when the method's doc comment starts with a section number.</summary>
    private static (string Section, string Member)? ServedBy(MethodDeclarationSyntax method)
    {
        foreach (var trivia in method.GetLeadingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)) continue;
            var first = trivia.ToFullString().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("///", StringComparison.Ordinal)
                && l.Trim('/', ' ', '\t') != "<summary>" && l.Trim('/', ' ', '\t').Length > 0);
            // A doc comment whose first line is only <summary> continues on the next line.
            if (first is null) continue;
            var m = DocSection.Match(first);
            if (!m.Success) return null;
            var type = method.Parent as TypeDeclarationSyntax;
            return (m.Groups[1].Value, (type?.Identifier.Text ?? "?") + "." + method.Identifier.Text);
        }
        return null;
    }

    public sealed class Row
    {
        public string[] Cells = Array.Empty<string>();
        public int Line;
        public string Section => Cells[0];
    }

    /// <summary>Parses and checks the table; problems name the file and line.</summary>
    public static List<Row> Parse(string path, string text, out List<Diagnostic> problems)
    {
        problems = new List<Diagnostic>();
        var found = problems;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var rows = new List<Row>();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        void Problem(int line, string message) => found.Add(Diagnostic.Create(BadRow,
            Location.Create(path, default, new LinePositionSpan(new LinePosition(line - 1, 0), new LinePosition(line - 1, 0))),
            $"{System.IO.Path.GetFileName(path)} line {line}: {message}"));

        if (lines[0] != string.Join("\t", Columns)) Problem(1, "the header must be: " + string.Join(" ", Columns) + " (tab-separated)");
        for (var i = 1; i < lines.Length; i++)
        {
            var line = i + 1;
            if (lines[i].Length == 0) continue;
            var c = lines[i].Split('\t');
            if (c.Length != Columns.Length) { Problem(line, $"{c.Length} columns, expected {Columns.Length}"); continue; }
            var row = new Row { Cells = c, Line = line };
            if (!SectionPattern.IsMatch(row.Section)) Problem(line, $"section '{row.Section}' is not 5.x.y");
            else if (!sections.Add(row.Section)) Problem(line, $"section {row.Section} appears twice");
            if (c[1].Trim().Length == 0) Problem(line, "title is empty");
            if (!AreaPattern.IsMatch(c[2])) Problem(line, $"area '{c[2]}' is not a PascalCase name");
            if (!Methods.Contains(c[3])) Problem(line, $"method '{c[3]}' is not one of {string.Join(", ", Methods)}");
            if (!c[4].StartsWith("/v", StringComparison.Ordinal) || c[4].Any(char.IsWhiteSpace)) Problem(line, $"path '{c[4]}' must start with /v and hold no spaces");
            if (!Retry.ContainsKey(c[5])) Problem(line, $"retry '{c[5]}' is not safe or unsafe");
            else if (c[5] != "safe" && (c[3] == "GET" || c[3] == "HEAD") || c[5] == "safe" && c[3] != "GET" && c[3] != "HEAD" && c[3] != "POST" && c[3] != "PUT")
                Problem(line, $"retry is '{c[5]}' for a {c[3]}: GET/HEAD are safe, a POST/PUT is safe only when it reads (quirks.md 7.7), anything else unsafe");
            if (!Paging.ContainsKey(c[6])) Problem(line, $"paging '{c[6]}' is not one of {string.Join(", ", Paging.Keys)}");
            if (!CmdletPattern.IsMatch(c[7])) Problem(line, $"cmdlet '{c[7]}' is not Verb-DwsNoun");
            if (!int.TryParse(c[8], out var refLine) || refLine <= 0) Problem(line, $"ref_line '{c[8]}' is not a positive line number");
            rows.Add(row);
        }
        return rows;
    }

    public static string Emit(IReadOnlyList<Row> rows, IEnumerable<(string Section, string Member)> served)
    {
        var bySection = served.GroupBy(s => s.Section).ToDictionary(g => g.Key, g => g.Select(s => s.Member).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToArray());
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated> by DwsPowerShell.Catalogue.Generator from Catalogue/operations.tsv: edit the table, not this file. </auto-generated>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine("namespace DwsPowerShell.Client.Catalogue");
        sb.AppendLine("{");
        sb.AppendLine("    /// <summary>The reference's operations, one per row of Catalogue/operations.tsv (docs/catalogue.md).</summary>");
        sb.AppendLine("    public static partial class DwsOperations");
        sb.AppendLine("    {");
        foreach (var r in rows)
        {
            var c = r.Cells;
            var methods = bySection.TryGetValue(r.Section, out var m) ? m : Array.Empty<string>();
            sb.AppendLine($"        /// <summary>{Xml(r.Section)} {Xml(c[1])}: {Xml(c[3])} {Xml(c[4])} ({Xml(c[7])}).</summary>");
            sb.AppendLine($"        public static global::DwsPowerShell.Client.Catalogue.DwsOperation {PropertyName(r.Section)} {{ get; }} = new global::DwsPowerShell.Client.Catalogue.DwsOperation(");
            sb.AppendLine($"            {Lit(r.Section)}, {Lit(c[1])}, {Lit(c[2])}, {Lit(c[3])}, {Lit(c[4])},");
            sb.AppendLine($"            global::DwsPowerShell.Client.Catalogue.DwsRetry.{Retry[c[5]]}, global::DwsPowerShell.Client.Catalogue.DwsOperationPaging.{Paging[c[6]]},");
            sb.AppendLine($"            {Lit(c[7])}, {int.Parse(c[8])}, new string[] {{ {string.Join(", ", methods.Select(Lit))} }});");
            sb.AppendLine();
        }
        sb.AppendLine("        /// <summary>Every operation, in the table's order.</summary>");
        sb.AppendLine("        public static global::System.Collections.Generic.IReadOnlyList<global::DwsPowerShell.Client.Catalogue.DwsOperation> All { get; } = new global::DwsPowerShell.Client.Catalogue.DwsOperation[]");
        sb.AppendLine("        {");
        foreach (var r in rows) sb.AppendLine($"            {PropertyName(r.Section)},");
        sb.AppendLine("        };");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }

    /// <summary>
    /// DwsOperations for a project other than the client (the emulator), in <paramref name="ns"/>: the record and enum
    /// types are written too, internal, so the project needs no reference to the client.
    /// </summary>
    public static string EmitStandalone(IReadOnlyList<Row> rows, string ns)
    {
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated> by DwsPowerShell.Catalogue.Generator from Catalogue/operations.tsv: edit the table, not this file. </auto-generated>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine($"namespace {ns}");
        sb.AppendLine("{");
        sb.AppendLine("    /// <summary>Whether a lost answer may be sent again as is: GET/HEAD are safe, everything else unsafe.</summary>");
        sb.AppendLine($"    internal enum DwsRetry {{ {string.Join(", ", Retry.Values)} }}");
        sb.AppendLine();
        sb.AppendLine("    /// <summary>How an operation pages (docs/catalogue.md, column paging).</summary>");
        sb.AppendLine($"    internal enum DwsOperationPaging {{ {string.Join(", ", Paging.Values)} }}");
        sb.AppendLine();
        sb.AppendLine("    /// <summary>One operation of the reference: a row of Catalogue/operations.tsv (docs/catalogue.md).</summary>");
        sb.AppendLine("    internal sealed class DwsOperation");
        sb.AppendLine("    {");
        sb.AppendLine("        public DwsOperation(string section, string title, string area, string method, string path, DwsRetry retry, DwsOperationPaging paging, string cmdlet, int refLine)");
        sb.AppendLine("        {");
        sb.AppendLine("            Section = section; Title = title; Area = area; Method = method; Path = path; Retry = retry; Paging = paging; Cmdlet = cmdlet; RefLine = refLine;");
        sb.AppendLine("        }");
        sb.AppendLine();
        foreach (var (type, name) in new[] { ("string", "Section"), ("string", "Title"), ("string", "Area"), ("string", "Method"), ("string", "Path"),
                     ("DwsRetry", "Retry"), ("DwsOperationPaging", "Paging"), ("string", "Cmdlet"), ("int", "RefLine") })
            sb.AppendLine($"        public {type} {name} {{ get; }}");
        sb.AppendLine();
        sb.AppendLine("        public override string ToString() => Section + \" \" + Method + \" \" + Path;");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    /// <summary>The reference's operations, one per row of Catalogue/operations.tsv (docs/catalogue.md).</summary>");
        sb.AppendLine("    internal static class DwsOperations");
        sb.AppendLine("    {");
        foreach (var r in rows)
        {
            var c = r.Cells;
            sb.AppendLine($"        /// <summary>{Xml(r.Section)} {Xml(c[1])}: {Xml(c[3])} {Xml(c[4])}.</summary>");
            sb.AppendLine($"        public static DwsOperation {PropertyName(r.Section)} {{ get; }} = new DwsOperation({Lit(r.Section)}, {Lit(c[1])}, {Lit(c[2])}, {Lit(c[3])}, {Lit(c[4])},");
            sb.AppendLine($"            DwsRetry.{Retry[c[5]]}, DwsOperationPaging.{Paging[c[6]]}, {Lit(c[7])}, {int.Parse(c[8])});");
            sb.AppendLine();
        }
        sb.AppendLine("        /// <summary>Every operation, in the table's order.</summary>");
        sb.AppendLine("        public static global::System.Collections.Generic.IReadOnlyList<DwsOperation> All { get; } = new DwsOperation[]");
        sb.AppendLine("        {");
        foreach (var r in rows) sb.AppendLine($"            {PropertyName(r.Section)},");
        sb.AppendLine("        };");
        sb.AppendLine();
        sb.AppendLine("        /// <summary>The operation of a section (\"5.2.3\"), or null when the reference has no such operation.</summary>");
        sb.AppendLine("        public static DwsOperation? BySection(string section) => section is not null && Index.Sections.TryGetValue(section.Trim(), out var op) ? op : null;");
        sb.AppendLine();
        sb.AppendLine("        private static class Index");
        sb.AppendLine("        {");
        sb.AppendLine("            public static readonly global::System.Collections.Generic.Dictionary<string, DwsOperation> Sections = Build();");
        sb.AppendLine();
        sb.AppendLine("            private static global::System.Collections.Generic.Dictionary<string, DwsOperation> Build()");
        sb.AppendLine("            {");
        sb.AppendLine("                var d = new global::System.Collections.Generic.Dictionary<string, DwsOperation>(global::System.StringComparer.Ordinal);");
        sb.AppendLine("                foreach (var o in All) d[o.Section] = o;");
        sb.AppendLine("                return d;");
        sb.AppendLine("            }");
        sb.AppendLine("        }");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }

    public static string PropertyName(string section) => "S" + section.Replace('.', '_');

    private static string Lit(string s) => SymbolDisplay.FormatLiteral(s, quote: true);

    private static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
