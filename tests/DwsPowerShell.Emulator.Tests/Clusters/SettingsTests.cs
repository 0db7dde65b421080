using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Clusters;

/// <summary>The settings and parameters areas on the wire: shapes, the read-only control route, rules and state saving.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task Readonly_control_route_sets_sub_status_and_the_guard_refuses_resize_until_cancel_readonly()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("ro-wire");
        var set = await host.Raw.PostAsync($"/_emulator/clusters/{id}/readonly", null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("READONLY", (string?)(await host.GetClusterAsync(id))["sub_status"]);

        var resize = await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/resize", """{"scale_out":{"count":3}}""");
        Assert.Equal(HttpStatusCode.BadRequest, resize.StatusCode);
        Assert.Equal("DWS.0017", (string?)(await EmulatorHost.ReadJsonAsync(resize))["error_code"]);

        var cancel = await host.Client.PostAsync($"/v1.0/{host.Project}/clusters/{id}/cancel-readonly", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("NORMAL", (string?)(await host.GetClusterAsync(id))["sub_status"]);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/resize", """{"scale_out":{"count":3}}""")).StatusCode);

        await host.Raw.PostAsync($"/_emulator/clusters/{id}/unbalanced", EmulatorHost.JsonBody("""{"value":true}"""));
        host.Clock.Advance(host.Options.Durations.ClusterScaleOut);
        Assert.Equal("UNBALANCED", (string?)(await host.GetClusterAsync(id))["sub_status"]);
    }

    [Fact]
    public async Task Parameter_groups_have_the_reference_shape_and_the_detail_names_the_parameter_group()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("par-wire");
        var groups = (await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/clusters/{id}/configurations")))["configurations"]!.AsArray();
        Assert.Equal(new[] { "GUCConfig", "hiddenParameterGroup", "OBSConfig", "parameterGroup", "securityParameterGroup" }, groups.Select(g => (string?)g!["type"]));
        Assert.All(groups, g => Assert.Equal("null", (string?)g!["fail_reason"]));
        var groupId = (string)groups.Single(g => (string?)g!["type"] == "parameterGroup")!["id"]!;
        Assert.Equal(groupId, (string?)(await host.GetClusterAsync(id))["parameter_group"]!["id"]);

        var parameters = (await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/clusters/{id}/configurations/{groupId}")))["configurations"]!.AsArray();
        var p = parameters.Single(x => (string?)x!["name"] == "enable_constraint_optimization")!;
        Assert.Equal("cn", (string?)p["values"]![0]!["type"]);
        Assert.Equal("on|off", (string?)p["value_range"]);
        Assert.False((bool)p["restart_required"]!);

        var put = await host.Client.PutAsync($"/v2/{host.Project}/clusters/{id}/configurations/{groupId}",
            EmulatorHost.JsonBody("""{"configurations":[{"type":"cn","name":"max_connections","value":"900"}]}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Pending-Reboot", (string?)(await host.GetClusterAsync(id))["parameter_group"]!["status"]);
        var dup = await host.Client.PutAsync($"/v2/{host.Project}/clusters/{id}/configurations/{groupId}",
            EmulatorHost.JsonBody("""{"configurations":[{"type":"cn","name":"work_mem","value":"100"},{"type":"cn","name":"work_mem","value":"200"}]}"""));
        Assert.Equal("DWS.5039", (string?)(await EmulatorHost.ReadJsonAsync(dup))["error_code"]);

        var audit = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1/{host.Project}/clusters/{id}/configurations/audit-records?filter_by=status&filter=SUCCESS"));
        Assert.Equal(1, (int)audit["count"]!);
        var record = audit["records"]![0]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, record["id"]!.GetValueKind());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string?)record["start_time"]);
    }

    [Fact]
    public async Task Tag_filter_pages_in_the_query_and_statistics_count_by_status()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.CreateClusterAsync("stat-a");
        await host.CreateClusterAsync("stat-b", waitAvailable: false);
        var stats = (await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/statistics")))["statistics"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (double)s!["value"]!);
        Assert.Equal((2, 1, 6, 3), ((int)stats["cluster.total"], (int)stats["cluster.normal"], (int)stats["instance.total"], (int)stats["instance.normal"]));

        lock (host.State.Gate)
            foreach (var c in host.State.Clusters.Values) c.Tags = [new ClusterTag { Key = "env", Value = c.Name == "stat-a" ? "prod" : "test" }];
        var page = await EmulatorHost.ReadJsonAsync(await host.PostAsync($"/v1/{host.Project}/clusters/resource-instances/tag-filter?offset=0&limit=1", """{"tags":[{"key":"env"}]}"""));
        Assert.Equal(2, (int)page["count"]!);
        Assert.Single(page["resources"]!.AsArray());
        var prod = await EmulatorHost.ReadJsonAsync(await host.PostAsync($"/v1/{host.Project}/clusters/resource-instances/tag-filter", """{"tags":[{"key":"env","values":["prod"]}]}"""));
        Assert.Equal("stat-a", (string?)prod["resources"]![0]!["resource_name"]);
        Assert.Equal("", (string?)prod["resources"]![0]!["resource_detail"]);
    }

    [Fact]
    public async Task Precheck_answers_without_a_body_and_takes_db_port_as_a_string()
    {
        await using var host = await EmulatorHost.StartAsync();
        var ok = await host.PostAsync($"/v2/{host.Project}/cluster-precheck", """
            {"cluster":{"flavor":"dwsk2.xlarge","num_node":3,"availability_zones":["eu-west-101a"],"vpc_id":"v","subnet_id":"s","datastore_version":"8.2.1","db_port":"8000","tag_list":[{"key":"a","value":"b"}]}}
            """);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("", await ok.Content.ReadAsStringAsync());
        var bad = await host.PostAsync($"/v2/{host.Project}/cluster-precheck", """
            {"cluster":{"flavor":"dwsk2.xlarge","num_node":2,"availability_zones":["eu-west-101a"],"vpc_id":"v","subnet_id":"s","datastore_version":"8.2.1"}}
            """);
        Assert.Equal("DWS.5047", (string?)(await EmulatorHost.ReadJsonAsync(bad))["error_code"]);
    }

    [Fact]
    public async Task Settings_state_survives_save_and_load()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dws-settings-{Guid.NewGuid():N}.json");
        try
        {
            string id;
            await using (var host = await EmulatorHost.StartAsync())
            {
                id = await host.CreateClusterAsync("saved");
                await host.Client.PutAsync($"/v1/{host.Project}/clusters/{id}/security-group", EmulatorHost.JsonBody("""{"security_groups":["sg-1","sg-2"]}"""));
                await host.PostAsync($"/v1/{host.Project}/clusters/{id}/description", """{"description_info":"kept"}""");
                await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/reset-password", """{"new_password":"NewPassw0rd!x"}""");
                await host.Raw.PostAsync($"/_emulator/clusters/{id}/readonly", null);
                host.State.Save(file);
            }
            await using var again = await EmulatorHost.StartAsync();
            again.State.Load(file);
            lock (again.State.Gate)
            {
                var c = again.State.Clusters[id];
                Assert.Equal(new[] { "sg-1", "sg-2" }, c.SecurityGroupIds);
                Assert.Equal(("kept", true), (c.Description, c.ReadOnly));
                Assert.Single(c.PasswordHistory);
            }
            var reused = await again.PostAsync($"/v1.0/{again.Project}/clusters/{id}/reset-password", """{"new_password":"NewPassw0rd!x"}""");
            Assert.Equal("DWS.5144", (string?)(await EmulatorHost.ReadJsonAsync(reused))["error_code"]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
