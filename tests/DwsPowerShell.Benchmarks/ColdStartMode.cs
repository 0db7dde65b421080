using System.Diagnostics;
using System.Globalization;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>coldstart [N] [--no-r2r] [--no-module]</c>: N rounds of fresh processes, each <c>dotnet DwsPowerShell.Benchmarks.dll
/// coldstart-child URL [floor | module=BIN]</c>, which creates a DwsSession (or, with <c>floor</c>, a bare HttpClient) and
/// sends one GET /v1.0/{project_id}/clusters to an emulator child. Reports the wall time from process start to exit after
/// the answer, and the part after Main. Measured for this build (JIT), for a ReadyToRun publish of this program, and for
/// the client as the PowerShell 7 module ships it (the Release module layout's bin/net8.0).
/// </summary>
internal static class ColdStartMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 15;
        using var emulator = EmulatorChild.Handle.Start();
        var variants = new List<(string Name, string Dll, string? Mode)>
        {
            ("client, JIT (this build)", BenchmarkProgram.AssemblyPath, null),
            ("floor (bare HttpClient + signer + JSON), JIT", BenchmarkProgram.AssemblyPath, "floor"),
        };
        if (Array.IndexOf(args, "--no-r2r") < 0)
        {
            var published = PublishReadyToRun();
            variants.Add(("client, ReadyToRun publish", published, null));
            variants.Add(("floor, ReadyToRun publish", published, "floor"));
        }
        if (Array.IndexOf(args, "--no-module") < 0)
        {
            variants.Add(("client from the module's bin/net8.0, as PowerShell 7 loads it", BenchmarkProgram.AssemblyPath, "module=" + Path.Combine(BuildModule(), "bin", "net8.0")));
        }
        await MeasureAsync(variants, emulator.Url, runs);
        return 0;
    }

    /// <summary><c>dotnet build -c Release</c> of the cmdlet project, which lays the module out; returns the layout folder.</summary>
    private static string BuildModule()
    {
        var project = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", "src", "DwsPowerShell"));
        Run("build", project, "-c", "Release", "--nologo", "-v", "q", "--disable-build-servers");
        return Path.Combine(project, "bin", "Release", "module", "DwsPowerShell");
    }

    private static string ProjectDirectory => typeof(ColdStartMode).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "BenchmarkProjectDirectory").Value!;

    private static void Run(params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        Console.WriteLine("running: dotnet " + string.Join(' ', psi.ArgumentList));
        using var process = Process.Start(psi)!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {arguments[0]} failed:\n" + log);
    }

    /// <summary>
    /// <c>dotnet publish</c> of this project for this machine's runtime identifier with ReadyToRun, so our assemblies,
    /// RestSharp and Polly come precompiled (the .NET framework's own assemblies already are).
    /// </summary>
    private static string PublishReadyToRun()
    {
        var output = Path.Combine(Path.GetTempPath(), "dws-coldstart-r2r");
        Run("publish", ProjectDirectory, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "q", "--disable-build-servers");
        return Path.Combine(output, Path.GetFileName(BenchmarkProgram.AssemblyPath));
    }

    /// <summary>Runs the variants in turn, round after round, so a change in machine load hits all of them alike.</summary>
    private static async Task MeasureAsync(List<(string Name, string Dll, string? Mode)> variants, Uri url, int runs)
    {
        var figures = variants.Select(_ => new Figures()).ToArray();
        for (var round = 0; round < runs + 1; round++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
                psi.ArgumentList.Add(variants[v].Dll);
                psi.ArgumentList.Add("coldstart-child");
                psi.ArgumentList.Add(url.ToString());
                if (variants[v].Mode is { } mode) psi.ArgumentList.Add(mode);
                var startedAt = DateTimeOffset.UtcNow;
                var watch = Stopwatch.StartNew();
                using var child = Process.Start(psi)!;
                var output = await child.StandardOutput.ReadToEndAsync();
                await child.WaitForExitAsync();
                watch.Stop();
                if (child.ExitCode != 0) throw new InvalidOperationException("coldstart-child failed: " + output);
                if (round == 0) continue; // the first round warms the disk cache
                // Child prints: "<unix ms at Main> <ms Main→session or HttpClient> <ms Main→answer> <count> <methods jitted>"
                var parts = output.Trim().Split(' ');
                figures[v].Wall.Add(watch.Elapsed.TotalMilliseconds);
                figures[v].ToMain.Add(long.Parse(parts[0], CultureInfo.InvariantCulture) - startedAt.ToUnixTimeMilliseconds());
                figures[v].Setup.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
                figures[v].InMain.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
                figures[v].Jitted.Add(double.Parse(parts[4], CultureInfo.InvariantCulture));
            }
        }
        Console.WriteLine($"{runs} rounds (after one warm-up round); median (min–max) in ms:");
        Console.WriteLine("| variant | wall: process start → exit after the first answer | host + runtime → Main | Main → session (or HttpClient) | Main → first answer | methods JIT-compiled |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var v = 0; v < variants.Count; v++)
        {
            var f = figures[v];
            Console.WriteLine($"| {variants[v].Name} | {Cell(f.Wall)} | {Cell(f.ToMain)} | {Cell(f.Setup)} | {Cell(f.InMain)} | {Cell(f.Jitted)} |");
        }
    }

    private sealed class Figures
    {
        public List<double> Wall { get; } = new();
        public List<double> ToMain { get; } = new();
        public List<double> Setup { get; } = new();
        public List<double> InMain { get; } = new();

        /// <summary>Methods the JIT compiled in the child (ReadyToRun code that the runtime uses is not counted).</summary>
        public List<double> Jitted { get; } = new();
    }

    private static string Cell(List<double> values)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{values[values.Count / 2]:0} ({values[0]:0}–{values[^1]:0})");
    }

    public static async Task<int> ChildAsync(string[] args)
    {
        var mainAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var watch = Stopwatch.StartNew();
        if (args.Length > 2 && args[2] == "floor")
        {
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
            var created = watch.Elapsed.TotalMilliseconds;
            var listed = await FloorClient.ListClustersAsync(http, new Uri(new Uri(args[1]), FloorClient.Path));
            var done = watch.Elapsed.TotalMilliseconds;
            return Report(mainAt, created, done, listed.Count);
        }
        if (args.Length > 2 && args[2].StartsWith("module=", StringComparison.Ordinal))
        {
            var (built, answer, count) = await ModuleBuildChild.ListClustersAsync(args[2]["module=".Length..], new Uri(args[1]), watch);
            return Report(mainAt, built, answer, count);
        }
        using var session = new DwsSession(new DwsSessionOptions
        {
            Endpoint = new Uri(args[1]),
            Region = "eu-west-101",
            ProjectId = "emulator0project0000000000000001",
            Credentials = new AccessKeyCredentials("EMULATORACCESSKEY001", "emulator-secret-key-do-not-use-in-production"),
        });
        var constructed = watch.Elapsed.TotalMilliseconds;
        var clusters = await session.Clusters.ListAsync();
        var answered = watch.Elapsed.TotalMilliseconds;
        return Report(mainAt, constructed, answered, clusters.Count);
    }

    /// <summary>The child's one output line, which <see cref="MeasureAsync"/> parses.</summary>
    private static int Report(long mainAt, double setupMs, double answeredMs, int count)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mainAt} {setupMs:0.0} {answeredMs:0.0} {count} {System.Runtime.JitInfo.GetCompiledMethodCount()}"));
        return 0;
    }
}
