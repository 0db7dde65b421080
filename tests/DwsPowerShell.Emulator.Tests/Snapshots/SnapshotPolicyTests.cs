using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Snapshots;

public sealed class SnapshotPolicyTests : IAsyncLifetime
{
    private const string Nightly = """{"keep_day":7,"backup_strategies":[{"policy_name":"nightly","backup_level":"cluster","backup_type":"full","backup_strategy":"0 0 3 ? * 1,2,3,4,5,6,7"}]}""";

    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Policies(string clusterId, string version = "v2") => $"/{version}/{_host.Project}/clusters/{clusterId}/snapshot-policies";

    private Task<HttpResponseMessage> PutAsync(string path, string json) => _host.Client.PutAsync(path, EmulatorHost.JsonBody(json));

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (string?)(await EmulatorHost.ReadJsonAsync(response))["error_code"]);
    }

    private async Task<JsonNode> QueryAsync(string clusterId)
    {
        var response = await _host.GetAsync(Policies(clusterId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorHost.ReadJsonAsync(response);
    }

    [Fact]
    public async Task Put_creates_then_query_detail_modify_and_delete_use_the_reference_shapes()
    {
        var clusterId = await _host.CreateClusterAsync("dws-policy");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(Policies(clusterId), Nightly)).StatusCode);

        var policy = await QueryAsync(clusterId);
        Assert.Equal(7, (int)policy["keep_day"]!);
        var strategy = policy["backup_strategies"]!.AsArray().Single()!;
        var id = (string)strategy["policy_id"]!;
        Assert.Equal("nightly", (string?)strategy["policy_name"]);
        // 5.3.11: next_fire_time is epoch ms as a string; 5.3.12: a number.
        var next = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)strategy["next_fire_time"]!));
        Assert.Equal(3, next.UtcDateTime.Hour);
        Assert.True(next > _host.Clock.UtcNow);

        var detail = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{Policies(clusterId, "v1")}/{id}"));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, detail["next_fire_time"]!.GetValueKind());
        Assert.Equal("0 0 3 ? * 1,2,3,4,5,6,7", (string?)detail["backup_strategy"]);

        var modify = await PutAsync($"{Policies(clusterId, "v1")}/{id}", """{"policy_name":"nightly-2","backup_strategy":"0 30 1 ? * 1"}""");
        Assert.Equal(HttpStatusCode.OK, modify.StatusCode);
        detail = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{Policies(clusterId, "v1")}/{id}"));
        Assert.Equal("nightly-2", (string?)detail["policy_name"]);
        Assert.Equal("full", (string?)detail["backup_type"]);

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.DeleteAsync($"{Policies(clusterId, "v1.0")}/{id}")).StatusCode);
        Assert.Empty((await QueryAsync(clusterId))["backup_strategies"]!.AsArray());
        await AssertErrorAsync(await _host.GetAsync($"{Policies(clusterId, "v1")}/{id}"), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task The_plan_lists_the_next_seven_runs_in_order_from_the_emulator_clock()
    {
        var clusterId = await _host.CreateClusterAsync("dws-plan");
        await PutAsync(Policies(clusterId), Nightly);
        var now = _host.Clock.UtcNow;

        var plan = (await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{Policies(clusterId, "v1")}/plan")))["backup_time"]!.AsArray();

        Assert.Equal(SnapshotPolicyRoutes.PlanLength, plan.Count);
        var times = plan.Select(p => DateTime.SpecifyKind(DateTime.Parse((string)p!["time"]!, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)).ToList();
        Assert.True(times[0] > now.UtcDateTime && times[0] <= now.UtcDateTime.AddDays(1));
        for (var i = 1; i < times.Count; i++) Assert.Equal(times[i - 1].AddDays(1), times[i]);
        Assert.All(plan, p => Assert.Equal("full", (string?)p!["type"]));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var later = (await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{Policies(clusterId, "v1")}/plan")))["backup_time"]!.AsArray();
        Assert.Equal((string?)plan[1]!["time"], (string?)later[0]!["time"]);
    }

    [Fact]
    public void The_cron_expression_gives_the_runs_the_reference_example_shows()
    {
        // 5.3.11 example: "0 56 2/8 ? * 2,3,4,5,6,7" is 02:56, 10:56 and 18:56, Monday to Saturday (1 is Sunday).
        var cron = SnapshotCron.TryParse("0 56 2/8 ? * 2,3,4,5,6,7", out _)!;
        var saturday = new DateTimeOffset(2022, 10, 29, 20, 0, 0, TimeSpan.Zero);
        var runs = cron.Next(saturday, 3).ToList();
        Assert.Equal(new DateTimeOffset(2022, 10, 31, 2, 56, 0, TimeSpan.Zero), runs[0]); // Sunday skipped
        Assert.Equal(new DateTimeOffset(2022, 10, 31, 10, 56, 0, TimeSpan.Zero), runs[1]);
        Assert.Null(SnapshotCron.TryParse("0 0 25 * * ?", out var problem));
        Assert.Contains("hours", problem);
    }

    [Theory]
    [InlineData("""{"keep_day":0,"backup_strategies":[{"policy_name":"nightly","backup_level":"cluster","backup_type":"full","backup_strategy":"0 0 3 ? * 1"}]}""", "DWS.5038")]
    [InlineData("""{"keep_day":7,"backup_strategies":[{"policy_name":"1nightly","backup_level":"cluster","backup_type":"full","backup_strategy":"0 0 3 ? * 1"}]}""", "DWS.5057")]
    [InlineData("""{"keep_day":7,"backup_strategies":[{"policy_name":"abc","backup_level":"cluster","backup_type":"full","backup_strategy":"0 0 3 ? * 1"}]}""", "DWS.5056")]
    [InlineData("""{"keep_day":7,"backup_strategies":[{"policy_name":"nightly","backup_level":"cluster","backup_type":"diff","backup_strategy":"0 0 3 ? * 1"}]}""", "DWS.5065")]
    [InlineData("""{"keep_day":7,"backup_strategies":[{"policy_name":"nightly","backup_level":"cluster","backup_type":"full","backup_strategy":"daily"}]}""", "DWS.5065")]
    [InlineData("""{"keep_day":7,"backup_strategies":[{"policy_name":"nightly","backup_type":"full","backup_strategy":"0 0 3 ? * 1"}]}""", "DWS.5037")]
    [InlineData("""{"keep_day":7}""", "DWS.5037")]
    [InlineData("""{"keep_day":7,"device_name":"NFS","backup_strategies":[{"policy_name":"nightly","backup_level":"cluster","backup_type":"full","backup_strategy":"0 0 3 ? * 1"}]}""", "DWS.5037")]
    public async Task Add_refuses_what_the_reference_refuses(string body, string code)
    {
        var clusterId = await _host.CreateClusterAsync("dws-bad");
        await AssertErrorAsync(await PutAsync(Policies(clusterId), body), HttpStatusCode.BadRequest, code);
        Assert.Empty((await QueryAsync(clusterId))["backup_strategies"]!.AsArray());
    }

    [Fact]
    public async Task Names_are_unique_in_any_case_and_an_unknown_cluster_is_404()
    {
        var clusterId = await _host.CreateClusterAsync("dws-dup");
        await PutAsync(Policies(clusterId), Nightly);
        await AssertErrorAsync(await PutAsync(Policies(clusterId), Nightly.Replace("\"nightly\"", "\"NIGHTLY\"")), HttpStatusCode.BadRequest, "DWS.5050");
        await AssertErrorAsync(await _host.GetAsync(Policies("00000000-0000-0000-0000-000000000000")), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task A_reset_forgets_the_policies()
    {
        var clusterId = await _host.CreateClusterAsync("dws-reset");
        await PutAsync(Policies(clusterId), Nightly);
        Assert.True((await _host.PostAsync("/_emulator/reset", "{}")).IsSuccessStatusCode);
        clusterId = await _host.CreateClusterAsync("dws-reset");
        Assert.Empty((await QueryAsync(clusterId))["backup_strategies"]!.AsArray());
    }
}
