using System.Net;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Errors;

/// <summary>A 2xx answer without the object a call must return is a DwsApiException (DWS.Client.InvalidResponse), like an unreadable body.</summary>
public class UnusableAnswerTests
{
    public static TheoryData<string> Bodies => new() { "", "null", "{}" };

    private static DwsSession Session(string body) =>
        TestSessions.Session(new FakeHandler(_ => body.Length == 0 ? new HttpResponseMessage(HttpStatusCode.NoContent) : FakeHandler.Json(200, body)));

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Gets_without_their_object_throw_DwsApiException(string body)
    {
        using var session = Session(body);
        foreach (var call in new Func<Task>[]
        {
            () => session.Clusters.GetAsync("c1"),
            () => session.Snapshots.GetAsync("s1"),
            () => session.Workload.GetPlanAsync("c1", "p1"),
            () => session.Workload.GetStageAsync("c1", "p1", "st1"),
            () => session.Snapshots.CreateAsync("c1", "snap-1"),
            () => session.Clusters.StopAsync("c1"),
        })
        {
            var error = await Assert.ThrowsAsync<DwsApiException>(call);
            Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_job_query_without_a_body_throws_DwsApiException(string body)
    {
        // "{}" is a job with nothing known yet (every field is optional): a typed result, not an error.
        using var session = Session(body);
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Jobs.GetAsync("j1"));
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Node_flavor_and_elb_calls_without_their_object_or_job_id_throw_DwsApiException(string body)
    {
        using var session = Session(body);
        foreach (var call in new Func<Task>[]
        {
            () => session.Clusters.GetFlavorAsync("c1"),
            () => session.Clusters.AddCoordinatorNodesAsync("c1", 4),
            () => session.Clusters.RemoveCoordinatorNodesAsync("c1", new[] { "cn1" }),
            () => session.Connections.BindElbAsync("c1", "e1"),
            () => session.Connections.UnbindElbAsync("c1", "e1"),
        })
        {
            var error = await Assert.ThrowsAsync<DwsApiException>(call);
            Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_instance_query_without_a_body_throws_DwsApiException(string body)
    {
        using var session = Session(body);
        var error = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.GetInstanceAsync("i1"));
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task A_flavor_without_an_id_throws_DwsApiException_when_listing_target_flavors()
    {
        using var session = Session("""{"flavor":{"name":"dws.m3.xlarge"}}""");
        var error = await Assert.ThrowsAsync<DwsApiException>(async () =>
        {
            await foreach (var _ in session.Clusters.ListTargetFlavorsForClusterAsync("c1")) { }
        });
        Assert.Equal("DWS.Client.InvalidResponse", error.ErrorCode);
    }
}
