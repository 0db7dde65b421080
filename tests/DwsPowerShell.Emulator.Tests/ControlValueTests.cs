using System.Net;
using DwsPowerShell.Emulator.Core;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests;

/// <summary>Control-route values the emulator cannot honour are refused with 400 and the reference's error body, changing nothing.</summary>
public sealed class ControlValueTests
{
    [Theory]
    [InlineData("""[{"kind":"Latency","latencyMs":-1}]""", "DWS.5038", "latencyMs must be from 0 to 600000")]
    [InlineData("""[{"kind":"Latency","latencyMs":600001}]""", "DWS.5038", "latencyMs")]
    [InlineData("""[{"kind":"Status503","rate":1.5}]""", "DWS.5038", "rate must be from 0 to 1")]
    [InlineData("""[{"kind":"Status503","rate":-0.1}]""", "DWS.5038", "rate must be from 0 to 1")]
    [InlineData("""[{"kind":"Throttle429","retryAfterSeconds":-1}]""", "DWS.5038", "retryAfterSeconds")]
    [InlineData("""[{"kind":"Status500","maxCount":-1}]""", "DWS.5038", "maxCount must be 0 or more")]
    [InlineData("""[{"kind":99}]""", "DWS.5038", "kind must be one of")]
    [InlineData("""[{"kind":"Bogus"}]""", "DWS.5065", "Invalid fault list")]
    [InlineData("""[{"kind":"Latency","latency":5}]""", "DWS.5065", "latency")]
    [InlineData("""[{"kind":"Body200","body":null}]""", "DWS.5038", "body must be a string")]
    [InlineData("""[{"kind":"Status500","route":null}]""", "DWS.5038", "route must be a string")]
    [InlineData("""[null]""", "DWS.5065", "fault [0] is null")]
    [InlineData("""[{"kind":"Status500"},{"kind":"Latency","latencyMs":-5}]""", "DWS.5038", "fault [1]")]
    public async Task Fault_lists_it_cannot_honour_are_refused(string json, string code, string message)
    {
        await using var host = await EmulatorHost.StartAsync();
        var response = await host.Raw.PutAsync("/_emulator/faults", EmulatorHost.JsonBody(json));

        await AssertRefusedAsync(response, code, message);
        Assert.Empty(host.Faults.Rules);
    }

    [Theory]
    [InlineData("""{"seconds":"x"}""", "DWS.5065", "seconds must be a number")]
    [InlineData("""{"seconds":1e300}""", "DWS.5038", "seconds must be from 0 to 3155760000")]
    [InlineData("""{"seconds":1e400}""", "DWS.5038", "seconds must be from 0")]
    [InlineData("""{"seconds":-1}""", "DWS.5038", "seconds must be from 0")]
    [InlineData("""{"seconds":true}""", "DWS.5065", "seconds must be a number")]
    [InlineData("""{}""", "DWS.5037", "seconds is required")]
    public async Task Clock_advances_it_cannot_honour_are_refused(string json, string code, string message)
    {
        await using var host = await EmulatorHost.StartAsync();
        var before = host.Clock.UtcNow;
        var response = await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody(json));

        await AssertRefusedAsync(response, code, message);
        Assert.Equal(before, host.Clock.UtcNow);
    }

    [Fact]
    public async Task Clock_advances_that_would_pass_the_year_9000_are_refused_and_the_clock_still_answers()
    {
        await using var host = await EmulatorHost.StartAsync();
        for (var i = 0; i < 70; i++)
        {
            var advance = await host.Raw.PostAsync("/_emulator/clock/advance", EmulatorHost.JsonBody("""{"seconds":3155760000}"""));
            if (advance.StatusCode != HttpStatusCode.OK)
            {
                await AssertRefusedAsync(advance, "DWS.5038", "past 9000-01-01");
                Assert.Equal(HttpStatusCode.OK, (await host.Raw.GetAsync("/_emulator/clock")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"/v1.0/{host.Project}/clusters")).StatusCode);
                return;
            }
        }
        Assert.Fail("a clock 7,000 years ahead was accepted");
    }

    [Fact]
    public async Task Fail_next_of_unknown_work_is_refused_and_every_listed_kind_is_taken()
    {
        await using var host = await EmulatorHost.StartAsync();
        var response = await host.Raw.PostAsync("/_emulator/jobs/fail-next", EmulatorHost.JsonBody("""{"kind":"crate"}"""));
        await AssertRefusedAsync(response, "DWS.5038", "kind 'crate' is not work the emulator can fail; use one of create, restart");
        Assert.Empty(host.State.PendingFailures);

        foreach (var kind in FailureKinds.All)
        {
            var ok = await host.Raw.PostAsync("/_emulator/jobs/fail-next", EmulatorHost.JsonBody($$"""{"kind":"{{kind}}"}"""));
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }
    }

    [Theory]
    [InlineData("kind=Latency,ms=-1", "latencyMs must be from 0")]
    [InlineData("kind=Status503,rate=2", "rate must be from 0 to 1")]
    [InlineData("kind=Status503,max=-3", "maxCount must be 0 or more")]
    [InlineData("kind=Throttle429,retry-after=-1", "retryAfterSeconds")]
    [InlineData("kind=Nope", "Fault kind 'Nope' is not one of Latency")]
    [InlineData("kind=42", "Fault kind '42' is not one of")]
    public void Fault_flags_it_cannot_honour_are_refused(string spec, string message)
    {
        var e = Assert.Throws<FormatException>(() => CommandLine.Parse(["--fault", spec]));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1e300")]
    [InlineData("x")]
    [InlineData("NaN")]
    public void Time_scales_it_cannot_honour_are_refused(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--time-scale", value]));
        Assert.Contains($"--time-scale needs a number of emulated seconds per second greater than 0 and at most 1000000 (for example 60), not '{value}'", e.Message);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorHost.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body["error_code"]);
        Assert.Contains(message, (string?)body["error_msg"]);
    }
}
