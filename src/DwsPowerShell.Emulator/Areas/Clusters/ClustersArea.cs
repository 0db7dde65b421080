using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2 Clusters: one routes class per topic of the chapter.</summary>
internal sealed class ClustersArea : IEmulatorArea
{
    public void MapRoutes(IEndpointRouteBuilder dws)
    {
        ClusterRoutes.Map(dws);
        NodeTypeRoutes.Map(dws);
        NodeRoutes.Map(dws);
        LogicalClusterRoutes.Map(dws);
        ResizeRoutes.Map(dws);
        ParameterRoutes.Map(dws);
        SecurityRoutes.Map(dws);
        PrecheckRoutes.Map(dws);
        TagFilterRoutes.Map(dws);
        StatisticsRoutes.Map(dws);
        SubStatusRoutes.Map(dws);
        EncryptionRoutes.Map(dws);
        DescriptionRoutes.Map(dws);
        TenantActionRoutes.Map(dws);
    }

    public void MapControl(IEndpointRouteBuilder control) => SubStatusRoutes.MapControl(control);

    public void AddState(EmulatorState state) => new ClusterStore().AddTo(state);
}
