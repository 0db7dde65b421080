using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>hostile [scenario...]</c>: what one call to a hostile server costs the process, with the default options
/// (MaxResponseBytes 16 MiB, 4 retries). Each scenario runs in a fresh child process (<c>hostile-child</c>) that
/// serves the answer itself on loopback, makes one warm-up call (a small answer), then one Clusters.ListAsync, and
/// prints the growth of the peak working set over the warm process, the bytes the GC allocated, the requests the
/// server saw and the outcome. Scenarios: largest (an answer of exactly 16 MiB, the largest accepted), gzip-bomb
/// (~1 MB on the wire that inflates to 1 GiB), endless (a chunked body that never ends), huge-length (Content-Length
/// of 1 GB, then an endless body).
/// </summary>
internal static class HostileAnswerMode
{
    private static readonly string[] s_scenarios = ["largest", "gzip-bomb", "endless", "huge-length"];

    public static async Task<int> RunAsync(string[] args)
    {
        var scenarios = args.Length > 1 ? args.Skip(1).ToArray() : s_scenarios;
        Console.WriteLine($"one Clusters.ListAsync per scenario, default DwsSessionOptions (MaxResponseBytes {DwsSessionOptions.DefaultMaxResponseBytes}, MaxRetries 4); each in a fresh process");
        Console.WriteLine($"{"scenario",-12} {"peak WS growth",15} {"GC allocated",13} {"requests",9} {"wire bytes",12} {"time",8}  outcome");
        foreach (var scenario in scenarios)
        {
            var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
            psi.ArgumentList.Add(BenchmarkProgram.AssemblyPath);
            psi.ArgumentList.Add("hostile-child");
            psi.ArgumentList.Add(scenario);
            using var process = Process.Start(psi)!;
            var line = (await process.StandardOutput.ReadToEndAsync()).Trim();
            await process.WaitForExitAsync();
            Console.WriteLine(line);
        }
        return 0;
    }

    public static async Task<int> ChildAsync(string[] args)
    {
        var scenario = args[1];
        using var server = new Server(scenario);
        using var session = new DwsSession(new DwsSessionOptions
        {
            Endpoint = server.Url,
            Region = "eu-west-101",
            ProjectId = "emulator0project0000000000000001",
            Credentials = new AccessKeyCredentials("EMULATORACCESSKEY001", "emulator-secret-key-do-not-use-in-production"),
        });
        await session.Clusters.ListAsync();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        // Linux: "5" resets the peak resident set (VmHWM) to the current one, so the peak after is this call's own.
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (Exception) { }
        process.Refresh();
        var before = Math.Max(process.WorkingSet64, process.PeakWorkingSet64);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var requestsBefore = server.Requests;
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            var clusters = await session.Clusters.ListAsync();
            outcome = $"read ({clusters.Count} clusters)";
        }
        catch (DwsApiException ex)
        {
            outcome = $"{ex.ErrorCode} after {ex.Attempts} attempt(s)";
        }
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var growth = Math.Max(0, process.PeakWorkingSet64 - before);
        // Let the server notice the closed connection before reading what it wrote.
        await Task.Delay(200);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-12} {1,12:0.0} MB {2,10:0.0} MB {3,9} {4,12:N0} {5,6:0.00} s  {6}",
            scenario, growth / 1e6, allocated / 1e6, server.Requests - requestsBefore, server.BodyBytesWritten, watch.Elapsed.TotalSeconds, outcome));
        return 0;
    }

    /// <summary>A loopback HTTP/1.1 server: the first request gets a small cluster list, every other the scenario's answer.</summary>
    private sealed class Server : IDisposable
    {
        private const string Small = "{\"clusters\":[],\"count\":0}";
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly string _scenario;
        private readonly byte[] _payload;
        private int _requests;
        private long _written;

        public Server(string scenario)
        {
            _scenario = scenario;
            // Made before the measured call, so that only the client's allocations count.
            _payload = scenario switch
            {
                "largest" => LargestAnswer(),
                "gzip-bomb" => GzipOfZeros(1024 * 1024),
                "endless" => Encoding.ASCII.GetBytes("10000\r\n" + new string('[', 0x10000) + "\r\n"),
                "huge-length" => Enumerable.Repeat((byte)'[', 0x10000).ToArray(),
                _ => throw new ArgumentException($"unknown scenario '{scenario}' (largest, gzip-bomb, endless, huge-length)"),
            };
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _ = Task.Run(AcceptAsync);
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Body bytes the scenario's answers put on the wire (what the kernel took; the client may have read less).</summary>
        public long BodyBytesWritten => Interlocked.Read(ref _written);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    while (true)
                    {
                        await ReadHeadAsync(stream);
                        if (Interlocked.Increment(ref _requests) == 1)
                        {
                            await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Small.Length}\r\n\r\n{Small}");
                            continue;
                        }
                        await AnswerAsync(stream);
                        return;
                    }
                }
                catch (Exception)
                {
                    // The client hung up, as it does once the limit is reached.
                }
            }
        }

        private async Task AnswerAsync(NetworkStream stream)
        {
            switch (_scenario)
            {
                case "largest":
                    await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_payload.Length}\r\nConnection: close\r\n\r\n");
                    await BodyAsync(stream, _payload);
                    break;
                case "gzip-bomb":
                    // 1,024 gzip members of 1 MiB of zeros each: 1 GiB inflated, about 1 MB on the wire.
                    await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {_payload.Length * 1024L}\r\nConnection: close\r\n\r\n");
                    for (var i = 0; i < 1024; i++) await BodyAsync(stream, _payload);
                    break;
                case "endless":
                    await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                    while (true) await BodyAsync(stream, _payload);
                default:
                    await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\nConnection: close\r\n\r\n");
                    for (long left = 1_000_000_000; left > 0; left -= _payload.Length) await BodyAsync(stream, _payload.AsMemory(0, (int)Math.Min(left, _payload.Length)));
                    break;
            }
        }

        /// <summary>A cluster list padded to exactly 16 MiB, the largest answer the default accepts.</summary>
        private static byte[] LargestAnswer()
        {
            var head = Encoding.ASCII.GetBytes("{\"clusters\":[],\"count\":0,\"padding\":\"");
            var all = new byte[DwsSessionOptions.DefaultMaxResponseBytes];
            head.CopyTo(all, 0);
            all.AsSpan(head.Length, all.Length - head.Length - 2).Fill((byte)'x');
            all[^2] = (byte)'"';
            all[^1] = (byte)'}';
            return all;
        }

        private async Task BodyAsync(NetworkStream stream, ReadOnlyMemory<byte> bytes)
        {
            await stream.WriteAsync(bytes, _stop.Token);
            Interlocked.Add(ref _written, bytes.Length);
        }

        private Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();

        private async Task ReadHeadAsync(NetworkStream stream)
        {
            var tail = 0u;
            var one = new byte[1];
            while (tail != 0x0D0A0D0A)
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0) throw new IOException("closed");
                tail = (tail << 8) | one[0];
            }
        }

        private static byte[] GzipOfZeros(int length)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(new byte[length]);
            return output.ToArray();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
