using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>wait [jobs] [minMs] [maxMs]</c>: one JobsApi.WaitAsync over 1,000 jobs seeded in an emulator child (each
/// finishing at a random time between 2 and 8 s), poll interval 1 s. Reports requests per job per poll interval
/// (from the emulator's request log), threads, and the delay between a job finishing and the waiter reporting it.
/// </summary>
internal static class WaitMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var minMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
        var maxMs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8000;
        var interval = TimeSpan.FromSeconds(1);
        var jobsFile = Path.Combine(Path.GetTempPath(), $"dws-bench-jobs-{Environment.ProcessId}.txt");
        using var emulator = EmulatorChild.Handle.Start("--jobs", jobs.ToString(CultureInfo.InvariantCulture),
            "--job-min-ms", minMs.ToString(CultureInfo.InvariantCulture), "--job-max-ms", maxMs.ToString(CultureInfo.InvariantCulture), "--jobs-file", jobsFile);
        var finishesAt = File.ReadAllLines(jobsFile).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        File.Delete(jobsFile);

        using var session = new DwsSession(new DwsSessionOptions
        {
            Endpoint = emulator.Url,
            Region = "eu-west-101",
            ProjectId = "emulator0project0000000000000001",
            Credentials = new AccessKeyCredentials("EMULATORACCESSKEY001", "emulator-secret-key-do-not-use-in-production"),
        });
        var options = new DwsWaitOptions { PollInterval = interval, Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"{jobs} jobs finishing {minMs}-{maxMs} ms after seeding; poll interval {interval.TotalSeconds:0} s; MaxConcurrentRequests {options.MaxConcurrentRequests} (default); emulator in a child process");

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var threadsBefore = process.Threads.Count;
        var poolBefore = ThreadPool.ThreadCount;
        int peakThreads = threadsBefore, peakPool = poolBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakThreads = Math.Max(peakThreads, process.Threads.Count);
                peakPool = Math.Max(peakPool, ThreadPool.ThreadCount);
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var reported = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var cpuBefore = process.TotalProcessorTime;
        var results = await session.Jobs.WaitAsync(finishesAt.Keys, options,
            job => { if (job.IsFinished) reported.TryAdd(job.JobId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()); });
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        sampling.Cancel();
        await sampler;

        using var http = new HttpClient();
        var log = JsonSerializer.Deserialize<List<LogEntry>>(await http.GetStringAsync(new Uri(emulator.Url, "_emulator/requests")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var perJob = log.Where(e => e.RawTarget.Contains("/job/", StringComparison.Ordinal))
            .GroupBy(e => e.RawTarget.Substring(e.RawTarget.LastIndexOf('/') + 1))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Time.ToUnixTimeMilliseconds()).OrderBy(t => t).ToList(), StringComparer.Ordinal);

        // Requests per job in any window of one poll interval (sliding), and per job over its whole wait.
        var maxInWindow = 0;
        var ratios = new List<double>();
        foreach (var (id, times) in perJob)
        {
            for (int i = 0, j = 0; j < times.Count; j++)
            {
                while (times[j] - times[i] >= interval.TotalMilliseconds) i++;
                maxInWindow = Math.Max(maxInWindow, j - i + 1);
            }
            var waitedMs = reported[id] - started.ToUnixTimeMilliseconds();
            ratios.Add(times.Count / Math.Ceiling(waitedMs / interval.TotalMilliseconds));
        }
        var delays = finishesAt.Select(p => (double)(reported[p.Key] - p.Value)).OrderBy(d => d).ToList();
        var gaps = perJob.Values.SelectMany(t => t.Zip(t.Skip(1), (a, b) => (double)(b - a))).OrderBy(d => d).ToList();

        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---:|");
        Row("jobs finished (all SUCCESS)", $"{results.Count(r => r.IsFinished && !r.IsFailed):N0} of {jobs:N0}");
        Row("wall time of WaitAsync", $"{watch.Elapsed.TotalSeconds:0.00} s");
        Row("CPU time of this process during the wait", $"{cpu.TotalSeconds:0.00} s");
        Row("GET /job requests (emulator log)", $"{perJob.Values.Sum(t => t.Count):N0}");
        Row("requests per job in any 1 s window, max", $"{maxInWindow}");
        Row("requests per job per elapsed poll interval, mean / max", $"{ratios.Average():0.00} / {ratios.Max():0.00}");
        Row("time between two polls of one job, min / median / max", $"{gaps.First() / 1000:0.00} / {Pct(gaps, 0.5) / 1000:0.00} / {gaps.Last() / 1000:0.00} s");
        Row("delay finish → reported, median", $"{Pct(delays, 0.5):N0} ms");
        Row("delay finish → reported, p95", $"{Pct(delays, 0.95):N0} ms");
        Row("delay finish → reported, max", $"{delays.Last():N0} ms");
        Row("jobs reported later than one poll interval after finishing", $"{delays.Count(d => d > interval.TotalMilliseconds):N0}");
        Row("process threads before / peak", $"{threadsBefore} / {peakThreads}");
        Row("ThreadPool.ThreadCount before / peak", $"{poolBefore} / {peakPool}");
        return 0;

        static void Row(string name, string value) => Console.WriteLine($"| {name} | {value} |");
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record LogEntry(string Method, string RawTarget, DateTimeOffset Time, int Status);
}
