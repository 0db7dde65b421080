using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

public sealed class TokenTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string TokenBody(string password, string project = "eu-west-101") => """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"dwsadmin","password":"PASSWORD",
         "domain":{"name":"emulator-domain"}}}},"scope":{"project":{"name":"PROJECT"}}}}
        """.Replace("PASSWORD", password).Replace("PROJECT", project);

    private async Task<(HttpResponseMessage Response, string? Token)> IssueAsync(string password)
    {
        var response = await _host.Raw.PostAsync("/v3/auth/tokens", EmulatorHost.JsonBody(TokenBody(password)));
        return (response, response.Headers.TryGetValues("X-Subject-Token", out var v) ? v.Single() : null);
    }

    private Task<HttpResponseMessage> ListWithToken(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1.0/{_host.Project}/clusters");
        request.Headers.Add("X-Auth-Token", token);
        return _host.Raw.SendAsync(request);
    }

    [Fact]
    public async Task Password_token_works_and_expires_after_24_hours()
    {
        var (response, token) = await IssueAsync(_host.Options.IamPassword);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(token);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(_host.Project, (string?)body["token"]!["project"]!["id"]);
        var expires = DateTimeOffset.Parse((string)body["token"]!["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - _host.Clock.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        Assert.Equal(HttpStatusCode.OK, (await ListWithToken(token!)).StatusCode);
        _host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ListWithToken(token!)).StatusCode);
    }

    [Fact]
    public async Task Bogus_token_is_rejected()
    {
        var response = await ListWithToken("MIIbogus");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("MIIbogus", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_password_gets_401_without_a_token()
    {
        var (response, token) = await IssueAsync("Zq9-not-it");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(token);
        Assert.DoesNotContain("Zq9-not-it", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Projects_lookup_by_region_name()
    {
        var response = await _host.GetAsync("/v3/projects?name=eu-west-101");
        var projects = (await EmulatorHost.ReadJsonAsync(response))["projects"]!.AsArray();
        Assert.Equal(_host.Project, (string?)Assert.Single(projects)!["id"]);
        var none = await EmulatorHost.ReadJsonAsync(await _host.GetAsync("/v3/projects?name=elsewhere"));
        Assert.Empty(none["projects"]!.AsArray());
    }
}
