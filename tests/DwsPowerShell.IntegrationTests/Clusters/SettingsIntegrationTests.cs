using System.Security;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Areas;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.IntegrationTests.Support;
using DwsPowerShell.Emulator.Areas.Clusters;
using ClusterTag = DwsPowerShell.Client.Models.Clusters.ClusterTag;
using ParameterAuditRecord = DwsPowerShell.Client.Models.Clusters.ParameterAuditRecord;

namespace DwsPowerShell.IntegrationTests.Clusters;

/// <summary>The settings slice through the client against the emulator: success and the documented failures.</summary>
public class SettingsIntegrationTests
{
    private static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        return s;
    }

    private static CreateClusterRequest Request(string name, params ClusterTag[] tags)
    {
        var r = new CreateClusterRequest
        {
            Name = name, Flavor = "dwsk2.xlarge", NumNode = 3, NumCn = 3, AdminUserName = "dbadmin", Port = 8000,
            AvailabilityZones = new() { "eu-west-101a" }, VpcId = "vpc-1", SubnetId = "subnet-1", DatastoreVersion = "8.2.1",
            Tags = tags.Length == 0 ? null : tags.ToList(),
        };
        r.SetAdminPassword(Secure("Str0ng!Passw0rd"));
        return r;
    }

    private static async Task<string> CreateAsync(EmulatorHost emulator, DwsSession session, string name, params ClusterTag[] tags)
    {
        await session.Clusters.CreateAsync(Request(name, tags));
        emulator.Clock.Advance(emulator.Options.Durations.ClusterCreate);
        return (await session.Clusters.ListAsync()).Single(c => c.Name == name).Id!;
    }

    private static void SetFlag(EmulatorHost emulator, string id, bool readOnly = false, bool unbalanced = false)
    {
        lock (emulator.State.Gate)
        {
            var c = emulator.State.Clusters[id];
            c.ReadOnly = readOnly;
            c.Unbalanced = unbalanced;
        }
    }

    [Fact]
    public async Task Security_groups_are_replaced_and_shown_in_the_detail()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "sg-cluster");
        await session.Clusters.SetSecurityGroupsAsync(id, new[] { "sg-a", "sg-b" });
        Assert.Equal(new[] { "sg-a", "sg-b" }, ClustersApi.SecurityGroupsOf(await session.Clusters.GetAsync(id)));
        await session.Clusters.SetSecurityGroupsAsync(id, new[] { "sg-c" });
        Assert.Equal(new[] { "sg-c" }, ClustersApi.SecurityGroupsOf(await session.Clusters.GetAsync(id)));
        var missing = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.SetSecurityGroupsAsync("no-such-cluster", new[] { "sg" }));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task Password_reset_refuses_a_previous_password_and_the_user_name()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "pwd-cluster");
        await session.Clusters.ResetPasswordAsync(id, Secure("NewPassw0rd!x"));
        var reused = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ResetPasswordAsync(id, Secure("NewPassw0rd!x")));
        Assert.Equal((400, "DWS.5144"), (reused.StatusCode, reused.ErrorCode));
        var withUser = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.ResetPasswordAsync(id, Secure("Xdbadmin!2345")));
        Assert.Equal("DWS.5145", withUser.ErrorCode);
    }

    [Fact]
    public async Task Precheck_passes_then_fails_on_a_taken_name_and_an_unknown_flavor()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        Assert.True((await session.Clusters.PrecheckCreateAsync(Request("pre-cluster", new ClusterTag("env", "prod")))).Passed);
        await CreateAsync(emulator, session, "pre-cluster");
        var taken = await session.Clusters.PrecheckCreateAsync(Request("pre-cluster"));
        Assert.Equal((false, "DWS.5050"), (taken.Passed, taken.Code));
        var bad = Request("other-cluster");
        bad.Flavor = "dws.no.such";
        var flavor = await session.Clusters.PrecheckCreateAsync(bad);
        Assert.Equal((false, "DWS.5006"), (flavor.Passed, flavor.Code));
    }

    [Fact]
    public async Task Clusters_are_found_by_tag_across_pages()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        await CreateAsync(emulator, session, "tag-prod-1", new ClusterTag("env", "prod"), new ClusterTag("team", "sales"));
        await CreateAsync(emulator, session, "tag-prod-2", new ClusterTag("env", "prod"));
        await CreateAsync(emulator, session, "tag-test-1", new ClusterTag("env", "test"));
        var prod = new List<ClusterTagResource>();
        await foreach (var r in session.Clusters.ListByTagAsync(new[] { new TagFilter("env", new[] { "prod" }) }, pageSize: 1)) prod.Add(r);
        Assert.Equal(new[] { "tag-prod-1", "tag-prod-2" }, prod.Select(r => r.ResourceName));
        var clusters = await session.Clusters.ListClustersByTagAsync(new[] { new TagFilter("env", new[] { "prod", "test" }), new TagFilter("team") });
        Assert.Equal("tag-prod-1", Assert.Single(clusters).Name);
        Assert.Empty(await session.Clusters.ListClustersByTagAsync(new[] { new TagFilter("owner") }));
    }

    [Fact]
    public async Task Statistics_count_clusters_by_status()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        await CreateAsync(emulator, session, "stat-1");
        await session.Clusters.CreateAsync(Request("stat-2")); // still CREATING
        var s = await session.Clusters.GetResourceStatisticsAsync();
        Assert.Equal((2, 1, 6, 3), (s.ClusterTotal, s.ClusterAvailable, s.NodeTotal, s.NodeAvailable));
        Assert.True(s.StorageTotalGB > 0);
        var snaps = await session.Clusters.GetSnapshotStatisticsAsync((await session.Clusters.ListAsync()).First(c => c.Name == "stat-1").Id!);
        Assert.Equal((0.0, 0.0), (snaps.UsedGB, snaps.PaidGB));
        Assert.True(snaps.FreeGB > 0);
    }

    [Fact]
    public async Task Read_only_clusters_refuse_changes_until_the_status_is_removed()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "ro-cluster");
        SetFlag(emulator, id, readOnly: true);
        Assert.Equal("READONLY", (await session.Clusters.GetAsync(id)).SubStatus);
        var restart = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.RestartAsync(id));
        Assert.Equal(400, restart.StatusCode);
        Assert.Contains("read-only", restart.Message);
        var parameters = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.SetParametersAsync(id, new Dictionary<string, string> { ["session_timeout"] = "900" }));
        Assert.Equal(400, parameters.StatusCode);
        await session.Clusters.CancelReadOnlyAsync(id);
        Assert.Equal("NORMAL", (await session.Clusters.GetAsync(id)).SubStatus);
        await session.Clusters.RestartAsync(id);
    }

    [Fact]
    public async Task Switchback_needs_an_unbalanced_cluster_and_clears_it_when_the_job_ends()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "sw-cluster");
        var balanced = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.SwitchbackAsync(id));
        Assert.Equal(400, balanced.StatusCode);
        SetFlag(emulator, id, unbalanced: true);
        var job = await session.Clusters.SwitchbackAsync(id);
        Assert.Equal(id, job.ClusterId);
        emulator.Clock.Advance(emulator.Options.Durations.ClusterRestart + TimeSpan.FromSeconds(1));
        Assert.Equal("SUCCESS", (await session.Jobs.GetAsync(job.JobId)).Status);
        Assert.Equal("NORMAL", (await session.Clusters.GetAsync(id)).SubStatus);
    }

    [Fact]
    public async Task Parameters_change_by_read_merge_write_set_the_group_status_and_are_audited()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "par-cluster");
        var groups = await session.Clusters.ListParameterGroupsAsync(id);
        Assert.Equal(5, groups.Count);
        Assert.All(groups, g => Assert.Null(g.FailureReason));
        var groupId = await session.Clusters.GetDefaultParameterGroupIdAsync(id);
        Assert.Equal(groupId, (await session.Clusters.GetAsync(id)).ParameterGroup!.Id);

        var first = await session.Clusters.SetParametersAsync(id, new Dictionary<string, string> { ["session_timeout"] = "900" }, ParameterRole.Cn);
        Assert.False(first.RestartRequired);
        Assert.Equal("In-Sync", (await session.Clusters.GetAsync(id)).ParameterGroup!.Status);
        var second = await session.Clusters.SetParametersAsync(id, new Dictionary<string, string> { ["max_connections"] = "1000", ["enable_bitmapscan"] = "off" });
        Assert.True(second.RestartRequired);
        Assert.Equal(4, second.Changes.Count);

        var after = (await session.Clusters.ListParametersAsync(id)).ToDictionary(p => p.Name!);
        Assert.Equal(("900", "600"), (after["session_timeout"].CnValue, after["session_timeout"].DnValue)); // kept by the second change
        Assert.Equal(("1000", "1000"), (after["max_connections"].CnValue, after["max_connections"].DnValue));
        Assert.Equal("Pending-Reboot", (await session.Clusters.GetAsync(id)).ParameterGroup!.Status);

        var records = new List<ParameterAuditRecord>();
        await foreach (var r in session.Clusters.ListParameterAuditRecordsAsync(id, pageSize: 2)) records.Add(r);
        Assert.Equal(5, records.Count);
        Assert.Contains(records, r => r.Operator!.Contains("cn:session_timeout=900"));

        await session.Clusters.RestartAsync(id);
        var busy = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.SetParametersAsync(id, new Dictionary<string, string> { ["session_timeout"] = "100" }));
        Assert.Equal(400, busy.StatusCode);
        emulator.Clock.Advance(emulator.Options.Durations.ClusterRestart + TimeSpan.FromSeconds(1));
        Assert.Equal("In-Sync", (await session.Clusters.GetAsync(id)).ParameterGroup!.Status);
    }

    [Fact]
    public async Task Parameter_changes_the_service_refuses()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "par-bad");
        var groupId = await session.Clusters.GetDefaultParameterGroupIdAsync(id);
        var range = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.UpdateParametersAsync(id, groupId, new[] { new ParameterSetting("cn", "max_connections", "1") }));
        Assert.Equal("DWS.5038", range.ErrorCode);
        var unknown = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.UpdateParametersAsync(id, groupId, new[] { new ParameterSetting("dn", "nope", "1") }));
        Assert.Equal("DWS.5037", unknown.ErrorCode);
        var other = (await session.Clusters.ListParameterGroupsAsync(id)).First(g => g.Type == "OBSConfig").Id!;
        var group = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.UpdateParametersAsync(id, other, new[] { new ParameterSetting("cn", "work_mem", "1024") }));
        Assert.Equal("DWS.5054", group.ErrorCode);
    }

    [Fact]
    public async Task Description_answers_the_reference_success_code_and_tenant_actions_page()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "desc-cluster");
        var saved = await session.Clusters.SetDescriptionAsync(id, "desc info");
        Assert.Equal(("DWS.0138", false), (saved.ErrorCode, saved.HasUnexpectedCode));
        lock (emulator.State.Gate) Assert.Equal("desc info", emulator.State.Clusters[id].Description);
        var actions = new List<string>();
        await foreach (var a in session.Clusters.ListAvailableActionsAsync(pageSize: 5)) actions.Add(a.Name);
        Assert.Contains("ColdStorage", actions);
        Assert.Equal(actions.Count, actions.Distinct().Count());
        Assert.True(actions.Count > 5);
    }

    [Fact]
    public async Task Encryption_is_one_way_and_shows_in_encrypt_info()
    {
        await using var emulator = await EmulatorHost.InProcessAsync();
        using var session = emulator.CreateSession(o => o.MaxRetries = 0);
        var id = await CreateAsync(emulator, session, "enc-cluster");
        Assert.False((await session.Clusters.GetEncryptionAsync(id)).IsEncrypted);
        var request = new EncryptClusterRequest { Encrypt = new EncryptInfo { MasterKeyId = "key-1", MasterKeyName = "KMS-test" } };
        var job = await session.Clusters.EncryptAsync(id, request);
        emulator.Clock.Advance(emulator.Options.Durations.ClusterRestart + TimeSpan.FromSeconds(1));
        Assert.Equal("SUCCESS", (await session.Jobs.GetAsync(job.JobId)).Status);
        var info = await session.Clusters.GetEncryptionAsync(id);
        Assert.Equal((true, "KMS-test", "generalCipher", id), (info.IsEncrypted, info.MasterKeyName, info.CryptAlgorithm, info.ClusterId));
        var again = await Assert.ThrowsAsync<DwsApiException>(() => session.Clusters.EncryptAsync(id, request));
        Assert.Equal(400, again.StatusCode);
    }
}
