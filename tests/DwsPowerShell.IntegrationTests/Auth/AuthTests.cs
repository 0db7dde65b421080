using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Auth;

/// <summary>How the session authenticates and finds its project, against the emulator's IAM and signature checks.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task IAM_password_credentials_fetch_one_token_for_many_calls_and_take_the_project_from_it()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(credentials: host.IamUser());

        Assert.Null(session.ProjectId);
        await session.AvailabilityZones.ListAsync();
        await session.Clusters.ListAsync();
        await session.Clusters.ListNodeTypesAsync();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => session.Clusters.ListAsync()));

        Assert.Equal(host.Options.ProjectId, session.ProjectId);
        var tokenRequests = host.Requests.EndingWith("POST", "/v3/auth/tokens");
        Assert.Equal(201, Assert.Single(tokenRequests).Status);
        Assert.Empty(host.Requests.EndingWith("GET", "/v3/projects"));
        Assert.Equal(8, host.Requests.Count(r => TestData.PathOf(r).StartsWith("/v", StringComparison.Ordinal) && r.Status == 200));
        Assert.Single(host.State.Tokens);
    }

    [Fact]
    public async Task AK_SK_session_without_a_project_id_looks_it_up_by_region_once()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.Clusters.ListAsync()));
        await session.Snapshots.ListAsync();

        Assert.Equal(host.Options.ProjectId, session.ProjectId);
        var lookup = Assert.Single(host.Requests.EndingWith("GET", "/v3/projects"));
        Assert.Equal("name=" + host.Options.Region, TestData.QueryOf(lookup));
        Assert.Equal(200, lookup.Status);
        Assert.Empty(host.Requests.EndingWith("POST", "/v3/auth/tokens"));
    }

    [Fact]
    public async Task A_given_project_id_is_used_without_any_lookup()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId);

        await session.Clusters.ListAsync();

        Assert.Single(host.Requests);
        Assert.Equal("/v1.0/" + host.Options.ProjectId + "/clusters", TestData.PathOf(host.Requests[0]));
    }

    [Fact]
    public async Task A_wrong_secret_key_is_401_and_is_not_retried()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId,
            new AccessKeyCredentials(host.Options.AccessKey, "not-the-emulator-secret-key-at-all"));

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Contains("signature does not match", error.ErrorMessage);
        Assert.DoesNotContain("not-the-emulator-secret-key-at-all", error.ToString());
        Assert.Equal(1, error.Attempts);
        Assert.Equal(401, Assert.Single(host.Requests).Status);
    }

    [Fact]
    public async Task A_wrong_IAM_password_is_401_from_the_token_request()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(credentials: new IamPasswordCredentials(host.Options.IamUserName, "Wrong@Password1", host.Options.IamDomainName));

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("Wrong@Password1", error.ToString());
        Assert.Equal(401, Assert.Single(host.Requests.EndingWith("POST", "/v3/auth/tokens")).Status);
        Assert.Empty(host.Requests.EndingWith("GET", "/clusters"));
        Assert.Empty(host.State.Tokens);
    }

    [Fact]
    public async Task A_token_credential_is_sent_as_X_Auth_Token_and_accepted()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        const string token = "MIIemu-integration-test-token";
        lock (host.State.Gate) host.State.Tokens[token] = host.Clock.UtcNow.AddHours(1);
        using var session = host.CreateSession(credentials: new TokenCredentials(token));

        var clusters = await session.Clusters.ListAsync();
        var zones = await session.AvailabilityZones.ListAsync();

        Assert.Empty(clusters);
        Assert.Equal(3, zones.Count);
        Assert.Equal(host.Options.ProjectId, session.ProjectId); // looked up by region with the token
        Assert.All(host.Requests, r => Assert.Equal(200, r.Status));
        Assert.Empty(host.Requests.EndingWith("POST", "/v3/auth/tokens"));
    }

    [Fact]
    public async Task An_unknown_token_is_401()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(o => o.ProjectId = host.Options.ProjectId, new TokenCredentials("MIIemu-never-issued"));

        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ListAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("token is not valid", error.ErrorMessage);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task An_expired_IAM_token_is_renewed_once_after_a_401()
    {
        await using var host = await EmulatorHost.InProcessAsync();
        using var session = host.CreateSession(credentials: host.IamUser());
        await session.Clusters.ListAsync();

        // The emulator forgets the token (as if revoked); the client still thinks it is valid.
        lock (host.State.Gate) host.State.Tokens.Clear();
        var clusters = await session.Clusters.ListAsync();

        Assert.Empty(clusters);
        Assert.Equal(2, host.Requests.EndingWith("POST", "/v3/auth/tokens").Count);
        var lists = host.Requests.EndingWith("GET", "/clusters");
        Assert.Equal(new[] { 200, 401, 200 }, lists.Select(r => r.Status));
    }
}
