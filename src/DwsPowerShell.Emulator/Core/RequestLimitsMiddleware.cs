namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Answers as the API gateway does when a request is too big (413 or 431 with <c>{"error_code":"APIGW.0201"}</c>),
/// before anything reads the body: a declared Content-Length past <see cref="EmulatorOptions.MaxRequestBodyBytes"/>
/// is refused at once, and any other body is read through a counting stream that stops at the limit.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, EmulatorOptions options)
{
    /// <summary>Header fields accepted (Kestrel's default; Kestrel itself is set to allow more so that this answer has a body).</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>How far past the emulator's header limit Kestrel reads before it answers 431 itself (with no body).</summary>
    public const int KestrelHeaderSlack = 256 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers.Count > MaxHeaderCount || HeaderBytes(request.Headers) > options.MaxRequestHeaderBytes)
        {
            await RejectAsync(http, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"Request headers too large: at most {MaxHeaderCount} fields and {options.MaxRequestHeaderBytes} bytes.");
            return;
        }
        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            await RejectBodyAsync(http);
            return;
        }
        request.Body = new BoundedReadStream(request.Body, options.MaxRequestBodyBytes);
        try
        {
            await next(http);
        }
        catch (RequestBodyTooLargeException) when (!http.Response.HasStarted)
        {
            await RejectBodyAsync(http);
        }
    }

    private Task RejectBodyAsync(HttpContext http) =>
        RejectAsync(http, StatusCodes.Status413PayloadTooLarge,
            $"Request entity too large: the body may hold at most {options.MaxRequestBodyBytes} bytes.");

    /// <summary>Writes the error and closes the connection, so the rest of a large body is not read (the reference, 6.1: 413).</summary>
    private static Task RejectAsync(HttpContext http, int status, string message)
    {
        ResponseCapture.ClearKeepingRequestId(http.Response);
        if (HttpProtocol.IsHttp11(http.Request.Protocol) || HttpProtocol.IsHttp10(http.Request.Protocol)) http.Response.Headers.Connection = "close";
        return DwsErrors.WriteAsync(http, status, DwsErrors.RequestTooLarge, message);
    }

    /// <summary>Names and values as they were on the wire ("name: value\r\n" each), the way Kestrel counts them.</summary>
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values) total += name.Length + (value?.Length ?? 0) + 4;
        }
        return total;
    }
}

/// <summary>Thrown by <see cref="BoundedReadStream"/> when a body runs past the limit.</summary>
internal sealed class RequestBodyTooLargeException() : IOException("The request body is larger than the emulator accepts.");

/// <summary>A read-only view of the request body that throws once more than <c>limit</c> bytes have come.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int n)
    {
        _read += n;
        return _read > limit ? throw new RequestBodyTooLargeException() : n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
