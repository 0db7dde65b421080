using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

public sealed class LoopbackTests
{
    [Fact]
    public async Task Real_loopback_port_serves_signed_and_token_requests()
    {
        await using var emulator = await DwsEmulator.StartAsync(new EmulatorOptions());
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);

        using var signed = new HttpClient(new SigningHandler(emulator.Options.AccessKey, emulator.Options.SecretKey, () => DateTimeOffset.UtcNow)
        {
            InnerHandler = new HttpClientHandler(),
        }) { BaseAddress = emulator.BaseAddress };
        var zones = await signed.GetFromJsonAsync<JsonObject>($"v1.0/{emulator.Options.ProjectId}/availability-zones");
        Assert.Equal(3, (int)zones!["count"]!);

        using var raw = new HttpClient { BaseAddress = emulator.BaseAddress };
        var tokenResponse = await raw.PostAsync("v3/auth/tokens", EmulatorHost.JsonBody("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"dwsadmin","password":"Emulator@123",
             "domain":{"name":"emulator-domain"}}}},"scope":{"project":{"name":"eu-west-101"}}}}
            """));
        var token = tokenResponse.Headers.GetValues("X-Subject-Token").Single();
        var request = new HttpRequestMessage(HttpMethod.Get, $"v1.0/{emulator.Options.ProjectId}/clusters");
        request.Headers.Add("X-Auth-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await raw.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await raw.GetAsync($"v1.0/{emulator.Options.ProjectId}/clusters")).StatusCode);

        Assert.Equal(4, emulator.Requests.Count);
        Assert.DoesNotContain(emulator.Requests, r => r.RawTarget.Contains(token, StringComparison.Ordinal));
    }
}
