using DwsPowerShell.Client.Models.Jobs;
using System.Reflection;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// Pipeline chains that must bind by property name without script blocks (DESIGN.md "Cmdlet conventions"),
/// checked on metadata: some OutputType of the upstream cmdlet has a public property named like a
/// ValueFromPipelineByPropertyName parameter (or one of its aliases) of the downstream cmdlet, that
/// parameter is mandatory in some set, and the property's type fits the parameter's. One row per chain.
/// </summary>
public class PipelineChainTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    [Theory]
    [InlineData("Resize-DwsCluster", "Wait-DwsJob", "JobId")]
    [InlineData("Get-DwsCluster", "Remove-DwsCluster", "ClusterId")]
    [InlineData("Get-DwsCluster", "Start-DwsCluster", "ClusterId")]
    [InlineData("Get-DwsCluster", "Stop-DwsCluster", "ClusterId")]
    [InlineData("Get-DwsCluster", "Restart-DwsCluster", "ClusterId")]
    [InlineData("Get-DwsCluster", "Wait-DwsCluster", "ClusterId")]
    [InlineData("Get-DwsCluster", "Resize-DwsCluster", "ClusterId")]
    [InlineData("Get-DwsCluster", "Get-DwsClusterResizeOption", "ClusterId")]
    [InlineData("Start-DwsCluster", "Wait-DwsJob", "JobId")]
    [InlineData("Stop-DwsCluster", "Wait-DwsJob", "JobId")]
    [InlineData("Restart-DwsCluster", "Wait-DwsCluster", "ClusterId")]
    public void Upstream_output_binds_to_a_mandatory_downstream_parameter_by_property_name(string upstream, string downstream, string property)
    {
        var source = Cmdlet(upstream);
        var target = Cmdlet(downstream);

        var outputs = M.OutputTypes(source);
        Assert.True(outputs.Count > 0, $"{upstream} declares no OutputType");
        var carriers = outputs
            .Select(t => t.GetProperty(property, BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p is not null && p.GetMethod is { IsPublic: true })
            .ToList();
        Assert.True(carriers.Count > 0,
            $"no OutputType of {upstream} ({string.Join(", ", outputs.Select(t => t.FullName))}) has a public property {property}");

        var parameter = M.Parameters(target).SingleOrDefault(p => p.ByPropertyName && p.NamesAndAliases.Contains(property, StringComparer.OrdinalIgnoreCase));
        Assert.True(parameter is not null, $"{downstream} has no ValueFromPipelineByPropertyName parameter named or aliased {property}");
        Assert.True(parameter!.Mandatory, $"{downstream} -{parameter.Name} binds {property} by property name but is mandatory in no parameter set");

        var parameterType = parameter.Property.PropertyType;
        var elementType = parameterType.IsArray ? parameterType.GetElementType()! : parameterType;
        foreach (var carrier in carriers)
        {
            Assert.True(carrier!.PropertyType.FullName == elementType.FullName || carrier.PropertyType.FullName == parameterType.FullName,
                $"{upstream} {carrier.DeclaringType!.Name}.{property} is {carrier.PropertyType.Name} but {downstream} -{parameter.Name} is {parameterType.Name}");
        }
    }

    private static CmdletInfo Cmdlet(string name)
    {
        var cmdlet = M.Cmdlets.SingleOrDefault(c => c.Name == name);
        Assert.True(cmdlet is not null, $"{name} is not a cmdlet of the module");
        return cmdlet!;
    }
}
