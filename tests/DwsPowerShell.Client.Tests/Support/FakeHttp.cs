using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace DwsPowerShell.Client.Tests.Support;

/// <summary>What the fake handler saw of one request.</summary>
public sealed class SeenRequest
{
    public SeenRequest(HttpRequestMessage message, byte[] body)
    {
        Method = message.Method.Method;
        Uri = message.RequestUri!;
        Body = body;
        foreach (var h in message.Headers) Headers[h.Key] = string.Join(", ", h.Value);
        if (message.Content is not null) foreach (var h in message.Content.Headers) Headers[h.Key] = string.Join(", ", h.Value);
    }

    public string Method { get; }
    public Uri Uri { get; }
    public byte[] Body { get; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string BodyText => Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    public string PathAndQuery => Uri.PathAndQuery;
    public override string ToString() => $"{Method} {Uri.PathAndQuery}";
}

/// <summary>An in-memory HTTP server: the test decides every answer, and every request is recorded.</summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

    public FakeHandler(Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeHandler(Func<SeenRequest, HttpResponseMessage> respond) : this((r, _) => Task.FromResult(respond(r))) { }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int Count => Requests.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var seen = new SeenRequest(request, body);
        Requests.Enqueue(seen);
        var response = await _respond(seen, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var r = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) r.Headers.TryAddWithoutValidation(name, value);
        return r;
    }

    public static HttpResponseMessage Json(int status, string json, params (string Name, string Value)[] headers) => Json((HttpStatusCode)status, json, headers);

    public static HttpResponseMessage Text(int status, string text, string mediaType = "text/plain") =>
        new((HttpStatusCode)status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
}
