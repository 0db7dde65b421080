using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>hostile-emulator [count] [megabytes]</c>: the emulator as users run it (DwsPowerShell.Emulator.dll in a process of its own,
/// its runtimeconfig's server GC) under oversized uploads to POST /v1.0/{project_id}/clusters, 20 of 25 MB each by
/// default, one load after another on one emulator: no credentials, a forged signature (well-formed, wrong),
/// correctly signed bodies with a Content-Length, and correctly signed chunked bodies (no Content-Length); then 11 MB
/// bodies (within the default limit) with a forged signature and correctly signed. Prints the
/// emulator's resident memory (VmRSS) before, after each load and its peak (VmHWM), with the answers seen.
/// </summary>
internal static class HostileEmulatorMode
{
    private const string Path = "/v1.0/" + FloorClient.ProjectId + "/clusters";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var megabytes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25;
        var body = OversizedJson(megabytes * 1_000_000);

        using var emulator = EmulatorProcess.Start();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromMinutes(2) };
        var url = new Uri(emulator.Url, Path);
        // Warm up: one signed list, so "before" is an emulator that has served a request.
        using (var warm = await http.GetAsync(new Uri(emulator.Url, Path + "?limit=1"))) { }
        await FloorClient.ListClustersAsync(http, url);
        await Task.Delay(1000);

        var before = emulator.Memory();
        Console.WriteLine($"Emulator pid {emulator.ProcessId}, {count} uploads of {body.Length:N0} bytes per load; resident memory before: {Mb(before.Rss)} MB (peak {Mb(before.Peak)} MB)");
        Console.WriteLine("| load | answers | seconds | resident after (MB) | growth over before (MB) | peak so far (MB) | threads |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        await RunLoadAsync("no credentials", count, emulator, before, () => Unsigned(url, body, forged: false), http);
        await RunLoadAsync("forged signature", count, emulator, before, () => Unsigned(url, body, forged: true), http);
        await RunLoadAsync("signed, Content-Length", count, emulator, before, () => Signed(url, body, chunked: false), http);
        await RunLoadAsync("signed, chunked", count, emulator, before, () => Signed(url, body, chunked: true), http);
        // Within the limit (12 MiB by default): bodies the emulator must read, hash and parse.
        var within = OversizedJson(11_000_000);
        await RunLoadAsync("forged signature, 11 MB (within the limit)", count, emulator, before, () => Unsigned(url, within, forged: true), http);
        await RunLoadAsync("signed, 11 MB (within the limit)", count, emulator, before, () => Signed(url, within, chunked: false), http);
        return 0;
    }

    private static async Task RunLoadAsync(string name, int count, EmulatorProcess emulator, (long Rss, long Peak, long Threads) before,
        Func<HttpRequestMessage> make, HttpClient http)
    {
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            string answer;
            try
            {
                using var request = make();
                using var response = await http.SendAsync(request);
                answer = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException e)
            {
                answer = "connection closed (" + (e.HttpRequestError.ToString()) + ")";
            }
            answers[answer] = answers.GetValueOrDefault(answer) + 1;
        }
        watch.Stop();
        await Task.Delay(1000);
        var after = emulator.Memory();
        var summary = string.Join(", ", answers.Select(a => $"{a.Value}× {a.Key}"));
        Console.WriteLine($"| {name} | {summary} | {watch.Elapsed.TotalSeconds:F1} | {Mb(after.Rss)} | {Mb(after.Rss - before.Rss)} | {Mb(after.Peak)} | {after.Threads} |");
    }

    private static HttpRequestMessage Unsigned(Uri url, byte[] body, bool forged)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body, chunked: false) };
        if (forged)
        {
            request.Headers.TryAddWithoutValidation(SdkHmacSigner.DateHeader, DateTime.UtcNow.ToString(SdkHmacSigner.DateFormat, CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("Authorization",
                $"{SdkHmacSigner.Algorithm} Access={FloorClient.Ak}, SignedHeaders=host;x-sdk-date, Signature={new string('0', 64)}");
        }
        return request;
    }

    private static HttpRequestMessage Signed(Uri url, byte[] body, bool chunked)
    {
        var signing = new SigningRequest("POST", Path) { Body = body };
        signing.Headers["Host"] = url.Authority;
        signing.Headers["Content-Type"] = "application/json";
        var authorization = SdkHmacSigner.Sign(signing, FloorClient.Ak, FloorClient.Sk, DateTime.UtcNow);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body, chunked) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation(SdkHmacSigner.DateHeader, signing.Headers[SdkHmacSigner.DateHeader]);
        return request;
    }

    private static HttpContent Json(byte[] body, bool chunked)
    {
        // A StreamContent of unknown length goes chunked; a ByteArrayContent sends its Content-Length.
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    /// <summary>A well-formed cluster request whose description makes it <paramref name="size"/> bytes.</summary>
    private static byte[] OversizedJson(int size)
    {
        const string head = "{\"cluster\":{\"name\":\"hostile\",\"description\":\"";
        const string tail = "\"}}";
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes(head).CopyTo(bytes, 0);
        bytes.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'a');
        Encoding.ASCII.GetBytes(tail).CopyTo(bytes, size - tail.Length);
        return bytes;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }

    /// <summary>DwsPowerShell.Emulator.dll (copied next to this assembly with its runtimeconfig) on a free loopback port.</summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }
        public int ProcessId => _process.Id;

        public static EmulatorProcess Start(params string[] extraArgs)
        {
            var dll = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(BenchmarkProgram.AssemblyPath)!, "DwsPowerShell.Emulator.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in (string[])[dll, "--urls", "http://127.0.0.1:0", .. extraArgs]) psi.ArgumentList.Add(a);
            var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the emulator");
            const string marker = "DWS emulator listening on ";
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    // Keep draining its output so it never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new EmulatorProcess(process, new Uri(line[marker.Length..].TrimEnd('/') + "/"));
                }
            }
            throw new InvalidOperationException("the emulator exited before it was listening");
        }

        /// <summary>VmRSS and VmHWM (bytes) and Threads from /proc.</summary>
        public (long Rss, long Peak, long Threads) Memory()
        {
            long rss = 0, peak = 0, threads = 0;
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Number(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Number(line) * 1024;
                else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = Number(line);
            }
            return (rss, peak, threads);

            static long Number(string line) =>
                long.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            try
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
