using System.Net;
using System.Net.Sockets;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Tests.Support;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Transport;

/// <summary>A host name DNS does not know is not a transient failure (issue 10: it was retried four times, ~5 s, and the error named no host).</summary>
public class HostNotFoundTests
{
    private const string Host = "dws.xx-nowhere-9.example.invalid";

    // What SocketsHttpHandler throws on Linux when getaddrinfo answers EAI_NONAME.
    private static Exception NameNotKnown() => new HttpRequestException(HttpRequestError.NameResolutionError, $"Name or service not known ({Host}:443)",
        new SocketException((int)SocketError.HostNotFound));

    // What .NET Framework (Windows PowerShell 5.1) throws: a WebException, no SocketException.
    private static Exception NameNotResolvedOnNetFramework() => new HttpRequestException("An error occurred while sending the request.",
        new WebException($"The remote name could not be resolved: '{Host}'", WebExceptionStatus.NameResolutionFailure));

    private static DwsSession Session(FakeHandler handler) => TestSessions.Session(handler, o => o.Endpoint = new Uri("https://" + Host));

    public static TheoryData<string> Shapes => new() { "socket", "webexception" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_GET_to_a_host_that_does_not_resolve_fails_once_naming_the_host(string shape)
    {
        var handler = new FakeHandler((_, _) => throw (shape == "socket" ? NameNotKnown() : NameNotResolvedOnNetFramework()));
        using var session = Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal(1, handler.Count);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(0, ex.StatusCode);
        Assert.Equal("DWS.Client.HostNotFound", ex.ErrorCode);
        Assert.Contains($"the host name '{Host}' does not resolve", ex.Message);
        Assert.Contains("DNS", ex.RecommendedAction);
    }

    [Fact]
    public async Task A_POST_to_a_host_that_does_not_resolve_is_not_retried_either()
    {
        var handler = new FakeHandler((_, _) => throw NameNotKnown());
        using var session = Session(handler);
        var ex = await Assert.ThrowsAsync<DwsApiException>(() =>
            session.Transport.SendAsync(DwsRequest.Post("/v1.0/{project_id}/clusters/{cluster_id}/restart").Path("cluster_id", "c1").WithBody(new { restart = new { } })));
        Assert.Equal(1, handler.Count);
        Assert.Equal("DWS.Client.HostNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task A_temporary_resolver_failure_is_still_retried()
    {
        var n = 0;
        var handler = new FakeHandler((_, _) => Interlocked.Increment(ref n) == 1
            ? throw new HttpRequestException(HttpRequestError.NameResolutionError, "Temporary failure in name resolution", new SocketException((int)SocketError.TryAgain))
            : Task.FromResult(FakeHandler.Json(200, "{\"job_id\":\"j1\",\"status\":\"RUNNING\"}")));
        using var session = Session(handler);
        await session.Jobs.GetAsync("j1");
        Assert.Equal(2, handler.Count);
    }
}
