using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>state-file [count]</c>: what --state-file costs a change. The emulator in a process of its own answers
/// POST /_emulator/clock/advance (a change the file keeps) only after writing the file (temp file, fsync, rename); this
/// times <c>count</c> of them (default 300) one after another on one connection, then the same from 8 clients at once
/// (waiting answers share one write), with no state file and with files holding 1, 100 and 1,000 clusters.
/// </summary>
internal static class StateFileMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        var dir = Directory.CreateTempSubdirectory("dws-state-bench-").FullName;
        try
        {
            Console.WriteLine($"{count} changes (POST /_emulator/clock/advance) per row; milliseconds per answer");
            Console.WriteLine("| state file | file size (KB) | median, one client | p95, one client | changes/s, 8 clients |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            await RowAsync("none", null, count);
            foreach (var clusters in new[] { 1, 100, 1000 })
            {
                var path = Path.Combine(dir, $"state-{clusters}.json");
                WriteState(path, clusters);
                await RowAsync($"{clusters:N0} clusters", path, count);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task RowAsync(string name, string? path, int count)
    {
        using var emulator = HostileEmulatorMode.EmulatorProcess.Start(path is null ? [] : ["--state-file", path]);
        using var http = new HttpClient();
        var url = new Uri(emulator.Url, "/_emulator/clock/advance");
        for (var i = 0; i < 20; i++) await AdvanceAsync(http, url);

        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await AdvanceAsync(http, url);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);

        var all = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < count / 8; i++) await AdvanceAsync(http, url);
        }));
        var perSecond = count / 8 * 8 / all.Elapsed.TotalSeconds;

        var size = path is null ? "" : (new FileInfo(path).Length / 1024).ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {size} | {times[count / 2]:F2} | {times[count * 95 / 100]:F2} | {perSecond:F0} |"));
    }

    private static async Task AdvanceAsync(HttpClient http, Uri url)
    {
        using var response = await http.PostAsync(url, new StringContent("""{"seconds":1}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A state file of <paramref name="clusters"/> clusters shaped as 5.2.3 leaves them.</summary>
    private static void WriteState(string path, int clusters)
    {
        var state = new EmulatorState(new EmulatorOptions(), new EmulatorClock(TimeProvider.System, 1));
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < clusters; i++)
        {
            var id = EmulatorState.NewUuid();
            state.Clusters[id] = new ClusterRecord
            {
                Id = id, Name = $"dws-{i}", NodeType = "dwsk2.xlarge", NodeTypeId = EmulatorState.NewUuid(), AvailabilityZone = "eu-west-101a",
                VpcId = "vpc-1", SubnetId = "subnet-1", UserName = "dbadmin", SubscriptionId = EmulatorState.NewUuid(),
                NodeIds = [.. Enumerable.Range(0, 6).Select(_ => EmulatorState.NewUuid())], Tags = [new ClusterTag { Key = "env", Value = "practice" }],
                Created = now, Updated = now, CreateDuration = TimeSpan.FromMinutes(10), PasswordHistory = [EmulatorState.NewHexId() + EmulatorState.NewHexId()],
            };
        }
        state.Save(path);
    }
}
