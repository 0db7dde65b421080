using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Tests.Examples;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Snapshots;

public class SnapshotPolicyTests
{
    [Fact]
    public void The_5_3_10_and_5_3_11_examples_deserialise_with_nothing_lost()
    {
        var plan = ReferenceExamples.AssertRoundTrip<SnapshotPolicyPlanEnvelope>(Assert.Single(ReferenceExamples.For("5.3.10", "response")));
        Assert.Equal(2, plan.BackupTime!.Count);
        Assert.Equal(new DateTimeOffset(2023, 7, 18, 0, 0, 0, TimeSpan.Zero), plan.BackupTime[1].Time);
        Assert.Equal("increment", plan.BackupTime[1].Type);

        var policy = ReferenceExamples.AssertRoundTrip<SnapshotPolicy>(Assert.Single(ReferenceExamples.For("5.3.11", "response")));
        Assert.Equal(3, policy.KeepDay);
        Assert.Equal("obs", policy.DeviceName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1667700000000), policy.BackupStrategies![0].NextFireTime);
        Assert.Equal("0 56 2/8 ? * 2,3,4,5,6,7", policy.BackupStrategies[1].BackupStrategy);
    }

    [Fact]
    public void The_5_3_13_request_example_round_trips()
    {
        var body = ReferenceExamples.AssertRoundTrip<SnapshotPolicyStrategySpec>(Assert.Single(ReferenceExamples.For("5.3.13", "request")));
        Assert.Equal("self-snapshot-test", body.PolicyName);
        Assert.Equal("0 0 0 ? * 1,2,4,6", body.BackupStrategy);
    }

    [Fact]
    public async Task Add_puts_v2_with_backup_strategies_as_an_array()
    {
        var fake = RecordingHandler.Always(200, "");
        using var session = fake.CreateSession();

        await session.Snapshots.AddPolicyAsync("c1", new SnapshotPolicySpec
        {
            KeepDay = 7,
            BackupStrategies = new() { new SnapshotPolicyStrategySpec { PolicyName = "test", BackupLevel = "cluster", BackupType = "FULL", BackupStrategy = "0 0 3 ? * 1,2,3,4,5,6,7" } },
        });

        var r = fake.Single();
        Assert.Equal("PUT", r.Method);
        Assert.Equal("/v2/p1/clusters/c1/snapshot-policies", r.Path);
        Assert.Equal("""{"keep_day":7,"backup_strategies":[{"policy_name":"test","backup_strategy":"0 0 3 ? * 1,2,3,4,5,6,7","backup_type":"full","backup_level":"cluster"}]}""", r.Body);
    }

    [Theory]
    [InlineData(0, "abcd", "0 0 3 ? * 1", "full")]
    [InlineData(32, "abcd", "0 0 3 ? * 1", "full")]
    [InlineData(7, "1abc", "0 0 3 ? * 1", "full")]
    [InlineData(7, "abc", "0 0 3 ? * 1", "full")]
    [InlineData(7, "abcd", "daily", "full")]
    [InlineData(7, "abcd", "0 0 3 ? * 1", "diff")]
    public async Task Add_refuses_bad_values_before_sending(int keep, string name, string cron, string type)
    {
        var fake = RecordingHandler.Always(200, "");
        using var session = fake.CreateSession();
        var spec = new SnapshotPolicySpec { KeepDay = keep, BackupStrategies = new() { new() { PolicyName = name, BackupStrategy = cron, BackupType = type } } };
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.Snapshots.AddPolicyAsync("c1", spec));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Get_reads_the_policy_and_tags_strategies_with_the_cluster()
    {
        var fake = RecordingHandler.Always(200, """{"keep_day":"5","backup_strategies":[{"policy_id":"p9","policy_name":"nightly","next_fire_time":"1667700000000"}],"device_name":"OBS"}""");
        using var session = fake.CreateSession();

        var policy = await session.Snapshots.GetPolicyAsync("c1");

        Assert.Equal("/v2/p1/clusters/c1/snapshot-policies", fake.Single().Path);
        Assert.Equal(5, policy.KeepDay);
        Assert.Equal("c1", policy.BackupStrategies![0].ClusterId);
    }

    [Theory]
    [InlineData("""[{"policy_name":"self-snapshot-test","next_fire_time":1689292800000,"policy_id":"p9"}]""")]
    [InlineData("""{"policy_name":"self-snapshot-test","next_fire_time":1689292800000,"policy_id":"p9"}""")]
    public async Task Get_by_id_reads_the_object_bare_or_wrapped_in_an_array(string answer)
    {
        var fake = RecordingHandler.Always(200, answer);
        using var session = fake.CreateSession();

        var strategy = await session.Snapshots.GetPolicyStrategyAsync("c1", "p9");

        Assert.Equal("/v1/p1/clusters/c1/snapshot-policies/p9", fake.Single().Path);
        Assert.Equal("self-snapshot-test", strategy.PolicyName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1689292800000), strategy.NextFireTime);
    }

    [Fact]
    public async Task Set_puts_v1_and_delete_uses_v1_0()
    {
        var fake = RecordingHandler.Always(200, "");
        using var session = fake.CreateSession();

        await session.Snapshots.SetPolicyStrategyAsync("c1", "p9", new SnapshotPolicyStrategySpec { PolicyName = "self-snapshot-test", BackupStrategy = "0 0 0 ? * 1,2,4,6", BackupType = "increment" });
        await session.Snapshots.DeletePolicyStrategyAsync("c1", "p9");

        Assert.Equal("PUT", fake.Requests[0].Method);
        Assert.Equal("/v1/p1/clusters/c1/snapshot-policies/p9", fake.Requests[0].Path);
        Assert.Equal("""{"policy_id":"p9","policy_name":"self-snapshot-test","backup_strategy":"0 0 0 ? * 1,2,4,6","backup_type":"increment"}""", fake.Requests[0].Body);
        Assert.Equal("DELETE", fake.Requests[1].Method);
        Assert.Equal("/v1.0/p1/clusters/c1/snapshot-policies/p9", fake.Requests[1].Path);
    }

    [Fact]
    public async Task The_plan_is_read_from_backup_time()
    {
        var fake = RecordingHandler.Always(200, """{"backup_time":[{"id":"p9","level":"cluster","time":"2023-07-17T08:00:00","type":"full"}]}""");
        using var session = fake.CreateSession();

        var plan = await session.Snapshots.GetPolicyPlanAsync("c1");

        Assert.Equal("/v1/p1/clusters/c1/snapshot-policies/plan", fake.Single().Path);
        Assert.Equal("c1", Assert.Single(plan).ClusterId);
    }
}
