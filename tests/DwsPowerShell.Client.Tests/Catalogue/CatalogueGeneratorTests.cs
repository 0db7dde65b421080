using System.Collections.Immutable;
using DwsPowerShell.Catalogue.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DwsPowerShell.Client.Tests.Catalogue;

/// <summary>The generator refuses a malformed table with DWSCAT001 naming the line (the build fails with it).</summary>
public class CatalogueGeneratorTests
{
    private const string BadHeader = "section\ttitle\tarea\tmethod\tpath\tretry\tparing\tcmdlet\tref_line";
    private static readonly string GoodHeader = string.Join("\t", CatalogueGenerator.Columns);

    private static List<string> Problems(params string[] lines)
    {
        CatalogueGenerator.Parse("/x/operations.tsv", string.Join("\n", lines) + "\n", out var problems);
        return problems.Select(p => $"{p.Id} {p.GetMessage()}").ToList();
    }

    [Fact]
    public void A_good_row_passes()
    {
        Assert.Empty(Problems(GoodHeader, "5.11.1\tQuerying Resource Quotas\tQuotas\tGET\t/v1.0/{project_id}/quotas\tsafe\tnone\tGet-DwsQuota\t13806"));
    }

    [Fact]
    public void Each_bad_cell_is_named_with_its_line()
    {
        var problems = Problems(GoodHeader,
            "5.11.1\tQuerying Resource Quotas\tQuotas\tGET\t/v1.0/{project_id}/quotas\tsafe\tnone\tGet-DwsQuota\t13806",
            "5.11.1\tAgain\tQuotas\tDELETE\tv1.0/{project_id}/quotas\tsafe\tpages\tGet DwsQuota\tx",
            "5.11.2\ttoo few columns",
            "5.11.3\tA read\tQuotas\tGET\t/v1.0/{project_id}/quotas\tunsafe\tnone\tGet-DwsQuota\t13807");
        Assert.Equal(new[]
        {
            "DWSCAT001 operations.tsv line 3: section 5.11.1 appears twice",
            "DWSCAT001 operations.tsv line 3: path 'v1.0/{project_id}/quotas' must start with /v and hold no spaces",
            "DWSCAT001 operations.tsv line 3: retry is 'safe' for a DELETE: GET/HEAD are safe, a POST/PUT is safe only when it reads (quirks.md 7.7), anything else unsafe",
            "DWSCAT001 operations.tsv line 3: paging 'pages' is not one of none, offset-limit, page-number, offset-limit-body",
            "DWSCAT001 operations.tsv line 3: cmdlet 'Get DwsQuota' is not Verb-DwsNoun",
            "DWSCAT001 operations.tsv line 3: ref_line 'x' is not a positive line number",
            "DWSCAT001 operations.tsv line 4: 2 columns, expected 9",
            "DWSCAT001 operations.tsv line 5: retry is 'unsafe' for a GET: GET/HEAD are safe, a POST/PUT is safe only when it reads (quirks.md 7.7), anything else unsafe",
        }, problems);
    }

    [Fact]
    public void A_post_or_put_that_reads_may_be_safe()
    {
        Assert.Empty(Problems(GoodHeader,
            "5.2.29\tPerforming a Check Before Cluster Creation\tClusters\tPOST\t/v2/{project_id}/cluster-precheck\tsafe\tnone\tTest-DwsClusterCreation\t2996",
            "5.2.2\tModifying the Security Group of a Cluster\tClusters\tPUT\t/v1/{project_id}/clusters/{cluster_id}/security-group\tunsafe\tnone\tSet-DwsCluster\t1016"));
    }

    [Fact]
    public void The_header_is_checked()
    {
        Assert.Equal(new[] { "DWSCAT001 operations.tsv line 1: the header must be: section title area method path retry paging cmdlet ref_line (tab-separated)" },
            Problems(BadHeader));
    }

    [Fact]
    public void Properties_are_named_from_the_section() => Assert.Equal("S5_18_11", CatalogueGenerator.PropertyName("5.18.11"));

    private const string QuotaRow = "5.11.1\tQuerying Resource Quotas\tQuotas\tGET\t/v1.0/{project_id}/quotas\tsafe\tnone\tGet-DwsQuota\t13806";

    /// <summary>Runs the generator over one compilation, as the build does, with the table and the MSBuild properties given.</summary>
    private static (string Source, Compilation Output) Generate(string code, IReadOnlyDictionary<string, string> properties)
    {
        var table = new Table("/x/" + CatalogueGenerator.FileName, GoodHeader + "\n" + QuotaRow + "\n");
        var references = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CatalogueGenerator().AsSourceGenerator()], [table], optionsProvider: new Options(properties));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (driver.GetRunResult().GeneratedTrees.Single().ToString(), output);
    }

    [Fact]
    public void Another_project_names_its_namespace_and_gets_its_own_internal_types()
    {
        var (source, output) = Generate("""
            namespace DwsPowerShell.Emulator.Core;
            internal static class Use
            {
                public static string Route => DwsPowerShell.Emulator.Catalogue.DwsOperations.S5_11_1.Method + " " + DwsPowerShell.Emulator.Catalogue.DwsOperations.S5_11_1.Path;
                public static bool Safe => DwsPowerShell.Emulator.Catalogue.DwsOperations.BySection("5.11.1")!.Retry == DwsPowerShell.Emulator.Catalogue.DwsRetry.Safe;
            }
            """, new Dictionary<string, string> { ["build_property." + CatalogueGenerator.NamespaceProperty] = "DwsPowerShell.Emulator.Catalogue" });
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("namespace DwsPowerShell.Emulator.Catalogue", source);
        Assert.Contains("internal sealed class DwsOperation", source);
        Assert.Contains("internal static class DwsOperations", source);
        Assert.DoesNotContain("DwsPowerShell.Client", source);
        Assert.DoesNotContain("ClientMethods", source);
        Assert.DoesNotContain("public static class", source);
    }

    [Fact]
    public void Without_the_property_the_client_namespace_is_written_as_before()
    {
        var rows = CatalogueGenerator.Parse("/x/operations.tsv", GoodHeader + "\n" + QuotaRow + "\n", out _);
        foreach (var unset in new[] { new Dictionary<string, string>(), new() { ["build_property." + CatalogueGenerator.NamespaceProperty] = "" } })
        {
            var (source, _) = Generate("namespace DwsPowerShell.Client.Catalogue; internal class Placeholder { }", unset);
            Assert.Equal(CatalogueGenerator.Emit(rows, []), source);
            Assert.Contains("namespace DwsPowerShell.Client.Catalogue", source);
        }
    }

    private sealed class Table(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(ImmutableDictionary<string, string>.Empty);
    }

    private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
