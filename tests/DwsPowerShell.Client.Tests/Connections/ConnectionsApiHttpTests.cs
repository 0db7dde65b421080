using DwsPowerShell.Client.Errors;
using System.Text.Json;
using DwsPowerShell.Client.Models.Connections;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Connections;

/// <summary>Each operation's HTTP method, path, query and body, against a recording fake server.</summary>
public class ConnectionsApiHttpTests
{
    private const string Id = "b5c45780-1006-49e3-b2d5-b3229975bbc7";
    private const string Elb = "1e6e0b66-6223-4523-bfd9-033c88b4ce9f";
    private const string Eip = "ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983";

    private readonly RecordingHandler _server = new();

    private DwsSession Session() => _server.CreateSession();

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual!).RootElement), $"expected {expected}\n  actual {actual}");
    }

    [Fact]
    public async Task NewDomainName_posts_name_type_and_ttl()
    {
        _server.Respond(200);
        using var session = Session();
        await session.Connections.NewDomainNameAsync(Id, new DomainNameRequest("demo", "Public", 300));
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/dns"), (r.Method, r.Path));
        AssertJson("""{"name":"demo","type":"public","ttl":300}""", r.Body);
    }

    [Theory]
    [InlineData("demo_name", 300)]
    [InlineData("demo", 299)]
    [InlineData(" ", 300)]
    public async Task NewDomainName_refuses_underscores_and_short_ttls_before_sending(string name, int ttl)
    {
        using var session = Session();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Connections.NewDomainNameAsync(Id, new DomainNameRequest(name, "private", ttl)));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task UpdateDomainName_reads_the_endpoints_merges_and_puts_the_whole_record()
    {
        _server.Respond(200, ConnectionReferenceFixes.EndpointsResponse);
        _server.Respond(200);
        using var session = Session();
        var written = await session.Connections.UpdateDomainNameAsync(Id, "private", name: "renamed");
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(("GET", $"/v1/p1/clusters/{Id}/endpoints"), (requests[0].Method, requests[0].Path));
        Assert.Equal(("PUT", $"/v1.0/p1/clusters/{Id}/dns"), (requests[1].Method, requests[1].Path));
        // The example's TTL of 0 is below the range, so the default 300 is written with the new name.
        AssertJson("""{"name":"renamed","type":"private","ttl":300}""", requests[1].Body);
        Assert.Equal("renamed", written.Name);
    }

    [Fact]
    public async Task UpdateDomainName_keeps_the_name_when_only_the_ttl_changes()
    {
        _server.Respond(200, """{"private_endpoints":{"ip":"10.0.0.1","port":8000,"domain_name":"dw","domain_name_ttl":900}}""");
        _server.Respond(200);
        using var session = Session();
        await session.Connections.UpdateDomainNameAsync(Id, "private", ttl: 3600);
        AssertJson("""{"name":"dw","type":"private","ttl":3600}""", _server.Requests[1].Body);
    }

    [Fact]
    public async Task UpdateDomainName_without_a_current_name_sends_no_PUT()
    {
        _server.Respond(200, """{"private_endpoints":{"ip":"10.0.0.1","port":8000}}""");
        using var session = Session();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.Connections.UpdateDomainNameAsync(Id, "private", ttl: 600));
        Assert.Contains("no private domain name", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RemoveDomainName_sends_the_type_in_the_query()
    {
        _server.Respond(200);
        using var session = Session();
        await session.Connections.RemoveDomainNameAsync(Id);
        var r = _server.Single();
        Assert.Equal(("DELETE", $"/v1.0/p1/clusters/{Id}/dns", "type=public"), (r.Method, r.Path, r.Query));
        Assert.Null(r.Body);
    }

    [Fact]
    public async Task Elb_bind_and_unbind_return_jobs_with_the_cluster()
    {
        _server.Respond(200, """{"job_id":"2c9081838417d8850184196d8282002b"}""").Respond(200, """{"job_id":"2c9081838417d8850184196d8282002c"}""");
        using var session = Session();
        var bind = await session.Connections.BindElbAsync(Id, Elb);
        var unbind = await session.Connections.UnbindElbAsync(Id, Elb);
        Assert.Equal(("2c9081838417d8850184196d8282002b", Id), (bind.JobId, bind.ClusterId));
        Assert.Equal("2c9081838417d8850184196d8282002c", unbind.JobId);
        var r = _server.Requests;
        Assert.Equal(("POST", $"/v2/p1/clusters/{Id}/elbs/{Elb}"), (r[0].Method, r[0].Path));
        Assert.Equal(("DELETE", $"/v2/p1/clusters/{Id}/elbs/{Elb}"), (r[1].Method, r[1].Path));
    }

    [Fact]
    public async Task Eip_bind_and_unbind_have_no_body()
    {
        _server.Respond(200).Respond(200);
        using var session = Session();
        await session.Connections.BindEipAsync(Id, Eip);
        await session.Connections.UnbindEipAsync(Id, Eip);
        var r = _server.Requests;
        Assert.Equal(("POST", $"/v2/p1/clusters/{Id}/eips/{Eip}"), (r[0].Method, r[0].Path));
        Assert.Equal(("DELETE", $"/v2/p1/clusters/{Id}/eips/{Eip}"), (r[1].Method, r[1].Path));
        Assert.All(r, x => Assert.Null(x.Body));
    }

    [Fact]
    public async Task ClusterElbs_carry_the_cluster_id()
    {
        _server.Respond(200, $$"""{"elbs":[{"id":"{{Elb}}","name":"loadbalancer5","bandwidth":0,"admin_state_up":true}]}""");
        using var session = Session();
        var elbs = await session.Connections.ListClusterElbsAsync(Id);
        Assert.Equal(("GET", $"/v2/p1/clusters/{Id}/elbs"), (_server.Single().Method, _server.Single().Path));
        Assert.Equal((Elb, Id), (Assert.Single(elbs).ElbId, elbs[0].ClusterId));
    }

    [Fact]
    public async Task Endpoints_pass_the_instance_type()
    {
        _server.Respond(200, ConnectionReferenceFixes.EndpointsResponse);
        using var session = Session();
        var endpoints = await session.Connections.GetEndpointsAsync(Id, "dws-cn");
        var r = _server.Single();
        Assert.Equal(("GET", $"/v1/p1/clusters/{Id}/endpoints", "inst_type=dws-cn"), (r.Method, r.Path, r.Query));
        Assert.Equal(Id, endpoints.ClusterId);
        await Assert.ThrowsAsync<ArgumentException>(() => session.Connections.GetEndpointsAsync(Id, "cn"));
    }

    [Fact]
    public async Task Network_elbs_page_until_a_short_page_whatever_count_says()
    {
        string Page(int n) => "{\"elbs\":[" + string.Join(",", Enumerable.Range(0, n).Select(i => $"{{\"id\":\"e{i}\"}}")) + "],\"count\":10}";
        _server.Respond(200, Page(2)).Respond(200, Page(1));
        using var session = Session();
        var all = new List<ClusterElbInfo>();
        await foreach (var e in session.Connections.ListElbsAsync("vpc-1", "subnet-1", pageSize: 2)) all.Add(e);
        Assert.Equal(3, all.Count);
        var r = _server.Requests;
        Assert.Equal(2, r.Count);
        Assert.Equal("/v2/p1/elbs", r[0].Path);
        Assert.Equal("vpc_id=vpc-1&subnet_id=subnet-1&limit=2&offset=0", r[0].Query);
        Assert.Equal("vpc_id=vpc-1&subnet_id=subnet-1&limit=2&offset=2", r[1].Query);
        Assert.Throws<ArgumentException>(() => session.Connections.ListElbsAsync("", "subnet-1"));
    }

    [Fact]
    public async Task Tags_read_add_and_delete_with_the_right_verbs()
    {
        _server.Respond(200, """{"tags":[{"key":"key","values":["value-1","value-2"]}]}""")
            .Respond(200, """{"tags":[{"key":"env","value":"prod"}]}""")
            .Respond(200).Respond(200);
        using var session = Session();
        Assert.Equal("key", Assert.Single(await session.Tags.ListProjectTagsAsync()).Key);
        var tags = await session.Tags.ListAsync(Id);
        Assert.Equal(Id, Assert.Single(tags).ClusterId);
        await session.Tags.AddAsync(Id, new[] { new ResourceTag("env", "prod"), new ResourceTag("empty", "") });
        await session.Tags.RemoveAsync(Id, new[] { new ResourceTag("env", "prod") });
        var r = _server.Requests;
        Assert.Equal(("GET", "/v1.0/p1/tags"), (r[0].Method, r[0].Path));
        Assert.Equal(("GET", $"/v1.0/p1/clusters/{Id}/tags"), (r[1].Method, r[1].Path));
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/tags/batch-create"), (r[2].Method, r[2].Path));
        AssertJson("""{"tags":[{"key":"env","value":"prod"},{"key":"empty","value":""}]}""", r[2].Body);
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/tags/batch-delete"), (r[3].Method, r[3].Path));
        AssertJson("""{"tags":[{"key":"env","value":"prod"}]}""", r[3].Body);
    }

    [Fact]
    public async Task RemoveByKey_looks_the_values_up_and_refuses_unknown_keys()
    {
        _server.Respond(200, """{"tags":[{"key":"env","value":"prod"},{"key":"team","value":"bi"}]}""").Respond(200);
        using var session = Session();
        var removed = await session.Tags.RemoveByKeyAsync(Id, new[] { "team" });
        Assert.Equal("team=bi", Assert.Single(removed).ToString());
        AssertJson("""{"tags":[{"key":"team","value":"bi"}]}""", _server.Requests[1].Body);

        _server.Respond(200, """{"tags":[{"key":"env","value":"prod"}]}""");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.Tags.RemoveByKeyAsync(Id, new[] { "env", "nope" }));
        Assert.Contains("'nope'", error.Message);
        Assert.Equal(3, _server.Requests.Count); // no delete was sent
    }

    [Fact]
    public async Task System_tags_use_the_v1_path_and_page()
    {
        _server.Respond(200, """{"sys_tags":[{"key":"_sys_enterprise_project_id","value":"val"}],"count":2}""");
        using var session = Session();
        var all = new List<ResourceTag>();
        await foreach (var t in session.Clusters.ListSystemTagsAsync(Id)) all.Add(t);
        var r = _server.Single();
        Assert.Equal(("GET", $"/v1/p1/clusters/{Id}/enterprise-projects", "limit=100&offset=0"), (r.Method, r.Path, r.Query));
        Assert.Equal(Id, Assert.Single(all).ClusterId);
    }

    [Fact]
    public async Task Quotas_read_the_resources()
    {
        _server.Respond(200, ConnectionReferenceFixes.QuotasResponse);
        using var session = Session();
        var quotas = await session.Quotas.ListAsync();
        Assert.Equal(("GET", "/v1.0/p1/quotas"), (_server.Single().Method, _server.Single().Path));
        Assert.Equal(5, quotas.Count);
        Assert.Equal(600, quotas[4].Used);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \t ")]
    [InlineData("sales_bi")]
    public async Task UpdateDomainName_refuses_a_bad_name_naming_that_parameter_before_sending(string name)
    {
        using var session = Session();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Connections.UpdateDomainNameAsync(Id, "private", name));
        Assert.Equal("name", ex.ParamName);
        Assert.Empty(_server.Requests);
    }
}
