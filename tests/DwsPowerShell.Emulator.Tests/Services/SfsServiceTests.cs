using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Services.Sfs;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Services;

/// <summary>Seed 002: SFS shrink share (202, no body), seen on the share detail; errors are OpenStack faults.</summary>
public sealed class SfsServiceTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string SharePath => $"/v2/{_host.Project}/shares/{SfsService.SeededShareId}";

    private async Task<JsonNode> ShareAsync()
    {
        var response = await _host.GetAsync(SharePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await EmulatorHost.ReadJsonAsync(response))["share"]!;
    }

    [Fact]
    public async Task Shrink_answers_202_with_no_body_then_the_share_is_shrinking_then_available_at_the_new_size()
    {
        var share = await ShareAsync();
        Assert.Equal("available", (string?)share["status"]);
        Assert.Equal(2, (int)share["size"]!);

        var response = await _host.PostAsync(SharePath + "/action", """{"os-shrink":{"new_size":1}}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        share = await ShareAsync();
        Assert.Equal("shrinking", (string?)share["status"]);
        Assert.Equal(2, (int)share["size"]!);
        _host.Clock.Advance(SfsService.ShrinkDuration);
        share = await ShareAsync();
        Assert.Equal("available", (string?)share["status"]);
        Assert.Equal(1, (int)share["size"]!);
    }

    [Theory]
    [InlineData("""{"os-shrink":{"new_size":2}}""", "Invalid input received: New size for shrink must be less than current size and greater than 0 (current: 2, new: 2).")]
    [InlineData("""{"os-shrink":{"new_size":0}}""", "Invalid input received: New size for shrink must be less than current size and greater than 0 (current: 2, new: 0).")]
    [InlineData("""{"os-shrink":{"new_size":"1"}}""", "New share size must be specified as an integer.")]
    [InlineData("""{"os-shrink":{}}""", "New share size must be specified as an integer.")]
    [InlineData("""{"os-shrink":{"new_size":1.5}}""", "New share size must be specified as an integer.")]
    public async Task A_bad_shrink_is_a_badRequest_fault_and_changes_nothing(string json, string message)
    {
        var response = await _host.PostAsync(SharePath + "/action", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = (await EmulatorHost.ReadJsonAsync(response)).AsObject();
        Assert.Equal(["badRequest"], fault.Select(p => p.Key));
        Assert.Equal(message, (string?)fault["badRequest"]!["message"]);
        Assert.Equal(400, (int)fault["badRequest"]!["code"]!);
        Assert.Equal("available", (string?)(await ShareAsync())["status"]);
    }

    [Fact]
    public async Task A_shrink_while_shrinking_is_refused()
    {
        await _host.PostAsync(SharePath + "/action", """{"os-shrink":{"new_size":1}}""");
        var response = await _host.PostAsync(SharePath + "/action", """{"os-shrink":{"new_size":1}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("current status is: shrinking", (string?)(await EmulatorHost.ReadJsonAsync(response))["badRequest"]!["message"]);
    }

    [Fact]
    public async Task An_unknown_share_is_an_itemNotFound_fault()
    {
        var response = await _host.GetAsync($"/v2/{_host.Project}/shares/no-such-share");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var fault = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal("Share no-such-share could not be found.", (string?)fault["itemNotFound"]!["message"]);
        Assert.Equal(404, (int)fault["itemNotFound"]!["code"]!);
        var shrink = await _host.PostAsync($"/v2/{_host.Project}/shares/no-such-share/action", """{"os-shrink":{"new_size":1}}""");
        Assert.Equal(HttpStatusCode.NotFound, shrink.StatusCode);
    }

    [Fact]
    public async Task An_unknown_action_is_an_itemNotFound_fault()
    {
        var response = await _host.PostAsync(SharePath + "/action", """{"os-grow":{"new_size":3}}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no such action: os-grow", (string?)(await EmulatorHost.ReadJsonAsync(response))["itemNotFound"]!["message"]);
    }
}
