using System.Reflection;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The snapshot and workload pipeline chains bind by property name without script blocks: the upstream output
/// type has a public property named like a ValueFromPipelineByPropertyName parameter (or one of its aliases) of
/// the downstream cmdlet. Chains from Get-DwsCluster check the client's Cluster model, which Get-DwsCluster writes.
/// </summary>
public class SnapshotWorkloadChainTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    private const string ClusterModel = "DwsPowerShell.Client.Models.Clusters.Cluster";

    public static TheoryData<string, string, string[]> Chains => new()
    {
        { "Get-DwsCluster", "New-DwsSnapshot", new[] { "ClusterId" } },
        { "Get-DwsCluster", "Get-DwsSnapshot", new[] { "ClusterId" } },
        { "Get-DwsSnapshot", "Remove-DwsSnapshot", new[] { "SnapshotId" } },
        { "Get-DwsSnapshot", "Wait-DwsSnapshot", new[] { "SnapshotId" } },
        { "Get-DwsWorkloadPlan", "Start-DwsWorkloadPlan", new[] { "ClusterId", "PlanId" } },
        { "Get-DwsWorkloadPlan", "Stop-DwsWorkloadPlan", new[] { "ClusterId", "PlanId" } },
        { "Get-DwsWorkloadPlan", "Get-DwsWorkloadPlanStage", new[] { "ClusterId", "PlanId" } },
        { "Get-DwsWorkloadPlanStage", "Switch-DwsWorkloadPlanStage", new[] { "ClusterId", "PlanId", "StageId" } },
        { "Get-DwsWorkloadPlanStage", "Set-DwsWorkloadPlanStage", new[] { "ClusterId", "PlanId", "StageId" } },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Upstream_output_binds_the_downstream_parameters_by_property_name(string upstream, string downstream, string[] parameters)
    {
        var outputs = UpstreamTypes(upstream);
        var target = M.Cmdlets.Single(c => c.Name == downstream);
        var byName = M.Parameters(target).Where(p => p.ByPropertyName).ToList();
        foreach (var name in parameters)
        {
            var parameter = byName.SingleOrDefault(p => p.Name == name);
            Assert.True(parameter is not null, $"{downstream} -{name} must be ValueFromPipelineByPropertyName");
            foreach (var type in outputs)
            {
                var property = parameter!.NamesAndAliases
                    .Select(n => type.GetProperty(n, BindingFlags.Public | BindingFlags.Instance))
                    .FirstOrDefault(p => p is not null && p.CanRead);
                Assert.True(property is not null, $"{upstream} writes {type.FullName}, which has no public property {name} (or alias) for {downstream} to bind");
                Assert.Equal("System.String", property!.PropertyType.FullName);
            }
        }
    }

    [Fact]
    public void A_cluster_piped_to_Get_DwsSnapshot_can_bind_only_the_ByCluster_set()
    {
        // The ById set's SnapshotId takes strings by value; a Cluster must not reach it, so no property of
        // Cluster may bind a parameter of the ById set and ClusterId must belong to ByCluster only.
        var cluster = ClientType(ClusterModel);
        var get = M.Cmdlets.Single(c => c.Name == "Get-DwsSnapshot");
        var bindable = M.Parameters(get).Where(p => p.ByPropertyName && p.NamesAndAliases.Any(n => cluster.GetProperty(n) is not null)).ToList();
        var parameter = Assert.Single(bindable);
        Assert.Equal("ClusterId", parameter.Name);
        Assert.Equal(new[] { "ByCluster" }, parameter.Sets);
    }

    private static IReadOnlyList<Type> UpstreamTypes(string upstream)
    {
        if (upstream == "Get-DwsCluster") return new[] { ClientType(ClusterModel) };
        var types = M.OutputTypes(M.Cmdlets.Single(c => c.Name == upstream));
        Assert.NotEmpty(types);
        return types;
    }

    private static Type ClientType(string fullName)
    {
        var client = M.Cmdlets.SelectMany(c => M.OutputTypes(c)).Select(t => t.Assembly).First(a => a.GetName().Name == "DwsPowerShell.Client");
        return client.GetType(fullName, throwOnError: true)!;
    }
}
