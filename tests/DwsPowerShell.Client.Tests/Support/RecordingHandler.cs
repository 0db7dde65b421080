using System.Net;
using System.Text;
using System.Text.Json;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Support;

/// <summary>One request as the fake server saw it.</summary>
/// <param name="Body">The request body as sent: null when the request had no content.</param>
/// <param name="ContentType">The media type of the request content, or null.</param>
public sealed record RecordedRequest(string Method, Uri Uri, string? Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The raw query string without the leading '?', or "".</summary>
    public string Query => Uri.Query.TrimStart('?');

    /// <summary>The query string split into unescaped key/value pairs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters => ParseQuery(Uri.Query);

    /// <summary>The unescaped value of the first query parameter named <paramref name="key"/>, or null.</summary>
    public string? QueryValue(string key) => QueryParameters.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>The body parsed as JSON; throws when the request had no body.</summary>
    public JsonElement BodyJson => JsonDocument.Parse(Body ?? throw new InvalidOperationException("The request had no body.")).RootElement.Clone();

    public override string ToString() => $"{Method} {Uri.PathAndQuery} {Body}";

    private static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
            list.Add(new KeyValuePair<string, string>(key, value));
        }
        return list;
    }
}

/// <summary>
/// A fake HTTP handler: records every request and answers from a queue of canned responses
/// (<see cref="Respond"/>). When the queue is empty it uses the fallback: the answer set with
/// <see cref="RespondAlways"/>, an exception after <see cref="ThrowWhenUnanswered"/>, or by default a 418
/// answer, so that an unexpected extra call fails the test visibly.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly object _lock = new();
    private readonly Queue<Func<RecordedRequest, HttpRequestMessage, HttpResponseMessage>> _answers = new();
    private readonly List<RecordedRequest> _requests = new();
    private Func<RecordedRequest, HttpRequestMessage, HttpResponseMessage>? _fallback;

    /// <summary>Answers in order, one per request; an extra request throws, failing the call.</summary>
    public static RecordingHandler Sequence(params (int Status, string Body)[] answers)
    {
        var handler = new RecordingHandler();
        foreach (var (status, body) in answers) handler.Respond(status, body);
        return handler.ThrowWhenUnanswered();
    }

    /// <summary>Every request gets the same answer.</summary>
    public static RecordingHandler Always(int status, string body) => new RecordingHandler().RespondAlways(status, body);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_lock) return _requests.ToList(); }
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    /// <summary>Queues one answer; with <paramref name="json"/> null the response has no content.</summary>
    public RecordingHandler Respond(int status, string? json = null)
    {
        lock (_lock) _answers.Enqueue((_, request) => Answer(status, json, request));
        return this;
    }

    /// <summary>The answer to every request once the queue is empty.</summary>
    public RecordingHandler RespondAlways(int status, string? json = null)
    {
        lock (_lock) _fallback = (_, request) => Answer(status, json, request);
        return this;
    }

    /// <summary>Once the queue is empty, a request throws instead of being answered.</summary>
    public RecordingHandler ThrowWhenUnanswered()
    {
        lock (_lock) _fallback = (recorded, _) => throw new InvalidOperationException($"Unexpected extra request {recorded}.");
        return this;
    }

    /// <summary>A session whose transport ends in this handler; no retries by default, so each answer is used once.</summary>
    public DwsSession CreateSession(int maxRetries = 0) => new(new DwsSessionOptions
    {
        Credentials = new AccessKeyCredentials("AK", "SK"),
        Endpoint = new Uri("http://127.0.0.1:1"),
        ProjectId = "p1",
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        ConfigureHandler = _ => this,
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.MediaType);
        Func<RecordedRequest, HttpRequestMessage, HttpResponseMessage> answer;
        lock (_lock)
        {
            _requests.Add(recorded);
            answer = _answers.Count > 0 ? _answers.Dequeue() : _fallback ?? ((_, r) => Answer(418, "{\"error_code\":\"Test.NoAnswer\",\"error_msg\":\"the test queued no answer for this call\"}", r));
        }
        return answer(recorded, request);
    }

    private static HttpResponseMessage Answer(int status, string? json, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
        if (json is not null) response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return response;
    }
}
