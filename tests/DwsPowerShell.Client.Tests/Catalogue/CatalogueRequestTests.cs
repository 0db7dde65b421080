using System.Text.RegularExpressions;
using DwsPowerShell.Client.Catalogue;

namespace DwsPowerShell.Client.Tests.Catalogue;

/// <summary>
/// A client method documented as a section builds that section's request: read from the source of
/// src/DwsPowerShell.Client/Areas (the DwsRequest.Get/Post/Put/Delete calls in the method, their path literals and the
/// area's path constants), the catalogue's method and path are among the requests the method builds itself.
/// </summary>
public class CatalogueRequestTests
{
    private static readonly Regex MemberStart = new(@"^    /// <summary>", RegexOptions.Multiline);
    private static readonly Regex DocSection = new(@"^\s*///\s*(?:<summary>)?\s*(5\.\d+\.\d+)\b");
    private static readonly Regex Declaration = new(@"\b(\w+)\s*(?:<[^>()]*>)?\s*\(");
    private static readonly Regex Request = new(@"DwsRequest\.(Get|Post|Put|Delete|Patch)\(([^)]*)\)");
    private static readonly Regex Constant = new(@"const string (\w+) = ([^;]+);");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DwsPowerShell.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("DwsPowerShell.sln is not above " + AppContext.BaseDirectory);
    }

    /// <summary>The value of a path expression ("/v1/x", Constant, Constant + "/y"), or null when it is not made of literals and constants.</summary>
    private static string? Evaluate(string expression, IReadOnlyDictionary<string, string> constants, int depth = 0)
    {
        if (depth > 5) return null;
        var value = "";
        foreach (var token in expression.Split('+').Select(t => t.Trim()))
        {
            if (token.Length >= 2 && token[0] == '"' && token[token.Length - 1] == '"') value += token.Substring(1, token.Length - 2);
            else if (constants.TryGetValue(token, out var c) && Evaluate(c, constants, depth + 1) is { } v) value += v;
            else return null;
        }
        return value;
    }

    public sealed record Documented(string Section, string Member, IReadOnlyList<(string Method, string? Path)> Requests);

    public static List<Documented> DocumentedMethods()
    {
        var areas = Path.Combine(RepositoryRoot(), "src", "DwsPowerShell.Client", "Areas");
        var files = Directory.GetFiles(areas, "*.cs", SearchOption.AllDirectories).Select(f => (Path: f, Text: File.ReadAllText(f).Replace("\r\n", "\n"))).ToList();
        // Path constants per class (partial classes share theirs across files).
        var constants = files.GroupBy(f => Regex.Match(f.Text, @"class (\w+)").Groups[1].Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.SelectMany(f => Constant.Matches(f.Text).Cast<Match>())
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim()));
        var found = new List<Documented>();
        foreach (var (path, text) in files)
        {
            var type = Regex.Match(text, @"class (\w+)").Groups[1].Value;
            var starts = MemberStart.Matches(text).Cast<Match>().Select(m => m.Index).Append(text.Length).ToList();
            for (var i = 0; i < starts.Count - 1; i++)
            {
                var lines = text.Substring(starts[i], starts[i + 1] - starts[i]).Split('\n');
                var doc = lines.TakeWhile(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToList();
                var first = doc.Select(l => l.Trim()).FirstOrDefault(l => l.Trim('/', ' ') is not ("" or "<summary>"));
                var section = first is null ? null : DocSection.Match(first);
                if (section is not { Success: true }) continue;
                var code = string.Join("\n", lines.Skip(doc.Count));
                var declaration = code.Split('\n').FirstOrDefault(l => !l.TrimStart().StartsWith("[", StringComparison.Ordinal)) ?? "";
                var name = Declaration.Match(declaration.Contains(" class ") ? "" : declaration);
                if (!name.Success) continue;
                var requests = Request.Matches(code).Cast<Match>()
                    .Select(m => (m.Groups[1].Value.ToUpperInvariant(), Evaluate(m.Groups[2].Value, constants[type]))).ToList();
                found.Add(new Documented(section.Groups[1].Value, type + "." + name.Groups[1].Value, requests));
            }
        }
        return found;
    }

    [Fact]
    public void A_method_documented_as_a_section_builds_that_sections_request()
    {
        var documented = DocumentedMethods();
        Assert.True(documented.Count > 50, $"only {documented.Count} documented client methods found in src/DwsPowerShell.Client/Areas");
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var d in documented.Where(d => d.Requests.Count > 0))
        {
            var op = DwsOperations.BySection(d.Section);
            if (op is null) { problems.Add($"{d.Member}: {d.Section} is not in the catalogue"); continue; }
            checkedCount++;
            if (!d.Requests.Contains((op.Method, op.Path)))
                problems.Add($"{d.Member} ({d.Section}): builds {string.Join(", ", d.Requests.Select(r => $"{r.Method} {r.Path ?? "(computed path)"}"))}; the catalogue says {op.Method} {op.Path}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedCount > 50, $"only {checkedCount} methods build their request themselves");
    }

    [Fact]
    public void The_source_reader_finds_the_methods_the_compiler_documents()
    {
        // The same methods the generator credits: a reader that misses members would let mismatches through unseen.
        var fromSource = DocumentedMethods().Select(d => (d.Section, d.Member)).Distinct().OrderBy(x => x).ToList();
        var fromCatalogue = DwsOperations.All.SelectMany(o => o.ClientMethods.Select(m => (o.Section, m))).OrderBy(x => x).ToList();
        Assert.Equal(fromCatalogue, fromSource);
    }
}
