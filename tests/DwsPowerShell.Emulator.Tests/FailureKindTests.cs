using System.Net;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

public sealed class FailureKindTests
{
    [Fact]
    public async Task Forced_create_failure_ends_in_creation_failed_with_reasons()
    {
        await using var host = await EmulatorHost.StartAsync();
        host.State.FailNext("create", new JobFailure("CreateELBTask-fail:DWS.0114", "DWS.0114:ELB private IP is not configured."));
        var id = await host.CreateClusterAsync("dws-broken", waitAvailable: false);
        Assert.Equal("CREATING", (string?)(await host.GetClusterAsync(id))["status"]);
        host.Clock.Advance(host.Options.Durations.ClusterCreate);
        var cluster = await host.GetClusterAsync(id);
        Assert.Equal("CREATION FAILED", (string?)cluster["status"]);
        Assert.Equal("CreateELBTask-fail:DWS.0114", (string?)cluster["failed_reasons"]!["error_code"]);
        var restart = await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/restart", """{"restart":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, restart.StatusCode);
    }

    [Fact]
    public async Task Forced_restart_failure_leaves_reboot_failure()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-reboot");
        host.State.FailNext("restart", new JobFailure("RebootTask-fail:DWS.0005", "DWS.0005:injected"));
        await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/restart", """{"restart":{}}""");
        host.Clock.Advance(host.Options.Durations.ClusterRestart);
        var cluster = await host.GetClusterAsync(id);
        Assert.Equal("REBOOT_FAILURE", (string?)cluster["task_status"]);
        Assert.Equal("AVAILABLE", (string?)cluster["status"]);
    }

    [Fact]
    public async Task Security_token_is_accepted_with_aksk_when_signed()
    {
        await using var host = await EmulatorHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1.0/{host.Project}/clusters");
        request.Headers.Add("X-Security-Token", "temporary-security-token");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
    }
}
