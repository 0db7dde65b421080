using DwsPowerShell.Client;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Connections;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.IntegrationTests.Support;

namespace DwsPowerShell.IntegrationTests.Connections;

/// <summary>The 5.9, 5.10, 5.11 and 5.2.33 client methods against the emulator: success and the documented failures.</summary>
public sealed class ConnectionsIntegrationTests : IAsyncLifetime
{
    private const string Eip = "ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983";
    private EmulatorHost _emulator = null!;
    private DwsSession _session = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.InProcessAsync();
        _session = _emulator.CreateSession(o => o.MaxRetries = 0);
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<string> CreateClusterAsync(string name)
    {
        await _session.Clusters.CreateAsync(new CreateClusterRequest
        {
            Name = name,
            Flavor = "dwsk2.xlarge",
            NumNode = 3,
            AdminUserName = "dbadmin",
            AdminPassword = "Str0ng!Passw0rd",
            VpcId = "vpc-int",
            SubnetId = "subnet-int",
            DatastoreVersion = "8.2.1",
            AvailabilityZones = new List<string> { "eu-west-101a" },
        });
        _emulator.Clock.Advance(_emulator.Options.Durations.ClusterCreate);
        return (await _session.Clusters.ListAsync()).Single(c => c.Name == name).Id!;
    }

    [Fact]
    public async Task Domain_names_are_created_changed_one_field_at_a_time_and_deleted()
    {
        var id = await CreateClusterAsync("int-dns");
        await _session.Connections.NewDomainNameAsync(id, new DomainNameRequest("sales", "private", 600));
        Assert.Equal(("sales", 600), (await _session.Connections.GetEndpointsAsync(id)).DomainName("private"));

        // Read-merge-write: changing the TTL keeps the name, changing the name keeps the TTL.
        await _session.Connections.UpdateDomainNameAsync(id, "private", ttl: 3600);
        Assert.Equal(("sales", 3600), (await _session.Connections.GetEndpointsAsync(id)).DomainName("private"));
        await _session.Connections.UpdateDomainNameAsync(id, "private", name: "sales-dw");
        Assert.Equal(("sales-dw", 3600), (await _session.Connections.GetEndpointsAsync(id)).DomainName("private"));

        var duplicate = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.NewDomainNameAsync(id, new DomainNameRequest("x", "private", 300)));
        Assert.Equal(409, duplicate.StatusCode);

