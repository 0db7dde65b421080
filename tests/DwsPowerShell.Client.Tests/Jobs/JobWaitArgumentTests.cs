using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Jobs;

public class JobWaitArgumentTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a?b=c")]
    public async Task Waiting_for_one_job_names_jobId_when_the_id_is_refused(string? jobId)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{\"job_id\":\"j\",\"status\":\"SUCCESS\"}"));
        using var session = TestSessions.Session(handler);
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Jobs.WaitAsync(jobId!));
        Assert.Equal("jobId", error.ParamName);
        Assert.Empty(handler.Requests);
    }
}
