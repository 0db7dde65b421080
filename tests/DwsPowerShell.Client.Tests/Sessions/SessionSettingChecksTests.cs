using System.Net;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Sessions;

/// <summary>
/// A project ID goes into every path and the X-Project-Id header, and endpoints are printed back: both are checked
/// when the session is made, wherever they came from, before anything is sent.
/// </summary>
public sealed class SessionSettingChecksTests : IDisposable
{
    private const string Secret = "pr0xy-S3cret-pass";
    private readonly string _home = Directory.CreateTempSubdirectory("dwsids").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    public static TheoryData<string> BadProjectIds => new()
    {
        "..", ".", "../x", "a/b", "a\\b", "a?b=c", "a#b", "a b", "%2e%2e", "a\r\nX-Injected: 1", "a\0b", "名前", "\u202Eabc",
        new string('x', 10 * 1024), new string('a', DwsSessionChecks.MaxProjectIdLength + 1),
    };

    private static FakeHandler Recorder() => new(_ => FakeHandler.Json(200, """{"clusters":[],"count":0}"""));

    [Theory]
    [MemberData(nameof(BadProjectIds))]
    public void A_project_id_option_that_is_not_one_is_refused_naming_ProjectId_before_anything_is_sent(string projectId)
    {
        var handler = Recorder();
        var error = Assert.Throws<DwsConfigurationException>(() => TestSessions.Session(handler, projectId: projectId));
        Assert.StartsWith("ProjectId is '", error.Message);
        Assert.Contains("which is not a project ID", error.Message);
        Assert.True(error.Message.Length < 600, "the message quotes a cut value");
        Assert.DoesNotContain("\r", error.Message);
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("emulator0project0000000000000001")]
    [InlineData("proj-1")]
    [InlineData("p_1")]
    [InlineData(" 0123456789abcdef0123456789abcdef ")]
    public async Task Project_ids_are_accepted_and_go_into_the_path(string projectId)
    {
        var handler = Recorder();
        using var session = TestSessions.Session(handler, projectId: projectId);
        await session.Clusters.ListAsync();
        Assert.Equal($"/v1.0/{projectId.Trim()}/clusters", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public void A_project_id_from_the_environment_is_refused_naming_the_variable()
    {
        var handler = Recorder();
        var error = Assert.Throws<DwsConfigurationException>(() => TestSessions.Session(handler, projectId: null, configure: o =>
        {
            var env = new FakeEnvironment();
            env.Variables[CredentialChain.ProjectIdVariable] = "..";
            o.Environment = env;
        }));
        Assert.StartsWith(CredentialChain.ProjectIdVariable + " is '..'", error.Message);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public void A_project_id_option_wins_over_a_bad_variable_it_replaces()
    {
        var env = new FakeEnvironment();
        env.Variables[CredentialChain.ProjectIdVariable] = "..";
        using var session = TestSessions.Session(Recorder(), projectId: "given", configure: o => o.Environment = env);
        Assert.Equal("given", session.ProjectId);
    }

    [Fact]
    public void A_project_id_from_the_credentials_file_is_refused_naming_the_file()
    {
        var path = Path.Combine(_home, "credentials");
        File.WriteAllText(path, "[basic]\nak = FILEAK\nsk = FILESK\nproject_id = ../x\n");
        var env = new FakeEnvironment();
        env.Variables[CredentialChain.CredentialsFileVariable] = path;
        var handler = Recorder();
        var error = Assert.Throws<DwsConfigurationException>(() => TestSessions.Session(handler, projectId: null, configure: o =>
        {
            o.Credentials = null;
            o.Environment = env;
        }));
        Assert.StartsWith($"The project_id in '{path}' is '../x'", error.Message);
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("""{"projects":[{"id":"..","name":"xx-test-1"}]}""")]
    [InlineData("""{"projects":[{"id":"a/b","name":"xx-test-1"}]}""")]
    public async Task A_project_id_IAM_lists_that_is_not_one_is_an_invalid_answer(string answer)
    {
        var handler = new FakeHandler(r => r.Uri.AbsolutePath == "/v3/projects" ? FakeHandler.Json(200, answer) : FakeHandler.Json(200, """{"clusters":[]}"""));
        using var session = TestSessions.Session(handler, projectId: null);
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
        Assert.Contains("project ID", error.Message);
        Assert.Equal("/v3/projects", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_project_id_in_an_IAM_token_that_is_not_one_is_an_invalid_answer()
    {
        var handler = new FakeHandler(r => r.Uri.AbsolutePath == "/v3/auth/tokens"
            ? FakeHandler.Json(201, """{"token":{"expires_at":"2099-01-01T00:00:00Z","project":{"id":"..","name":"xx-test-1"}}}""", ("X-Subject-Token", "TOKEN-1"))
            : FakeHandler.Json(200, """{"clusters":[]}"""));
        using var session = TestSessions.Session(handler, projectId: null, credentials: new IamPasswordCredentials("alice", "IAM-pass-1", "acme"));
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
        Assert.Contains("IAM's token", error.Message);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.AbsolutePath.Contains("/clusters", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildPath_refuses_a_project_id_that_is_not_one()
    {
        var error = Assert.Throws<ArgumentException>(() => DwsPowerShell.Client.Transport.DwsRequest.Get("/v1.0/{project_id}/clusters").BuildPath(".."));
        Assert.Equal("projectId", error.ParamName);
    }

    public static TheoryData<string, Action<DwsSessionOptions>> UrlsWithCredentials => new()
    {
        { "Endpoint", o => o.Endpoint = new Uri($"http://user:{Secret}@127.0.0.1:1") },
        { "Endpoint", o => o.Endpoint = new Uri($"https://{Secret}@dws.example.com") },
        { "IamEndpoint", o => o.IamEndpoint = new Uri($"https://user:{Secret}@iam.example.com") },
        { "Proxy", o => o.Proxy = new WebProxy(new Uri($"http://user:{Secret}@proxy.example.com:8080")) },
    };

    [Theory]
    [MemberData(nameof(UrlsWithCredentials))]
    public void A_URL_carrying_a_user_name_or_password_is_refused_without_showing_it(string setting, Action<DwsSessionOptions> configure)
    {
        var handler = Recorder();
        var error = Assert.Throws<DwsConfigurationException>(() => TestSessions.Session(handler, configure));
        Assert.StartsWith(setting + " is '", error.Message);
        Assert.Contains("user name or password", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public void A_proxy_with_its_credentials_apart_is_accepted()
    {
        using var session = TestSessions.Session(Recorder(), o => o.Proxy = new WebProxy(new Uri("http://proxy.example.com:8080")) { Credentials = new NetworkCredential("user", Secret) });
        Assert.DoesNotContain(Secret, session.ToString());
    }

    [Fact]
    public void An_iam_endpoint_in_the_credentials_file_carrying_a_password_is_refused_without_showing_it()
    {
        var path = Path.Combine(_home, "credentials");
        File.WriteAllText(path, $"[basic]\nak = FILEAK\nsk = FILESK\niam_endpoint = https://user:{Secret}@iam.example.com\n");
        var env = new FakeEnvironment();
        env.Variables[CredentialChain.CredentialsFileVariable] = path;
        var error = Assert.Throws<DwsConfigurationException>(() => TestSessions.Session(Recorder(), o =>
        {
            o.Credentials = null;
            o.Environment = env;
        }));
        Assert.StartsWith($"The iam_endpoint in '{path}' is '", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void A_schemeless_URL_with_a_password_is_not_shown_either()
    {
        var error = Assert.Throws<DwsConfigurationException>(() => DwsSessionChecks.CheckEndpoint(new Uri($"user:{Secret}@dws.example.com"), "-Endpoint"));
        Assert.DoesNotContain(Secret, error.Message);
    }
}
