using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Quotas;

public sealed class QuotaTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonArray> ResourcesAsync()
    {
        var response = await _host.GetAsync($"/v1.0/{_host.Project}/quotas");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await EmulatorHost.ReadJsonAsync(response))["quotas"]!["resources"]!.AsArray();
    }

    private static string Used(JsonArray resources, string type) => (string)resources.Single(r => (string?)r!["type"] == type)!["used"]!;

    [Fact]
    public async Task Wire_shape_is_the_example_strings_and_null_unit()
    {
        var resources = await ResourcesAsync();
        Assert.Equal(["instances", "core", "ram", "disk", "disk_capacity"], resources.Select(r => (string)r!["type"]!));
        var instances = resources[0]!;
        Assert.Equal(JsonValueKind.String, instances["used"]!.GetValueKind());
        Assert.Equal("100", (string?)instances["quota"]);
        Assert.Equal("null", (string?)instances["unit"]);
        Assert.Equal("GB", (string?)resources[2]!["unit"]);
    }

    [Fact]
    public async Task Used_follows_clusters_created_and_deleted()
    {
        Assert.Equal("0", Used(await ResourcesAsync(), "instances"));
        var id = await _host.CreateClusterAsync("dws-quota", waitAvailable: false);
        var resources = await ResourcesAsync();
        Assert.Equal("1", Used(resources, "instances"));
        Assert.Equal("3", Used(resources, "disk"));
        Assert.NotEqual("0", Used(resources, "core"));

        await _host.CreateClusterAsync("dws-quota-2");
        Assert.Equal("2", Used(await ResourcesAsync(), "instances"));

        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{id}")).StatusCode);
        Assert.Equal("2", Used(await ResourcesAsync(), "instances")); // still deleting
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);
        resources = await ResourcesAsync();
        Assert.Equal("1", Used(resources, "instances"));
        Assert.Equal("3", Used(resources, "disk"));
    }
}
