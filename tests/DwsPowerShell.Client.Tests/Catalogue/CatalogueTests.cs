using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DwsPowerShell.Client.Catalogue;

namespace DwsPowerShell.Client.Tests.Catalogue;

/// <summary>
/// The operation catalogue (src/DwsPowerShell.Client/Catalogue/operations.tsv, compiled into DwsOperations by the generator)
/// holds the reference's operations, and the client's "5.x.y" doc comments name operations that are in it (docs/catalogue.md).
/// </summary>
public class CatalogueTests
{
    private static readonly Regex SectionStart = new(@"^(5\.\d+\.\d+)\b\s*(.*)$", RegexOptions.Singleline);

    [Fact]
    public void The_catalogue_holds_the_references_212_operations_once_each()
    {
        Assert.Equal(212, DwsOperations.All.Count);
        var twice = DwsOperations.All.GroupBy(o => o.Section).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "sections listed twice: " + string.Join(", ", twice));
        // Every chapter 5.1-5.18 is there and numbered without gaps.
        foreach (var chapter in DwsOperations.All.GroupBy(o => o.Section.Substring(0, o.Section.LastIndexOf('.'))))
        {
            var numbers = chapter.Select(o => int.Parse(o.Section.Substring(o.Section.LastIndexOf('.') + 1))).OrderBy(n => n).ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }
        Assert.Equal(Enumerable.Range(1, 18), DwsOperations.All.Select(o => int.Parse(o.Section.Split('.')[1])).Distinct().OrderBy(n => n));
    }

    [Fact]
    public void Every_chapter_is_one_area()
    {
        var areas = DwsOperations.All.GroupBy(o => o.Section.Split('.')[1]).ToDictionary(g => g.Key, g => g.Select(o => o.Area).Distinct().ToList());
        Assert.All(areas, a => Assert.True(a.Value.Count == 1, $"chapter 5.{a.Key} has areas {string.Join(", ", a.Value)}"));
        Assert.Equal(18, areas.Values.Select(v => v[0]).Distinct().Count());
        Assert.Equal("Clusters", DwsOperations.S5_2_3.Area);
        Assert.Equal("Jobs", DwsOperations.S5_13_1.Area);
    }

    [Fact]
    public void Every_path_is_versioned_and_names_the_project_as_the_reference_does()
    {
        foreach (var op in DwsOperations.All)
        {
            Assert.Matches(@"^/v\d+(\.\d+)?/", op.Path);
            Assert.StartsWith("/v", op.Path);
            Assert.DoesNotContain(" ", op.Path);
        }
        // The reference extraction (tests/Fixtures/operations.tsv) is where the table came from: same title, method and path.
        var reference = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "operations.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(c => c[0]);
        Assert.Equal(reference.Keys.OrderBy(k => k), DwsOperations.All.Select(o => o.Section).OrderBy(k => k));
        foreach (var op in DwsOperations.All)
        {
            var r = reference[op.Section];
            Assert.True((r[2], r[3], r[4], r[5]) == (op.Title, op.Method, op.Path, op.RefLine.ToString()),
                $"{op.Section}: catalogue has '{op.Title}' {op.Method} {op.Path} line {op.RefLine}, the reference '{r[2]}' {r[3]} {r[4]} line {r[5]}");
            Assert.Equal(r[4].Contains("{project_id}"), op.Path.Contains("{project_id}"));
        }
    }

    [Fact]
    public void Retry_is_safe_for_reads_and_paging_follows_the_reference()
    {
        // GET/HEAD read; a POST/PUT reads only where the reference says so: quirks.md 7.7 "POST reads" (5.2.26, 5.2.29,
        // 5.2.34, 5.3.5, 5.3.16, 5.14.7) and the 5.2.52 disk check, which answers only by status (quirks.md 1.6).
        var postReads = new[] { "5.2.26", "5.2.29", "5.2.34", "5.2.52", "5.3.5", "5.3.16", "5.14.7" };
        foreach (var op in DwsOperations.All)
        {
            var reads = op.Method is "GET" or "HEAD" || postReads.Contains(op.Section);
            Assert.True(op.Retry == (reads ? DwsRetry.Safe : DwsRetry.Unsafe), $"{op.Section} {op.Method} is {op.Retry}; expected {(reads ? "safe (it only reads)" : "unsafe")}");
        }
        // The cmdlet map agrees: its non-GET rows that do not mutate are exactly these.
        var notMutating = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cmdlet-map.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[1] != "GET" && c[6] == "no").Select(c => c[0]).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(postReads.OrderBy(s => s, StringComparer.Ordinal), notMutating);
        // quirks.md 3.1: offset is a page number in events and alarms; 3.2: 5.14.7 pages in the POST body.
        Assert.Equal(new[] { "5.4.1", "5.4.2", "5.4.3", "5.8.1", "5.8.2", "5.8.4" },
            DwsOperations.All.Where(o => o.Paging == DwsOperationPaging.PageNumber).Select(o => o.Section));
        Assert.Equal(DwsOperationPaging.OffsetLimitBody, DwsOperations.S5_14_7.Paging);
        Assert.Equal(DwsOperationPaging.OffsetLimit, DwsOperations.S5_2_34.Paging);
        Assert.Equal(DwsOperationPaging.None, DwsOperations.S5_2_6.Paging);
    }

    [Fact]
    public void Each_operation_is_a_property_named_from_its_section_and_found_by_section()
    {
        var properties = typeof(DwsOperations).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(DwsOperation)).ToList();
        Assert.Equal(DwsOperations.All.Count, properties.Count);
        foreach (var p in properties)
        {
            var op = (DwsOperation)p.GetValue(null)!;
            Assert.Equal("S" + op.Section.Replace('.', '_'), p.Name);
            Assert.Same(op, DwsOperations.BySection(op.Section));
        }
        Assert.Equal("POST /v2/{project_id}/clusters", $"{DwsOperations.S5_2_3.Method} {DwsOperations.S5_2_3.Path}");
        Assert.Equal("New-DwsCluster", DwsOperations.S5_2_3.Cmdlet);
        Assert.Null(DwsOperations.BySection("5.2.999"));
        Assert.Null(DwsOperations.BySection(""));
    }

    /// <summary>Client methods whose doc comment starts with a section: (section, "Type.Method", text after the section).</summary>
    private static List<(string Section, string Member, string Text)> DocumentedMethods()
    {
        var xml = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "DwsPowerShell.Client.xml"));
        var found = new List<(string, string, string)>();
        foreach (var member in xml.Descendants("member"))
        {
            var name = (string)member.Attribute("name")!;
            var summary = member.Element("summary");
            if (!name.StartsWith("M:DwsPowerShell.Client.", StringComparison.Ordinal) || summary is null) continue;
            var text = Regex.Replace(string.Concat(summary.DescendantNodes().OfType<XText>().Select(t => t.Value)), @"\s+", " ").Trim();
            var m = SectionStart.Match(text);
            if (!m.Success) continue;
            var parts = name.Substring(2).Split('(')[0].Split('.');
            found.Add((m.Groups[1].Value, parts[parts.Length - 2] + "." + parts[parts.Length - 1], m.Groups[2].Value));
        }
        return found;
    }

    [Fact]
    public void Client_methods_named_by_section_are_catalogue_operations_with_that_title()
    {
        var documented = DocumentedMethods();
        Assert.True(documented.Count > 50, $"only {documented.Count} client methods start their doc comment with a section: is DwsPowerShell.Client.xml stale?");
        var problems = new List<string>();
        foreach (var (section, member, text) in documented)
        {
            var op = DwsOperations.BySection(section);
            if (op is null) { problems.Add($"{member}: {section} is not in the catalogue"); continue; }
            if (!Normal(text).StartsWith(Normal(op.Title), StringComparison.Ordinal))
                problems.Add($"{member}: the doc comment goes on '{text.Substring(0, Math.Min(60, text.Length))}', the catalogue's title is '{op.Title}'");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Served_is_computed_from_the_client_doc_comments()
    {
        var documented = DocumentedMethods();
        foreach (var op in DwsOperations.All)
        {
            var expected = documented.Where(d => d.Section == op.Section).Select(d => d.Member).Distinct().OrderBy(m => m, StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(op.ClientMethods), $"{op.Section}: the generator computed [{string.Join(", ", op.ClientMethods)}], the doc comments say [{string.Join(", ", expected)}]");
        }
        Assert.True(DwsOperations.S5_2_3.Served);
        Assert.Contains("ClustersApi.CreateAsync", DwsOperations.S5_2_3.ClientMethods);
    }

    private static string Normal(string s) => Regex.Replace(s.ToLowerInvariant(), @"[^a-z0-9]+", " ").Trim();
}
