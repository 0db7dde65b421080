using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Transport;

/// <summary>The project ID lookup (GET /v3/projects) on answers that are not a project list.</summary>
public class ProjectLookupAnswerTests
{
    [Theory]
    [InlineData("<html>login</html>")]
    [InlineData("{\"projects\":[{\"id\":\"p1\"")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task An_answer_without_a_project_list_is_a_DwsApiException(string body)
    {
        using var session = TestSessions.Session(new FakeHandler(_ => FakeHandler.Json(200, body)), projectId: null);
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.GetProjectIdAsync().AsTask());
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
    }

    [Theory]
    [InlineData("{\"projects\":[]}")]
    [InlineData("{\"projects\":[{\"id\":5},{\"name\":\"x\"},7]}")]
    public async Task A_project_list_without_a_usable_id_is_a_configuration_error(string body)
    {
        using var session = TestSessions.Session(new FakeHandler(_ => FakeHandler.Json(200, body)), projectId: null);
        await Assert.ThrowsAsync<DwsConfigurationException>(() => session.GetProjectIdAsync().AsTask());
    }

    [Fact]
    public async Task A_listed_project_is_used()
    {
        using var session = TestSessions.Session(new FakeHandler(_ => FakeHandler.Json(200, "{\"projects\":[{\"id\":\"p-9\",\"name\":\"xx-test-1\"}]}")), projectId: null);
        Assert.Equal("p-9", await session.GetProjectIdAsync());
    }
}
