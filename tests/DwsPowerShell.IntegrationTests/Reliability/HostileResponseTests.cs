using System.Net;
using System.Text;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using Xunit.Abstractions;

namespace DwsPowerShell.IntegrationTests.Reliability;

/// <summary>
/// Answers no well-behaved service gives: HTML pages, empty 200s, truncated JSON, wrong types, 3 MB bodies,
/// base64 error bodies. Every call must end in a typed result or DwsApiException, never another exception and
/// never a hang.
/// </summary>
public class HostileResponseTests
{
    private const string ClusterId = "7d85f602-a948-4a30-afd4-e84f47471c15";
    private const string PlanId = "0c9c4e8e-0d5b-4c5e-9d4a-4bb1d8f7e0a1";
    private readonly ITestOutputHelper _output;

    public HostileResponseTests(ITestOutputHelper output) => _output = output;

    private static HttpResponseMessage Answer(int status, string body, string mediaType = "application/json") =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpResponseMessage Bytes(int status, byte[] body, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    public static readonly (string Label, Func<HttpResponseMessage> Make)[] Responses =
    [
        ("HTML 502 page", () => Answer(502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", "text/html")),
        ("HTML 200 login page", () => Answer(200, "<!DOCTYPE html><html><body><form action=\"/login\">Sign in</form></body></html>", "text/html")),
        ("HTML 404 page", () => Answer(404, "<html><body>Not Found</body></html>", "text/html")),
        ("empty 200", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) }),
        ("empty 200 JSON", () => Answer(200, "")),
        ("204 no content", () => new HttpResponseMessage(HttpStatusCode.NoContent)),
        ("whitespace 200", () => Answer(200, "   \r\n ")),
        ("truncated JSON 200", () => Answer(200, "{\"clusters\":[{\"id\":\"7d85f602\",\"name\":\"dws-1\",\"sta")),
        ("truncated JSON 400", () => Answer(400, "{\"error_code\":\"DWS.00")),
        ("JSON null", () => Answer(200, "null")),
        ("JSON number", () => Answer(200, "123")),
        ("JSON string", () => Answer(200, "\"ok\"")),
        ("JSON top-level array", () => Answer(200, "[1,2,3]")),
        ("empty object", () => Answer(200, "{}")),
        ("wrong types: lists are strings", () => Answer(200, "{\"clusters\":\"none\",\"snapshots\":\"none\",\"plan_list\":\"none\",\"cluster\":\"none\",\"snapshot\":\"none\",\"plan\":\"none\",\"count\":\"many\"}")),
        ("wrong types: items are numbers", () => Answer(200, "{\"clusters\":[1,2],\"snapshots\":[1],\"plan_list\":[true],\"count\":1}")),
        ("wrong types: fields", () => Answer(200, "{\"cluster\":{\"id\":5,\"name\":[1],\"status\":{},\"created\":\"yesterday\",\"port\":\"eight\"},\"snapshot\":{\"id\":[],\"size\":\"big\"},\"job_id\":7,\"status\":[],\"plan\":{\"plan_id\":1}}")),
        ("deeply nested JSON", () => Answer(200, new string('[', 5000) + new string(']', 5000))),
        ("invalid UTF-8", () => Bytes(200, [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])),
        ("3 MB JSON string 200", () => Answer(200, "{\"clusters\":[],\"padding\":\"" + new string('x', 3 * 1024 * 1024) + "\"}")),
        ("3 MB garbage 500", () => Answer(500, new string('<', 3 * 1024 * 1024), "text/plain")),
        ("3 MB JSON array of items", () => Answer(200, "{\"clusters\":[" + string.Join(",", Enumerable.Repeat("{\"id\":\"a\",\"name\":\"" + new string('n', 1000) + "\"}", 3000)) + "]}")),
        ("base64 error body", () => Answer(400, Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"error_code\":\"DWS.0001\",\"error_msg\":\"bad\"}")), "text/plain")),
        ("base64 error body as JSON type", () => Answer(403, Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"error_code\":\"DWS.0001\",\"error_msg\":\"bad\"}")))),
        ("error body of wrong types", () => Answer(400, "{\"error_code\":123,\"error_msg\":{\"a\":1},\"error\":[1]}")),
        ("error inside a 200", () => Answer(200, "{\"error_code\":\"DWS.0015\",\"error_msg\":\"The cluster does not exist.\"}")),
        ("workload error code inside a 200", () => Answer(200, "{\"workload_res_code\":1,\"workload_res_str\":\"failed\"}")),
        ("401 empty", () => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new ByteArrayContent([]) }),
        ("429 with a bogus Retry-After", () => { var r = Answer(429, "{}"); r.Headers.TryAddWithoutValidation("Retry-After", "soon"); return r; }),
        ("429 with a huge Retry-After", () => { var r = Answer(429, "{}"); r.Headers.TryAddWithoutValidation("Retry-After", "999999"); return r; }),
        ("302 redirect to elsewhere", () => { var r = new HttpResponseMessage(HttpStatusCode.Found); r.Headers.Location = new Uri("http://example.invalid/x"); return r; }),
        ("status 999", () => Answer(999, "{}")),
        // DwsSessionOptions.MaxResponseBytes (16 MiB by default) ends these two; without it each call grew the process by gigabytes.
        ("endless body", () => Endless(200, null)),
        ("Content-Length of 1 GiB", () => Endless(200, 1L << 30)),
    ];

    private static HttpResponseMessage Endless(int status, long? length)
    {
        var content = new StreamContent(new EndlessStream());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        content.Headers.ContentLength = length;
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    private static readonly (string Label, Func<DwsSession, CancellationToken, Task> Call)[] Calls =
    [
        ("Clusters.ListAsync", (s, ct) => s.Clusters.ListAsync(ct)),
        ("Clusters.GetAsync", (s, ct) => s.Clusters.GetAsync(ClusterId, ct)),
        ("Clusters.ListShrinkNumbersAsync", (s, ct) => s.Clusters.ListShrinkNumbersAsync(ClusterId, ct)),
        ("Clusters.StartAsync", (s, ct) => s.Clusters.StartAsync(ClusterId, ct)),
        ("Clusters.DeleteAsync", (s, ct) => s.Clusters.DeleteAsync(ClusterId, cancellationToken: ct)),
        ("Snapshots.ListAsync", (s, ct) => s.Snapshots.ListAsync(ct)),
        ("Snapshots.GetAsync", (s, ct) => s.Snapshots.GetAsync(ClusterId, ct)),
        ("Snapshots.CreateAsync", (s, ct) => s.Snapshots.CreateAsync(ClusterId, "snap-hostile", null, ct)),
        ("Snapshots.ListClusterSnapshotsAsync", async (s, ct) => { await foreach (var _ in s.Snapshots.ListClusterSnapshotsAsync(ClusterId, pageSize: 10, cancellationToken: ct)) { } }),
        ("Jobs.GetAsync", (s, ct) => s.Jobs.GetAsync("0123456789abcdef0123456789abcdef", ct)),
        ("Workload.GetPlanAsync", (s, ct) => s.Workload.GetPlanAsync(ClusterId, PlanId, ct)),
        ("Workload.CreatePlanAsync", (s, ct) => s.Workload.CreatePlanAsync(ClusterId, "plan_hostile", cancellationToken: ct)),
        ("Workload.ListPlansAsync", async (s, ct) => { await foreach (var _ in s.Workload.ListPlansAsync(ClusterId, cancellationToken: ct)) { } }),
        ("project ID lookup", (s, ct) => s.GetProjectIdAsync(ct).AsTask()),
    ];

    [Fact]
    public async Task Hostile_answers_end_in_a_result_or_DwsApiException_and_never_hang()
    {
        var problems = new List<string>();
        int results = 0, apiErrors = 0;
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var slowest = new List<(string, double)>();
        foreach (var (label, make) in Responses)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (callLabel, call) in Calls)
            {
                using var session = new DwsSession(new DwsSessionOptions
                {
                    Endpoint = new Uri("http://127.0.0.1:9"),
                    Region = "eu-west-101",
                    ProjectId = callLabel == "project ID lookup" ? null : "emulator0project0000000000000001",
                    Credentials = new AccessKeyCredentials("AKHOSTILE00000000001", "sk-hostile-secret-0000000000000000000"),
                    ConfigureHandler = _ => new Handler(make),
                    MaxRetries = 2,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(1),
                    RetryMaxDelay = TimeSpan.FromMilliseconds(10),
                    TotalTimeout = TimeSpan.FromSeconds(10),
                });
                using var perCall = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
                perCall.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    await call(session, perCall.Token);
                    results++;
                }
                catch (DwsApiException)
                {
                    apiErrors++;
                }
                catch (Exception ex)
                {
                    problems.Add($"{label} → {callLabel}: {ex.GetType().FullName}: {ex.Message}");
                }
            }
            slowest.Add((label, watch.Elapsed.TotalSeconds));
        }
        _output.WriteLine($"{Responses.Length} hostile answers × {Calls.Length} calls: {results} typed results, {apiErrors} DwsApiException, {problems.Count} other");
        _output.WriteLine("slowest: " + string.Join(", ", slowest.OrderByDescending(x => x.Item2).Take(5).Select(x => $"{x.Item1} {x.Item2:0.0} s")));
        foreach (var p in problems) _output.WriteLine("PROBLEM " + p);
        Assert.False(overall.IsCancellationRequested, "the hostile answers took longer than 50 s in all");
        Assert.Empty(problems);
    }

    /// <summary>200s that carry no list: every list call must throw DwsApiException, never give zero objects.</summary>
    public static readonly string[] ListlessLabels =
    [
        "empty 200", "empty 200 JSON", "whitespace 200", "JSON null", "JSON number", "JSON string", "JSON top-level array", "empty object",
        "error inside a 200", "wrong types: fields",
    ];

    private static readonly (string Label, Func<DwsSession, CancellationToken, Task> Call)[] ListCalls =
    [
        ("Clusters.ListAsync", (s, ct) => s.Clusters.ListAsync(ct)),
        ("AvailabilityZones.ListAsync", (s, ct) => s.AvailabilityZones.ListAsync(ct)),
        ("Clusters.ListNodeTypesAsync", (s, ct) => s.Clusters.ListNodeTypesAsync(ct)),
        ("Clusters.ListShrinkNumbersAsync", (s, ct) => s.Clusters.ListShrinkNumbersAsync(ClusterId, ct)),
        ("Clusters.ListNodesAsync", async (s, ct) => { await foreach (var _ in s.Clusters.ListNodesAsync(ClusterId, cancellationToken: ct)) { } }),
        ("Snapshots.ListAsync", (s, ct) => s.Snapshots.ListAsync(ct)),
        ("Snapshots.ListClusterSnapshotsAsync", async (s, ct) => { await foreach (var _ in s.Snapshots.ListClusterSnapshotsAsync(ClusterId, pageSize: 10, cancellationToken: ct)) { } }),
        ("Workload.ListPlansAsync", async (s, ct) => { await foreach (var _ in s.Workload.ListPlansAsync(ClusterId, cancellationToken: ct)) { } }),
        ("Tags.ListAsync", (s, ct) => s.Tags.ListAsync(ClusterId, ct)),
        ("Quotas.ListAsync", (s, ct) => s.Quotas.ListAsync(ct)),
    ];

    [Fact]
    public async Task List_calls_answered_200_without_their_list_throw()
    {
        var problems = new List<string>();
        var thrown = 0;
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        foreach (var label in ListlessLabels)
        {
            var make = Responses.Single(r => r.Label == label).Make;
            foreach (var (callLabel, call) in ListCalls)
            {
                using var session = new DwsSession(new DwsSessionOptions
                {
                    Endpoint = new Uri("http://127.0.0.1:9"),
                    Region = "eu-west-101",
                    ProjectId = "emulator0project0000000000000001",
                    Credentials = new AccessKeyCredentials("AKHOSTILE00000000001", "sk-hostile-secret-0000000000000000000"),
                    ConfigureHandler = _ => new Handler(make),
                    MaxRetries = 0,
                    TotalTimeout = TimeSpan.FromSeconds(10),
                });
                try
                {
                    await call(session, overall.Token);
                    problems.Add($"{label} → {callLabel}: no error (zero objects)");
                }
                catch (DwsApiException ex)
                {
                    thrown++;
                    var expected = label == "error inside a 200" ? "DWS.0015" : "DWS.Client.InvalidResponse";
                    if (ex.ErrorCode != expected) problems.Add($"{label} → {callLabel}: {ex.ErrorCode}, not {expected}: {ex.Message}");
                }
                catch (Exception ex)
                {
                    problems.Add($"{label} → {callLabel}: {ex.GetType().FullName}: {ex.Message}");
                }
            }
        }
        _output.WriteLine($"{ListlessLabels.Length} list-less 200s × {ListCalls.Length} list calls: {thrown} DwsApiException, {problems.Count} other");
        foreach (var p in problems) _output.WriteLine("PROBLEM " + p);
        Assert.Empty(problems);
    }

    /// <summary>'[' for ever.</summary>
    private sealed class EndlessStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'[');
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class Handler(Func<HttpResponseMessage> make) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = make();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
