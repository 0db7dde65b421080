using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Diagnostics;
using System.Globalization;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Snapshots;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// The emulator in a process of its own, so that its allocations, threads and CPU are not counted as the
/// client's. <c>serve [--clusters N] [--snapshots N] [--jobs N --job-min-ms A --job-max-ms B --jobs-file PATH]</c> seeds the
/// state directly (no HTTP), prints <c>READY url</c>, and runs until its standard input closes.
/// </summary>
internal static class EmulatorChild
{
    public const string ClusterId = "7d85f602-a948-4a30-afd4-e84f47471c15";

    public static async Task<int> ServeAsync(string[] args)
    {
        int Arg(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        var jobsFileIndex = Array.IndexOf(args, "--jobs-file");
        await using var emulator = await DwsEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 });
        var state = emulator.State;
        var now = state.Clock.UtcNow;
        lock (state.Gate)
        {
            for (var c = 0; c < Math.Max(1, Arg("--clusters", 1)); c++)
            {
            var id = c == 0 ? ClusterId : EmulatorState.NewUuid();
            state.Clusters[id] = new ClusterRecord
            {
                Id = id,
                Name = c == 0 ? "bench-warehouse" : "bench-warehouse-" + c.ToString(CultureInfo.InvariantCulture),
                NodeType = "dws.m3.xlarge",
                NodeTypeId = "ebe532d6-665f-40e6-a4d4-3c51545b6a2d",
                AvailabilityZone = "eu-west-101a",
                VpcId = "vpc-bench",
                SubnetId = "subnet-bench",
                SecurityGroupId = "sg-bench",
                UserName = "dbadmin",
                NodeIds = Enumerable.Range(0, 3).Select(i => $"node-{i}").ToList(),
                Created = now.AddHours(-1),
                Updated = now.AddHours(-1),
                CreateDuration = TimeSpan.FromMinutes(1),
            };
            }
            var snapshots = Arg("--snapshots", 0);
            for (var i = 0; i < snapshots; i++)
            {
                var s = new SnapshotRecord
                {
                    Id = EmulatorState.NewUuid(),
                    Name = "snap-" + i.ToString("D6", CultureInfo.InvariantCulture),
                    Description = "seeded",
                    ClusterId = ClusterId,
                    ClusterName = "bench-warehouse",
                    ClusterVersion = "8.1.3.333",
                    DbUser = "dbadmin",
                    Started = now.AddMinutes(-snapshots + i),
                    Duration = TimeSpan.FromSeconds(30),
                    SizeGb = 4.5,
                };
                state.Snapshots[s.Id] = s.ToNode();
            }
        }

        var jobs = Arg("--jobs", 0);
        if (jobs > 0)
        {
            var min = Arg("--job-min-ms", 2000);
            var max = Arg("--job-max-ms", 6000);
            var random = new Random(42);
            using var file = new StreamWriter(args[jobsFileIndex + 1]);
            lock (state.Gate)
            {
                var begin = state.Clock.UtcNow;
                for (var i = 0; i < jobs; i++)
                {
                    var job = new JobRecord
                    {
                        JobId = EmulatorState.NewHexId(),
                        JobName = "bench-job",
                        Kind = "stop",
                        ClusterId = ClusterId,
                        BeginTime = begin,
                        Duration = TimeSpan.FromMilliseconds(random.Next(min, max)),
                    };
                    state.Jobs[job.JobId] = job;
                    // TimeScale 1: the emulated clock is the wall clock, so this is when the job finishes for real.
                    file.WriteLine($"{job.JobId} {(begin + job.Duration).ToUnixTimeMilliseconds()}");
                }
            }
        }

        Console.WriteLine("READY " + emulator.BaseAddress);
        Console.Out.Flush();
        // Runs until the parent closes our standard input.
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>A running child emulator, stopped when disposed.</summary>
    public sealed class Handle : IDisposable
    {
        private readonly Process _process;

        private Handle(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }

        public int ProcessId => _process.Id;

        public static Handle Start(params string[] args)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(BenchmarkProgram.AssemblyPath);
            psi.ArgumentList.Add("serve");
            foreach (var a in args) psi.ArgumentList.Add(a);
            var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the emulator child");
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                if (line.StartsWith("READY ", StringComparison.Ordinal)) return new Handle(process, new Uri(line.Substring(6)));
            }
            throw new InvalidOperationException("the emulator child exited before it was ready");
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10_000)) _process.Kill();
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
