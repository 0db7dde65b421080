namespace DwsPowerShell.Module.Tests;

/// <summary>The cmdlet map's risk column (tests/Fixtures/cmdlet-map.tsv, a copy of the proposed map) is honoured by the cmdlets that exist.</summary>
public class CmdletMapTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    private static IEnumerable<string[]> Rows => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cmdlet-map.tsv")).Skip(1).Select(l => l.Split('\t'));

    public static TheoryData<string, string> HighRiskOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Rows.Where(r => r[6] == "high" && M.Cmdlets.Any(c => c.Name == r[3]))) data.Add(row[0], row[3]);
        return data;
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
