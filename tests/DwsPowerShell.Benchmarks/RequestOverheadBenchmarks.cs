using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using RestSharp;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// GET /v1.0/{project_id}/clusters against the emulator on a loopback port (in a child process, so its work
/// is not counted here): through the client, and through a bare HttpClient with the same signer and model
/// (the floor), and through a bare RestSharp client with the same signer and model (what RestSharp, which the
/// design mandates, costs by itself).
/// </summary>
[MemoryDiagnoser]
public class RequestOverheadBenchmarks
{
    private const string ProjectId = FloorClient.ProjectId;
    private const string Ak = FloorClient.Ak;
    private const string Sk = FloorClient.Sk;

    private EmulatorChild.Handle? _emulator;
    private DwsSession? _session;
    private HttpClient? _http;
    private RestSharp.RestClient? _rest;
    private Uri? _url;
    private string _path = "";
    private string _host = "";

    [Params(1, 20)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _emulator = EmulatorChild.Handle.Start("--clusters", Clusters.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _session = new DwsSession(new DwsSessionOptions
        {
            Endpoint = _emulator.Url,
            Region = "eu-west-101",
            ProjectId = ProjectId,
            Credentials = new AccessKeyCredentials(Ak, Sk),
        });
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        _rest = new RestSharp.RestClient(new RestSharp.RestClientOptions(_emulator.Url) { FollowRedirects = false, ThrowOnAnyError = false }, useClientFactory: false);
        _path = FloorClient.Path;
        _url = new Uri(_emulator.Url, _path);
        _host = _emulator.Url.Authority;
        if (Client().GetAwaiter().GetResult().Count != Clusters || Floor().GetAwaiter().GetResult().Count != Clusters
            || RestSharpFloor().GetAwaiter().GetResult().Count != Clusters)
        {
            throw new InvalidOperationException("the emulator did not list the seeded clusters");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session?.Dispose();
        _http?.Dispose();
        _rest?.Dispose();
        _emulator?.Dispose();
    }

    [Benchmark]
    public async Task<IReadOnlyList<Cluster>> Client() => await _session!.Clusters.ListAsync();

    [Benchmark(Baseline = true)]
    public Task<IReadOnlyList<Cluster>> Floor() => FloorClient.ListClustersAsync(_http!, _url!);

    [Benchmark]
    public async Task<IReadOnlyList<Cluster>> RestSharpFloor()
    {
        var request = new RestSharp.RestRequest(_path);
        var (authorization, date) = FloorClient.Sign(_host);
        request.AddHeader("Authorization", authorization);
        request.AddHeader(SdkHmacSigner.DateHeader, date);
        request.AddHeader("X-Project-Id", ProjectId);
        var response = await _rest!.ExecuteAsync(request);
        if (!response.IsSuccessStatusCode || response.RawBytes is null) throw new InvalidOperationException("HTTP " + (int)response.StatusCode);
        var list = JsonSerializer.Deserialize<FloorClient.ClusterList>(response.RawBytes, DwsJson.Options);
        return list?.Clusters ?? new List<Cluster>();
    }
}
