using System.Net;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Jobs;

public sealed class JobTests
{
    private static async Task<string> StopAsync(EmulatorHost host, string clusterId) =>
        (string)(await EmulatorHost.ReadJsonAsync(await host.PostAsync($"/v1/{host.Project}/clusters/{clusterId}/stop", "")))["job_id"]!;

    [Fact]
    public async Task Job_progress_grows_with_the_clock_until_success()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-job");
        var jobId = await StopAsync(host, id);
        var path = $"/v1.0/{host.Project}/job/{jobId}";

        var running = await EmulatorHost.ReadJsonAsync(await host.GetAsync(path));
        Assert.Equal("RUNNING", (string?)running["status"]);
        Assert.Equal("0%", (string?)running["progress"]);
        Assert.Null(running["end_time"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", (string?)running["begin_time"]);

        host.Clock.Advance(host.Options.Durations.ClusterStop * 0.3);
        Assert.Equal("30%", (string?)(await EmulatorHost.ReadJsonAsync(await host.GetAsync(path)))["progress"]);

        host.Clock.Advance(host.Options.Durations.ClusterStop);
        var done = await EmulatorHost.ReadJsonAsync(await host.GetAsync(path));
        Assert.Equal("SUCCESS", (string?)done["status"]);
        Assert.Equal("100%", (string?)done["progress"]);
        Assert.NotNull((string?)done["end_time"]);
        Assert.Null(done["failed_code"]);
    }

    [Fact]
    public async Task Forced_failure_reports_failed_code_and_leaves_the_cluster_unchanged()
    {
        await using var host = await EmulatorHost.StartAsync();
        var id = await host.CreateClusterAsync("dws-fail");
        var arm = await host.Raw.PostAsync("/_emulator/jobs/fail-next",
            EmulatorHost.JsonBody("""{"kind":"stop","failed_code":"StopTask-fail:DWS.0114","failed_detail":"DWS.0114:injected"}"""));
        Assert.Equal(HttpStatusCode.NoContent, arm.StatusCode);

        var jobId = await StopAsync(host, id);
        host.Clock.Advance(host.Options.Durations.ClusterStop);
        var job = await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/job/{jobId}"));
        Assert.Equal("FAIL", (string?)job["status"]);
        Assert.Equal("StopTask-fail:DWS.0114", (string?)job["failed_code"]);
        Assert.Equal("DWS.0114:injected", (string?)job["failed_detail"]);
        Assert.Equal("50%", (string?)job["progress"]);

        var cluster = await host.GetClusterAsync(id);
        Assert.Equal("AVAILABLE", (string?)cluster["status"]);
        Assert.Equal("STOP_FAILURE", (string?)cluster["task_status"]);
        Assert.Equal("StopTask-fail:DWS.0114", (string?)cluster["failed_reasons"]!["error_code"]);

        var next = await StopAsync(host, id);
        host.Clock.Advance(host.Options.Durations.ClusterStop);
        Assert.Equal("SUCCESS", (string?)(await EmulatorHost.ReadJsonAsync(await host.GetAsync($"/v1.0/{host.Project}/job/{next}")))["status"]);
    }

    [Fact]
    public async Task Unknown_job_is_404()
    {
        await using var host = await EmulatorHost.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/v1.0/{host.Project}/job/0123456789abcdef0123456789abcdef")).StatusCode);
    }
}
