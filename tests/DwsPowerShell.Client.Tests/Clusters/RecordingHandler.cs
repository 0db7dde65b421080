using System.Net;
using System.Text;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>One request as the fake server saw it.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string? Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The raw query string without the leading '?', or "".</summary>
    public string Query => Uri.Query.TrimStart('?');

    public override string ToString() => $"{Method} {Uri.PathAndQuery} {Body}";
}

/// <summary>
/// A fake HTTP handler: records every request and answers from a queue of canned responses; when the
/// queue is empty it repeats the fallback (set with <see cref="RespondAlways"/>), or answers 418 so that
/// an unexpected extra call fails the test visibly.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly object _lock = new();
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _answers = new();
    private readonly List<RecordedRequest> _requests = new();
    private Func<RecordedRequest, HttpResponseMessage>? _fallback;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_lock) return _requests.ToList(); }
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    public RecordingHandler Respond(int status, string? json = null)
    {
        lock (_lock) _answers.Enqueue(_ => Answer(status, json));
        return this;
    }

    public RecordingHandler RespondAlways(int status, string? json = null)
    {
        lock (_lock) _fallback = _ => Answer(status, json);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.MediaType);
        Func<RecordedRequest, HttpResponseMessage> answer;
        lock (_lock)
        {
            _requests.Add(recorded);
            answer = _answers.Count > 0 ? _answers.Dequeue() : _fallback ?? (_ => Answer(418, "{\"error_code\":\"Test.NoAnswer\",\"error_msg\":\"the test queued no answer for this call\"}"));
        }
        return answer(recorded);
    }

    private static HttpResponseMessage Answer(int status, string? json)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        if (json is not null) response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return response;
    }

    /// <summary>A session whose transport ends in <paramref name="handler"/>; no retries so each answer is used once.</summary>
    public static DwsSession Session(RecordingHandler handler, int maxRetries = 0) => new(new DwsSessionOptions
    {
        Credentials = new AccessKeyCredentials("AK", "SK"),
        Endpoint = new Uri("http://127.0.0.1:1"),
        ProjectId = "p1",
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        ConfigureHandler = _ => handler,
    });
}
