using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Connections;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Connections;

public sealed class ConnectionTests : IAsyncLifetime
{
    private const string Eip = "ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983";
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Cluster(string id) => $"/v1.0/{_host.Project}/clusters/{id}";

    private static string Domain(string name, string type, object ttl) =>
        new JsonObject { ["name"] = name, ["type"] = type, ["ttl"] = JsonValue.Create(ttl) }.ToJsonString();

    private async Task<JsonNode> EndpointsAsync(string id, string query = "")
    {
        var response = await _host.GetAsync($"/v1/{_host.Project}/clusters/{id}/endpoints{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorHost.ReadJsonAsync(response);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_msg"]));
    }

    [Fact]
    public async Task Private_domain_name_is_created_modified_and_shown_in_the_endpoints()
    {
        var id = await _host.CreateClusterAsync("dws-dns");
        var created = await _host.PostAsync($"{Cluster(id)}/dns", Domain("warehouse", "private", 300));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("", await created.Content.ReadAsStringAsync());

        var endpoints = await EndpointsAsync(id);
        Assert.Equal("warehouse", (string?)endpoints["private_endpoints"]!["domain_name"]);
        Assert.Equal(300, (int)endpoints["private_endpoints"]!["domain_name_ttl"]!);
        Assert.Null(endpoints["public_endpoints"]);

        var again = await _host.PostAsync($"{Cluster(id)}/dns", Domain("other", "private", 300));
        await AssertErrorAsync(again, HttpStatusCode.Conflict, "DWS.5050");

        var put = await _host.Client.PutAsync($"{Cluster(id)}/dns", EmulatorHost.JsonBody(Domain("warehouse2", "private", 600)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        endpoints = await EndpointsAsync(id);
        Assert.Equal("warehouse2", (string?)endpoints["private_endpoints"]!["domain_name"]);
        Assert.Equal(600, (int)endpoints["private_endpoints"]!["domain_name_ttl"]!);
    }

    [Theory]
    [InlineData("demo_name", "private", 300, "DWS.5057")]
    [InlineData("-demo", "private", 300, "DWS.5057")]
    [InlineData("demo", "private", 299, "DWS.5038")]
    [InlineData("demo", "private", 2147483648L, "DWS.5038")]
    [InlineData("demo", "intranet", 300, "DWS.5038")]
    [InlineData("demo", "private", "300", "DWS.5065")]
    public async Task Domain_name_rules_are_enforced(string name, string type, object ttl, string code)
    {
        var id = await _host.CreateClusterAsync("dws-dns-rules");
        await AssertErrorAsync(await _host.PostAsync($"{Cluster(id)}/dns", Domain(name, type, ttl)), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Modify_without_a_domain_name_is_404_and_every_field_is_mandatory()
    {
        var id = await _host.CreateClusterAsync("dws-dns-put");
        await AssertErrorAsync(await _host.Client.PutAsync($"{Cluster(id)}/dns", EmulatorHost.JsonBody(Domain("x1", "private", 300))), HttpStatusCode.NotFound, "DWS.0001");
        await AssertErrorAsync(await _host.Client.PutAsync($"{Cluster(id)}/dns", EmulatorHost.JsonBody("""{"name":"x1","type":"private"}""")), HttpStatusCode.BadRequest, "DWS.5037");
    }

    [Fact]
    public async Task Public_domain_name_needs_an_EIP_and_only_public_names_can_be_deleted()
    {
        var id = await _host.CreateClusterAsync("dws-dns-public");
        await AssertErrorAsync(await _host.PostAsync($"{Cluster(id)}/dns", Domain("demo", "public", 300)), HttpStatusCode.BadRequest, "DWS.5133");

        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/eips/{Eip}", "")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"{Cluster(id)}/dns", Domain("demo", "public", 300))).StatusCode);
        Assert.Equal("demo", (string?)(await EndpointsAsync(id))["public_endpoints"]!["domain_name"]);

        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Cluster(id)}/dns"), HttpStatusCode.BadRequest, "DWS.5037");
        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Cluster(id)}/dns?type=private"), HttpStatusCode.BadRequest, "DWS.5038");
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.DeleteAsync($"{Cluster(id)}/dns?type=public")).StatusCode);
        Assert.Null((string?)(await EndpointsAsync(id))["public_endpoints"]!["domain_name"]);
        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Cluster(id)}/dns?type=public"), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task EIP_binding_shows_in_the_endpoints_and_in_the_cluster_details()
    {
        var id = await _host.CreateClusterAsync("dws-eip");
        var cluster = await _host.GetClusterAsync(id);
        Assert.Equal("not_use", (string?)cluster["public_ip"]!["public_bind_type"]);
        Assert.Empty(cluster["public_endpoints"]!.AsArray());

        var bind = await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/eips/{Eip}", "");
        Assert.Equal(HttpStatusCode.OK, bind.StatusCode);
        Assert.Equal("", await bind.Content.ReadAsStringAsync());

        var endpoints = await EndpointsAsync(id);
        var address = ConnectionModel.EipAddress(Eip);
        Assert.Equal(address, (string?)endpoints["public_endpoints"]!["ip"]);
        Assert.Equal(Eip, (string?)endpoints["public_endpoints"]!["ip_id"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, endpoints["public_endpoints"]!["ip_bandwidth"]!.GetValueKind());
        cluster = await _host.GetClusterAsync(id);
        Assert.Equal("bind_existing", (string?)cluster["public_ip"]!["public_bind_type"]);
        Assert.Equal(Eip, (string?)cluster["public_ip"]!["eip_id"]);
        Assert.Equal($"{address}:8000", (string?)cluster["public_endpoints"]![0]!["public_connect_info"]);

        var cn = await EndpointsAsync(id, "?inst_type=dws-cn");
        Assert.Equal(3, cn["public_ip_infos"]!.AsArray().Count);
        Assert.Equal(address, (string?)cn["public_ip_infos"]![0]!["address"]);

        await AssertErrorAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/eips/{Guid.NewGuid()}", ""), HttpStatusCode.BadRequest, "DWS.5098");
        await AssertErrorAsync(await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{id}/eips/{Guid.NewGuid()}"), HttpStatusCode.BadRequest, "DWS.5135");

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{id}/eips/{Eip}")).StatusCode);
        Assert.Null((await EndpointsAsync(id))["public_endpoints"]);
        cluster = await _host.GetClusterAsync(id);
        Assert.Equal("not_use", (string?)cluster["public_ip"]!["public_bind_type"]);
        Assert.Empty(cluster["public_endpoints"]!.AsArray());
    }

    [Fact]
    public async Task An_EIP_is_bound_to_one_cluster_and_its_id_must_be_a_UUID()
    {
        var a = await _host.CreateClusterAsync("dws-eip-a");
        var b = await _host.CreateClusterAsync("dws-eip-b");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"/v2/{_host.Project}/clusters/{a}/eips/{Eip}", "")).StatusCode);
        await AssertErrorAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{b}/eips/{Eip}", ""), HttpStatusCode.BadRequest, "DWS.5133");
        await AssertErrorAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{b}/eips/not-a-uuid", ""), HttpStatusCode.BadRequest, "DWS.5133");
    }

    [Fact]
    public async Task A_deleted_cluster_frees_its_EIP_for_another_cluster()
    {
        var a = await _host.CreateClusterAsync("dws-eip-gone");
        var b = await _host.CreateClusterAsync("dws-eip-next");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"/v2/{_host.Project}/clusters/{a}/eips/{Eip}", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{a}?keep_last_manual_backup=0")).StatusCode);
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);

        // No list call in between: the bind itself must see that cluster a is gone.
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"/v2/{_host.Project}/clusters/{b}/eips/{Eip}", "")).StatusCode);
    }

    [Fact]
    public async Task ELB_binding_is_a_job_one_ELB_per_cluster_and_shows_everywhere()
    {
        var id = await _host.CreateClusterAsync("dws-elb");
        var list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v2/{_host.Project}/clusters/{id}/elbs"));
        var elbs = list["elbs"]!.AsArray();
        Assert.Equal(ConnectionModel.ElbsPerVpc, elbs.Count);
        Assert.All(elbs, e => Assert.Equal(0, (int)e!["bandwidth"]!));
        Assert.All(elbs, e => Assert.Equal("vpc-1", (string?)e!["vpc_id"]));
        var first = (string)elbs[0]!["id"]!;
        var second = (string)elbs[1]!["id"]!;

        var bind = await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{first}", "");
        Assert.Equal(HttpStatusCode.OK, bind.StatusCode);
        var jobId = (string)(await EmulatorHost.ReadJsonAsync(bind))["job_id"]!;
        Assert.Matches("^[0-9a-f]{32}$", jobId);
        var job = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/job/{jobId}"));
        Assert.Equal("RUNNING", (string?)job["status"]);
        _host.Clock.Advance(ConnectionRoutes.ElbJobDuration);
        job = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/job/{jobId}"));
        Assert.Equal("SUCCESS", (string?)job["status"]);

        await AssertErrorAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{second}", ""), HttpStatusCode.BadRequest, "DWS.0016");
        await AssertErrorAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{Guid.NewGuid()}", ""), HttpStatusCode.NotFound, "DWS.0001");

        var endpoints = await EndpointsAsync(id);
        var vip = (string)elbs[0]!["vip_address"]!;
        Assert.Equal(vip, (string?)endpoints["private_endpoints"]!["elb_ip"]);
        var cluster = await _host.GetClusterAsync(id);
        Assert.Equal(first, (string?)cluster["elb"]!["id"]);
        Assert.Equal($"{vip}:8000", (string?)cluster["elb"]!["private_endpoint"]);
        list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v2/{_host.Project}/clusters/{id}/elbs"));
        Assert.Equal(1, (int)list["elbs"]!.AsArray().Single(e => (string?)e!["id"] == first)!["bandwidth"]!);

        // Another cluster in the same VPC no longer sees the bound ELB.
        var other = await _host.CreateClusterAsync("dws-elb-other");
        var otherList = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v2/{_host.Project}/clusters/{other}/elbs"));
        Assert.DoesNotContain(otherList["elbs"]!.AsArray(), e => (string?)e!["id"] == first);
        await AssertErrorAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{other}/elbs/{first}", ""), HttpStatusCode.BadRequest, "DWS.0016");

        await AssertErrorAsync(await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{second}"), HttpStatusCode.NotFound, "DWS.0001");
        var unbind = await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{first}");
        Assert.Equal(HttpStatusCode.OK, unbind.StatusCode);
        Assert.NotNull((string?)(await EmulatorHost.ReadJsonAsync(unbind))["job_id"]);
        Assert.Null((await _host.GetClusterAsync(id))["elb"]);
        Assert.Null((string?)(await EndpointsAsync(id))["private_endpoints"]!["elb_ip"]);
    }

    [Fact]
    public async Task A_failed_bind_job_leaves_the_cluster_unbound()
    {
        var id = await _host.CreateClusterAsync("dws-elb-fail");
        var elb = ConnectionModel.ElbsOf("vpc-1")[0].Id;
        _host.State.FailNext("bindelb", new Core.JobFailure("CreateELBTask-fail:DWS.0114", "injected"));
        var jobId = (string)(await EmulatorHost.ReadJsonAsync(await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{elb}", "")))["job_id"]!;
        _host.Clock.Advance(ConnectionRoutes.ElbJobDuration);
        var job = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/job/{jobId}"));
        Assert.Equal("FAIL", (string?)job["status"]);
        Assert.Equal("CreateELBTask-fail:DWS.0114", (string?)job["failed_code"]);
        Assert.Null((await _host.GetClusterAsync(id))["elb"]);
    }

    [Fact]
    public async Task ELB_information_is_paged_and_needs_vpc_and_subnet()
    {
        var elbs = $"/v2/{_host.Project}/elbs";
        await AssertErrorAsync(await _host.GetAsync($"{elbs}?subnet_id=s"), HttpStatusCode.BadRequest, "DWS.5037");
        await AssertErrorAsync(await _host.GetAsync($"{elbs}?vpc_id=v"), HttpStatusCode.BadRequest, "DWS.5037");
        var page = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{elbs}?vpc_id=vpc-9&subnet_id=subnet-9&limit=2&offset=4"));
        Assert.Single(page["elbs"]!.AsArray());
        Assert.Equal(ConnectionModel.ElbsPerVpc, (int)page["count"]!);
        Assert.Equal("subnet-9", (string?)page["elbs"]![0]!["vip_subnet_id"]);
        Assert.Equal(System.Text.Json.JsonValueKind.True, page["elbs"]![0]!["admin_state_up"]!.GetValueKind());
        await AssertErrorAsync(await _host.GetAsync($"{elbs}?vpc_id=v&subnet_id=s&limit=0"), HttpStatusCode.BadRequest, "DWS.5038");
    }

    [Fact]
    public async Task Connection_state_survives_save_and_load()
    {
        var id = await _host.CreateClusterAsync("dws-conn-save");
        await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/eips/{Eip}", "");
        await _host.PostAsync($"{Cluster(id)}/dns", Domain("saved", "private", 900));
        var elb = ConnectionModel.ElbsOf("vpc-1")[2].Id;
        await _host.PostAsync($"/v2/{_host.Project}/clusters/{id}/elbs/{elb}", "");
        var file = Path.Combine(Path.GetTempPath(), $"dws-conn-{Guid.NewGuid():N}.json");
        try
        {
            _host.State.Save(file);
            _host.State.Reset();
            _host.State.Load(file);
        }
        finally
        {
            File.Delete(file);
        }
        var endpoints = await EndpointsAsync(id);
        Assert.Equal("saved", (string?)endpoints["private_endpoints"]!["domain_name"]);
        Assert.Equal(900, (int)endpoints["private_endpoints"]!["domain_name_ttl"]!);
        Assert.Equal(Eip, (string?)endpoints["public_endpoints"]!["ip_id"]);
        Assert.Equal(elb, (string?)(await _host.GetClusterAsync(id))["elb"]!["id"]);
    }

    [Fact]
    public async Task Unknown_cluster_is_404_and_bad_inst_type_is_400()
    {
        await AssertErrorAsync(await _host.GetAsync($"/v1/{_host.Project}/clusters/{Guid.NewGuid()}/endpoints"), HttpStatusCode.NotFound, "DWS.0001");
        var id = await _host.CreateClusterAsync("dws-conn-inst");
        await AssertErrorAsync(await _host.GetAsync($"/v1/{_host.Project}/clusters/{id}/endpoints?inst_type=x"), HttpStatusCode.BadRequest, "DWS.5038");
    }
}
