using System.Text;
using System.Text.Json;
using DwsPowerShell.Client.Json;

namespace DwsPowerShell.Client.Transport;

/// <summary>Why no HTTP answer came back.</summary>
public enum DwsTransportFailure
{
    None,

    /// <summary>The connection was never made (refused, no route, name not found): the server did not see the request.</summary>
    NotSent,

    /// <summary>The attempt timed out.</summary>
    Timeout,

    /// <summary>The connection broke after the request may have been sent.</summary>
    Broken,

    /// <summary>The endpoint's host name does not resolve (DNS has no such name): nothing was sent, and trying again will not help.</summary>
    HostNotFound,
}

/// <summary>An HTTP answer (or the lack of one) from one attempt.</summary>
public sealed class DwsResponse
{
    private string? _body;
    private readonly byte[]? _raw;
    private readonly Encoding? _encoding;

    public DwsResponse(int statusCode, string body, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        _body = body;
        Headers = headers;
    }

    /// <summary>
    /// An answer kept as the bytes that came off the wire: <see cref="Body"/> is decoded (with the charset of the
    /// answer, UTF-8 when none) only when something asks for it, and <see cref="ReadAs{T}"/> reads UTF-8 bytes directly.
    /// </summary>
    internal DwsResponse(int statusCode, byte[] raw, Encoding? encoding, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        _raw = raw;
        _encoding = encoding;
        Headers = headers;
    }

    private DwsResponse(DwsTransportFailure failure, Exception? error)
        : this(0, string.Empty, new Dictionary<string, string>())
    {
        Failure = failure;
        Error = error;
    }

    public static DwsResponse Failed(DwsTransportFailure failure, Exception? error) => new(failure, error);

    /// <summary>An answer whose status and headers came but whose body was over the limit and was not kept.</summary>
    internal static DwsResponse TooLargeAnswer(DwsResponseTooLargeException tooLarge) =>
        new(tooLarge.StatusCode, Array.Empty<byte>(), null, tooLarge.Headers) { TooLarge = tooLarge };

    public int StatusCode { get; }

    public string Body => _body ??= Decode();

    public IReadOnlyDictionary<string, string> Headers { get; }

    public DwsTransportFailure Failure { get; }

    public Exception? Error { get; }

    /// <summary>Set when the body was larger than <see cref="DwsSessionOptions.MaxResponseBytes"/> (the body is then empty).</summary>
    internal DwsResponseTooLargeException? TooLarge { get; private init; }

    public bool IsSuccess => Failure == DwsTransportFailure.None && StatusCode >= 200 && StatusCode < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? RequestId => Header("X-Request-Id") ?? Header("X-Openstack-Request-Id") ?? Header("X-Trace-Id");

    /// <summary>The body as <typeparamref name="T"/>; an empty body gives null.</summary>
    public T? ReadAs<T>()
    {
        if (_body is null && Utf8Raw is { } raw)
        {
            var utf8 = StripBom(raw);
            if (IsBlank(utf8)) return default;
            return JsonSerializer.Deserialize<T>(utf8, DwsJson.Options);
        }
        if (string.IsNullOrWhiteSpace(Body)) return default;
        return JsonSerializer.Deserialize<T>(Body, DwsJson.Options);
    }

    /// <summary>Whether the body contains <paramref name="ascii"/> (an ASCII text), without decoding a UTF-8 body.</summary>
    internal bool BodyContains(string ascii)
    {
        if (_body is null && Utf8Raw is { } raw && ascii.Length <= 256)
        {
            Span<byte> needle = stackalloc byte[ascii.Length];
            for (var i = 0; i < ascii.Length; i++) needle[i] = (byte)ascii[i];
            return raw.AsSpan().IndexOf(needle) >= 0;
        }
        return Body.IndexOf(ascii, StringComparison.Ordinal) >= 0;
    }

    /// <summary>The raw body when it is UTF-8 (the charset says so, or there is none); null otherwise.</summary>
    private byte[]? Utf8Raw => _raw is not null && (_encoding is null || _encoding.CodePage == 65001) ? _raw : null;

    /// <summary>Only JSON whitespace (as string.IsNullOrWhiteSpace would see it for ASCII; other bytes decide by the decoded text).</summary>
    private bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        var nonAscii = false;
        foreach (var b in utf8)
        {
            if (b >= 0x80) nonAscii = true;
            else if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0B && b != 0x0C && b is < 0x1C or > 0x1F) return false;
        }
        return !nonAscii || string.IsNullOrWhiteSpace(Body);
    }

    private string Decode()
    {
        if (_raw is null || _raw.Length == 0) return string.Empty;
        return (_encoding ?? Encoding.UTF8).GetString(_raw);
    }

    private static ReadOnlySpan<byte> StripBom(byte[] raw) =>
        raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? raw.AsSpan(3) : raw;
}
