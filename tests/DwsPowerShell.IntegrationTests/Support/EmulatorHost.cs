using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Emulator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace DwsPowerShell.IntegrationTests.Support;

/// <summary>
/// The emulator for one test: in-process through TestServer (no socket), or on a real loopback
/// port. Sessions it makes use the emulator's credentials and short retry delays.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly RunningEmulator? _running;
    private readonly HttpMessageHandler? _handler;

    private EmulatorHost(EmulatorOptions options, WebApplication app, HttpMessageHandler handler)
    {
        Options = options;
        _app = app;
        _handler = handler;
        BaseAddress = new Uri("http://localhost");
    }

    private EmulatorHost(RunningEmulator running)
    {
        Options = running.Options;
        _running = running;
        BaseAddress = running.BaseAddress;
    }

    public EmulatorOptions Options { get; }

    public Uri BaseAddress { get; }

    public EmulatorState State => _running?.State ?? (EmulatorState)_app!.Services.GetService(typeof(EmulatorState))!;

    public EmulatorClock Clock => _running?.Clock ?? (EmulatorClock)_app!.Services.GetService(typeof(EmulatorClock))!;

    /// <summary>The live fault rules (replace them with <see cref="FaultInjector.SetRules"/>).</summary>
    public FaultInjector Faults => _running?.Faults ?? (FaultInjector)_app!.Services.GetService(typeof(FaultInjector))!;

    /// <summary>Every API request the emulator saw so far (control routes excluded).</summary>
    public IReadOnlyList<RequestLogEntry> Requests => State.Requests;

    /// <summary>The emulator served in memory: fast and isolated.</summary>
    public static async Task<EmulatorHost> InProcessAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = DefaultOptions();
        configure?.Invoke(options);
        var builder = DwsEmulator.CreateBuilder(options, Array.Empty<string>());
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        DwsEmulator.Map(app);
        await app.StartAsync();
        return new EmulatorHost(options, app, app.GetTestServer().CreateHandler());
    }

    /// <summary>The emulator on a real 127.0.0.1 port, as users run it.</summary>
    public static async Task<EmulatorHost> OnLoopbackAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = DefaultOptions();
        configure?.Invoke(options);
        return new EmulatorHost(await DwsEmulator.StartAsync(options, CancellationToken.None));
    }

    /// <summary>A session signed with the emulator's AK/SK (or other credentials).</summary>
    public DwsSession CreateSession(Action<DwsSessionOptions>? configure = null, DwsCredentials? credentials = null)
    {
        var options = new DwsSessionOptions
        {
            Endpoint = BaseAddress,
            Region = Options.Region,
            Credentials = credentials ?? new AccessKeyCredentials(Options.AccessKey, Options.SecretKey),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            TotalTimeout = TimeSpan.FromSeconds(30),
        };
        if (_handler is not null) options.ConfigureHandler = _ => new NonDisposingHandler(_handler);
        configure?.Invoke(options);
        return new DwsSession(options);
    }

    /// <summary>A plain HTTP client for the emulator's /_emulator/ control routes (no signing).</summary>
    public HttpClient CreateControlClient() =>
        _handler is not null ? new HttpClient(new NonDisposingHandler(_handler)) { BaseAddress = BaseAddress } : new HttpClient { BaseAddress = BaseAddress };

    public IamPasswordCredentials IamUser() => new(Options.IamUserName, Options.IamPassword, Options.IamDomainName);

    private static EmulatorOptions DefaultOptions() => new() { TimeScale = 1 };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_running is not null) await _running.DisposeAsync();
    }

    /// <summary>Sessions dispose their handler; the test server's must outlive them.</summary>
    private sealed class NonDisposingHandler : DelegatingHandler
    {
        public NonDisposingHandler(HttpMessageHandler inner) : base(inner) { }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
