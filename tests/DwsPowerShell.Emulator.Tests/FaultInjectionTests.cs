using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

public sealed class FaultInjectionTests
{
    private static string CreatePath(EmulatorHost host) => $"/v2/{host.Project}/clusters";

    [Theory]
    [InlineData(FaultKind.Status500, 500)]
    [InlineData(FaultKind.Status502, 502)]
    [InlineData(FaultKind.Status503, 503)]
    [InlineData(FaultKind.Status504, 504)]
    public async Task Status_faults_before_the_handler_leave_state_unchanged(FaultKind kind, int status)
    {
        await using var host = await EmulatorHost.StartAsync(o => o.Faults.Add(new FaultRule { Route = "POST /v2/*/clusters", Kind = kind }));
        var response = await host.PostAsync(CreatePath(host), EmulatorHost.CreateV2Body("dws-fault"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith("{\"error_code\":", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.State.Clusters);
        var entry = Assert.Single(host.State.Requests);
        Assert.Equal(kind.ToString(), entry.Fault);
        Assert.False(entry.HandlerRan);
        Assert.False(entry.Mutation);

        // The rule matches only the create route: reads still work.
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(CreatePath(host).Replace("/v2/", "/v1.0/"))).StatusCode);
    }

    [Fact]
    public async Task Throttle_sends_429_with_retry_after_and_max_count_limits_it()
    {
        await using var host = await EmulatorHost.StartAsync(o =>
            o.Faults.Add(new FaultRule { Route = "GET /v1.0/*/clusters", Kind = FaultKind.Throttle429, RetryAfterSeconds = 7, MaxCount = 2 }));
        var path = $"/v1.0/{host.Project}/clusters";
        for (var i = 0; i < 2; i++)
        {
            var throttled = await host.GetAsync(path);
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        }
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Connection_reset_aborts_the_request()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset }));
        await Assert.ThrowsAnyAsync<Exception>(() => host.PostAsync(CreatePath(host), EmulatorHost.CreateV2Body("dws-reset")));
        Assert.Empty(host.State.Clusters);
    }

    [Fact]
    public async Task Truncated_body_is_200_with_half_a_json_document()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedBody }));
        var response = await host.GetAsync($"/v1.0/{host.Project}/clusters");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Non_json_body_is_an_html_502()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.NonJsonBody }));
        var response = await host.GetAsync($"/v1.0/{host.Project}/clusters");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData("{}", "{}")]
    [InlineData("", "")]
    public async Task Body200_answers_200_with_the_rule_body_and_leaves_state_unchanged(string? body, string expected)
    {
        var rule = new FaultRule { Route = "GET /v1.0/*/clusters", Kind = FaultKind.Body200 };
        if (body is not null) rule.Body = body;
        await using var host = await EmulatorHost.StartAsync(o => o.Faults.Add(rule));
        var response = await host.GetAsync($"/v1.0/{host.Project}/clusters");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.False(Assert.Single(host.State.Requests).HandlerRan);
    }

    [Fact]
    public void Body200_parses_from_a_spec()
    {
        var rule = FaultRule.Parse("route=GET /v1.0/*/snapshots,kind=Body200,body={}");
        Assert.Equal(FaultKind.Body200, rule.Kind);
        Assert.Equal("{}", rule.Body);
    }

    [Fact]
    public async Task Latency_delays_then_answers_normally()
    {
        await using var host = await EmulatorHost.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.Latency, LatencyMs = 300 }));
        var watch = Stopwatch.StartNew();
        var response = await host.GetAsync($"/v1.0/{host.Project}/clusters");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 250, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Fault_after_the_handler_applies_the_mutation_and_loses_the_answer()
    {
        await using var host = await EmulatorHost.StartAsync(o =>
            o.Faults.Add(new FaultRule { Route = "POST /v2/*/clusters", Kind = FaultKind.Status503, AfterHandler = true }));
        var response = await host.PostAsync(CreatePath(host), EmulatorHost.CreateV2Body("dws-lost"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(host.State.Clusters);
        var entry = Assert.Single(host.State.Requests);
        Assert.True(entry.HandlerRan);
        Assert.True(entry.Mutation);
        Assert.True(entry.FaultAfterHandler);

        var retry = await host.PostAsync(CreatePath(host), EmulatorHost.CreateV2Body("dws-lost"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, retry.StatusCode);
        host.Faults.SetRules([]);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(CreatePath(host), EmulatorHost.CreateV2Body("dws-lost"))).StatusCode);
    }

    [Fact]
    public async Task Rate_is_applied_with_the_seeded_random()
    {
        async Task<int> CountFaults()
        {
            await using var host = await EmulatorHost.StartAsync(o =>
            {
                o.RandomSeed = 42;
                o.Faults.Add(new FaultRule { Kind = FaultKind.Status500, Rate = 0.5 });
            });
            var failures = 0;
            for (var i = 0; i < 40; i++)
                if ((await host.GetAsync($"/v1.0/{host.Project}/clusters")).StatusCode == HttpStatusCode.InternalServerError) failures++;
            return failures;
        }
        var first = await CountFaults();
        Assert.InRange(first, 8, 32);
        Assert.Equal(first, await CountFaults());
    }

    [Fact]
    public async Task Faults_can_be_set_through_the_control_route()
    {
        await using var host = await EmulatorHost.StartAsync();
        var set = await host.Raw.PutAsync("/_emulator/faults",
            EmulatorHost.JsonBody("""[{"route":"GET /v1.0/*/clusters","kind":"Status503","rate":1}]"""));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.GetAsync($"/v1.0/{host.Project}/clusters")).StatusCode);
        Assert.Contains("Status503", await (await host.Raw.GetAsync("/_emulator/faults")).Content.ReadAsStringAsync());
    }

    [Fact]
    public void Fault_spec_parses_from_the_command_line()
    {
        var (options, rest) = CommandLine.Parse(["--fault", "route=GET /v1.0/*/clusters,kind=throttle429,rate=0.25,retry-after=3,max=5",
            "--time-scale", "60", "--shrink-answer", "Status200", "--urls", "http://127.0.0.1:0"]);
        var rule = Assert.Single(options.Faults);
        Assert.Equal(("GET /v1.0/*/clusters", FaultKind.Throttle429, 0.25, 3, 5), (rule.Route, rule.Kind, rule.Rate, rule.RetryAfterSeconds, rule.MaxCount));
        Assert.Equal(60, options.TimeScale);
        Assert.Equal(ShrinkAnswer.Status200, options.ShrinkAnswer);
        Assert.Equal(["--urls", "http://127.0.0.1:0"], rest);
    }
}
