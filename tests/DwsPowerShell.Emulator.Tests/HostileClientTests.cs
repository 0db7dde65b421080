using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

/// <summary>
/// Requests a careless or hostile client sends: bodies past the size limit, bodies that are not UTF-8 JSON, duplicate
/// keys, too many header bytes. Each gets the service's status with a {error_code, error_msg} body and changes nothing.
/// </summary>
public sealed class HostileClientTests
{
    private const int Limit = 4096;

    private static Task<EmulatorHost> StartAsync() => EmulatorHost.StartAsync(o => o.MaxRequestBodyBytes = Limit);

    private static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string code, string? messagePart = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body["error_code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["error_msg"]));
        if (messagePart is not null) Assert.Contains(messagePart, (string?)body["error_msg"], StringComparison.Ordinal);
    }

    private static async Task AssertNoCluster(EmulatorHost host)
    {
        var list = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/clusters"));
        Assert.Empty(list["clusters"]!.AsArray());
    }

    /// <summary>A create-cluster body padded (inside its description) to <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedCreateBody(int size)
    {
        var json = EmulatorHost.CreateV2Body("hostile-big").Replace("\"name\":\"hostile-big\"", "\"name\":\"hostile-big\",\"description\":\"\"", StringComparison.Ordinal);
        var pad = size - Encoding.UTF8.GetByteCount(json);
        return Encoding.UTF8.GetBytes(json.Replace("\"description\":\"\"", "\"description\":\"" + new string('a', pad) + "\"", StringComparison.Ordinal));
    }

