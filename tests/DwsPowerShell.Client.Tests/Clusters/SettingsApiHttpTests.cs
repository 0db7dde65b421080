using System.Text.Json;
using DwsPowerShell.Client.Areas;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Tests.Clusters;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>Each settings/parameters operation's method, path, query and body against a recording fake server.</summary>
public class SettingsApiHttpTests
{
    private const string Id = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";
    private const string GroupId = "3f377a36-1fa2-48fe-a1fa-a8801dae01ed";

    private readonly RecordingHandler _server = new();

    private DwsSession Session() => _server.CreateSession();

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual!).RootElement), $"expected {expected}\n  actual {actual}");
    }

    [Fact]
    public async Task SetSecurityGroups_puts_the_whole_set()
    {
        _server.Respond(200);
        using var session = Session();
        await session.Clusters.SetSecurityGroupsAsync(Id, new[] { "sg-1", "sg-2", "sg-1" });
        var r = _server.Single();
        Assert.Equal(("PUT", $"/v1/p1/clusters/{Id}/security-group"), (r.Method, r.Path));
        AssertJson("""{"security_groups":["sg-1","sg-2"]}""", r.Body);
        await Assert.ThrowsAsync<ArgumentException>(() => session.Clusters.SetSecurityGroupsAsync(Id, Array.Empty<string>()));
    }

    [Fact]
    public void SecurityGroupsOf_splits_the_detail_field()
    {
        Assert.Equal(new[] { "a", "b" }, ClustersApi.SecurityGroupsOf(new Cluster { SecurityGroupId = "a, b" }));
        Assert.Empty(ClustersApi.SecurityGroupsOf(new Cluster()));
    }

    [Fact]
    public async Task ResetPassword_posts_new_password_and_refuses_weak_ones_locally()
    {
        _server.Respond(200);
        using var session = Session();
        await session.Clusters.ResetPasswordAsync(Id, SettingsModelTests.Secure("NewPassw0rd!x"));
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/reset-password"), (r.Method, r.Path));
        AssertJson("""{"new_password":"NewPassw0rd!x"}""", r.Body);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.ResetPasswordAsync(Id, SettingsModelTests.Secure("weak")));
        Assert.Single(_server.Requests);
    }

    private static CreateClusterRequest CreateRequest()
    {
        var request = new CreateClusterRequest
        {
            Name = "dws-1", Flavor = "dws.m1.xlarge.ultrahigh", NumNode = 3, NumCn = 3, AdminUserName = "dbadmin", Port = 8000,
            AvailabilityZones = new() { "az1" }, VpcId = "vpc", SubnetId = "subnet", DatastoreVersion = "8.2.1",
            Tags = new() { new ClusterTag("env", "prod") },
        };
        request.SetAdminPassword(SettingsModelTests.Secure("Str0ng!Passw0rd"));
        return request;
    }

    [Fact]
    public async Task PrecheckCreate_sends_db_port_as_string_and_tag_list()
    {
        _server.Respond(200);
        using var session = Session();
        var result = await session.Clusters.PrecheckCreateAsync(CreateRequest());
        Assert.True(result.Passed);
        var r = _server.Single();
        Assert.Equal(("POST", "/v2/p1/cluster-precheck"), (r.Method, r.Path));
        using var body = JsonDocument.Parse(r.Body!);
        var cluster = body.RootElement.GetProperty("cluster");
        Assert.Equal("8000", cluster.GetProperty("db_port").GetString());
        Assert.Equal("env", cluster.GetProperty("tag_list")[0].GetProperty("key").GetString());
        Assert.False(cluster.TryGetProperty("tags", out _));
        Assert.Equal("Str0ng!Passw0rd", cluster.GetProperty("db_password").GetString());
    }

    [Fact]
    public async Task PrecheckCreate_reports_a_4xx_as_a_failed_check_and_a_local_error_without_a_call()
    {
        _server.Respond(400, """{"error_code":"DWS.5006","error_msg":"Invalid flavor."}""");
        using var session = Session();
        var failed = await session.Clusters.PrecheckCreateAsync(CreateRequest());
        Assert.Equal((false, "DWS.5006", "Invalid flavor."), (failed.Passed, failed.Code, failed.Reason));
        var bad = CreateRequest();
        bad.NumNode = 2;
        var local = await session.Clusters.PrecheckCreateAsync(bad);
        Assert.False(local.Passed);
        Assert.Equal("InvalidRequest", local.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task PrecheckCreate_throws_on_a_server_error()
    {
        _server.RespondAlways(500, """{"error_code":"DWS.0005","error_msg":"boom"}""");
        using var session = Session();
        await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.PrecheckCreateAsync(CreateRequest()));
    }

    [Fact]
    public async Task ListByTag_posts_the_filter_with_paging_in_the_query_and_pages_until_short()
    {
        _server.Respond(200, """{"resources":[{"resource_id":"a","resource_name":"n1","resource_detail":"","tags":[{"key":"env","value":"prod"}]},{"resource_id":"b","resource_name":"n2","tags":[]}],"count":3}""");
        _server.Respond(200, """{"resources":[{"resource_id":"c","resource_name":"n3","tags":[]}],"count":3}""");
        using var session = Session();
        var all = new List<ClusterTagResource>();
        await foreach (var r in session.Clusters.ListByTagAsync(new[] { new TagFilter("env", new[] { "prod", "test" }) }, pageSize: 2)) all.Add(r);
        Assert.Equal(new[] { "a", "b", "c" }, all.Select(r => r.ClusterId));
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(("POST", "/v1/p1/clusters/resource-instances/tag-filter", "offset=0&limit=2"), (requests[0].Method, requests[0].Path, requests[0].Query));
        Assert.Equal("offset=2&limit=2", requests[1].Query);
        AssertJson("""{"tags":[{"key":"env","values":["prod","test"]}]}""", requests[0].Body);
    }

    [Fact]
    public async Task ListClustersByTag_joins_with_the_cluster_list()
    {
        _server.Respond(200, $$"""{"resources":[{"resource_id":"7d85f602-a948-4a30-afd4-e84f47471c15","resource_name":"dws-1","tags":[]}],"count":1}""");
        _server.Respond(200, ReferenceFixes.ListResponse);
        using var session = Session();
        var clusters = await session.Clusters.ListClustersByTagAsync(new[] { new TagFilter("env") });
        Assert.Equal("dws-1", Assert.Single(clusters).Name);
        AssertJson("""{"tags":[{"key":"env"}]}""", _server.Requests[0].Body);
    }

    [Fact]
    public async Task ResourceStatistics_reads_v1_0_statistics()
    {
        _server.Respond(200, """{"statistics":[{"name":"cluster.total","value":2,"unit":null},{"name":"cluster.normal","value":1},{"name":"instance.total","value":6},{"name":"instance.normal","value":3},{"name":"storage.total","value":960,"unit":"GB"}]}""");
        using var session = Session();
        var s = await session.Clusters.GetResourceStatisticsAsync();
        Assert.Equal(("GET", "/v1.0/p1/statistics"), (_server.Single().Method, _server.Single().Path));
        Assert.Equal((2, 1, 6, 3, 960.0), (s.ClusterTotal, s.ClusterAvailable, s.NodeTotal, s.NodeAvailable, s.StorageTotalGB));
    }

    [Fact]
    public async Task Switchback_returns_the_job_for_the_cluster()
    {
        _server.Respond(200, """{"job_id":"2c9080228ebbc08a018ebcf01cee0409"}""");
        using var session = Session();
        var job = await session.Clusters.SwitchbackAsync(Id);
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/switchover"), (_server.Single().Method, _server.Single().Path));
        Assert.Equal(("2c9080228ebbc08a018ebcf01cee0409", Id), (job.JobId, job.ClusterId));
    }

    [Fact]
    public async Task CancelReadOnly_posts_without_a_body()
    {
        _server.Respond(200);
        using var session = Session();
        await session.Clusters.CancelReadOnlyAsync(Id);
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1.0/p1/clusters/{Id}/cancel-readonly"), (r.Method, r.Path));
        Assert.True(string.IsNullOrEmpty(r.Body));
    }

    [Fact]
    public async Task SnapshotStatistics_and_encryption_info_read_their_paths()
    {
        _server.Respond(200, """{"statistics":[{"name":"storage.used","value":12.5,"unit":"GB"}]}""");
        _server.Respond(200, """{"id":null,"cluster_id":null,"master_key_id":null,"master_key_name":null,"last_rotate_key_time":null,"crypt_algorithm":null}""");
        using var session = Session();
        var stats = await session.Clusters.GetSnapshotStatisticsAsync(Id);
        var enc = await session.Clusters.GetEncryptionAsync(Id);
        Assert.Equal($"/v1.0/p1/clusters/{Id}/snapshots/statistics", _server.Requests[0].Path);
        Assert.Equal($"/v1/p1/clusters/{Id}/encrypt-info", _server.Requests[1].Path);
        Assert.Equal(12.5, stats.UsedGB);
        Assert.Equal((Id, false), (enc.ClusterId, enc.IsEncrypted));
    }

    [Fact]
    public async Task SetDescription_posts_description_info_and_keeps_the_code()
    {
        _server.Respond(200, """{"error_code":"DWS.0138","error_msg":null}""");
        using var session = Session();
        var result = await session.Clusters.SetDescriptionAsync(Id, "desc info");
        var r = _server.Single();
        Assert.Equal(("POST", $"/v1/p1/clusters/{Id}/description"), (r.Method, r.Path));
        AssertJson("""{"description_info":"desc info"}""", r.Body);
        Assert.Equal(("DWS.0138", false, Id), (result.ErrorCode, result.HasUnexpectedCode, result.ClusterId));
    }

    [Fact]
    public async Task AvailableActions_page_by_offset_and_limit()
    {
        _server.Respond(200, """{"action_info":["ColdStorage","DwsV3Storage"],"count":3}""");
        _server.Respond(200, """{"action_info":["X"],"count":3}""");
        using var session = Session();
        var names = new List<string>();
        await foreach (var a in session.Clusters.ListAvailableActionsAsync(pageSize: 2)) names.Add(a.Name);
        Assert.Equal(new[] { "ColdStorage", "DwsV3Storage", "X" }, names);
        Assert.Equal(("GET", "/v1/p1/actions", "offset=0&limit=2"), (_server.Requests[0].Method, _server.Requests[0].Path, _server.Requests[0].Query));
        Assert.Equal("offset=2&limit=2", _server.Requests[1].Query);
    }

    [Fact]
    public async Task Encrypt_posts_the_key_and_returns_the_job()
    {
        _server.Respond(200, """{"job_id":"2c9081838417d8850184196d8282002b"}""");
        using var session = Session();
        var job = await session.Clusters.EncryptAsync(Id, new EncryptClusterRequest { Encrypt = new EncryptInfo { MasterKeyId = "k1", MasterKeyName = "KMS-test", CryptAlgorithm = "generalcipher" } });
        var r = _server.Single();
        Assert.Equal(("POST", $"/v2/p1/clusters/{Id}/encrypt"), (r.Method, r.Path));
        AssertJson("""{"encrypt":{"master_key_id":"k1","master_key_name":"KMS-test","crypt_algorithm":"generalCipher"}}""", r.Body);
        Assert.Equal(Id, job.ClusterId);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.EncryptAsync(Id, new EncryptClusterRequest { Encrypt = new EncryptInfo { MasterKeyId = "k1" } }));
    }

    [Fact]
    public async Task Parameter_groups_and_default_group_parameters_use_v1_0()
    {
        _server.Respond(200, SettingsModelTests.ParameterGroupsResponse);
        _server.Respond(200, SettingsModelTests.ParametersResponse);
        using var session = Session();
        var parameters = await session.Clusters.ListParametersAsync(Id);
        Assert.Equal($"/v1.0/p1/clusters/{Id}/configurations", _server.Requests[0].Path);
        Assert.Equal($"/v1.0/p1/clusters/{Id}/configurations/{GroupId}", _server.Requests[1].Path);
        var p = Assert.Single(parameters);
        Assert.Equal((Id, GroupId), (p.ClusterId, p.ConfigurationId));
    }

    private const string TwoParameters = """
        {"configurations":[
          {"name":"enable_constraint_optimization","values":[{"type":"cn","value":"on","default_value":"on"},{"type":"dn","value":"on","default_value":"on"}],"type":"boolean","readonly":false,"value_range":"on|off","restart_required":false},
          {"name":"max_connections","values":[{"type":"cn","value":"800","default_value":"800"},{"type":"dn","value":"5000","default_value":"5000"}],"type":"integer","readonly":false,"value_range":"10-262143","restart_required":true},
          {"name":"shared_buffers","values":[{"type":"cn","value":"1","default_value":"1"}],"type":"integer","readonly":true,"restart_required":true}]}
        """;

    [Fact]
    public async Task SetParameters_reads_merges_and_writes_v2_keeping_other_values()
    {
        _server.Respond(200, TwoParameters);
        _server.Respond(200);
        using var session = Session();
        var result = await session.Clusters.SetParametersAsync(Id, new Dictionary<string, string> { ["max_connections"] = "1000" }, ParameterRole.Cn, GroupId);
        Assert.Equal(2, _server.Requests.Count);
        var put = _server.Requests[1];
        Assert.Equal(("PUT", $"/v2/p1/clusters/{Id}/configurations/{GroupId}"), (put.Method, put.Path));
        AssertJson("""
            {"configurations":[
              {"type":"cn","name":"enable_constraint_optimization","value":"on"},{"type":"dn","name":"enable_constraint_optimization","value":"on"},
              {"type":"cn","name":"max_connections","value":"1000"},{"type":"dn","name":"max_connections","value":"5000"}]}
            """, put.Body);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("max_connections", "cn", "800", "1000", true), (change.Name, change.Role, change.OldValue, change.NewValue, change.RestartRequired));
        Assert.True(result.RestartRequired);
    }

    [Fact]
    public async Task SetParameters_sends_nothing_when_values_are_unchanged_and_normalises_booleans()
    {
        _server.Respond(200, TwoParameters);
        using var session = Session();
        var result = await session.Clusters.SetParametersAsync(Id, new Dictionary<string, string> { ["ENABLE_constraint_optimization"] = "True" }, configurationId: GroupId);
        Assert.Empty(result.Changes);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("no_such_parameter", "1", "no parameter")]
    [InlineData("max_connection", "1", "max_connections")]
    [InlineData("shared_buffers", "2", "read-only")]
    [InlineData("max_connections", "lots", "integer")]
    [InlineData("enable_constraint_optimization", "maybe", "boolean")]
    public void Merge_refuses_unknown_read_only_and_mistyped_values(string name, string value, string message)
    {
        var current = JsonSerializer.Deserialize<ClusterParameterList>(TwoParameters, DwsPowerShell.Client.Json.DwsJson.Options)!.Configurations!;
        var ex = Assert.ThrowsAny<ArgumentException>(() => ClustersApi.MergeParameters(current, new Dictionary<string, string> { [name] = value }, ParameterRole.Cn | ParameterRole.Dn));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task AuditRecords_send_filters_and_paging()
    {
        _server.Respond(200, """{"records":[{"id":1,"operator":"x","start_time":"2023-06-10T16:23:21.000Z","end_time":null,"status":"SUCCESS","failed_reason":null}],"count":10}""");
        using var session = Session();
        var since = new DateTimeOffset(2023, 6, 10, 0, 0, 0, TimeSpan.Zero);
        var records = new List<ParameterAuditRecord>();
        await foreach (var r in session.Clusters.ListParameterAuditRecordsAsync(Id, new ParameterAuditQuery { Since = since, FilterBy = "status", Filter = "SUCCESS" }, pageSize: 50)) records.Add(r);
        var req = _server.Single();
        Assert.Equal(("GET", $"/v1/p1/clusters/{Id}/configurations/audit-records"), (req.Method, req.Path));
        Assert.Equal($"action_time={since.ToUnixTimeMilliseconds()}&filter_by=status&filter=SUCCESS&offset=0&limit=50", req.Query);
        Assert.Equal(("1", Id), (Assert.Single(records).RecordId, records[0].ClusterId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    public async Task ListParameters_refuses_a_bad_configuration_id_naming_that_parameter(string configurationId)
    {
        using var session = Session();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Clusters.ListParametersAsync(Id, configurationId));
        Assert.Equal("configurationId", ex.ParamName);
        Assert.Empty(_server.Requests);
    }
}
