using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Entry points. Typical hosting: <c>CreateBuilder</c> → (optionally <c>builder.WebHost.UseTestServer()</c>) →
/// <c>Build</c> → <c>Map</c> → run. <see cref="StartAsync"/> does all of it on a real loopback port.
/// </summary>
public static class DwsEmulator
{
    public static WebApplicationBuilder CreateBuilder(EmulatorOptions options, string[] args)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DwsEmulator).Assembly.GetName().Name,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // RequestLimitsMiddleware enforces the emulator's limits with an error body; Kestrel's own answers to
            // these have none, so its limits are only a backstop above them.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeaderBytes + RequestLimitsMiddleware.KestrelHeaderSlack;
            kestrel.Limits.MaxRequestBufferSize = Math.Max(kestrel.Limits.MaxRequestBufferSize ?? 0, kestrel.Limits.MaxRequestHeadersTotalSize);
            kestrel.Limits.MaxRequestHeaderCount = RequestLimitsMiddleware.MaxHeaderCount * 10;
        });
        var clock = new EmulatorClock(options.TimeProvider, options.TimeScale);
        var state = new EmulatorState(options, clock);
        if (!string.IsNullOrWhiteSpace(options.StateFile)) OpenStateFile(state, options.StateFile);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(new FaultInjector(options.Faults, options.RandomSeed));
        return builder;
    }

    /// <summary>Loads the state file, or writes a first one (so a folder that cannot be written is found now, not after a change).</summary>
    private static void OpenStateFile(EmulatorState state, string path)
    {
        if (File.Exists(path))
        {
            state.Load(path);
            return;
        }
        if (Directory.Exists(path)) throw new StateFileException(path, "is a folder, not a file");
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException(path, "cannot be written: " + e.Message);
        }
        state.SaveChanges();
    }

    public static void Map(WebApplication app)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        app.Lifetime.ApplicationStopping.Register(state.SaveIfConfigured);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseRouting();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<AuthMiddleware>();
        if (!string.IsNullOrWhiteSpace(state.Options.StateFile)) app.UseMiddleware<StateSaveMiddleware>();
        app.UseMiddleware<HandlerMiddleware>();
        RouteRegistry.Map(app);
    }

    /// <summary>Starts the emulator on http://127.0.0.1:{free port}.</summary>
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        var builder = CreateBuilder(options, []);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        Map(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningEmulator(app, new Uri(address.TrimEnd('/') + "/"));
    }
}

public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningEmulator(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public EmulatorState State => _app.Services.GetRequiredService<EmulatorState>();
    public EmulatorOptions Options => _app.Services.GetRequiredService<EmulatorOptions>();
    public EmulatorClock Clock => _app.Services.GetRequiredService<EmulatorClock>();
    public FaultInjector Faults => _app.Services.GetRequiredService<FaultInjector>();
    public IReadOnlyList<RequestLogEntry> Requests => State.Requests;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