    private static HttpContent JsonContent(byte[] body, bool chunked)
    {
        HttpContent content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>
    /// A signed POST whose body goes chunked when <paramref name="chunked"/> (signed here, not by SigningHandler,
    /// which reads the content and so gives it a Content-Length).
    /// </summary>
    private static HttpRequestMessage SignedPost(Uri url, byte[] body, bool chunked, EmulatorOptions options, DateTimeOffset now)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent(body, chunked) };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        TestSigner.Sign(request, body, options.AccessKey, options.SecretKey, now);
        return request;
    }

    private static Uri CreateUrl(Uri baseAddress, string project) => new(baseAddress, $"/v2/{project}/clusters");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Signed_body_past_the_limit_is_413_APIGW_0201_and_creates_nothing(bool chunked)
    {
        await using var host = await StartAsync();
        var response = await host.Raw.SendAsync(SignedPost(CreateUrl(host.Raw.BaseAddress!, host.Project), PaddedCreateBody(Limit + 1), chunked, host.Options, host.Time.Now));
        await AssertError(response, HttpStatusCode.RequestEntityTooLarge, "APIGW.0201", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AssertNoCluster(host);
    }

    [Fact]
    public async Task Signed_body_at_the_limit_is_served()
    {
        await using var host = await StartAsync();
        var response = await host.Raw.SendAsync(SignedPost(CreateUrl(host.Raw.BaseAddress!, host.Project), PaddedCreateBody(Limit), chunked: true, host.Options, host.Time.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_log_keeps_the_start_and_length_of_a_long_string_not_the_string()
    {
        await using var host = await StartAsync();
        var response = await host.Raw.SendAsync(SignedPost(CreateUrl(host.Raw.BaseAddress!, host.Project), PaddedCreateBody(Limit), chunked: false, host.Options, host.Time.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logged = (string)host.State.Requests.Single().Body!["cluster"]!["description"]!;
        Assert.StartsWith("aaaa", logged, StringComparison.Ordinal);
        Assert.True(logged.Length < 100, logged);
        Assert.EndsWith("characters)", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_body_past_the_limit_is_413_before_the_credentials_are_looked_at()
    {
        await using var host = await StartAsync();
        var response = await host.Raw.PostAsync($"/v2/{host.Project}/clusters", JsonContent(PaddedCreateBody(Limit * 4), chunked: false));
        await AssertError(response, HttpStatusCode.RequestEntityTooLarge, "APIGW.0201");
        Assert.Equal(413, host.State.Requests.Single().Status);
    }

    [Fact]
    public async Task Forged_signature_over_a_chunked_body_past_the_limit_is_413()
    {
        await using var host = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/{host.Project}/clusters") { Content = JsonContent(PaddedCreateBody(Limit * 4), chunked: true) };
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", TestSigner.DateHeader(host.Time.Now));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"SDK-HMAC-SHA256 Access={host.Options.AccessKey}, SignedHeaders=host;x-sdk-date, Signature={new string('0', 64)}");
        await AssertError(await host.Raw.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "APIGW.0201");
    }

    [Fact]
    public async Task Forged_signature_over_a_body_within_the_limit_is_401()
    {
        await using var host = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/{host.Project}/clusters") { Content = JsonContent(PaddedCreateBody(Limit), chunked: true) };
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", TestSigner.DateHeader(host.Time.Now));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"SDK-HMAC-SHA256 Access={host.Options.AccessKey}, SignedHeaders=host;x-sdk-date, Signature={new string('0', 64)}");
        await AssertError(await host.Raw.SendAsync(request), HttpStatusCode.Unauthorized, DwsErrors.IamAuthFailed);
    }

    public static TheoryData<string, byte[]> NotJson => new()
    {
        { "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(EmulatorHost.CreateV2Body("hostile-c1")) },
        { "application/xml", Encoding.UTF8.GetBytes("<cluster><name>c1</name></cluster>") },
        { "multipart/form-data; boundary=b", Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"cluster\"\r\n\r\n" + EmulatorHost.CreateV2Body("hostile-c1") + "\r\n--b--\r\n") },
        { "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("cluster=" + Uri.EscapeDataString(EmulatorHost.CreateV2Body("hostile-c1"))) },
        { "application/json; charset=utf-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(EmulatorHost.CreateV2Body("hostile-c1"))).ToArray() },
        { "application/json", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(EmulatorHost.CreateV2Body("hostile-c1"))).ToArray() },
        { "application/json; charset=iso-8859-1", Encoding.Latin1.GetBytes(EmulatorHost.CreateV2Body("hostile-c1")) },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task Body_that_is_not_UTF8_JSON_is_415_and_creates_nothing(string contentType, byte[] body)
    {
        await using var host = await StartAsync();
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await host.Client.PostAsync($"/v2/{host.Project}/clusters", content);
        await AssertError(response, HttpStatusCode.UnsupportedMediaType, DwsErrors.InvalidFormat);
        await AssertNoCluster(host);
    }

    [Fact]
    public async Task Body_without_a_content_type_is_415()
    {
        await using var host = await StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(EmulatorHost.CreateV2Body("hostile-c1")));
        var response = await host.Client.PostAsync($"/v2/{host.Project}/clusters", content);
        await AssertError(response, HttpStatusCode.UnsupportedMediaType, DwsErrors.InvalidFormat);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("Application/JSON; charset=\"utf-8\"")]
    public async Task UTF8_JSON_in_any_spelling_of_its_media_type_is_served(string contentType)
    {
        await using var host = await StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(EmulatorHost.CreateV2Body("hostile-c1")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync($"/v2/{host.Project}/clusters", content)).StatusCode);
    }

    [Fact]
    public async Task Duplicate_key_is_400_DWS_5039_naming_it()
    {
        await using var host = await StartAsync();
        var body = EmulatorHost.CreateV2Body("hostile-c1").Replace("\"name\":\"hostile-c1\"", "\"name\":\"hostile-c1\",\"name\":\"hostile-c2\"", StringComparison.Ordinal);
        var response = await host.PostAsync($"/v2/{host.Project}/clusters", body);
        await AssertError(response, HttpStatusCode.BadRequest, DwsErrors.DuplicateParameter, "cluster.name");
        await AssertNoCluster(host);
    }

    [Fact]
    public async Task Duplicate_key_inside_an_array_is_400_DWS_5039()
    {
        await using var host = await StartAsync();
        var response = await host.PostAsync($"/_emulator/jobs/fail-next", """{"kind":"create","x":[{"a":1,"a":2}]}""");
        await AssertError(response, HttpStatusCode.BadRequest, DwsErrors.DuplicateParameter, "x[0].a");
    }

    [Theory]
    [InlineData("""{"cluster":{"name":"c1",}}""")]
    [InlineData("""{"cluster":""")]
    [InlineData("""[{"cluster":{}}]""")]
    public async Task Malformed_JSON_is_400_DWS_5065(string body)
    {
        await using var host = await StartAsync();
        await AssertError(await host.PostAsync($"/v2/{host.Project}/clusters", body), HttpStatusCode.BadRequest, DwsErrors.InvalidFormat);
    }

    [Fact]
    public async Task Too_many_header_bytes_are_431_APIGW_0201()
    {
        await using var host = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1.0/{host.Project}/clusters");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('p', host.Options.MaxRequestHeaderBytes));
        await AssertError(await host.Client.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge, "APIGW.0201");
    }

    [Fact]
    public async Task Too_many_header_fields_are_431_APIGW_0201()
    {
        await using var host = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1.0/{host.Project}/clusters");
        for (var i = 0; i < RequestLimitsMiddleware.MaxHeaderCount; i++) request.Headers.TryAddWithoutValidation($"X-H{i}", "v");
        await AssertError(await host.Client.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge, "APIGW.0201");
    }

    [Fact]
    public void Command_line_sets_the_limits_and_names_a_bad_value()
    {
        var (options, rest) = CommandLine.Parse(["--max-body-bytes", "1048576", "--max-header-bytes", "16384", "--urls", "http://127.0.0.1:0"]);
        Assert.Equal(1_048_576, options.MaxRequestBodyBytes);
        Assert.Equal(16_384, options.MaxRequestHeaderBytes);
        Assert.Equal(["--urls", "http://127.0.0.1:0"], rest);
        Assert.Equal(12 * 1024 * 1024, new EmulatorOptions().MaxRequestBodyBytes);

        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--max-body-bytes", "12MB"]));
        Assert.Contains("--max-body-bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("'12MB'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--max-body-bytes", "0"]));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--max-header-bytes", "99999999"]));
    }

    // On a real socket: Kestrel's own limits (30,000,000-byte bodies, 32 KB of headers, 100 fields) answered 500 or an
    // empty 431 before; the emulator's answers must reach the client through Kestrel intact.

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Loopback_body_past_the_limit_gets_the_413_body(bool chunked)
    {
        await using var emulator = await DwsEmulator.StartAsync(new EmulatorOptions { MaxRequestBodyBytes = 64 * 1024 });
        using var client = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };
        var request = SignedPost(CreateUrl(emulator.BaseAddress, emulator.Options.ProjectId), PaddedCreateBody(2 * 1024 * 1024), chunked,
            emulator.Options, DateTimeOffset.UtcNow);
        await AssertError(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "APIGW.0201");
        Assert.Empty(emulator.State.Clusters);
    }

    [Fact]
    public async Task Loopback_oversized_headers_get_the_431_body()
    {
        await using var emulator = await DwsEmulator.StartAsync(new EmulatorOptions());
        using var client = SignedLoopbackClient(emulator);
        var big = new HttpRequestMessage(HttpMethod.Get, $"v1.0/{emulator.Options.ProjectId}/clusters");
        big.Headers.TryAddWithoutValidation("X-Padding", new string('p', 40 * 1024));
        await AssertError(await client.SendAsync(big), HttpStatusCode.RequestHeaderFieldsTooLarge, "APIGW.0201");

        var many = new HttpRequestMessage(HttpMethod.Get, $"v1.0/{emulator.Options.ProjectId}/clusters");
        for (var i = 0; i < 150; i++) many.Headers.TryAddWithoutValidation($"X-H{i}", "v");
        await AssertError(await client.SendAsync(many), HttpStatusCode.RequestHeaderFieldsTooLarge, "APIGW.0201");
    }

    private static HttpClient SignedLoopbackClient(RunningEmulator emulator) =>
        new(new SigningHandler(emulator.Options.AccessKey, emulator.Options.SecretKey, () => DateTimeOffset.UtcNow)
        {
            InnerHandler = new SocketsHttpHandler(),
        }) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }
}
