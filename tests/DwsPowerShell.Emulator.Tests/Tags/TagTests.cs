using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Tags;

public sealed class TagTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Tags(string id) => $"/v1.0/{_host.Project}/clusters/{id}/tags";

    private static string Body(params (string Key, string Value)[] tags) =>
        new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()) }.ToJsonString();

    private async Task<List<(string, string)>> ClusterTagsAsync(string id)
    {
        var response = await _host.GetAsync(Tags(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await EmulatorHost.ReadJsonAsync(response))["tags"]!.AsArray().Select(t => ((string)t!["key"]!, (string)t["value"]!)).ToList();
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body["error_code"]);
    }

    [Fact]
    public async Task Add_overwrites_existing_keys_delete_needs_key_and_value()
    {
        var id = await _host.CreateClusterAsync("dws-tags");
        var add = await _host.PostAsync($"{Tags(id)}/batch-create", Body(("env", "prod"), ("team", "bi")));
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal("", await add.Content.ReadAsStringAsync());
        Assert.Equal([("env", "prod"), ("team", "bi")], await ClusterTagsAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"{Tags(id)}/batch-create", Body(("env", "test"), ("empty", "")))).StatusCode);
        Assert.Equal([("env", "test"), ("team", "bi"), ("empty", "")], await ClusterTagsAsync(id));

        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-delete", Body(("env", "prod"))), HttpStatusCode.BadRequest, "DWS.5191");
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-delete", """{"tags":[{"key":"env"}]}"""), HttpStatusCode.BadRequest, "DWS.5037");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"{Tags(id)}/batch-delete", Body(("env", "test"), ("empty", "")))).StatusCode);
        Assert.Equal([("team", "bi")], await ClusterTagsAsync(id));

        // The cluster details show the same tags.
        var cluster = await _host.GetClusterAsync(id);
        Assert.Equal("bi", (string?)cluster["tags"]![0]!["value"]);
    }

    [Theory]
    [InlineData("", "v", "DWS.5197")]
    [InlineData(" lead", "v", "DWS.5197")]
    [InlineData("a=b", "v", "DWS.5197")]
    [InlineData("k", "trail ", "DWS.5197")]
    [InlineData("k", "a/b", "DWS.5197")]
    [InlineData("k", "a*b", "DWS.5197")]
    public async Task Key_and_value_character_rules(string key, string value, string code)
    {
        var id = await _host.CreateClusterAsync("dws-tag-rules");
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-create", Body((key, value))), HttpStatusCode.BadRequest, code);
        Assert.Empty(await ClusterTagsAsync(id));
    }

    [Fact]
    public async Task Lengths_duplicates_and_the_limit_of_20()
    {
        var id = await _host.CreateClusterAsync("dws-tag-limits");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"{Tags(id)}/batch-create", Body((new string('k', 128), new string('v', 255))))).StatusCode);
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-create", Body((new string('k', 129), "v"))), HttpStatusCode.BadRequest, "DWS.5197");
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-create", Body(("k", new string('v', 256)))), HttpStatusCode.BadRequest, "DWS.5197");
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-create", Body(("dup", "1"), ("dup", "2"))), HttpStatusCode.BadRequest, "DWS.5039");
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-create", """{"tags":[]}"""), HttpStatusCode.BadRequest, "DWS.5037");

        var nineteen = Enumerable.Range(1, 19).Select(i => ($"key{i}", "v")).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"{Tags(id)}/batch-create", Body(nineteen))).StatusCode);
        Assert.Equal(20, (await ClusterTagsAsync(id)).Count);
        await AssertErrorAsync(await _host.PostAsync($"{Tags(id)}/batch-create", Body(("key21", "v"))), HttpStatusCode.BadRequest, "DWS.5194");
        // Overwriting an existing key does not add one.
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"{Tags(id)}/batch-create", Body(("key1", "w")))).StatusCode);
    }

    [Fact]
    public async Task Project_tags_group_values_by_key_across_clusters()
    {
        var a = await _host.CreateClusterAsync("dws-tag-a");
        var b = await _host.CreateClusterAsync("dws-tag-b");
        await _host.PostAsync($"{Tags(a)}/batch-create", Body(("env", "prod"), ("team", "bi")));
        await _host.PostAsync($"{Tags(b)}/batch-create", Body(("env", "test")));
        var tags = (await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/tags")))["tags"]!.AsArray();
        Assert.Equal(["env", "team"], tags.Select(t => (string)t!["key"]!));
        Assert.Equal(["prod", "test"], tags[0]!["values"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task System_tags_carry_the_enterprise_project_and_page()
    {
        var id = await _host.CreateClusterAsync("dws-systags");
        var answer = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1/{_host.Project}/clusters/{id}/enterprise-projects"));
        Assert.Equal("_sys_enterprise_project_id", (string?)answer["sys_tags"]![0]!["key"]);
        Assert.Equal("0", (string?)answer["sys_tags"]![0]!["value"]);
        Assert.Equal(1, (int)answer["count"]!);
        var second = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1/{_host.Project}/clusters/{id}/enterprise-projects?offset=1&limit=5"));
        Assert.Empty(second["sys_tags"]!.AsArray());
        await AssertErrorAsync(await _host.GetAsync($"/v1/{_host.Project}/clusters/{Guid.NewGuid()}/enterprise-projects"), HttpStatusCode.NotFound, "DWS.0001");
    }
}
