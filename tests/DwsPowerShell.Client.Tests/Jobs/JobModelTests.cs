using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Tests.Examples;

namespace DwsPowerShell.Client.Tests.Jobs;

public class JobModelTests
{
    public static TheoryData<string, int> Responses => ReferenceExamples.Cases("response", "5.13.1");

    [Theory]
    [MemberData(nameof(Responses))]
    public void Reference_job_examples_round_trip(string section, int index)
    {
        var job = ReferenceExamples.AssertRoundTrip<DwsJob>(ReferenceExamples.For(section, "response")[index]);
        Assert.False(string.IsNullOrEmpty(job.JobId));
    }

    [Fact]
    public void The_failed_example_reads_as_a_failure_with_its_code_and_progress()
    {
        var job = ReferenceExamples.AssertRoundTrip<DwsJob>(ReferenceExamples.For("5.13.1", "response")[0]);
        Assert.True(job.IsFailed);
        Assert.True(job.IsFinished);
        Assert.Equal(9, job.ProgressPercent);
        Assert.Equal("CreateELBTask-fail:DWS.0114", job.FailedCode);
        Assert.Equal(new DateTimeOffset(2022, 11, 9, 20, 25, 0, TimeSpan.Zero), job.BeginTime);
    }

    [Theory]
    [InlineData("SUCCESS", true, false)]
    [InlineData("success", true, false)]
    [InlineData("FAIL", false, true)]
    [InlineData("FAILED", false, true)]
    [InlineData("ERROR", false, true)]
    [InlineData("RUNNING", false, false)]
    [InlineData("INIT", false, false)]
    [InlineData(null, false, false)]
    public void Job_statuses_classify_as_quirks_2_1_says(string? status, bool succeeded, bool failed)
    {
        var job = new DwsJob { JobId = "j", Status = status };
        Assert.Equal(succeeded, job.IsSucceeded);
        Assert.Equal(failed, job.IsFailed);
    }
}
