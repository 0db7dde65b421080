using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.StateFiles;

/// <summary>--state-file in-process: what is on disk while the emulator runs, before any graceful stop.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dws-state-").FullName;

    private string StatePath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Each_answered_change_is_on_disk_before_the_emulator_stops()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.StateFile = StatePath);
        Assert.Empty(Clusters());

        var id = await host.CreateClusterAsync("dws-on-disk", waitAvailable: false);
        Assert.Equal(["dws-on-disk"], Clusters().Select(c => (string)c!["Name"]!));

        await host.Raw.PostAsync("/_emulator/jobs/fail-next", EmulatorHost.JsonBody("""{"kind":"restart"}"""));
        Assert.NotNull(Document()["PendingFailures"]!["restart"]);

        Assert.Equal(HttpStatusCode.OK, (await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody("""{"seconds":600}"""))).StatusCode);
        Assert.Equal(host.Clock.UtcNow, DateTimeOffset.Parse((string)Document()["SavedAt"]!));

        var restart = await host.PostAsync($"/v1.0/{host.Project}/clusters/{id}/restart", """{"restart":{}}""");
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        Assert.Equal("restart", (string?)Clusters().Single()!["Operation"]!["Kind"]);
        Assert.Empty(Document()["PendingFailures"]!.AsObject());
        Assert.Equal(["state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_request_that_changes_nothing_kept_in_the_file_does_not_write_it()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.StateFile = StatePath);
        await host.CreateClusterAsync("dws-once", waitAvailable: false);
        var written = File.GetLastWriteTimeUtc(StatePath);
        File.SetLastWriteTimeUtc(StatePath, written.AddHours(-1));

        var refused = await host.PostAsync($"/v2/{host.Project}/clusters", EmulatorHost.CreateV2Body("dws-once"));
        Assert.False(refused.IsSuccessStatusCode);
        await host.Raw.PostAsync("/v3/auth/tokens", EmulatorHost.JsonBody("{}"));

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(StatePath));
    }

    [Fact]
    public async Task A_clock_advance_after_no_other_request_writes_the_last_text_with_the_new_SavedAt()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.StateFile = StatePath);
        var id = await host.CreateClusterAsync("dws-counted", waitAvailable: false);
        await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody("""{"seconds":60}"""));
        // Changed behind the emulator's back: no request counts it, so the clock's write keeps the text it had.
        lock (host.State.Gate) host.State.Clusters[id].Name = "dws-uncounted";

        Assert.Equal(HttpStatusCode.OK, (await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody("""{"seconds":60}"""))).StatusCode);
        Assert.Equal(host.Clock.UtcNow, DateTimeOffset.Parse((string)Document()["SavedAt"]!));
        Assert.Equal(["dws-counted"], Clusters().Select(c => (string)c!["Name"]!));

        // Any request that reaches a handler (a GET too) counts: the next write serializes the state again.
        await host.GetAsync($"/v1.0/{host.Project}/clusters/{id}");
        await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody("""{"seconds":60}"""));
        Assert.Equal(["dws-uncounted"], Clusters().Select(c => (string)c!["Name"]!));
        Assert.Equal(host.Clock.UtcNow, DateTimeOffset.Parse((string)Document()["SavedAt"]!));
    }

    [Fact]
    public async Task A_file_written_before_the_format_marker_is_read_and_rewritten_with_it()
    {
        await using (var first = await EmulatorHost.StartAsync(o => o.StateFile = StatePath))
            await first.CreateClusterAsync("dws-old-file");
        var old = Document();
        old.Remove("Format");
        old.Remove("Version");
        old.Remove("Connections"); // Version 3
        File.WriteAllText(StatePath, old.ToJsonString());

        await using var second = await EmulatorHost.StartAsync(o => o.StateFile = StatePath);
        Assert.Equal("dws-old-file", (string?)(await second.GetClusterAsync((string)second.State.Clusters.Keys.Single()))["name"]);
        await second.Raw.PostAsync("/_emulator/jobs/fail-next", EmulatorHost.JsonBody("""{"kind":"create"}"""));
        Assert.Equal((StateFile.FormatName, StateFile.CurrentVersion), ((string?)Document()["Format"], (int)Document()["Version"]!));
    }

    [Fact]
    public async Task A_bad_file_is_refused_in_process_too_and_left_as_it_is()
    {
        File.WriteAllText(StatePath, "{}");
        var e = await Assert.ThrowsAsync<StateFileException>(() => EmulatorHost.StartAsync(o => o.StateFile = StatePath));
        Assert.Equal($"state file '{StatePath}' is not an emulator state file: it has none of the fields Format, Version, SavedAt, Clusters, Jobs, Snapshots, Plans, Stages, Connections, PendingFailures", e.Message);
        Assert.Equal("{}", File.ReadAllText(StatePath));
    }

    private JsonObject Document() => JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject();

    private JsonArray Clusters() => Document()["Clusters"]!.AsArray();
}
