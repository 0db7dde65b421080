using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Services.Ddm;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Services;

/// <summary>Seed 003: DDM scale-in, on an IAM token only, seen on the instance detail.</summary>
public sealed class DdmServiceTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync();
        var o = _host.Options;
        var body = """
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"USER","password":"PASSWORD",
             "domain":{"name":"DOMAIN"}}}},"scope":{"project":{"name":"REGION"}}}}
            """.Replace("USER", o.IamUserName).Replace("PASSWORD", o.IamPassword).Replace("DOMAIN", o.IamDomainName).Replace("REGION", o.Region);
        var response = await _host.Raw.PostAsync("/v3/auth/tokens", EmulatorHost.JsonBody(body));
        _token = response.Headers.GetValues("X-Subject-Token").Single();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string InstancePath => $"/v1/{_host.Project}/instances/{DdmService.SeededInstanceId}";
    private string ReducePath => $"/v2/{_host.Project}/instances/{DdmService.SeededInstanceId}/action/reduce";

    private Task<HttpResponseMessage> WithToken(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : EmulatorHost.JsonBody(json) };
        request.Headers.Add("X-Auth-Token", _token);
        return _host.Raw.SendAsync(request);
    }

    private async Task<JsonNode> InstanceAsync()
    {
        var response = await WithToken(HttpMethod.Get, InstancePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorHost.ReadJsonAsync(response);
    }

    [Fact]
    public async Task A_call_signed_with_AK_SK_is_refused_401_and_a_token_is_accepted()
    {
        var signed = await _host.PostAsync(ReducePath, """{"node_number":1,"group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, signed.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(signed);
        Assert.Equal("APIGW.0301", (string?)body["error_code"]);
        Assert.Contains("X-Auth-Token", (string?)body["error_msg"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.GetAsync(InstancePath)).StatusCode);
        Assert.Equal("RUNNING", (string?)(await InstanceAsync())["status"]);
        Assert.Equal(5, (int)(await InstanceAsync())["node_count"]!);
    }

    [Fact]
    public async Task Reduce_answers_200_with_the_instance_and_a_job_then_the_instance_is_reducing_then_running_with_fewer_nodes()
    {
        var response = await WithToken(HttpMethod.Post, ReducePath, """{"node_number":2,"group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(["instanceId", "instanceName", "jobId"], body.AsObject().Select(p => p.Key));
        Assert.Equal(DdmService.SeededInstanceId, (string?)body["instanceId"]);
        Assert.Equal("ddm-emulator", (string?)body["instanceName"]);
        Assert.True(Guid.TryParse((string?)body["jobId"], out _));

        var reducing = await InstanceAsync();
        Assert.Equal("REDUCING", (string?)reducing["status"]);
        Assert.Equal(5, (int)reducing["node_count"]!);
        _host.Clock.Advance(DdmService.ReduceDuration);
        var done = await InstanceAsync();
        Assert.Equal("RUNNING", (string?)done["status"]);
        Assert.Equal(3, (int)done["node_count"]!);
        Assert.Equal(3, done["nodes"]!.AsArray().Count);
        var groups = await EmulatorHost.ReadJsonAsync(await WithToken(HttpMethod.Get, $"/v3/{_host.Project}/instances/{DdmService.SeededInstanceId}/groups"));
        Assert.Equal([1, 2], groups["group_list"]!.AsArray().Select(g => g!["node_list"]!.AsArray().Count));
    }

    [Theory]
    [InlineData("""{"node_number":1}""", "group_id is required: the instance has 2 node groups")]
    [InlineData("""{"group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""", "node_number is required")]
    [InlineData("""{"node_number":3,"group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""", "node_number must be from 1 to 2 (the group's 3 nodes minus 1), not 3")]
    [InlineData("""{"node_number":2,"group_id":"0c5e5a1f9d7b4e2a8c3d6b1a2f4e7d90gr09"}""", "node_number must be from 1 to 1")]
    [InlineData("""{"node_number":0,"group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""", "node_number must be from 1 to 2")]
    [InlineData("""{"node_number":1,"group_id":"nosuchgroup"}""", "group_id nosuchgroup is not a group of the instance")]
    [InlineData("""{"node_number":"1","group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""", "node_number must be an integer")]
    public async Task A_bad_reduce_is_400_DBS_280001_and_changes_nothing(string json, string message)
    {
        var response = await WithToken(HttpMethod.Post, ReducePath, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal("DBS.280001", (string?)body["errCode"]);
        Assert.Contains(message, (string?)body["externalMessage"]);
        Assert.Equal("RUNNING", (string?)(await InstanceAsync())["status"]);
    }

    [Fact]
    public async Task A_reduce_while_reducing_and_an_unknown_instance_are_refused()
    {
        Assert.Equal(HttpStatusCode.OK, (await WithToken(HttpMethod.Post, ReducePath, """{"node_number":1,"group_id":"0c5e5a1f9d7b4e2a8c3d6b1a2f4e7d90gr09"}""")).StatusCode);
        var again = await WithToken(HttpMethod.Post, ReducePath, """{"node_number":1,"group_id":"f080abf2010d45118068c28c8958f5fcgr09"}""");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("the instance is REDUCING", (string?)(await EmulatorHost.ReadJsonAsync(again))["externalMessage"]);

        var unknown = await WithToken(HttpMethod.Get, $"/v1/{_host.Project}/instances/nosuchinstancein09");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("DBS.280001", (string?)(await EmulatorHost.ReadJsonAsync(unknown))["errCode"]);
    }
}
