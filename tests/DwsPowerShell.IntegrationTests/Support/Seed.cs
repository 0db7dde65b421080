using DwsPowerShell.Client.Models.AvailabilityZones;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.IntegrationTests.Support;

/// <summary>Puts AVAILABLE clusters straight into the emulator's state (no HTTP, no faults).</summary>
internal static class Seed
{
    public static List<string> Clusters(EmulatorState state, int count, string prefix = "seeded")
    {
        var ids = new List<string>();
        lock (state.Gate)
        {
            var now = state.Clock.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var id = EmulatorState.NewUuid();
                state.Clusters[id] = new ClusterRecord
                {
                    Id = id,
                    Name = $"{prefix}-{i}",
                    NodeType = TestData.Flavor,
                    NodeTypeId = TestData.FlavorId,
                    AvailabilityZone = "eu-west-101a",
                    VpcId = "vpc-seeded",
                    SubnetId = "subnet-seeded",
                    SecurityGroupId = "sg-seeded",
                    UserName = "dbadmin",
                    NodeIds = Enumerable.Range(0, 3).Select(n => $"{id}-node-{n}").ToList(),
                    Created = now.AddHours(-1),
                    Updated = now.AddHours(-1),
                    CreateDuration = TimeSpan.FromMinutes(1),
                };
                ids.Add(id);
            }
        }
        return ids;
    }
}
