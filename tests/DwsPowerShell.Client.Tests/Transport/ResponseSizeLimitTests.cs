using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Tests.Support;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Transport;

/// <summary>
/// DwsSessionOptions.MaxResponseBytes: one answer may not cost more than the limit, whatever the server sends (a huge
/// Content-Length, an endless body, a gzip bomb). Bounds are asserted on the bytes pulled from the answer's stream.
/// </summary>
public class ResponseSizeLimitTests
{
    private const int Limit = 1024 * 1024;

    private static DwsRequest Read() => DwsRequest.Get("/v1.0/{project_id}/clusters");

    private static DwsRequest Change() => DwsRequest.Post("/v1.0/{project_id}/clusters/{cluster_id}/restart").Path("cluster_id", "c1").WithBody(new { restart = new { } });

    private static DwsSession Session(FakeHandler handler, Action<DwsSessionOptions>? configure = null) =>
        TestSessions.Session(handler, o =>
        {
            o.MaxResponseBytes = Limit;
            configure?.Invoke(o);
        });

    /// <summary>An answer whose body comes from <paramref name="body"/>; with <paramref name="length"/>, a Content-Length.</summary>
    private static HttpResponseMessage Streamed(int status, Stream body, long? length = null)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = length;
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content };
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req-big-1");
        return response;
    }

    private static byte[] JsonOfLength(int length)
    {
        var head = Encoding.ASCII.GetBytes("{\"clusters\":[],\"padding\":\"");
        var body = new byte[length];
        head.CopyTo(body, 0);
        for (var i = head.Length; i < length - 2; i++) body[i] = (byte)'x';
        body[length - 2] = (byte)'"';
        body[length - 1] = (byte)'}';
        return body;
    }

    [Fact]
    public async Task A_Content_Length_over_the_limit_is_refused_before_the_body_is_read_and_not_retried()
    {
        var body = new CountingStream(long.MaxValue);
        var handler = new FakeHandler(_ => Streamed(200, body, 1L << 30));
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("req-big-1", ex.RequestId);
        Assert.Contains("1073741824 bytes", ex.Message);
        Assert.Contains("1 MiB (1048576 bytes)", ex.Message);
        Assert.Contains("-MaxResponseSize", ex.Message);
        Assert.Contains("MaxResponseBytes", ex.Message);
        Assert.False(ex.OutcomeUnknown);
        Assert.Equal(1, handler.Count);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(0, body.Pulled);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_limit_and_is_not_retried()
    {
        var streams = new List<CountingStream>();
        var handler = new FakeHandler(_ =>
        {
            var s = new CountingStream(long.MaxValue);
            streams.Add(s);
            return Streamed(200, s);
        });
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Contains("longer than the limit of 1 MiB (1048576 bytes)", ex.Message);
        Assert.Equal(1, handler.Count);
        var pulled = Assert.Single(streams).Pulled;
        Assert.InRange(pulled, Limit, Limit + 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_of_exactly_the_limit_is_read(bool declared)
    {
        var json = JsonOfLength(Limit);
        var handler = new FakeHandler(_ => Streamed(200, new MemoryStream(json), declared ? json.Length : null));
        using var session = Session(handler);

        var response = await session.Transport.SendAsync(Read());

        Assert.Equal(Limit, response.Body.Length);
        Assert.EndsWith("xx\"}", response.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_one_byte_over_the_limit_fails(bool declared)
    {
        var json = JsonOfLength(Limit + 1);
        var handler = new FakeHandler(_ => Streamed(200, new MemoryStream(json), declared ? json.Length : null));
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_body_longer_than_its_Content_Length_still_stops_at_the_limit()
    {
        // .NET Framework reports the compressed length of a decompressed body; the count must not trust it.
        var body = new CountingStream(long.MaxValue);
        var handler = new FakeHandler(_ => Streamed(200, body, 100));
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.InRange(body.Pulled, Limit, Limit + 1);
    }

    [Fact]
    public async Task A_too_large_success_answer_to_a_change_has_an_unknown_outcome()
    {
        var handler = new FakeHandler(_ => Streamed(200, new CountingStream(long.MaxValue)));
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));

        Assert.True(ex.OutcomeUnknown);
        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Contains("1 MiB (1048576 bytes)", ex.Message);
        Assert.Contains("may or may not have been applied", ex.Message);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_too_large_refusal_of_a_change_is_not_an_unknown_outcome()
    {
        var handler = new FakeHandler(_ => Streamed(400, new CountingStream(long.MaxValue)));
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Change()));

        Assert.False(ex.OutcomeUnknown);
        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public async Task A_too_large_server_error_to_a_read_is_not_retried()
    {
        var handler = new FakeHandler(_ => Streamed(503, new CountingStream(long.MaxValue)));
        using var session = Session(handler);

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_slow_endless_body_ends_at_the_request_timeout()
    {
        var body = new CountingStream(long.MaxValue, perReadDelay: TimeSpan.FromMilliseconds(5), maxPerRead: 100);
        var handler = new FakeHandler(_ => Streamed(200, body));
        using var session = Session(handler, o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.Timeout", ex.ErrorCode);
        Assert.InRange(body.Pulled, 1, Limit);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_limit_of_inflated_bytes()
    {
        var bomb = GzipOfZeros(64 * Limit);
        using var server = new RawHttpServer(async (stream, ct) =>
        {
            var head = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {bomb.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, ct);
            await stream.WriteAsync(bomb, ct);
        });
        var counted = new List<CountingStream>();
        using var session = new DwsSession(new DwsSessionOptions
        {
            Endpoint = server.Url,
            ProjectId = "proj-1",
            Region = "xx-test-1",
            Credentials = new AccessKeyCredentials(TestSessions.Ak, TestSessions.Sk),
            Environment = new FakeEnvironment(),
            MaxResponseBytes = Limit,
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            ConfigureHandler = real => new InflatedBytesCounter(real, counted),
        });

        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Transport.SendAsync(Read()));

        Assert.Equal("DWS.Client.ResponseTooLarge", ex.ErrorCode);
        Assert.Equal(1, server.Requests);
        var inflated = Assert.Single(counted).Pulled;
        Assert.InRange(inflated, Limit, Limit + 1);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(3L * 1024 * 1024 * 1024)]
    public void MaxResponseBytes_out_of_range_is_refused_naming_it(long value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DwsSessionOptions { MaxResponseBytes = value });
        Assert.Equal("MaxResponseBytes", ex.ParamName);
        Assert.Contains("16 MiB", ex.Message);
    }

    [Fact]
    public void MaxResponseBytes_defaults_to_16_MiB()
    {
        Assert.Equal(16L * 1024 * 1024, new DwsSessionOptions().MaxResponseBytes);
    }

    private static byte[] GzipOfZeros(int length)
    {
        var zeros = new byte[1024 * 1024];
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var left = length; left > 0; left -= zeros.Length) gzip.Write(zeros, 0, Math.Min(left, zeros.Length));
        }
        return output.ToArray();
    }

    /// <summary>An endless (or <c>length</c>-long) body of 'x' that counts the bytes read from it.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly long _length;
        private readonly Stream? _inner;
        private readonly TimeSpan _delay;
        private readonly int _maxPerRead;
        private long _pulled;

        public CountingStream(long length, TimeSpan perReadDelay = default, int maxPerRead = int.MaxValue)
        {
            _length = length;
            _delay = perReadDelay;
            _maxPerRead = maxPerRead;
        }

        public CountingStream(Stream inner)
        {
            _inner = inner;
            _length = long.MaxValue;
            _maxPerRead = int.MaxValue;
        }

        public long Pulled => Interlocked.Read(ref _pulled);

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_inner is not null)
            {
                var read = _inner.Read(buffer, offset, count);
                Interlocked.Add(ref _pulled, read);
                return read;
            }
            var n = (int)Math.Min(Math.Min(count, _maxPerRead), _length - _pulled);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            Interlocked.Add(ref _pulled, n);
            return n;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_delay > TimeSpan.Zero) await Task.Delay(_delay, cancellationToken);
            if (_inner is null) return Read(buffer, offset, count);
            var read = await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken);
            Interlocked.Add(ref _pulled, read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_delay > TimeSpan.Zero) await Task.Delay(_delay, cancellationToken);
            if (_inner is not null)
            {
                var read = await _inner.ReadAsync(buffer, cancellationToken);
                Interlocked.Add(ref _pulled, read);
                return read;
            }
            var n = (int)Math.Min(Math.Min(buffer.Length, _maxPerRead), _length - _pulled);
            buffer.Span.Slice(0, n).Fill((byte)'x');
            Interlocked.Add(ref _pulled, n);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner?.Dispose();
            base.Dispose(disposing);
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

    /// <summary>Between the limit and the real handler: counts the bytes taken from the (decompressed) answer.</summary>
    private sealed class InflatedBytesCounter(HttpMessageHandler inner, List<CountingStream> counted) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var original = response.Content;
            var counting = new CountingStream(await original.ReadAsStreamAsync(cancellationToken));
            counted.Add(counting);
            var content = new StreamContent(counting);
            foreach (var header in original.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = content;
            return response;
        }
    }

    /// <summary>A loopback HTTP/1.1 server that writes whatever bytes the test gives, then closes the connection.</summary>
    private sealed class RawHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        public RawHttpServer(Func<Stream, CancellationToken, Task> answer)
        {
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                    catch (Exception) { return; }
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            try
                            {
                                var stream = client.GetStream();
                                await ReadHeadAsync(stream, _stop.Token);
                                Interlocked.Increment(ref _requests);
                                await answer(stream, _stop.Token);
                            }
                            catch (Exception)
                            {
                                // The client hung up (as it should once the limit is reached).
                            }
                        }
                    });
                }
            });
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        private static async Task ReadHeadAsync(Stream stream, CancellationToken ct)
        {
            var seen = new StringBuilder();
            var one = new byte[1];
            while (!seen.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, ct) == 0) throw new IOException("closed");
                seen.Append((char)one[0]);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
