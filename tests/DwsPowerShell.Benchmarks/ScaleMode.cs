using System.Diagnostics;
using System.Globalization;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>scale [pageSize]</c>: lists 10,000 and 100,000 snapshots of one cluster through
/// SnapshotsApi.ListClusterSnapshotsAsync (5.3.23, paged) from an emulator child seeded directly. Reports time to
/// the first object, total time, time spent waiting for HTTP answers, and this process's managed heap (peak
/// sampled every 1,000 items and every 5 ms, minus the heap before the listing).
/// </summary>
internal static class ScaleMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pageSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var sizes = args.Length > 2 ? args.Skip(2).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : new[] { 10_000, 100_000 };
        Console.WriteLine($"Paging 5.3.23 with page size {pageSize}; emulator in a child process (its memory is not counted)");
        Console.WriteLine("| items | pages | first object (ms) | total (s) | waiting for HTTP (s) | items/s | heap before (MB) | peak heap above before (MB) | heap after full GC above before (MB) | allocated (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in sizes)
        {
            using var emulator = EmulatorChild.Handle.Start("--snapshots", n.ToString(CultureInfo.InvariantCulture));
            await RunOneAsync(emulator.Url, n, pageSize);
        }
        return 0;
    }

    private static async Task RunOneAsync(Uri url, int expected, int pageSize)
    {
        long httpMs = 0;
        var pages = 0;
        using var session = new DwsSession(new DwsSessionOptions
        {
            Endpoint = url,
            Region = "eu-west-101",
            ProjectId = "emulator0project0000000000000001",
            Credentials = new AccessKeyCredentials("EMULATORACCESSKEY001", "emulator-secret-key-do-not-use-in-production"),
            RequestTimeout = TimeSpan.FromMinutes(5),
            TotalTimeout = TimeSpan.FromMinutes(10),
            Log = entry =>
            {
                // "GET /path -> 200 in 123 ms (request ID ...)"
                var m = entry.Message;
                var at = m.IndexOf(" in ", StringComparison.Ordinal);
                var end = at < 0 ? -1 : m.IndexOf(" ms", at, StringComparison.Ordinal);
                if (at > 0 && end > at && long.TryParse(m.AsSpan(at + 4, end - at - 4), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
                {
                    Interlocked.Add(ref httpMs, ms);
                    Interlocked.Increment(ref pages);
                }
            },
        });
        // Warm up the code paths (JIT) with one small page so the first-object time is not mostly JIT.
        await session.Snapshots.ListClusterSnapshotsPageAsync(EmulatorChild.ClusterId, 0, 1);
        httpMs = 0;
        pages = 0;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                try { await Task.Delay(5, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var watch = Stopwatch.StartNew();
        double firstMs = -1;
        var count = 0;
        long checksum = 0;
        await foreach (var snapshot in session.Snapshots.ListClusterSnapshotsAsync(EmulatorChild.ClusterId, pageSize: pageSize))
        {
            if (count == 0) firstMs = watch.Elapsed.TotalMilliseconds;
            count++;
            checksum += snapshot.Name?.Length ?? 0;
            if (count % 1000 == 0)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak)) Interlocked.Exchange(ref peak, now);
            }
        }
        watch.Stop();
        sampling.Cancel();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        if (count != expected) throw new InvalidOperationException($"listed {count} snapshots, expected {expected}");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {pages} | {firstMs:0.0} | {watch.Elapsed.TotalSeconds:0.00} | {httpMs / 1000.0:0.00} | {count / watch.Elapsed.TotalSeconds:N0} | {before / 1048576.0:0.0} | {(peak - before) / 1048576.0:0.0} | {(after - before) / 1048576.0:0.0} | {allocated / 1048576.0:N0} |"));
        GC.KeepAlive(checksum);
    }
}