        // Only public domain names can be deleted.
        var privateDelete = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.RemoveDomainNameAsync(id, "private"));
        Assert.Equal((400, "DWS.5038"), (privateDelete.StatusCode, privateDelete.ErrorCode));

        // A public domain name needs an EIP.
        var noEip = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.NewDomainNameAsync(id, new DomainNameRequest("sales", "public", 300)));
        Assert.Equal("DWS.5133", noEip.ErrorCode);
        await _session.Connections.BindEipAsync(id, Eip);
        await _session.Connections.NewDomainNameAsync(id, new DomainNameRequest("sales", "public", 300));
        Assert.Equal("sales", (await _session.Connections.GetEndpointsAsync(id)).PublicDomainName);
        await _session.Connections.RemoveDomainNameAsync(id);
        Assert.Null((await _session.Connections.GetEndpointsAsync(id)).PublicDomainName);
        var gone = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.RemoveDomainNameAsync(id));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Modifying_a_domain_name_that_does_not_exist_fails_before_the_PUT()
    {
        var id = await CreateClusterAsync("int-dns-none");
        await Assert.ThrowsAsync<ArgumentException>(() => _session.Connections.UpdateDomainNameAsync(id, "private", ttl: 600));
        var raw = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.SetDomainNameAsync(id, new DomainNameRequest("x", "private", 300)));
        Assert.Equal(404, raw.StatusCode);
    }

    [Fact]
    public async Task EIP_binding_shows_in_endpoints_and_cluster_details()
    {
        var id = await CreateClusterAsync("int-eip");
        await _session.Connections.BindEipAsync(id, Eip);
        var endpoints = await _session.Connections.GetEndpointsAsync(id);
        Assert.Equal(Eip, endpoints.EipId);
        Assert.NotNull(endpoints.PublicIp);
        var cluster = await _session.Clusters.GetAsync(id);
        Assert.Equal(Eip, cluster.PublicIp!.EipId);
        Assert.Equal($"{endpoints.PublicIp}:8000", Assert.Single(cluster.PublicEndpoints!).PublicConnectInfo);

        var cn = await _session.Connections.GetEndpointsAsync(id, "dws-cn");
        Assert.Equal(endpoints.PublicIp, cn.PublicIpInfos![0].Address);

        var second = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.BindEipAsync(id, Guid.NewGuid().ToString()));
        Assert.Equal(400, second.StatusCode);
        var wrong = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.UnbindEipAsync(id, Guid.NewGuid().ToString()));
        Assert.Equal("DWS.5135", wrong.ErrorCode);

        await _session.Connections.UnbindEipAsync(id, Eip);
        Assert.Null((await _session.Connections.GetEndpointsAsync(id)).PublicEndpoints);
        Assert.Empty((await _session.Clusters.GetAsync(id)).PublicEndpoints ?? new List<ClusterPublicEndpoint>());
    }

    [Fact]
    public async Task ELB_binding_runs_a_job_and_a_second_ELB_is_refused()
    {
        var id = await CreateClusterAsync("int-elb");
        var elbs = await _session.Connections.ListClusterElbsAsync(id);
        Assert.All(elbs, e => Assert.Equal(id, e.ClusterId));
        Assert.All(elbs, e => Assert.False(e.IsBound));

        var job = await _session.Connections.BindElbAsync(id, elbs[0].ElbId!);
        Assert.Equal(id, job.ClusterId);
        _emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        var done = await _session.Jobs.WaitAsync(job.JobId, new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) });
        Assert.True(done.IsSucceeded);

        var cluster = await _session.Clusters.GetAsync(id);
        Assert.Equal(elbs[0].ElbId, cluster.Elb!.Id);
        Assert.Equal(elbs[0].VipAddress, (await _session.Connections.GetEndpointsAsync(id)).ElbIp);
        Assert.True((await _session.Connections.ListClusterElbsAsync(id)).Single(e => e.ElbId == elbs[0].ElbId).IsBound);

        var second = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.BindElbAsync(id, elbs[1].ElbId!));
        Assert.Equal(400, second.StatusCode);

        // 5.9.10 sees the binding too, and pages across the VPC's ELBs.
        var network = new List<ClusterElbInfo>();
        await foreach (var e in _session.Connections.ListElbsAsync("vpc-int", "subnet-int", pageSize: 2)) network.Add(e);
        Assert.Equal(elbs.Count, network.Count);
        Assert.Equal(id, network.Single(e => e.IsBound).ClusterId);

        var unbind = await _session.Connections.UnbindElbAsync(id, elbs[0].ElbId!);
        Assert.NotEmpty(unbind.JobId);
        Assert.Null((await _session.Clusters.GetAsync(id)).Elb);
        var notBound = await Assert.ThrowsAsync<DwsApiException>(() => _session.Connections.UnbindElbAsync(id, elbs[0].ElbId!));
        Assert.Equal(404, notBound.StatusCode);
    }

    [Fact]
    public async Task Tags_are_added_listed_and_removed_by_key_with_the_documented_limits()
    {
        var id = await CreateClusterAsync("int-tags");
        await _session.Tags.AddAsync(id, new[] { new ResourceTag("env", "prod"), new ResourceTag("team", "bi") });
        Assert.Equal(new[] { "env=prod", "team=bi" }, (await _session.Tags.ListAsync(id)).Select(t => t.ToString()));
        Assert.Contains(await _session.Tags.ListProjectTagsAsync(), t => t.Key == "env" && t.Values.SequenceEqual(new[] { "prod" }));

        var removed = await _session.Tags.RemoveByKeyAsync(id, new[] { "env" });
        Assert.Equal("env=prod", Assert.Single(removed).ToString());
        Assert.Equal("team=bi", Assert.Single(await _session.Tags.ListAsync(id)).ToString());

        var duplicate = await Assert.ThrowsAsync<DwsApiException>(() => _session.Tags.AddAsync(id, new[] { new ResourceTag("a", "1"), new ResourceTag("a", "2") }));
        Assert.Equal("DWS.5039", duplicate.ErrorCode);
        var invalid = await Assert.ThrowsAsync<DwsApiException>(() => _session.Tags.AddAsync(id, new[] { new ResourceTag("a=b", "1") }));
        Assert.Equal("DWS.5197", invalid.ErrorCode);
        var tooMany = await Assert.ThrowsAsync<DwsApiException>(() => _session.Tags.AddAsync(id, Enumerable.Range(1, 20).Select(i => new ResourceTag($"k{i}", "v"))));
        Assert.Equal("DWS.5194", tooMany.ErrorCode);
        var wrongValue = await Assert.ThrowsAsync<DwsApiException>(() => _session.Tags.RemoveAsync(id, new[] { new ResourceTag("team", "other") }));
        Assert.Equal("DWS.5191", wrongValue.ErrorCode);

        var system = new List<ResourceTag>();
        await foreach (var t in _session.Clusters.ListSystemTagsAsync(id)) system.Add(t);
        Assert.Equal("_sys_enterprise_project_id", Assert.Single(system).Key);
        Assert.Equal(id, system[0].ClusterId);
    }

    [Fact]
    public async Task Quota_usage_follows_cluster_creation_and_deletion()
    {
        long Used(IReadOnlyList<Client.Models.Quotas.DwsQuota> q) => q.Single(x => x.Type == "instances").Used!.Value;
        var before = await _session.Quotas.ListAsync();
        Assert.Equal(0, Used(before));
        Assert.Null(before.Single(x => x.Type == "instances").Unit);
        Assert.Equal("GB", before.Single(x => x.Type == "ram").Unit);

        var id = await CreateClusterAsync("int-quota");
        var after = await _session.Quotas.ListAsync();
        Assert.Equal(1, Used(after));
        Assert.Equal(99, after.Single(x => x.Type == "instances").Available);

        await _session.Clusters.DeleteAsync(id);
        _emulator.Clock.Advance(_emulator.Options.Durations.ClusterDelete);
        Assert.Equal(0, Used(await _session.Quotas.ListAsync()));
    }

    [Fact]
    public async Task Unknown_cluster_is_404_everywhere()
    {
        var id = Guid.NewGuid().ToString();
        foreach (var call in new Func<Task>[]
        {
            () => _session.Connections.GetEndpointsAsync(id),
            () => _session.Connections.ListClusterElbsAsync(id),
            () => _session.Connections.BindEipAsync(id, Eip),
            () => _session.Tags.ListAsync(id),
        })
        {
            var error = await Assert.ThrowsAsync<DwsApiException>(call);
            Assert.Equal(404, error.StatusCode);
        }
    }
}
