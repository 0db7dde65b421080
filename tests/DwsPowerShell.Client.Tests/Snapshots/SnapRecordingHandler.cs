using System.Net;
using System.Text;
using System.Text.Json;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Snapshots;

/// <summary>One request as it reached the wire.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, string? Body)
{
    public string? QueryValue(string key) => Query.FirstOrDefault(p => p.Key == key).Value;

    public JsonElement BodyJson => JsonDocument.Parse(Body ?? throw new InvalidOperationException("The request had no body.")).RootElement.Clone();

    public override string ToString() => $"{Method} {Path}?{string.Join("&", Query.Select(p => p.Key + "=" + p.Value))}";
}

/// <summary>
/// A fake HTTP endpoint for the snapshot and workload tests: records every request and answers from a
/// script (status, JSON body). Used only by the tests in Snapshots/ and Workload/.
/// </summary>
public sealed class SnapRecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, (int Status, string Body)> _respond;
    private readonly List<RecordedRequest> _requests = new();

    public SnapRecordingHandler(Func<RecordedRequest, (int Status, string Body)> respond) => _respond = respond;

    /// <summary>Answers in order, one per request; fails the test when the script runs out.</summary>
    public static SnapRecordingHandler Sequence(params (int Status, string Body)[] answers)
    {
        var queue = new Queue<(int, string)>(answers);
        return new SnapRecordingHandler(r => queue.Count > 0 ? queue.Dequeue() : throw new InvalidOperationException($"Unexpected extra request {r}."));
    }

    /// <summary>Every request gets the same answer.</summary>
    public static SnapRecordingHandler Always(int status, string body) => new(_ => (status, body));

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    public DwsSession CreateSession() => new(new DwsSessionOptions
    {
        Credentials = new AccessKeyCredentials("AK", "SK"),
        Endpoint = new Uri("http://127.0.0.1:1"),
        ProjectId = "p1",
        MaxRetries = 0,
        ConfigureHandler = _ => this,
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        var recorded = new RecordedRequest(request.Method.Method, uri.AbsolutePath, ParseQuery(uri.Query), string.IsNullOrEmpty(body) ? null : body);
        lock (_requests) _requests.Add(recorded);
        var (status, text) = _respond(recorded);
        return new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(text, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

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
