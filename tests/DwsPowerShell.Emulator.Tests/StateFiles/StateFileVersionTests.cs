using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Connections;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Areas.Workload;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.StateFiles;

/// <summary>
/// Files written by earlier emulators still load. Fixtures/state/version2.json was written by the Version 2 emulator
/// (domain names and the ELB on each cluster record); Version 3 keeps them in the Connections area's own field.
/// </summary>
public sealed class StateFileVersionTests : IDisposable
{
    private const string Fixture = "7640acc9-79c8-453c-9cfe-4281c1c82dcd";
    private const string Other = "4e138091-594b-4cfc-8417-fca48321517a";
    private const string BoundElb = "943e39c7-96d9-5508-d839-771a589b0c56";

    private readonly string _dir = Directory.CreateTempSubdirectory("dws-state-").FullName;

    private string StatePath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Version2 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "state", "version2.json"));

    [Fact]
    public async Task A_version_2_file_loads_with_every_area_s_state()
    {
        File.WriteAllText(StatePath, Version2);
        await using var host = await EmulatorHost.StartAsync(o => o.StateFile = StatePath);
        var state = host.State;
        lock (state.Gate)
        {
            Assert.Equal(["dws-fixture", "dws-fixture-2"], state.Clusters.Values.Select(c => c.Name).Order(StringComparer.Ordinal));
            var c = state.Clusters[Fixture];
            Assert.Equal([("env", "prod")], c.Tags.Select(t => (t.Key, t.Value)));
            Assert.Equal(("bind_existing", "ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983"), (c.PublicBindType, c.EipId));
            Assert.Equal("900", c.ParameterValues["cn:max_connections"]);
            Assert.Equal("fixture cluster", c.Description);
            var connections = state.Connections.Find(Fixture)!;
            Assert.Equal(("demo", "warehouse", BoundElb), (connections.PublicDomainName!.Name, connections.PrivateDomainName!.Name, connections.ElbId));
            Assert.Null(state.Connections.Find(Other));
            Assert.Equal(["snap-1"], state.Snapshots.Values.Select(s => (string?)s["Name"]));
            Assert.Equal(["plan1"], state.Plans.Values.Select(p => (string?)p["Name"]));
            Assert.Equal(["stage1"], state.Stages.Values.Select(s => (string?)s["Name"]));
            Assert.Single(state.Jobs.Values);
            Assert.Equal(["create"], state.PendingFailures.Keys);
        }
        Assert.Equal(BoundElb, (string?)(await host.GetClusterAsync(Fixture))["elb"]!["id"]);
        var endpoints = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1/{host.Project}/clusters/{Fixture}/endpoints"));
        Assert.Contains("warehouse", endpoints.ToJsonString());
    }

    [Fact]
    public async Task A_version_2_file_is_rewritten_as_version_3_with_the_same_state()
    {
        File.WriteAllText(StatePath, Version2);
        await using (var host = await EmulatorHost.StartAsync(o => o.StateFile = StatePath))
            await host.Raw.PostAsync("/_emulator/jobs/fail-next", EmulatorHost.JsonBody("""{"kind":"restart"}"""));

        var written = JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject();
        Assert.Equal(3, (int)written["Version"]!);
        Assert.Equal(3, StateFile.CurrentVersion);
        Assert.All(written["Clusters"]!.AsArray(), c => Assert.False(c!.AsObject().ContainsKey("ElbId")));
        Assert.Equal([Fixture], written["Connections"]!.AsObject().Select(p => p.Key));
        Assert.Equal(BoundElb, (string?)written["Connections"]![Fixture]!["ElbId"]);

        await using var again = await EmulatorHost.StartAsync(o => o.StateFile = StatePath);
        Assert.Equal(BoundElb, (string?)(await again.GetClusterAsync(Fixture))["elb"]!["id"]);
        lock (again.State.Gate) Assert.Equal("warehouse", again.State.Connections.Find(Fixture)!.PrivateDomainName!.Name);
    }

    [Fact]
    public void A_version_2_file_with_a_connections_field_is_refused()
    {
        var doc = JsonNode.Parse(Version2)!.AsObject();
        doc["Connections"] = new JsonObject();
        File.WriteAllText(StatePath, doc.ToJsonString());
        var e = Assert.Throws<StateFileException>(() => new EmulatorState(new EmulatorOptions(), new EmulatorClock(TimeProvider.System, 1)).Load(StatePath));
        Assert.EndsWith("has the field Connections, which Version 2 files do not hold", e.Message);
    }

    [Fact]
    public void Each_area_adds_its_own_fields_in_the_file_s_order()
    {
        var state = new EmulatorState(new EmulatorOptions(), new EmulatorClock(TimeProvider.System, 1));
        Assert.Equal(["Clusters", "Jobs", "Snapshots", "Plans", "Stages", "Connections", "PendingFailures"], state.Fields.Select(f => f.Name));
        Assert.Equal([1, 1, 1, 1, 1, 3, 1], state.Fields.Select(f => f.SinceVersion));
    }
}
