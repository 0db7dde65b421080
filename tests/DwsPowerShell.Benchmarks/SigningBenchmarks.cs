using System.Text;
using BenchmarkDotNet.Attributes;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Benchmarks;

/// <summary>One SDK-HMAC-SHA256 signature: a GET with a query, and a POST with a 2 KB JSON body.</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const string Ak = "QTWAOYTTINDUT2QVKYUC";
    private const string Sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static readonly DateTime Now = new(2024, 3, 15, 8, 30, 15, DateTimeKind.Utc);
    private byte[] _body = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("{\"cluster\":{\"name\":\"bench-warehouse\",\"tags\":[");
        var i = 0;
        while (sb.Length < 2030) sb.Append(i++ == 0 ? "" : ",").Append("{\"key\":\"k").Append(i).Append("\",\"value\":\"value-").Append(i).Append("\"}");
        sb.Append("]}}");
        _body = Encoding.UTF8.GetBytes(sb.ToString());
    }

    // The request objects are built inside the benchmark (the transport builds one per attempt), so
    // their cost is part of the figure; GetRequestOnly shows it alone.
    private static SigningRequest GetRequest()
    {
        var r = new SigningRequest("GET", "/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/clusters/7d85f602-a948-4a30-afd4-e84f47471c15/snapshots");
        r.Query.Add(new("offset", "0"));
        r.Query.Add(new("limit", "100"));
        r.Query.Add(new("sort_key", "startTime"));
        r.Headers["Host"] = "dws.eu-west-101.myhuaweicloud.com";
        r.Headers["X-Project-Id"] = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        return r;
    }

    [Benchmark]
    public SigningRequest GetRequestOnly() => GetRequest();

    [Benchmark(Baseline = true)]
    public string SignGet() => SdkHmacSigner.Sign(GetRequest(), Ak, Sk, Now);

    [Benchmark]
    public string SignPost2KB()
    {
        var r = new SigningRequest("POST", "/v2/0a1b2c3d4e5f60718293a4b5c6d7e8f9/clusters") { Body = _body };
        r.Headers["Host"] = "dws.eu-west-101.myhuaweicloud.com";
        r.Headers["X-Project-Id"] = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        r.Headers["Content-Type"] = "application/json";
        return SdkHmacSigner.Sign(r, Ak, Sk, Now);
    }
}
