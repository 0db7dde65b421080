using System.Text.RegularExpressions;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Catalogue;

/// <summary>
/// Client methods build their requests from the catalogue: read from the source of src/DwsPowerShell.Client/Areas, no
/// area builds a request from a path (no DwsRequest.Get/Post/Put/Delete, no "/v1..." or "/v2..." string), and a method
/// documented as section 5.x.y uses DwsOperations.S5_x_y.
/// </summary>
public class CatalogueRequestTests
{
    private static readonly Regex MemberStart = new(@"^    /// <summary>", RegexOptions.Multiline);
    private static readonly Regex DocSection = new(@"^\s*///\s*(?:<summary>)?\s*(5\.\d+\.\d+)\b");
    private static readonly Regex Declaration = new(@"\b(\w+)\s*(?:<[^>()]*>)?\s*\(");
    private static readonly Regex OperationUse = new(@"\bDwsOperations\.S(5_\d+_\d+)\b");
    private static readonly Regex PathFactory = new(@"\bDwsRequest\s*\.\s*(Get|Post|Put|Delete|Patch)\s*\(");
    private static readonly Regex PathString = new(@"""/v\d");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DwsPowerShell.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("DwsPowerShell.sln is not above " + AppContext.BaseDirectory);
    }

    public sealed record Documented(string Section, string Member, IReadOnlyList<string> Operations);

    public static List<Documented> DocumentedMethods()
    {
        var areas = Path.Combine(RepositoryRoot(), "src", "DwsPowerShell.Client", "Areas");
        var files = Directory.GetFiles(areas, "*.cs", SearchOption.AllDirectories).Select(f => (Path: f, Text: File.ReadAllText(f).Replace("\r\n", "\n"))).ToList();
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
                var operations = OperationUse.Matches(code).Cast<Match>().Select(m => m.Groups[1].Value.Replace('_', '.')).Distinct().ToList();
                found.Add(new Documented(section.Groups[1].Value, type + "." + name.Groups[1].Value, operations));
            }
        }
        return found;
    }

    private static List<(string Path, string Text)> AreaFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "DwsPowerShell.Client", "Areas"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (f, File.ReadAllText(f).Replace("\r\n", "\n"))).ToList();

    [Fact]
    public void No_area_builds_a_request_from_a_path()
    {
        var files = AreaFiles();
        Assert.True(files.Count >= 10, $"only {files.Count} files in src/DwsPowerShell.Client/Areas");
        var problems = new List<string>();
        foreach (var (path, text) in files)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var where = $"{Path.GetFileName(path)}:{i + 1}";
                if (PathFactory.Match(lines[i]) is { Success: true } f)
                    problems.Add($"{where}: DwsRequest.{f.Groups[1].Value}(...) builds a request from a path; use DwsRequest.For(DwsOperations.S5_x_y)");
                if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) && PathString.IsMatch(lines[i]))
                    problems.Add($"{where}: a path string; requests and errors name the operation (DwsOperations.S5_x_y)");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_method_documented_as_a_section_builds_that_sections_request()
    {
        var documented = DocumentedMethods();
        Assert.True(documented.Count > 50, $"only {documented.Count} documented client methods found in src/DwsPowerShell.Client/Areas");
        var problems = new List<string>();
        var checkedCount = 0;
        // A method that names no operation delegates to one that does (a page-at-a-time list, a by-key delete).
        foreach (var d in documented.Where(d => d.Operations.Count > 0))
        {
            checkedCount++;
            if (!d.Operations.Contains(d.Section))
                problems.Add($"{d.Member} is documented as {d.Section} but builds {string.Join(", ", d.Operations)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedCount > 80, $"only {checkedCount} methods build their request themselves");
    }

    [Fact]
    public void A_request_takes_method_path_and_call_kind_from_its_operation()
    {
        foreach (var op in DwsOperations.All)
        {
            var request = DwsRequest.For(op);
            Assert.Equal((op.Method, op.Path), (request.Method, request.Template));
            Assert.Same(op, request.Operation);
            Assert.True(request.Kind == (op.Retry == DwsRetry.Safe ? DwsCallKind.Read : DwsCallKind.Mutation), $"{op}: {request.Kind}");
        }
        // quirks.md 7.7: a POST that only reads is retried like a GET; one that changes state is not.
        Assert.Equal(DwsCallKind.Read, DwsRequest.For(DwsOperations.S5_2_34).Kind);
        Assert.Equal(DwsCallKind.Mutation, DwsRequest.For(DwsOperations.S5_2_25).Kind);
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
