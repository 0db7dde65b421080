using System.Net;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.StateFiles;

/// <summary>--state-file with the emulator as a process of its own: killed with SIGKILL, started on bad files.</summary>
public sealed class StateFileProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dws-state-").FullName;

    private string StatePath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_cluster_created_before_a_sigkill_is_there_after_a_restart_on_the_file()
    {
        using (var first = EmulatorProcess.Start("--state-file", StatePath))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClusterAsync("dws-kept")).Status);
            first.KillHard();
        }
        Assert.Equal(["state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));

        using var second = EmulatorProcess.Start("--state-file", StatePath);
        Assert.Equal(["dws-kept"], await second.ClusterNamesAsync());
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty", "", "is empty" },
        { "white space", "  \n", "is empty" },
        { "empty object", "{}", "is not an emulator state file" },
        { "unknown field", """{"Clusters":[],"Foo":1}""", "unknown field 'Foo'" },
        { "cut short", """{"Format":"DwsPowerShell.Emulator state","Version":2,"SavedAt":"2026-01-01T00:00:00Z","Clusters":[{"Id":"a""", "is cut short" },
        { "not JSON", "clusters: none", "is not valid JSON at line 1" },
        { "array", "[]", "holds a JSON array" },
        { "missing fields", """{"Format":"DwsPowerShell.Emulator state","Version":2,"SavedAt":"2026-01-01T00:00:00Z","Clusters":[]}""", "is missing the fields Jobs, Snapshots, Plans, Stages, PendingFailures" },
        { "wrong type", """{"Format":"DwsPowerShell.Emulator state","Version":2,"SavedAt":"2026-01-01T00:00:00Z","Clusters":{},"Jobs":[],"Snapshots":{},"Plans":{},"Stages":{},"PendingFailures":{}}""", "at Clusters (line 1)" },
        { "unknown nested field", """{"Format":"DwsPowerShell.Emulator state","Version":2,"SavedAt":"2026-01-01T00:00:00Z","Clusters":[{"Id":"a","Nmae":"x"}],"Jobs":[],"Snapshots":{},"Plans":{},"Stages":{},"PendingFailures":{}}""", "Clusters[0].Nmae" },
        { "newer version", """{"Format":"DwsPowerShell.Emulator state","Version":9,"SavedAt":"2026-01-01T00:00:00Z","Clusters":[],"Jobs":[],"Snapshots":{},"Plans":{},"Stages":{},"PendingFailures":{}}""", "written by a newer emulator" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_state_file_stops_the_emulator_with_one_line_and_is_left_as_it_is(string what, string content, string problem)
    {
        File.WriteAllText(StatePath, content);
        var before = File.GetLastWriteTimeUtc(StatePath);

        var (exitCode, stdout, stderr) = EmulatorProcess.RunToExit("--state-file", StatePath);

        Assert.True(exitCode == 3, $"{what}: exit code {exitCode}");
        var line = Assert.Single(stderr);
        Assert.StartsWith($"dws-emulator: state file '{StatePath}' ", line);
        Assert.Contains(problem, line);
        Assert.DoesNotContain("listening", stdout);
        Assert.Equal(content, File.ReadAllText(StatePath));
        Assert.Equal(before, File.GetLastWriteTimeUtc(StatePath));
        Assert.Equal(["state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_save_that_cannot_be_written_answers_500_naming_the_file_and_the_change_is_written_with_the_next()
    {
        using var emulator = EmulatorProcess.Start("--state-file", StatePath);
        // A folder where the file belongs: the rename over it fails (whoever runs the tests, root included).
        File.Delete(StatePath);
        Directory.CreateDirectory(Path.Combine(StatePath, "blocker"));

        var (status, body) = await emulator.CreateClusterAsync("dws-unsaved");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("DWS.0005", (string?)body!["error_code"]);
        Assert.Contains($"state file '{StatePath}' cannot be written", (string?)body["error_msg"]);
        await WaitForAsync(() => emulator.Errors.Any(e => e.Contains(StatePath) && e.Contains($"POST /v2/{EmulatorProcess.Project}/clusters")));
        Assert.Empty(Directory.GetFiles(_dir));

        Directory.Delete(StatePath, recursive: true);
        Assert.Equal(HttpStatusCode.OK, (await emulator.CreateClusterAsync("dws-saved")).Status);
        emulator.KillHard();

        using var restarted = EmulatorProcess.Start("--state-file", StatePath);
        Assert.Equal(["dws-saved", "dws-unsaved"], (await restarted.ClusterNamesAsync()).Order());
    }

    [Fact]
    public void A_state_file_in_a_folder_that_cannot_be_made_stops_the_emulator_with_one_line()
    {
        File.WriteAllText(Path.Combine(_dir, "file"), "");
        var path = Path.Combine(_dir, "file", "state.json");

        var (exitCode, _, stderr) = EmulatorProcess.RunToExit("--state-file", path);

        Assert.Equal(3, exitCode);
        Assert.StartsWith($"dws-emulator: state file '{path}' cannot be written", Assert.Single(stderr));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // stderr arrives on its own pipe; the answer can come first.
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
