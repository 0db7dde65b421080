using System.Text.RegularExpressions;
using System.Xml.Linq;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.DocGen;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Coverage;

/// <summary>
/// Every operation in scope has all layers: a client method (its doc comment starts with the
/// section number), an emulator route (a request to its path is not "unknown API"), and the
/// cmdlet the cmdlet map names. The scope grows as areas are finished; it never shrinks.
/// </summary>
public class OperationCoverageTests
{
    /// <summary>API chapters that must be complete: every operation in them is in scope (issue 4: 5.1, 5.2, 5.9, 5.10, 5.11).</summary>
    public static readonly string[] CompleteChapters = { "5.1", "5.2", "5.9", "5.10", "5.11" };

    /// <summary>Operations of the other chapters that are served so far.</summary>
    public static readonly string[] OtherOperations =
    {
        "5.3.1", "5.3.3", "5.3.4", "5.3.8", "5.3.23", "5.7.18", "5.7.19", "5.7.20", "5.7.21", "5.7.22", "5.7.23", "5.7.24", "5.7.25", "5.7.26", "5.7.27", "5.7.28", "5.7.29", "5.13.1"
    };

    /// <summary>Every operation that must be served end to end.</summary>
    public static string[] Scope => ApiOperation.All
        .Where(o => CompleteChapters.Contains(o.Section.Substring(0, o.Section.LastIndexOf('.'))))
        .Select(o => o.Section)
        .Concat(OtherOperations)
        .ToArray();

    public static TheoryData<string> InScope()
    {
        var data = new TheoryData<string>();
        foreach (var s in Scope) data.Add(s);
        return data;
    }

    private static ApiOperation Operation(string section) => ApiOperation.All.Single(o => o.Section == section);

    private static readonly Lazy<HashSet<string>> s_documentedSections = new(() =>
    {
        var doc = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "DwsPowerShell.Client.xml"));
        return doc.Descendants("member")
            .Where(m => m.Attribute("name")!.Value.StartsWith("M:DwsPowerShell.Client.Areas.", StringComparison.Ordinal))
            .Select(m => Regex.Match(m.Element("summary")?.Value.Trim() ?? "", @"^(5\.\d+\.\d+)\b"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
    });

    [Fact]
    public void The_scope_names_real_operations_once()
    {
        Assert.Equal(Scope.Length, Scope.Distinct().Count());
        foreach (var s in Scope) Assert.Contains(ApiOperation.All, o => o.Section == s);
        Assert.Equal(212, ApiOperation.All.Count);
        Assert.Equal(78, ApiOperation.All.Count(o => CompleteChapters.Any(c => o.Section.StartsWith(c + ".", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(InScope))]
    public void Has_a_client_method_documented_with_its_section(string section)
    {
        Assert.True(s_documentedSections.Value.Contains(section),
            $"No public method of DwsPowerShell.Client.Areas has a summary starting with '{section}' ({Operation(section).Title}).");
    }

    [Theory]
    [MemberData(nameof(InScope))]
    public async Task Has_an_emulator_route(string section)
    {
        var op = Operation(section);
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var request = DwsRequest.For(DwsOperations.BySection(section) ?? throw new InvalidOperationException($"{section} is not in the catalogue"));
        foreach (Match placeholder in Regex.Matches(op.Path, @"\{(\w+)\}"))
        {
            var name = placeholder.Groups[1].Value;
            if (name != "project_id") request.Path(name, "coverage-probe");
        }
        try
        {
            await session.Transport.SendAsync(request);
        }
        catch (DwsApiException ex)
        {
            Assert.True(ex.ErrorCode != "APIGW.0101" && ex.StatusCode is not 405, $"{op}: the emulator has no route ({ex.Message})");
        }
    }

    [Theory]
    [MemberData(nameof(InScope))]
    public void Has_the_cmdlet_the_map_names(string section)
    {
        var op = Operation(section);
        Assert.True(ModuleMetadata.Instance.Cmdlets.Any(c => c.Name == op.Cmdlet), $"{op}: cmdlet {op.Cmdlet} does not exist");
    }
}
