using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Snapshots;

public sealed class SnapshotTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Snapshots => $"/v1.0/{_host.Project}/snapshots";

    private static string CreateBody(string name, string clusterId, string description = "nightly") =>
        new JsonObject { ["snapshot"] = new JsonObject { ["name"] = name, ["cluster_id"] = clusterId, ["description"] = description } }.ToJsonString();

    private async Task<string> CreateSnapshotAsync(string name, string clusterId, bool waitAvailable = true)
    {
        var response = await _host.PostAsync(Snapshots, CreateBody(name, clusterId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)(await EmulatorHost.ReadJsonAsync(response))["snapshot"]!["id"]!;
        if (waitAvailable) _host.Clock.Advance(SnapshotRoutes.CreateDuration);
        return id;
    }

    private async Task<JsonNode> GetSnapshotAsync(string id)
    {
        var response = await _host.GetAsync($"{Snapshots}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await EmulatorHost.ReadJsonAsync(response))["snapshot"]!;
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_msg"]));
    }

    [Fact]
    public async Task Create_answers_only_the_id_then_creating_becomes_available_on_the_clock()
    {
        var clusterId = await _host.CreateClusterAsync("dws-snap");
        var response = await _host.PostAsync(Snapshots, CreateBody("snapshot-3", clusterId, "Snapshot-3 description"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await EmulatorHost.ReadJsonAsync(response)).AsObject();
        // 5.3.1 example: {"snapshot":{"id":...}} and nothing else.
        Assert.Equal(["snapshot"], body.Select(p => p.Key));
        var snapshot = body["snapshot"]!.AsObject();
        Assert.Equal(["id"], snapshot.Select(p => p.Key));
        var id = (string)snapshot["id"]!;
        Assert.True(Guid.TryParse(id, out _));

        var creating = await GetSnapshotAsync(id);
        Assert.Equal("CREATING", (string?)creating["status"]);
        Assert.Null(creating["finished"]);
        Assert.Equal("0%", (string?)creating["progress"]);
        var cluster = await _host.GetClusterAsync(clusterId);
        Assert.Equal("SNAPSHOTTING", (string?)cluster["task_status"]);
        Assert.Equal("0%", (string?)cluster["action_progress"]!["SNAPSHOTTING"]);

        _host.Clock.Advance(SnapshotRoutes.CreateDuration / 2);
        Assert.Equal("50%", (string?)(await _host.GetClusterAsync(clusterId))["action_progress"]!["SNAPSHOTTING"]);
        Assert.Equal("CREATING", (string?)(await GetSnapshotAsync(id))["status"]);

        _host.Clock.Advance(SnapshotRoutes.CreateDuration / 2);
        var available = await GetSnapshotAsync(id);
        Assert.Equal("AVAILABLE", (string?)available["status"]);
        Assert.Equal("100%", (string?)available["progress"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)available["finished"]);
        Assert.True((double)available["size"]! > 0);
        cluster = await _host.GetClusterAsync(clusterId);
        Assert.Null(cluster["task_status"]);
        Assert.Empty(cluster["action_progress"]!.AsObject());
    }

    [Fact]
    public async Task Get_has_the_reference_detail_fields()
    {
        var clusterId = await _host.CreateClusterAsync("dws-detail");
        var id = await CreateSnapshotAsync("snapshot-1", clusterId);

        var s = (await GetSnapshotAsync(id)).AsObject();

        // 5.3.4 table 5-267.
        string[] fields = ["id", "name", "description", "started", "finished", "size", "status", "type", "cluster_id", "cluster_name",
            "backup_key", "prior_backup_key", "base_backup_key", "backup_device", "total_backup_size", "base_backup_name",
            "support_inplace_restore", "fine_grained_backup", "fine_grained_backup_detail", "guest_agent_version", "cluster_status",
            "bak_expected_start_time", "bak_keep_day", "bak_period", "db_user", "datastore", "progress", "backup_level"];
        Assert.Equal(fields.Order(), s.Select(p => p.Key).Order());
        Assert.Equal(id, (string?)s["id"]);
        Assert.Equal("snapshot-1", (string?)s["name"]);
        Assert.Equal("nightly", (string?)s["description"]);
        Assert.Equal("MANUAL", (string?)s["type"]);
        Assert.Equal(clusterId, (string?)s["cluster_id"]);
        Assert.Equal("dws-detail", (string?)s["cluster_name"]);
        Assert.Equal("AVAILABLE", (string?)s["cluster_status"]);
        Assert.Equal("FULL", (string?)s["prior_backup_key"]);
        Assert.Equal((string?)s["backup_key"], (string?)s["base_backup_key"]);
        Assert.Equal("dbadmin", (string?)s["db_user"]);
        Assert.Equal("dws", (string?)s["datastore"]!["type"]);
        Assert.Matches("^[0-9]{13}$", (string?)s["bak_expected_start_time"]);
        Assert.Equal("cluster", (string?)s["backup_level"]);
    }

    [Fact]
    public async Task List_returns_every_snapshot_with_the_reference_fields_and_count()
    {
        var a = await _host.CreateClusterAsync("dws-list-a");
        var b = await _host.CreateClusterAsync("dws-list-b");
        var first = await CreateSnapshotAsync("snap-a1", a);
        var second = await CreateSnapshotAsync("snap-b1", b);

        var response = await _host.GetAsync(Snapshots);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(2, (int)body["count"]!);
        var items = body["snapshots"]!.AsArray();
        Assert.Equal([first, second], items.Select(i => (string)i!["id"]!));
        // 5.3.3 table 5-264.
        string[] fields = ["id", "name", "description", "started", "finished", "size", "status", "type", "cluster_id"];
        Assert.All(items, i => Assert.Equal(fields.Order(), i!.AsObject().Select(p => p.Key).Order()));
        Assert.Equal(b, (string?)items[1]!["cluster_id"]);
    }

    [Theory]
    [InlineData("abc", "DWS.5056")]
    [InlineData("1snapshot", "DWS.5057")]
    [InlineData("snap shot", "DWS.5057")]
    [InlineData("snap.shot", "DWS.5057")]
    public async Task Invalid_names_are_400(string name, string code)
    {
        var clusterId = await _host.CreateClusterAsync("dws-names");
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody(name, clusterId)), HttpStatusCode.BadRequest, code);
        Assert.Empty(_host.State.Snapshots);
    }

    [Fact]
    public async Task Name_of_64_characters_with_hyphens_and_underscores_is_accepted()
    {
        var clusterId = await _host.CreateClusterAsync("dws-long");
        var name = "S" + new string('_', 31) + new string('-', 32);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(Snapshots, CreateBody(name, clusterId))).StatusCode);
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody(name + "x", clusterId)), HttpStatusCode.BadRequest, "DWS.5056");
    }

    [Fact]
    public async Task Bad_description_missing_fields_and_malformed_body_are_400()
    {
        var clusterId = await _host.CreateClusterAsync("dws-desc");
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody("snap-x", clusterId, "a<b")), HttpStatusCode.BadRequest, "DWS.5065");
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody("snap-x", clusterId, new string('d', 257))), HttpStatusCode.BadRequest, "DWS.5056");
        await AssertErrorAsync(await _host.PostAsync(Snapshots, """{"snapshot":{"name":"snap-x"}}"""), HttpStatusCode.BadRequest, "DWS.5037");
        await AssertErrorAsync(await _host.PostAsync(Snapshots, """{"name":"snap-x"}"""), HttpStatusCode.BadRequest, "DWS.5037");
        await AssertErrorAsync(await _host.PostAsync(Snapshots, "{not json"), HttpStatusCode.BadRequest, "DWS.5065");
        Assert.Empty(_host.State.Snapshots);
    }

    [Fact]
    public async Task Unknown_cluster_is_404_and_duplicate_name_is_409_case_insensitively()
    {
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody("snap-404", Guid.NewGuid().ToString())), HttpStatusCode.NotFound, "DWS.0001");

        var clusterId = await _host.CreateClusterAsync("dws-dup");
        await CreateSnapshotAsync("Snap-Dup", clusterId);
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody("snap-dup", clusterId)), HttpStatusCode.Conflict, "DWS.5050");
        Assert.Single(_host.State.Snapshots);
    }

    [Fact]
    public async Task Cluster_that_is_not_available_cannot_be_snapshotted()
    {
        var creating = await _host.CreateClusterAsync("dws-creating", waitAvailable: false);
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody("snap-early", creating)), HttpStatusCode.BadRequest, "DWS.0016");

        _host.Clock.Advance(_host.Options.Durations.ClusterCreate);
        await CreateSnapshotAsync("snap-one", creating, waitAvailable: false);
        // A second snapshot while the first is still running: the cluster is SNAPSHOTTING.
        await AssertErrorAsync(await _host.PostAsync(Snapshots, CreateBody("snap-two", creating)), HttpStatusCode.BadRequest, "DWS.0016");
    }

    [Fact]
    public async Task Injected_failure_leaves_the_snapshot_unavailable()
    {
        var clusterId = await _host.CreateClusterAsync("dws-fail");
        var fail = await _host.PostAsync("/_emulator/jobs/fail-next", """{"kind":"snapshot"}""");
        Assert.Equal(HttpStatusCode.NoContent, fail.StatusCode);
        var id = await CreateSnapshotAsync("snap-fail", clusterId);

        var s = await GetSnapshotAsync(id);
        Assert.Equal("UNAVAILABLE", (string?)s["status"]);
        Assert.Null(s["finished"]);
        Assert.Equal(0, (double)s["size"]!);
    }

    [Fact]
    public async Task Get_and_delete_of_unknown_id_are_404()
    {
        await AssertErrorAsync(await _host.GetAsync($"{Snapshots}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "DWS.0001");
        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Snapshots}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task Delete_manual_snapshot_is_202_with_no_body_and_removes_it()
    {
        var clusterId = await _host.CreateClusterAsync("dws-del");
        var id = await CreateSnapshotAsync("snap-del", clusterId);

        var response = await _host.Client.DeleteAsync($"{Snapshots}/{id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.GetAsync($"{Snapshots}/{id}")).StatusCode);
        Assert.Equal(0, (int)(await EmulatorHost.ReadJsonAsync(await _host.GetAsync(Snapshots)))["count"]!);
    }

    [Fact]
    public async Task Delete_of_a_snapshot_still_being_created_is_400()
    {
        var clusterId = await _host.CreateClusterAsync("dws-del-busy");
        var id = await CreateSnapshotAsync("snap-busy", clusterId, waitAvailable: false);
        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Snapshots}/{id}"), HttpStatusCode.BadRequest, "DWS.0016");
        _host.Clock.Advance(SnapshotRoutes.CreateDuration);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.DeleteAsync($"{Snapshots}/{id}")).StatusCode);
    }

    [Fact]
    public async Task Automated_snapshot_cannot_be_deleted()
    {
        var clusterId = await _host.CreateClusterAsync("dws-auto");
        var auto = SnapshotRoutes.AddAutomated(_host.State, clusterId, "auto-0001");

        await AssertErrorAsync(await _host.Client.DeleteAsync($"{Snapshots}/{auto.Id}"), HttpStatusCode.BadRequest, "DWS.5149");

        var s = await GetSnapshotAsync(auto.Id);
        Assert.Equal("AUTOMATED", (string?)s["type"]);
        Assert.Equal("AVAILABLE", (string?)s["status"]);
        Assert.Equal(3, (int)s["bak_keep_day"]!);
    }

    [Fact]
    public async Task Deleting_the_cluster_keeps_the_requested_manual_snapshots_and_drops_automated_ones()
    {
        var clusterId = await _host.CreateClusterAsync("dws-gone");
        var manual = await CreateSnapshotAsync("snap-keep", clusterId);
        SnapshotRoutes.AddAutomated(_host.State, clusterId, "auto-drop");

        var delete = await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{clusterId}?keep_last_manual_backup=1");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.GetAsync($"/v1.0/{_host.Project}/clusters/{clusterId}")).StatusCode);

        var list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync(Snapshots));
        var only = Assert.Single(list["snapshots"]!.AsArray())!;
        Assert.Equal(manual, (string?)only["id"]);
        var detail = await GetSnapshotAsync(manual);
        Assert.Equal("dws-gone", (string?)detail["cluster_name"]);
        Assert.Null(detail["cluster_status"]);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.DeleteAsync($"{Snapshots}/{manual}")).StatusCode);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("?keep_last_manual_backup=0", 0)]
    [InlineData("?keep_last_manual_backup=2", 2)]
    [InlineData("?keep_last_manual_backup=5", 3)]
    public async Task Deleting_the_cluster_v2_keeps_only_the_latest_manual_snapshots_asked_for(string query, int kept)
    {
        var clusterId = await _host.CreateClusterAsync("dws-keep");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await CreateSnapshotAsync($"keep-{i}", clusterId));

        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.DeleteAsync($"/v2/{_host.Project}/clusters/{clusterId}{query}")).StatusCode);
        // Nothing is dropped before the cluster is gone.
        Assert.Equal(3, (await EmulatorHost.ReadJsonAsync(await _host.GetAsync(Snapshots)))["snapshots"]!.AsArray().Count);
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);

        var list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync(Snapshots));
        var left = list["snapshots"]!.AsArray().Select(s => (string)s!["id"]!).OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(Enumerable.Reverse(ids).Take(kept).OrderBy(x => x, StringComparer.Ordinal), left);
    }

    [Fact]
    public async Task Deleting_the_cluster_v1_honours_keep_last_manual_snapshot()
    {
        var clusterId = await _host.CreateClusterAsync("dws-keep-v1");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await CreateSnapshotAsync($"keep-v1-{i}", clusterId));

        var request = new HttpRequestMessage(HttpMethod.Delete, $"/v1.0/{_host.Project}/clusters/{clusterId}")
        {
            Content = EmulatorHost.JsonBody("""{"keep_last_manual_snapshot":1}"""),
        };
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.SendAsync(request)).StatusCode);
        _host.Clock.Advance(_host.Options.Durations.ClusterDelete);

        var list = await EmulatorHost.ReadJsonAsync(await _host.GetAsync(Snapshots));
        Assert.Equal(ids[2], (string?)Assert.Single(list["snapshots"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task Cluster_snapshot_list_pages_by_record_offset_with_default_limit_10_and_total_count()
    {
        var clusterId = await _host.CreateClusterAsync("dws-page");
        var other = await _host.CreateClusterAsync("dws-other");
        var ids = new List<string>();
        for (var i = 0; i < 12; i++) ids.Add(await CreateSnapshotAsync($"snap-{i:D2}", clusterId));
        await CreateSnapshotAsync("snap-other", other);
        var path = $"/v1.0/{_host.Project}/clusters/{clusterId}/snapshots";

        var page = await EmulatorHost.ReadJsonAsync(await _host.GetAsync(path));
        Assert.Equal(12, (int)page["count"]!);
        Assert.Equal(10, page["snapshots"]!.AsArray().Count);
        Assert.Equal(_host.Project, (string?)page["project_id"]);
        Assert.Equal(clusterId, (string?)page["cluster_id"]);
        // Default order: newest first.
        Assert.Equal("snap-11", (string?)page["snapshots"]![0]!["name"]);

        var asc = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{path}?sort_key=name&sort_dir=ASC&offset=10&limit=5"));
        Assert.Equal(12, (int)asc["count"]!);
        Assert.Equal(["snap-10", "snap-11"], asc["snapshots"]!.AsArray().Select(s => (string)s!["name"]!));

        var desc = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{path}?sort_key=startTime&sort_dir=desc&offset=1&limit=3"));
        Assert.Equal(["snap-10", "snap-09", "snap-08"], desc["snapshots"]!.AsArray().Select(s => (string)s!["name"]!));

        var past = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"{path}?offset=12"));
        Assert.Empty(past["snapshots"]!.AsArray());
        Assert.Equal(12, (int)past["count"]!);
    }

    [Fact]
    public async Task Cluster_snapshot_list_items_have_the_reference_fields()
    {
        var clusterId = await _host.CreateClusterAsync("dws-items");
        await CreateSnapshotAsync("snap-item", clusterId);
        SnapshotRoutes.AddAutomated(_host.State, clusterId, "auto-item");

        var body = await EmulatorHost.ReadJsonAsync(await _host.GetAsync($"/v1.0/{_host.Project}/clusters/{clusterId}/snapshots?sort_key=name"));

        var items = body["snapshots"]!.AsArray();
        // 5.3.23 table 5-335.
        string[] fields = ["id", "name", "description", "started", "updated", "size", "status", "type", "cluster_id", "cluster_name",
            "backup_key", "prior_backup_key", "base_backup_key", "backup_device", "total_backup_size", "base_backup_name",
            "support_inplace_restore", "fine_grained_backup", "fine_grained_backup_detail", "guest_agent_version", "cluster_status",
            "bak_expected_start_time", "bak_keep_day", "bak_period", "db_user", "datastore", "progress", "backup_level"];
        Assert.All(items, i => Assert.Equal(fields.Order(), i!.AsObject().Select(p => p.Key).Order()));
        // 5.3.23 spells the automated type AUTO.
        Assert.Equal(["AUTO", "MANUAL"], items.Select(i => (string)i!["type"]!));
    }

    [Theory]
    [InlineData("?offset=-1")]
    [InlineData("?limit=0")]
    [InlineData("?limit=ten")]
    [InlineData("?sort_key=size")]
    [InlineData("?sort_key=name&sort_dir=up")]
    public async Task Cluster_snapshot_list_rejects_bad_query_values(string query)
    {
        var clusterId = await _host.CreateClusterAsync("dws-query");
        await AssertErrorAsync(await _host.GetAsync($"/v1.0/{_host.Project}/clusters/{clusterId}/snapshots{query}"), HttpStatusCode.BadRequest, "DWS.5038");
    }

    [Fact]
    public async Task Cluster_snapshot_list_of_unknown_cluster_is_404()
    {
        await AssertErrorAsync(await _host.GetAsync($"/v1.0/{_host.Project}/clusters/{Guid.NewGuid()}/snapshots"), HttpStatusCode.NotFound, "DWS.0001");
    }

    [Fact]
    public async Task Snapshots_survive_a_save_and_load_round_trip()
    {
        var clusterId = await _host.CreateClusterAsync("dws-saved");
        var done = await CreateSnapshotAsync("snap-done", clusterId);
        var running = await CreateSnapshotAsync("snap-running", clusterId, waitAvailable: false);
        var path = Path.Combine(Path.GetTempPath(), $"dws-emu-snapshots-{Guid.NewGuid():N}.json");
        try
        {
            _host.State.Save(path);
            await using var restored = await EmulatorHost.StartAsync(o => o.StateFile = path);

            var list = await EmulatorHost.ReadJsonAsync(await restored.GetAsync($"/v1.0/{restored.Project}/snapshots"));
            Assert.Equal([done, running], list["snapshots"]!.AsArray().Select(s => (string)s!["id"]!));
            Assert.Equal(["AVAILABLE", "CREATING"], list["snapshots"]!.AsArray().Select(s => (string)s!["status"]!));

            restored.Clock.Advance(SnapshotRoutes.CreateDuration);
            var after = await EmulatorHost.ReadJsonAsync(await restored.GetAsync($"/v1.0/{restored.Project}/snapshots/{running}"));
            Assert.Equal("AVAILABLE", (string?)after["snapshot"]!["status"]);
            Assert.Equal("dws-saved", (string?)after["snapshot"]!["cluster_name"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
