using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DwsPowerShell.Emulator.Tests.Infrastructure;

/// <summary>The emulator in-process on TestServer, with a manual real-time source and a signing client.</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, EmulatorOptions options, ManualTimeProvider time)
    {
        _app = app;
        Options = options;
        Time = time;
        var server = app.GetTestServer();
        Raw = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
        Client = new HttpClient(new SigningHandler(options.AccessKey, options.SecretKey, () => time.Now) { InnerHandler = server.CreateHandler() })
        {
            BaseAddress = server.BaseAddress,
        };
    }

    public EmulatorOptions Options { get; }
    public ManualTimeProvider Time { get; }
    /// <summary>Signs every request with the emulator's AK/SK.</summary>
    public HttpClient Client { get; }
    /// <summary>Sends requests untouched.</summary>
    public HttpClient Raw { get; }
    public IServiceProvider Services => _app.Services;
    public EmulatorState State => _app.Services.GetRequiredService<EmulatorState>();
    public EmulatorClock Clock => _app.Services.GetRequiredService<EmulatorClock>();
    public FaultInjector Faults => _app.Services.GetRequiredService<FaultInjector>();
    public string Project => Options.ProjectId;

    public static async Task<EmulatorHost> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var options = new EmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var builder = DwsEmulator.CreateBuilder(options, []);
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        DwsEmulator.Map(app);
        await app.StartAsync();
        return new EmulatorHost(app, options, time);
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, string json) => Client.PostAsync(path, JsonBody(json));

    public static string CreateV2Body(string name, int nodes = 3) => $$$"""
        {"cluster":{"name":"{{{name}}}","flavor":"dwsk2.xlarge","num_node":{{{nodes}}},"num_cn":3,"db_name":"dbadmin",
         "db_password":"Str0ng!Passw0rd","db_port":8000,"availability_zones":["eu-west-101a"],"vpc_id":"vpc-1",
         "subnet_id":"subnet-1","datastore_version":"8.2.1"}}
        """;

    /// <summary>Creates a cluster via 5.2.3 and finds its id by name (5.2.3 answers only subscriptionsID).</summary>
    public async Task<string> CreateClusterAsync(string name, bool waitAvailable = true)
    {
        var response = await PostAsync($"/v2/{Project}/clusters", CreateV2Body(name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await ReadJsonAsync(await GetAsync($"/v1.0/{Project}/clusters"));
        var id = list["clusters"]!.AsArray().Single(c => (string?)c!["name"] == name)!["id"]!.GetValue<string>();
        if (waitAvailable) Clock.Advance(Options.Durations.ClusterCreate);
        return id;
    }

    public async Task<JsonNode> GetClusterAsync(string id)
    {
        var response = await GetAsync($"/v1.0/{Project}/clusters/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))["cluster"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Raw.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
