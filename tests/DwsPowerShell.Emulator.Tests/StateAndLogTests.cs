using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

public sealed class StateAndLogTests
{
    [Fact]
    public async Task State_file_round_trips_through_shutdown_and_start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dws-emulator-{Guid.NewGuid():N}.json");
        try
        {
            string id;
            await using (var first = await EmulatorHost.StartAsync(o => o.StateFile = file))
            {
                id = await first.CreateClusterAsync("dws-saved");
                await first.PostAsync($"/v1.0/{first.Project}/clusters/{id}/resize", """{"scale_out":{"count":3}}""");
                first.Clock.Advance(first.Options.Durations.ClusterScaleOut);
                Assert.Equal(6, (int)(await first.GetClusterAsync(id))["number_of_node"]!);
            }
            Assert.True(File.Exists(file));
            Assert.DoesNotContain("Str0ng!Passw0rd", await File.ReadAllTextAsync(file));

            await using var second = await EmulatorHost.StartAsync(o => o.StateFile = file);
            var cluster = await second.GetClusterAsync(id);
            Assert.Equal("dws-saved", (string?)cluster["name"]);
            Assert.Equal("AVAILABLE", (string?)cluster["status"]);
            Assert.Equal(6, (int)cluster["number_of_node"]!);
            var sequence = (await EmulatorHost.ReadJsonAsync(await second.GetAsync($"/v1.0/{second.Project}/clusters/{id}/shrink-numbers")))["shrink_sequence"]!;
            Assert.Equal(3, (int)sequence[0]!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Request_log_records_every_api_request_but_not_control_requests()
    {
        await using var host = await EmulatorHost.StartAsync();
        var create = await host.PostAsync($"/v2/{host.Project}/clusters", EmulatorHost.CreateV2Body("dws-log"));
        await host.GetAsync($"/v1.0/{host.Project}/clusters?limit=5");
        await host.Raw.GetAsync($"/v1.0/{host.Project}/clusters");

        var log = host.State.Requests;
        Assert.Equal(3, log.Count);
        Assert.Equal(("POST", $"/v2/{host.Project}/clusters", 200, true, true), (log[0].Method, log[0].RawTarget, log[0].Status, log[0].HandlerRan, log[0].Mutation));
        Assert.Equal(create.Headers.GetValues("X-Request-Id").Single(), log[0].RequestId);
        Assert.Equal(($"/v1.0/{host.Project}/clusters?limit=5", false), (log[1].RawTarget, log[1].Mutation));
        Assert.Equal((401, false), (log[2].Status, log[2].HandlerRan));

        var fromRoute = JsonNode.Parse(await (await host.Raw.GetAsync("/_emulator/requests")).Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(3, fromRoute.Count);
        Assert.Equal("POST", (string?)fromRoute[0]!["method"]);
        Assert.Equal(3, host.State.Requests.Count);
    }

    [Fact]
    public async Task Request_log_keeps_the_json_body_with_secrets_masked()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.PostAsync($"/v2/{host.Project}/clusters", EmulatorHost.CreateV2Body("dws-log-body"));
        await host.PostAsync($"/v1.0/{host.Project}/clusters/none/reset-password", """{"new_password":"N3w!Passw0rd-x","nested":[{"client_secret":"s3cr3t"}]}""");

        var log = host.State.Requests;
        var create = log[0].Body!["cluster"]!;
        Assert.Equal(("dws-log-body", "dbadmin", "******"), ((string?)create["name"], (string?)create["db_name"], (string?)create["db_password"]));
        Assert.Equal("******", (string?)log[1].Body!["new_password"]);
        Assert.Equal("******", (string?)log[1].Body!["nested"]![0]!["client_secret"]);

        var fromRoute = await (await host.Raw.GetAsync("/_emulator/requests")).Content.ReadAsStringAsync();
        Assert.Equal("******", (string?)JsonNode.Parse(fromRoute)![0]!["body"]!["cluster"]!["db_password"]);
        Assert.DoesNotContain("Str0ng!Passw0rd", fromRoute);
        Assert.DoesNotContain("N3w!Passw0rd-x", fromRoute);
        Assert.DoesNotContain("s3cr3t", fromRoute);
    }

    [Fact]
    public async Task Control_routes_reset_and_advance_the_clock()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-ctl", waitAvailable: false);
        var advance = await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody("""{"seconds":600}"""));
        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.Equal("AVAILABLE", (string?)(await host.GetClusterAsync(id))["status"]);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Raw.PostAsync("/_emulator/reset", null)).StatusCode);
        Assert.Empty(host.State.Clusters);
        Assert.Empty(host.State.Requests);
    }
}
