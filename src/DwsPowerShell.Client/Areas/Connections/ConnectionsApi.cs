using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Connections;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Connection management (5.9): domain names, ELBs, EIPs and the cluster's endpoints; one method per API operation.</summary>
public sealed class ConnectionsApi
{
    private readonly DwsTransport _transport;

    internal ConnectionsApi(DwsTransport transport) => _transport = transport;

    /// <summary>5.9.1 Applying for a Private Domain Name (public or private, as <see cref="DomainNameRequest.Type"/> says). The answer has no body.</summary>
    public Task NewDomainNameAsync(string clusterId, DomainNameRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_9_1).Path("cluster_id", clusterId).WithBody(Check(request)), cancellationToken);

    /// <summary>
    /// 5.9.2 Modifying a Cluster Domain Name: the raw full replacement (all three fields are mandatory). To change
    /// one field and keep the others, use <see cref="UpdateDomainNameAsync"/>.
    /// </summary>
    public Task SetDomainNameAsync(string clusterId, DomainNameRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_9_2).Path("cluster_id", clusterId).WithBody(Check(request)), cancellationToken);

    /// <summary>
    /// 5.9.2 Modifying a Cluster Domain Name, read-merge-write (quirks.md 7.8): the API has no GET of its own, so
    /// the current name and TTL of the <paramref name="type"/> domain name are read from 5.9.9, the given values
    /// replace them, and the whole record is written. Returns what was written.
    /// </summary>
    public async Task<DomainNameRequest> UpdateDomainNameAsync(string clusterId, string type, string? name = null, int? ttl = null,
        CancellationToken cancellationToken = default)
    {
        var wireType = DomainNameTypes.Normalize(type, nameof(type));
        if (name is null && ttl is null) throw new ArgumentException("Give a new name, a new TTL, or both.", nameof(name));
        if (name is not null && (string.IsNullOrWhiteSpace(name) || name.IndexOf('_') >= 0))
            throw new ArgumentException($"The domain name '{name}' is empty or contains an underscore (_), which domain names cannot contain; use hyphens (-).", nameof(name));
        var current = await GetEndpointsAsync(clusterId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var (currentName, currentTtl) = current.DomainName(wireType);
        if (string.IsNullOrEmpty(currentName))
        {
            throw new ArgumentException($"Cluster {clusterId} has no {wireType} domain name to modify; apply for one first (5.9.1, New-DwsClusterDomainName).", nameof(type));
        }
        var merged = new DomainNameRequest(
            name ?? currentName!,
            wireType,
            ttl ?? (currentTtl is >= DomainNameTypes.MinTtl ? currentTtl.Value : DomainNameTypes.DefaultTtl));
        await SetDomainNameAsync(clusterId, merged, cancellationToken).ConfigureAwait(false);
        return merged;
    }

    /// <summary>5.9.3 Deleting a Cluster Domain Name: <c>type</c> is a mandatory query parameter (quirks.md 7.4); only public domain names can be deleted.</summary>
    public Task RemoveDomainNameAsync(string clusterId, string type = DomainNameTypes.Public, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_9_3).Path("cluster_id", clusterId)
            .Query("type", DomainNameTypes.Normalize(type, nameof(type))), cancellationToken);

    /// <summary>5.9.4 Obtaining the Available ELB List: the ELBs that can be bound to the cluster (each carries the cluster's ID).</summary>
    public async Task<IReadOnlyList<ClusterElbInfo>> ListClusterElbsAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var (answer, items) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_9_4).Path("cluster_id", clusterId), "elbs", (ElbList a) => a.Elbs, cancellationToken).ConfigureAwait(false);
        foreach (var elb in items) if (string.IsNullOrEmpty(elb.ClusterId)) elb.ClusterId = clusterId;
        return items;
    }

    /// <summary>5.9.5 Binding an ELB to a Cluster: returns the job (which pipes to Wait-DwsJob).</summary>
    public async Task<DwsJob> BindElbAsync(string clusterId, string elbId, CancellationToken cancellationToken = default) =>
        ToJob(await _transport.SendAsync<DwsJob>(DwsRequest.For(DwsOperations.S5_9_5).Path("cluster_id", clusterId).Path("elb_id", elbId), cancellationToken).ConfigureAwait(false),
            clusterId, "bind ELB", DwsOperations.S5_9_5);

    /// <summary>5.9.6 Unbinding an ELB From a Cluster (the ELB itself is kept): returns the job.</summary>
    public async Task<DwsJob> UnbindElbAsync(string clusterId, string elbId, CancellationToken cancellationToken = default) =>
        ToJob(await _transport.SendAsync<DwsJob>(DwsRequest.For(DwsOperations.S5_9_6).Path("cluster_id", clusterId).Path("elb_id", elbId), cancellationToken).ConfigureAwait(false),
            clusterId, "unbind ELB", DwsOperations.S5_9_6);

    /// <summary>5.9.7 Binding an EIP to a Cluster. No body, no job: the result shows in 5.9.9 (quirks.md 9).</summary>
    public Task BindEipAsync(string clusterId, string eipId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_9_7).Path("cluster_id", clusterId).Path("eip_id", eipId), cancellationToken);

    /// <summary>5.9.8 Unbinding an EIP from a Cluster. No body, no job.</summary>
    public Task UnbindEipAsync(string clusterId, string eipId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_9_8).Path("cluster_id", clusterId).Path("eip_id", eipId), cancellationToken);

    /// <summary>5.9.9 Querying Connections. <paramref name="instanceType"/> is dws or dws-cn (inst_type), or null for the default.</summary>
    public async Task<ClusterEndpoints> GetEndpointsAsync(string clusterId, string? instanceType = null, CancellationToken cancellationToken = default)
    {
        if (instanceType is not null && instanceType is not ("dws" or "dws-cn"))
            throw new ArgumentException($"The instance type must be dws or dws-cn, not '{instanceType}'.", nameof(instanceType));
        var answer = await _transport.SendAsync<ClusterEndpoints>(
            DwsRequest.For(DwsOperations.S5_9_9).Path("cluster_id", clusterId).Query("inst_type", instanceType),
            cancellationToken).ConfigureAwait(false) ?? new ClusterEndpoints();
        answer.ClusterId = clusterId;
        return answer;
    }

    /// <summary>
    /// 5.9.10 Querying ELB Information: one page of the ELBs of a VPC subnet. <see cref="DwsPage{T}.Total"/> is
    /// the service's count, a hint only (quirks.md 3.5: the example says 10 with 2 items).
    /// </summary>
    public async Task<DwsPage<ClusterElbInfo>> ListElbsPageAsync(string vpcId, string subnetId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        CheckNetwork(vpcId, subnetId);
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
        var (answer, elbs) = await _transport.SendListAsync(
            DwsRequest.For(DwsOperations.S5_9_10).Query("vpc_id", vpcId).Query("subnet_id", subnetId).Query("limit", limit).Query("offset", offset),
            "elbs", (ElbList a) => a.Elbs, cancellationToken).ConfigureAwait(false);
        return new DwsPage<ClusterElbInfo>(elbs, answer.Count);
    }

    /// <summary>
    /// 5.9.10 Querying ELB Information: every ELB of a VPC subnet, a page at a time as the caller enumerates;
    /// stops at the first short page, whatever count says. Arguments are checked at once.
    /// </summary>
    public IAsyncEnumerable<ClusterElbInfo> ListElbsAsync(string vpcId, string subnetId, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        CheckNetwork(vpcId, subnetId);
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1.");
        return DwsPager.ListAsync((offset, limit, ct) => ListElbsPageAsync(vpcId, subnetId, offset, limit, ct), pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    private static void CheckNetwork(string vpcId, string subnetId)
    {
        if (string.IsNullOrWhiteSpace(vpcId)) throw new ArgumentException("vpc_id is mandatory: give the VPC ID.", nameof(vpcId));
        if (string.IsNullOrWhiteSpace(subnetId)) throw new ArgumentException("subnet_id is mandatory: give the subnet ID.", nameof(subnetId));
    }

    private static DomainNameRequest Check(DomainNameRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (string.IsNullOrWhiteSpace(request.Name)) throw new DwsArgumentException("The domain name is mandatory.", nameof(request), request.Name);
        if (request.Name.IndexOf('_') >= 0) throw new ArgumentException($"The domain name '{request.Name}' contains an underscore (_), which domain names cannot contain; use hyphens (-).", nameof(request));
        if (request.Ttl < DomainNameTypes.MinTtl) throw new ArgumentException($"The TTL must be {DomainNameTypes.MinTtl} to {int.MaxValue} seconds, not {request.Ttl}.", nameof(request));
        request.Type = DomainNameTypes.Normalize(request.Type, nameof(request));
        return request;
    }

    private static DwsJob ToJob(DwsJob? job, string clusterId, string what, DwsOperation operation)
    {
        if (job is null || string.IsNullOrEmpty(job.JobId))
            throw DwsErrorMapper.UnusableAnswer(operation, $"The service returned no job ID to {what} of cluster {clusterId}.");
        job.ClusterId = clusterId;
        return job;
    }
}
