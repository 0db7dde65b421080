using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Services.Cdm;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Services;

/// <summary>Seed 001: CDM stop cluster, and the cluster detail that shows it.</summary>
public sealed class CdmServiceTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ClusterPath => $"/v1.1/{_host.Project}/clusters/{CdmService.SeededClusterId}";

    private async Task<JsonNode> DetailAsync()
    {
        var response = await _host.GetAsync(ClusterPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorHost.ReadJsonAsync(response);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ActionAsync(string json)
    {
        var response = await _host.PostAsync(ClusterPath + "/action", json);
        return (response.StatusCode, await EmulatorHost.ReadJsonAsync(response));
    }

    [Fact]
    public async Task The_seeded_cluster_is_normal()
    {
        var detail = await DetailAsync();
        Assert.Equal(CdmService.SeededClusterId, (string?)detail["id"]);
        Assert.Equal("cdm-emulator", (string?)detail["name"]);
        Assert.Equal("200", (string?)detail["status"]);
        Assert.Equal("Normal", (string?)detail["statusDetail"]);
        Assert.Empty(detail["actionProgress"]!.AsObject());
    }

    [Fact]
    public async Task Stop_answers_200_with_a_jobId_list_and_the_cluster_stops_on_the_clock()
    {
        var (status, body) = await ActionAsync("""{"stop":{"stopMode":"IMMEDIATELY","delayTime":-1}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var jobId = Assert.Single(body["jobId"]!.AsArray());
        Assert.Matches("^[0-9a-f]{32}$", (string)jobId!);
        Assert.Equal(["jobId"], body.AsObject().Select(p => p.Key));

        var stopping = await DetailAsync();
        Assert.Equal("910", (string?)stopping["status"]);
        Assert.Equal("0%", (string?)stopping["actionProgress"]!["STOPPING"]);
        _host.Clock.Advance(CdmService.ActionDuration / 2);
        Assert.Equal("50%", (string?)(await DetailAsync())["actionProgress"]!["STOPPING"]);
        _host.Clock.Advance(CdmService.ActionDuration / 2);
        var stopped = await DetailAsync();
        Assert.Equal("900", (string?)stopped["status"]);
        Assert.Equal("Stopped", (string?)stopped["statusDetail"]);
    }

    [Fact]
    public async Task A_graceful_stop_waits_delayTime_more_and_start_brings_the_cluster_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await ActionAsync("""{"stop":{"stopMode":"GRACEFULLY","delayTime":600}}""")).Status);
        _host.Clock.Advance(CdmService.ActionDuration);
        Assert.Equal("910", (string?)(await DetailAsync())["status"]);
        _host.Clock.Advance(TimeSpan.FromSeconds(600));
        Assert.Equal("900", (string?)(await DetailAsync())["status"]);

        Assert.Equal(HttpStatusCode.OK, (await ActionAsync("""{"start":{}}""")).Status);
        Assert.Equal("920", (string?)(await DetailAsync())["status"]);
        _host.Clock.Advance(CdmService.ActionDuration);
        Assert.Equal("200", (string?)(await DetailAsync())["status"]);
    }

    [Theory]
    [InlineData("""{"stop":{"stopMode":"GRACEFULL","delayTime":-1}}""", "stopMode must be IMMEDIATELY or GRACEFULLY, not 'GRACEFULL'")]
    [InlineData("""{"stop":{"stopMode":"GRACEFULLY","delayTime":0}}""", "delayTime must be -1")]
    [InlineData("""{"stop":{"delayTime":"soon"}}""", "delayTime must be an integer")]
    [InlineData("""{"stop":"now"}""", "stop must be an object")]
    [InlineData("""{"halt":{}}""", "the body must hold the action")]
    public async Task A_bad_stop_is_refused_400_Cdm_0011_and_changes_nothing(string json, string message)
    {
        var (status, body) = await ActionAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Cdm.0011", (string?)body["errCode"]);
        Assert.Contains(message, (string?)body["externalMessage"]);
        Assert.Equal("200", (string?)(await DetailAsync())["status"]);
    }

    [Fact]
    public async Task Stopping_a_cluster_that_is_not_normal_is_refused()
    {
        await ActionAsync("""{"stop":{}}""");
        var (status, body) = await ActionAsync("""{"stop":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Cdm.0000", (string?)body["errCode"]);
        Assert.Contains("status 910", (string?)body["externalMessage"]);
        var (startStatus, _) = await ActionAsync("""{"start":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, startStatus);
    }

    [Fact]
    public async Task An_unknown_cluster_is_404_Cdm_0001()
    {
        var response = await _host.GetAsync($"/v1.1/{_host.Project}/clusters/no-such-cluster");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Cdm.0001", (string?)(await EmulatorHost.ReadJsonAsync(response))["errCode"]);
        var other = await _host.PostAsync($"/v1.1/otherproject/clusters/{CdmService.SeededClusterId}/action", """{"stop":{}}""");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_is_CDMs_own_error_body()
    {
        var (status, body) = await ActionAsync("{\"stop\":");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Cdm.0011", (string?)body["errCode"]);
        Assert.Null(body["error_code"]);
    }

    [Fact]
    public async Task Reset_brings_the_seeded_cluster_back_normal()
    {
        await ActionAsync("""{"stop":{}}""");
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Raw.PostAsync("/_emulator/reset", null)).StatusCode);
        Assert.Equal("200", (string?)(await DetailAsync())["status"]);
    }
}
