using DwsPowerShell.Client.Catalogue;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The risk of an operation, honoured by the cmdlet that serves it. The section's cmdlet comes from the catalogue
/// (DwsOperations, docs/catalogue.md); tests/Fixtures/cmdlet-map.tsv (a copy of the proposed map) is read only for the
/// column the catalogue lacks: mutating = high.
/// </summary>
public class CmdletMapTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    /// <summary>The sections the map marks high-risk (its section and mutating columns).</summary>
    private static IEnumerable<string> HighRiskSections => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cmdlet-map.tsv"))
        .Skip(1).Select(l => l.Split('\t')).Where(r => r[6] == "high").Select(r => r[0]);

    public static TheoryData<string, string> HighRiskOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var section in HighRiskSections)
        {
            var cmdlet = DwsOperations.BySection(section)?.Cmdlet;
            if (cmdlet is not null && M.Cmdlets.Any(c => c.Name == cmdlet)) data.Add(section, cmdlet);
        }
        return data;
    }

    [Fact]
    public void Every_high_risk_section_of_the_map_is_in_the_catalogue()
    {
        var unknown = HighRiskSections.Where(s => DwsOperations.BySection(s) is null).ToList();
        Assert.True(unknown.Count == 0, "high-risk sections of cmdlet-map.tsv the catalogue does not have: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(HighRiskOperations))]
    public void High_risk_operations_confirm_at_High_or_ask_again_unless_Force(string section, string cmdlet)
    {
        var c = M.Cmdlets.Single(x => x.Name == cmdlet);
        Assert.True(c.SupportsShouldProcess, $"{section}: {cmdlet} must support -WhatIf/-Confirm");
        // quirks.md 10: ConfirmImpact High, or Medium plus ShouldContinue unless -Force (the -Force parameter is the visible half of that pattern).
        Assert.True(c.ConfirmImpact == "High" || (c.ConfirmImpact == "Medium" && M.Parameters(c).Any(p => p.Name == "Force")),
            $"{section}: {cmdlet} is ConfirmImpact {c.ConfirmImpact} without -Force");
    }
}
