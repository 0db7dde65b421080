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
}

/// <summary>An HTTP answer (or the lack of one) from one attempt.</summary>
public sealed class DwsResponse
{
    public DwsResponse(int statusCode, string body, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        Body = body;
        Headers = headers;
    }

    private DwsResponse(DwsTransportFailure failure, Exception? error)
        : this(0, string.Empty, new Dictionary<string, string>())
    {
        Failure = failure;
        Error = error;
    }

    public static DwsResponse Failed(DwsTransportFailure failure, Exception? error) => new(failure, error);

    public int StatusCode { get; }

    public string Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public DwsTransportFailure Failure { get; }

    public Exception? Error { get; }

    public bool IsSuccess => Failure == DwsTransportFailure.None && StatusCode >= 200 && StatusCode < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? RequestId => Header("X-Request-Id") ?? Header("X-Openstack-Request-Id") ?? Header("X-Trace-Id");

    /// <summary>The body as <typeparamref name="T"/>; an empty body gives null.</summary>
    public T? ReadAs<T>()
    {
        if (string.IsNullOrWhiteSpace(Body)) return default;
        return JsonSerializer.Deserialize<T>(Body, DwsJson.Options);
    }
}
