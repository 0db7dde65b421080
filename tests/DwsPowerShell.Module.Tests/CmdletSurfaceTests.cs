namespace DwsPowerShell.Module.Tests;

/// <summary>The conventions of DESIGN.md ("Cmdlet conventions") checked on every cmdlet class.</summary>
public class CmdletSurfaceTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    /// <summary>Verbs that never change remote state, so need no ShouldProcess.</summary>
    private static readonly HashSet<string> ReadOnlyVerbs = new(StringComparer.Ordinal) { "Get", "Wait", "Test", "Connect", "Disconnect", "Find", "Measure", "Compare" };

    /// <summary>Cmdlets whose sets differ in risk: Medium plus ShouldContinue unless -Force (quirks.md 10).</summary>
    private static readonly HashSet<string> MixedRisk = new(StringComparer.Ordinal) { "Resize-DwsCluster", "Restore-DwsCluster", "Switch-DwsDisasterRecovery" };

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in M.Cmdlets) data.Add(c.Name);
        return data;
    }

    private static CmdletInfo Cmdlet(string name) => M.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void The_module_has_cmdlets() => Assert.NotEmpty(M.Cmdlets);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Verb_is_approved_and_noun_has_the_Dws_prefix(string name)
    {
        var c = Cmdlet(name);
        Assert.Contains(c.Verb, M.ApprovedVerbs);
        Assert.StartsWith("Dws", c.Noun, StringComparison.Ordinal);
        Assert.True(char.IsUpper(c.Noun[3]), $"{name}: the noun after Dws starts with a capital");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Class_is_sealed_named_after_the_cmdlet_and_in_its_noun_folder_namespace(string name)
    {
        var c = Cmdlet(name);
        Assert.True(c.Type.IsSealed, $"{c.Type.Name} must be sealed");
        Assert.Equal(c.Verb + c.Noun + "Command", c.Type.Name);
        Assert.StartsWith("DwsPowerShell.Commands.", c.Type.Namespace, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Declares_an_OutputType_that_is_a_real_type(string name)
    {
        var types = M.OutputTypes(Cmdlet(name));
        Assert.NotEmpty(types);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void State_changing_cmdlets_support_ShouldProcess(string name)
    {
        var c = Cmdlet(name);
        if (ReadOnlyVerbs.Contains(c.Verb))
        {
            Assert.False(c.SupportsShouldProcess && c.Verb == "Get", $"{name}: a Get- cmdlet must not ask for confirmation");
            return;
        }
        Assert.True(c.SupportsShouldProcess, $"{name} changes state and must support -WhatIf/-Confirm");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Destructive_cmdlets_are_high_impact_with_Force_and_mixed_risk_ones_have_Force(string name)
    {
        var c = Cmdlet(name);
        var parameters = M.Parameters(c).Select(p => p.Name).ToHashSet();
        var destructive = c.Verb == "Remove" || name is "Stop-DwsCluster" or "Restart-DwsCluster";
        if (MixedRisk.Contains(name))
        {
            Assert.Equal("Medium", c.ConfirmImpact);
            Assert.Contains("Force", parameters);
        }
        else if (destructive)
        {
            Assert.Equal("High", c.ConfirmImpact);
            Assert.Contains("Force", parameters);
        }
        else if (c.SupportsShouldProcess)
        {
            Assert.NotEqual("High", c.ConfirmImpact);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Parameter_sets_are_consistent(string name)
    {
        var c = Cmdlet(name);
        var parameters = M.Parameters(c);
        var sets = parameters.SelectMany(p => p.Sets).Where(s => s != "__AllParameterSets").Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(sets.Count, sets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var defaultSet = c.Named<string>("DefaultParameterSetName");
        if (sets.Count > 1) Assert.True(defaultSet is not null, $"{name} has sets {string.Join(", ", sets)} but no DefaultParameterSetName");
        if (defaultSet is not null && sets.Count > 0 && !sets.Contains(defaultSet))
        {
            // A default set with no parameters of its own is chosen only when every other set has a mandatory parameter.
            foreach (var set in sets)
            {
                Assert.True(parameters.Any(p => p.Mandatory && p.Sets.Contains(set)), $"{name}: default set {defaultSet} is empty, so set {set} needs a mandatory parameter to be told apart");
            }
        }
        foreach (var p in parameters) Assert.True(char.IsUpper(p.Name[0]), $"{name} -{p.Name} must be PascalCase");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void List_cmdlets_of_paged_APIs_support_paging_and_Session_is_everywhere(string name)
    {
        var c = Cmdlet(name);
        var parameters = M.Parameters(c).Select(p => p.Name).ToHashSet();
        if (c.Noun != "DwsSession" && c.Verb is not ("Connect" or "Disconnect"))
        {
            Assert.Contains("Session", parameters);
        }
    }
}
