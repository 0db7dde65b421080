using System.Diagnostics;
using System.Globalization;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// <c>coldstart [N] [--no-r2r]</c>: N times, starts <c>dotnet DwsPowerShell.Benchmarks.dll coldstart-child URL</c>, which
/// creates a DwsSession and sends one GET /v1.0/{project_id}/clusters to an emulator child; reports the median
/// wall time from process start to the child's exit after printing the answer, and the part spent in our code
/// (from Main to the answer). Then the same for a ReadyToRun publish of this program (unless --no-r2r).
/// </summary>
internal static class ColdStartMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 15;
        using var emulator = EmulatorChild.Handle.Start();
        Console.WriteLine($"JIT: this build ({BenchmarkProgram.AssemblyPath})");
        await MeasureAsync(BenchmarkProgram.AssemblyPath, emulator.Url, runs);
        if (Array.IndexOf(args, "--no-r2r") >= 0) return 0;

        var published = PublishReadyToRun();
        Console.WriteLine();
        Console.WriteLine($"ReadyToRun: the same program published with PublishReadyToRun ({published})");
        await MeasureAsync(published, emulator.Url, runs);
        return 0;
    }

    /// <summary>
    /// <c>dotnet publish</c> of this project for this machine's runtime identifier with ReadyToRun, so our assemblies,
    /// RestSharp and Polly come precompiled (the .NET framework's own assemblies already are).
    /// </summary>
    private static string PublishReadyToRun()
    {
        var project = typeof(ColdStartMode).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "BenchmarkProjectDirectory").Value!;
        var output = Path.Combine(Path.GetTempPath(), "dws-coldstart-r2r");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "publish", project, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
                     "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "q" })
        {
            psi.ArgumentList.Add(a);
        }
        Console.WriteLine("publishing: dotnet " + string.Join(' ', psi.ArgumentList));
        using var publish = Process.Start(psi)!;
        var log = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed:\n" + log);
        return Path.Combine(output, Path.GetFileName(BenchmarkProgram.AssemblyPath));
    }

    private static async Task MeasureAsync(string dll, Uri url, int runs)
    {
        var wall = new List<double>();
        var toMain = new List<double>();
        var inMain = new List<double>();
        var session = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add("coldstart-child");
            psi.ArgumentList.Add(url.ToString());
            var startedAt = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            using var child = Process.Start(psi)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            watch.Stop();
            if (child.ExitCode != 0) throw new InvalidOperationException("coldstart-child failed: " + output);
            if (i == 0) continue; // the first run warms the disk cache
            // Child prints: "<unix ms at Main> <ms Main→session> <ms Main→answer>"
            var parts = output.Trim().Split(' ');
            var mainAt = long.Parse(parts[0], CultureInfo.InvariantCulture);
            wall.Add(watch.Elapsed.TotalMilliseconds);
            toMain.Add(mainAt - startedAt.ToUnixTimeMilliseconds());
            session.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
            inMain.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        Console.WriteLine($"{runs} runs (after one warm-up run):");
        Console.WriteLine("| figure | median (ms) | min (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("wall: process start → exit after the first answer", wall);
        Row("dotnet host + runtime start → Main", toMain);
        Row("Main → DwsSession constructed", session);
        Row("Main → first answer (ours: session, signing, RestSharp/Polly/JSON, one loopback GET)", inMain);
    }

    private static void Row(string name, List<double> values)
    {
        values.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {values[values.Count / 2]:0} | {values[0]:0} | {values[^1]:0} |"));
    }

    public static async Task<int> ChildAsync(string[] args)
    {
        var mainAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var watch = Stopwatch.StartNew();
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mainAt} {constructed:0.0} {answered:0.0} {clusters.Count}"));
        return 0;
    }
}
