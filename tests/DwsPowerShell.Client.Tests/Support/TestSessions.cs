using System.Collections.Concurrent;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Support;

public static class TestSessions
{
    public const string Ak = "HPUAEXAMPLEAKID0001";
    public const string Sk = "SKsecretEXAMPLEvalue1234567890abcdefSKSK";
    public static readonly Uri Endpoint = new("http://127.0.0.1:1");

    public static DwsSessionOptions Options(FakeHandler handler, DwsCredentials? credentials = null, string? projectId = "proj-1",
        ConcurrentQueue<DwsLogEntry>? log = null, TimeProvider? time = null)
    {
        return new DwsSessionOptions
        {
            Endpoint = Endpoint,
            ProjectId = projectId,
            Region = "xx-test-1",
            Credentials = credentials ?? new AccessKeyCredentials(Ak, Sk),
            Environment = new FakeEnvironment(),
            ConfigureHandler = _ => handler,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 3,
            TotalTimeout = TimeSpan.FromMinutes(2),
            RequestTimeout = TimeSpan.FromSeconds(30),
            Log = log is null ? null : e => log.Enqueue(e),
            TimeProvider = time ?? TimeProvider.System,
        };
    }

    public static DwsSession Session(FakeHandler handler, Action<DwsSessionOptions>? configure = null, DwsCredentials? credentials = null,
        ConcurrentQueue<DwsLogEntry>? log = null, TimeProvider? time = null, string? projectId = "proj-1")
    {
        var o = Options(handler, credentials, projectId, log, time);
        configure?.Invoke(o);
        return new DwsSession(o);
    }
}
