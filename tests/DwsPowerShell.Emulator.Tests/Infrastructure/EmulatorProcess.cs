using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Tests.Infrastructure;

/// <summary>
/// DwsPowerShell.Emulator.dll (copied next to the tests with its runtimeconfig) in a process of its own on a free
/// loopback port, as users run it: it can be killed with SIGKILL.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const string ListeningMarker = "DWS emulator listening on ";
    private static readonly EmulatorOptions s_defaults = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();

    private EmulatorProcess(Process process, Uri url)
    {
        _process = process;
        Client = new HttpClient(new SigningHandler(s_defaults.AccessKey, s_defaults.SecretKey, () => DateTimeOffset.UtcNow) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = url,
        };
    }

    public HttpClient Client { get; }
    public static string Project => s_defaults.ProjectId;

    /// <summary>What it wrote to stderr so far.</summary>
    public IReadOnlyList<string> Errors => _stderr.ToArray();

    public static EmulatorProcess Start(params string[] args)
    {
        var process = Process.Start(Info(args)) ?? throw new InvalidOperationException("could not start the emulator");
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) errors.Enqueue(e.Data);
        };
        process.BeginErrorReadLine();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (!line.StartsWith(ListeningMarker, StringComparison.Ordinal)) continue;
            _ = process.StandardOutput.ReadToEndAsync();
            var started = new EmulatorProcess(process, new Uri(line[ListeningMarker.Length..].TrimEnd('/') + "/"));
            foreach (var e in errors) started._stderr.Enqueue(e);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null) started._stderr.Enqueue(e.Data);
            };
            return started;
        }
        process.WaitForExit();
        throw new InvalidOperationException($"the emulator exited ({process.ExitCode}) before it was listening: {string.Join(" / ", errors)}");
    }

    /// <summary>Runs the emulator expecting it not to start: its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string[] Stderr) RunToExit(params string[] args)
    {
        using var process = Process.Start(Info(args)) ?? throw new InvalidOperationException("could not start the emulator");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(20_000))
        {
            process.Kill();
            throw new InvalidOperationException("the emulator started instead of refusing");
        }
        return (process.ExitCode, stdout.Result, stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static ProcessStartInfo Info(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DwsPowerShell.Emulator.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[dll, "--urls", "http://127.0.0.1:0", .. args]) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Creates a cluster via 5.2.3 and returns its id.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CreateClusterAsync(string name)
    {
        var response = await Client.PostAsync($"/v2/{Project}/clusters", EmulatorHost.JsonBody(EmulatorHost.CreateV2Body(name)));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<string[]> ClusterNamesAsync()
    {
        var response = await Client.GetAsync($"/v1.0/{Project}/clusters");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["clusters"]!.AsArray();
        return [.. list.Select(c => (string)c!["name"]!)];
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }
}
