using System.Net;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Clusters;

public sealed class ClusterTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_answers_subscription_id_then_cluster_goes_creating_to_available_on_the_clock()
    {
        var response = await _host.PostAsync($"/v2/{_host.Project}/clusters", EmulatorHost.CreateV2Body("dws-one"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Matches("^[0-9]{20,}$", (string?)body["subscriptionsID"]);
        Assert.Null(body["cluster"]);

        var id = await _host.CreateClusterAsync("dws-two", waitAvailable: false);
        var creating = await _host.GetClusterAsync(id);
        Assert.Equal("CREATING", (string?)creating["status"]);
        Assert.Equal("0%", (string?)creating["action_progress"]!["CREATING"]);

        _host.Clock.Advance(_host.Options.Durations.ClusterCreate / 2);
        Assert.Equal("50%", (string?)(await _host.GetClusterAsync(id))["action_progress"]!["CREATING"]);

        _host.Clock.Advance(_host.Options.Durations.ClusterCreate / 2);
        var available = await _host.GetClusterAsync(id);
        Assert.Equal("AVAILABLE", (string?)available["status"]);
        Assert.Empty(available["action_progress"]!.AsObject());
        Assert.Equal(3, (int)available["number_of_node"]!);
        Assert.All(available["nodes"]!.AsArray(), n => Assert.Equal("200", (string?)n!["status"]));
    }

    [Fact]
    public async Task Create_v1_with_reference_shape()
    {
        var body = """
            {"cluster":{"node_type":"dws.m1.xlarge.ultrahigh","number_of_node":3,"subnet_id":"s","security_group_id":"g",
             "vpc_id":"v","availability_zone":"eu-west-101b","port":8000,"name":"dws-v1","user_name":"dbadmin",
             "user_pwd":"Str0ng!Passw0rd","public_ip":{"public_bind_type":"auto_assign","eip_id":""}}}
            """;
        var response = await _host.PostAsync($"/v1.0/{_host.Project}/clusters", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/clusters"));
        var cluster = Assert.Single(list["clusters"]!.AsArray())!;
        Assert.Equal("eu-west-101b", (string?)cluster["availability_zone"]);
        Assert.Equal("auto_assign", (string?)cluster["public_ip"]!["public_bind_type"]);
        Assert.Equal(1, (int)list["count"]!);
    }

    [Fact]
    public async Task Duplicate_name_is_409_DWS_5050()
    {
        await _host.CreateClusterAsync("dws-dup");
        var response = await _host.PostAsync($"/v2/{_host.Project}/clusters", EmulatorHost.CreateV2Body("dws-dup"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("DWS.5050", (string?)(await EmulatorHost.ReadJsonAsync(response))["error_code"]);
    }

    [Theory]
    [InlineData("abc", "DWS.5056")]
    [InlineData("1abc", "DWS.5057")]
    [InlineData("dws cluster", "DWS.5057")]
    [InlineData("dws.cluster", "DWS.5057")]
    public async Task Invalid_names_are_400(string name, string code)
    {
        var response = await _host.PostAsync($"/v2/{_host.Project}/clusters", EmulatorHost.CreateV2Body(name));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (string?)(await EmulatorHost.ReadJsonAsync(response))["error_code"]);
        Assert.Empty(_host.State.Clusters);
    }

    [Theory]
    [InlineData("\"num_node\":3", "\"num_node\":2", "DWS.5047")]
    [InlineData("\"flavor\":\"dwsk2.xlarge\"", "\"flavor\":\"no.such.flavor\"", "DWS.5006")]
    [InlineData("\"db_port\":8000", "\"db_port\":7999", "DWS.5038")]
    [InlineData("Str0ng!Passw0rd", "password12345", "DWS.5144")]
    [InlineData("\"eu-west-101a\"", "\"az1\"", "DWS.5011")]
    [InlineData("\"db_name\":\"dbadmin\",", "", "DWS.5037")]
    [InlineData("\"db_port\":8000", "\"db_port\":8000,\"dss_pool_id\":\" \"", "DWS.5065")]
    [InlineData("\"db_port\":8000", "\"db_port\":8000,\"dss_pool_id\":7", "DWS.5065")]
    [InlineData("\"db_port\":8000", "\"db_port\":8000,\"crypt_algorithm\":\"generalCipher\"", "DWS.5037")]
    [InlineData("\"db_port\":8000", "\"db_port\":8000,\"master_key_id\":\"k1\",\"crypt_algorithm\":\"AES256\"", "DWS.5038")]
    public async Task Invalid_parameters_are_400_with_the_reference_code(string from, string to, string code)
    {
        var response = await _host.PostAsync($"/v2/{_host.Project}/clusters", EmulatorHost.CreateV2Body("dws-bad").Replace(from, to));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (string?)(await EmulatorHost.ReadJsonAsync(response))["error_code"]);
    }

    [Fact]
    public async Task Create_with_a_master_key_and_crypt_algorithm_makes_an_encrypted_cluster_on_its_storage_pool()
    {
        var body = EmulatorHost.CreateV2Body("dws-kms").Replace("\"db_port\":8000",
            "\"db_port\":8000,\"dss_pool_id\":\"pool-1\",\"master_key_id\":\"k1\",\"master_key_name\":\"KMS-test\",\"crypt_algorithm\":\"SMCipher\"");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync($"/v2/{_host.Project}/clusters", body)).StatusCode);
        var cluster = Assert.Single(_host.State.Clusters.Values);
        Assert.Equal("pool-1", cluster.DssPoolId);
        var info = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1/{_host.Project}/clusters/{cluster.Id}/encrypt-info"));
        Assert.Equal(("k1", "KMS-test", "SMCipher"), ((string?)info["master_key_id"], (string?)info["master_key_name"], (string?)info["crypt_algorithm"]));
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var response = await _host.PostAsync($"/v2/{_host.Project}/clusters", "{\"cluster\":");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("DWS.5065", (string?)(await EmulatorHost.ReadJsonAsync(response))["error_code"]);
    }

    [Fact]
    public async Task Unknown_cluster_is_404_with_dws_error_body()
    {
        var response = await _host.GetAsync($"/v1.0/{_host.Project}/clusters/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.StartsWith("DWS.", (string?)body["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_msg"]));
    }

    [Fact]
    public async Task Wrong_project_id_is_rejected()
    {
        var response = await _host.GetAsync("/v1.0/someoneelsesproject0000000000001/clusters");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delete_v2_is_202_then_deleting_then_404()
    {
        var id = await _host.CreateClusterAsync("dws-del");
        var response = await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{id}?keep_last_manual_backup=0");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("DELETING", (string?)(await _host.GetClusterAsync(id))["status"]);
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.GetAsync($"/v1.0/{_host.Project}/clusters/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_v1_needs_its_body()
    {
        var id = await _host.CreateClusterAsync("dws-del1");
        var path = $"/v1.0/{_host.Project}/clusters/{id}";
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.DeleteAsync(path)).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Delete, path) { Content = EmulatorHost.JsonBody("""{"keep_last_manual_snapshot":0}""") };
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Availability_zones_and_node_types_have_the_reference_shape()
    {
        var zones = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/availability-zones"));
        Assert.Equal(3, (int)zones["count"]!);
        Assert.Equal("available", (string?)zones["availability_zones"]![0]!["status"]);
        var types = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v2/{_host.Project}/node-types"));
        var first = types["node_types"]![0]!;
        Assert.Equal("dws.d2.xlarge", (string?)first["spec_name"]);
        Assert.Equal(32, (int)first["ram"]!);
        Assert.Equal(2, (int)first["datastores"]![0]!["attachments"]!["min_cn"]!);
    }
}
