namespace DwsPowerShell.Module.Tests;

/// <summary>The resize slice's pipeline chains, checked like <see cref="PipelineChainTests"/>.</summary>
public class ResizeChainTests
{
    [Theory]
    [InlineData("Get-DwsCluster", "Test-DwsClusterResize", "ClusterId")]
    [InlineData("Get-DwsCluster", "Start-DwsClusterRedistribution", "ClusterId")]
    [InlineData("Get-DwsCluster", "Suspend-DwsClusterRedistribution", "ClusterId")]
    [InlineData("Get-DwsCluster", "Resume-DwsClusterRedistribution", "ClusterId")]
    [InlineData("Get-DwsCluster", "Get-DwsClusterRedistribution", "ClusterId")]
    [InlineData("Get-DwsCluster", "Get-DwsClusterFlavor", "ClusterId")]
    [InlineData("Get-DwsCluster", "Get-DwsClusterDiskUsage", "ClusterId")]
    [InlineData("Get-DwsClusterFlavor", "Get-DwsClusterResizeOption", "FlavorId")]
    [InlineData("Get-DwsClusterResizeOption", "Resize-DwsCluster", "TargetFlavorId")]
    [InlineData("Resume-DwsClusterRedistribution", "Wait-DwsCluster", "ClusterId")]
    [InlineData("Resize-DwsCluster", "Wait-DwsCluster", "ClusterId")]
    public void Upstream_output_binds_downstream_by_property_name(string upstream, string downstream, string property) =>
        new PipelineChainTests().Upstream_output_binds_to_a_mandatory_downstream_parameter_by_property_name(upstream, downstream, property);
}
