using System.Net;
using System.Text;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

public sealed class SignatureTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ClustersPath => $"/v1.0/{_host.Project}/clusters";

    /// <summary>Builds a request, signs it, then lets <paramref name="tamper"/> change it before sending.</summary>
    private async Task<HttpResponseMessage> SendSigned(HttpMethod method, string pathAndQuery, string? body,
        Action<HttpRequestMessage>? tamper = null, string? secretKey = null, string? customHeader = "a")
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(method, new Uri(_host.Raw.BaseAddress!, pathAndQuery));
        if (body is not null) request.Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } };
        if (customHeader is not null) request.Headers.Add("X-Custom", customHeader);
        TestSigner.Sign(request, bytes, _host.Options.AccessKey, secretKey ?? _host.Options.SecretKey, _host.Time.Now);
        tamper?.Invoke(request);
        return await _host.Raw.SendAsync(request);
    }

    [Fact]
    public async Task Signed_request_passes()
    {
        var response = await SendSigned(HttpMethod.Get, ClustersPath + "?a=1&b=x+y", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Changed_path_is_rejected()
    {
        var response = await SendSigned(HttpMethod.Get, ClustersPath, null,
            r => r.RequestUri = new Uri(r.RequestUri!.ToString().Replace("/clusters", "/clusterS")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Changed_query_is_rejected()
    {
        var response = await SendSigned(HttpMethod.Get, ClustersPath + "?name=a", null,
            r => r.RequestUri = new Uri(r.RequestUri!.ToString().Replace("name=a", "name=b")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Changed_body_is_rejected_but_unchanged_body_reaches_validation()
    {
        const string body = """{"cluster":{"name":"x"}}""";
        var untouched = await SendSigned(HttpMethod.Post, ClustersPath, body);
        Assert.Equal(HttpStatusCode.BadRequest, untouched.StatusCode);

        var tampered = await SendSigned(HttpMethod.Post, ClustersPath, body,
            r => r.Content = new StringContent(body.Replace("\"x\"", "\"y\""), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task Changed_signed_header_is_rejected()
    {
        var response = await SendSigned(HttpMethod.Get, ClustersPath, null, r =>
        {
            r.Headers.Remove("X-Custom");
            r.Headers.Add("X-Custom", "b");
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Changed_date_is_rejected()
    {
        var response = await SendSigned(HttpMethod.Get, ClustersPath, null, r =>
        {
            r.Headers.Remove("X-Sdk-Date");
            r.Headers.TryAddWithoutValidation("X-Sdk-Date", TestSigner.DateHeader(_host.Time.Now.AddSeconds(1)));
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_secret_key_is_rejected_without_echoing_secrets()
    {
        var response = await SendSigned(HttpMethod.Get, ClustersPath, null, secretKey: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"error_code\":\"APIGW.0301\"", text);
        Assert.DoesNotContain(_host.Options.SecretKey, text);
        Assert.DoesNotContain("Signature=", text);
    }

    [Fact]
    public async Task Date_outside_fifteen_minutes_is_rejected()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.Raw.BaseAddress!, ClustersPath));
        TestSigner.Sign(request, [], _host.Options.AccessKey, _host.Options.SecretKey, _host.Time.Now.AddMinutes(-16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Raw.SendAsync(request)).StatusCode);

        var fresh = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.Raw.BaseAddress!, ClustersPath));
        TestSigner.Sign(fresh, [], _host.Options.AccessKey, _host.Options.SecretKey, _host.Time.Now.AddMinutes(-14));
        Assert.Equal(HttpStatusCode.OK, (await _host.Raw.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task Missing_credentials_are_rejected()
    {
        var response = await _host.Raw.GetAsync(ClustersPath);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task Unsigned_payload_header_lets_any_body_through_the_signature_check()
    {
        const string body = """{"cluster":{"name":"x"}}""";
        var bytes = Encoding.UTF8.GetBytes(body);
        var unsigned = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Raw.BaseAddress!, ClustersPath))
        {
            Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/octet-stream" } } },
        };
        unsigned.Headers.Add("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        TestSigner.Sign(unsigned, bytes, _host.Options.AccessKey, _host.Options.SecretKey, _host.Time.Now);
        unsigned.Content = new StringContent("""{"cluster":{"name":"changed"}}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Raw.SendAsync(unsigned)).StatusCode);
    }

    [Fact]
    public async Task Encoded_slash_in_a_segment_signs_like_a_plain_slash()
    {
        // DESIGN.md: the path is percent-decoded before it is split, so a%2Fb signs like a/b.
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.Raw.BaseAddress!, $"/v1.0/{_host.Project}/clusters/a%2Fb"));
        TestSigner.Sign(request, [], _host.Options.AccessKey, _host.Options.SecretKey, _host.Time.Now);
        var response = await _host.Raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_query_values_are_ordered_by_code_point_as_the_SDKs_sign_them()
    {
        // U+FF5A (ｚ) sorts before U+1F600 (😀) by code point, after it by UTF-16 unit (the surrogate D83D < FF5A).
        var response = await SendSigned(HttpMethod.Get, ClustersPath + "?tag=%F0%9F%98%80&tag=%EF%BD%9A", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("k=%F0%9F%98%80&k=%EF%BD%9A")]
    [InlineData("k=%EF%BD%9A&k=%F0%9F%98%80")]
    public void Canonical_query_orders_values_by_code_point(string query) =>
        Assert.Equal("k=%EF%BD%9A&k=%F0%9F%98%80", DwsPowerShell.Emulator.Core.SdkSignature.CanonicalQuery(query));

    [Fact]
    public void Canonical_query_orders_keys_by_code_point() =>
        Assert.Equal("a=3&%EF%BD%9A=1&%F0%9F%98%80=2", DwsPowerShell.Emulator.Core.SdkSignature.CanonicalQuery("%F0%9F%98%80=2&a=3&%EF%BD%9A=1"));
}
