using DwsPowerShell.Client.Catalogue;
using System.Text.RegularExpressions;

namespace DwsPowerShell.Module.Tests;

public class ManifestTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    private static string Manifest => File.ReadAllText(Path.Combine(M.RepositoryRoot, "DwsPowerShell.psd1"));

    internal static IReadOnlyList<string> ListValue(string key)
    {
        var match = Regex.Match(Manifest, key + @"\s*=\s*@\((?<body>[^)]*)\)", RegexOptions.Singleline);
        Assert.True(match.Success, $"{key} is missing from the manifest");
        return Regex.Matches(match.Groups["body"].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlet_classes_once_each()
    {
        var exported = ListValue("CmdletsToExport");
        Assert.Equal(exported.Count, exported.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(M.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), exported.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>
    /// The export list is the catalogue's (docs/catalogue.md): the cmdlets of the operations the client serves, and the
    /// helpers that serve none. A served section whose cmdlet is not exported fails naming the section.
    /// </summary>
    [Fact]
    public void CmdletsToExport_is_the_cmdlets_of_the_served_catalogue_operations_and_the_helpers()
    {
        var exported = new HashSet<string>(ListValue("CmdletsToExport"), StringComparer.Ordinal);
        var served = DwsOperations.All.Where(o => o.Served).ToList();
        var notExported = served.Where(o => !exported.Contains(o.Cmdlet)).Select(o => $"{o.Section} {o.Title} ({o.Cmdlet})").ToList();
        var helpersMissing = CatalogueCoverageTests.Helpers.Where(h => !exported.Contains(h)).ToList();
        var extra = exported.Where(n => !CatalogueCoverageTests.Helpers.Contains(n) && !served.Any(o => o.Cmdlet == n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(notExported.Count == 0, "served sections whose cmdlet DwsPowerShell.psd1 does not export: " + string.Join("; ", notExported));
        Assert.True(helpersMissing.Count == 0, "helpers DwsPowerShell.psd1 does not export: " + string.Join(", ", helpersMissing));
        Assert.True(extra.Count == 0, "exported cmdlets that serve no served catalogue operation and are no helper: " + string.Join(", ", extra));
    }

    [Fact]
    public void Nothing_else_is_exported_by_wildcard()
    {
        Assert.Empty(ListValue("FunctionsToExport"));
        Assert.Empty(ListValue("VariablesToExport"));
        Assert.Empty(ListValue("AliasesToExport"));
    }

    [Fact]
    public void Manifest_declares_editions_version_and_tags()
    {
        Assert.Equal(new[] { "Desktop", "Core" }, ListValue("CompatiblePSEditions"));
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", Manifest);
        var tags = ListValue("Tags");
        foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" }) Assert.Contains(tag, tags);
        Assert.Matches(@"RootModule\s*=\s*'DwsPowerShell\.psm1'", Manifest);
    }

    [Fact]
    public void Manifest_version_matches_the_build_version()
    {
        var props = File.ReadAllText(Path.Combine(M.RepositoryRoot, "Directory.Build.props"));
        var version = Regex.Match(props, "<ModuleVersion>([^<]+)</ModuleVersion>").Groups[1].Value;
        Assert.Matches($@"ModuleVersion\s*=\s*'{Regex.Escape(version)}'", Manifest);
        Assert.Equal(version, M.Module.GetName().Version!.ToString(3));
    }

    [Fact]
    public void Format_files_listed_in_the_manifest_exist()
    {
        foreach (var file in ListValue("FormatsToProcess"))
        {
            Assert.True(File.Exists(Path.Combine(M.RepositoryRoot, "src", "DwsPowerShell", file)), file);
        }
    }
}
