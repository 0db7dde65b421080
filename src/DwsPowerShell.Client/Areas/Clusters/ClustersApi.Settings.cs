using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Jobs;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Cluster settings, statistics and security (issue 4, settings slice).</summary>
public sealed partial class ClustersApi
{
    /// <summary>The precheck's name in <see cref="DwsCheckResult.Check"/>.</summary>
    public const string CreationCheck = "cluster creation";

    /// <summary>5.2.2 Modifying the Security Group of a Cluster: the given groups replace the whole set (no answer body).</summary>
    public Task SetSecurityGroupsAsync(string clusterId, IEnumerable<string> securityGroupIds, CancellationToken cancellationToken = default)
    {
        var ids = (securityGroupIds ?? throw new ArgumentNullException(nameof(securityGroupIds))).ToList();
        if (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("SecurityGroupId needs at least one non-empty security group ID: the list replaces the cluster's whole set.", nameof(securityGroupIds));
        ids = ids.Distinct(StringComparer.Ordinal).ToList();
        return _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_2).Path("cluster_id", clusterId)
            .WithBody(new SecurityGroupUpdate { SecurityGroups = ids }), cancellationToken);
    }

    /// <summary>The security group IDs of a cluster as 5.2.13 reports them (security_group_id, split on commas).</summary>
    public static IReadOnlyList<string> SecurityGroupsOf(Cluster cluster) =>
        (cluster?.SecurityGroupId ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>5.2.28 Resetting a Password: the administrator's new password (checked against the 5.2.28 rules before sending).</summary>
    public Task ResetPasswordAsync(string clusterId, SecureString newPassword, CancellationToken cancellationToken = default)
    {
        var body = new ResetPasswordRequest();
        body.SetNewPassword(newPassword);
        body.Validate();
        return _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_28).Path("cluster_id", clusterId).WithBody(body), cancellationToken);
    }

    /// <summary>
    /// 5.2.29 Performing a Check Before Cluster Creation. Takes the 5.2.3 request; sends it with db_port as a string
    /// and tags as tag_list (quirks.md 7.10). Answers only by status (quirks.md 1.6): passed on 200, failed with the
    /// reason on an expected 4xx. A request that fails the local checks of 5.2.3 fails the same way, without a call.
    /// </summary>
    public async Task<DwsCheckResult> PrecheckCreateAsync(CreateClusterRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        try
        {
            request.Validate();
        }
        catch (ArgumentException ex)
        {
            return new DwsCheckResult(CreationCheck, passed: false, ex.Message, "InvalidRequest", request.Name);
        }
        return await DwsChecks.RunAsync(_transport, DwsRequest.For(DwsOperations.S5_2_29).WithBody(PrecheckBody(request)), CreationCheck, request.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The 5.2.29 body: the 5.2.3 cluster object, with db_port as a string and tags renamed tag_list.</summary>
    internal static JsonObject PrecheckBody(CreateClusterRequest request)
    {
        var cluster = JsonSerializer.SerializeToNode(request, DwsJson.Options)!.AsObject();
        if (cluster["db_port"] is JsonNode port)
        {
            cluster["db_port"] = port.ToJsonString();
        }
        if (cluster["tags"] is JsonNode tags)
        {
            cluster.Remove("tags");
            cluster["tag_list"] = tags;
        }
        return new JsonObject { ["cluster"] = cluster };
    }

    /// <summary>
    /// 5.2.34 Querying Clusters by Tag: a read by POST with offset/limit in the query string (quirks.md 3.7). A cluster
    /// matches when it has every key, with one of the values where values are given.
    /// </summary>
    public IAsyncEnumerable<ClusterTagResource> ListByTagAsync(IEnumerable<TagFilter> filters, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var body = new TagFilterRequest { Tags = CheckFilters(filters) };
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, resources) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_34)
                .Query("offset", offset).Query("limit", limit).WithBody(body), "resources", (ClusterTagResourceList a) => a.Resources, ct).ConfigureAwait(false);
            return new DwsPage<ClusterTagResource>(resources, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }

    /// <summary>The clusters whose tags match (5.2.34), as full cluster objects from the list (5.2.6), in list order.</summary>
    public async Task<IReadOnlyList<Cluster>> ListClustersByTagAsync(IEnumerable<TagFilter> filters, CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var r in ListByTagAsync(filters, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(r.ResourceId)) ids.Add(r.ResourceId!);
        }
        if (ids.Count == 0) return new List<Cluster>();
        var all = await ListAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(c => c.Id is not null && ids.Contains(c.Id)).ToList();
    }

    private static List<TagFilter> CheckFilters(IEnumerable<TagFilter>? filters)
    {
        var list = (filters ?? throw new ArgumentNullException(nameof(filters))).ToList();
        if (list.Count == 0) throw new ArgumentException("Tag needs at least one key to filter on.", nameof(filters));
        foreach (var f in list)
        {
            if (f is null || string.IsNullOrWhiteSpace(f.Key)) throw new ArgumentException("Every tag filter needs a key.", nameof(filters));
        }
        return list;
    }

    /// <summary>5.2.35 Querying the Resource Statistics (v1.0): the name/value rows as one object.</summary>
    public async Task<DwsResourceStatistic> GetResourceStatisticsAsync(CancellationToken cancellationToken = default) =>
        DwsResourceStatistic.From((await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_35), "statistics", (DwsStatisticList a) => a.Statistics,
            cancellationToken).ConfigureAwait(false)).Answer);

    /// <summary>5.2.36 Performing a Switchback: restores the primary/standby balance (sub_status UNBALANCED); returns the job.</summary>
    public async Task<DwsJob> SwitchbackAsync(string clusterId, CancellationToken cancellationToken = default) =>
        await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_36).Path("cluster_id", clusterId), clusterId, "switchback", cancellationToken).ConfigureAwait(false);

    /// <summary>5.2.37 Removing the Read-only Status: clears READONLY from the cluster's sub_status (no body either way).</summary>
    public Task CancelReadOnlyAsync(string clusterId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_37).Path("cluster_id", clusterId), cancellationToken);

    /// <summary>5.2.45 Querying Snapshot Statistics: storage.free, storage.paid and storage.used (GB) of a cluster's snapshots.</summary>
    public async Task<DwsSnapshotStatistic> GetSnapshotStatisticsAsync(string clusterId, CancellationToken cancellationToken = default) =>
        DwsSnapshotStatistic.From((await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_45).Path("cluster_id", clusterId),
            "statistics", (DwsStatisticList a) => a.Statistics, cancellationToken).ConfigureAwait(false)).Answer, clusterId);

    /// <summary>5.2.51 Obtaining Cluster Encryption Information: the KMS key of an encrypted cluster.</summary>
    public async Task<ClusterEncryption> GetEncryptionAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var info = await _transport.SendAsync<ClusterEncryption>(DwsRequest.For(DwsOperations.S5_2_51).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false)
            ?? new ClusterEncryption();
        if (string.IsNullOrEmpty(info.ClusterId)) info.ClusterId = clusterId;
        return info;
    }

    /// <summary>
    /// 5.2.54 Saving Cluster Description: a POST that updates (quirks.md 7.7). HTTP 200 carries error_code, and the
    /// reference's success example says DWS.0138 (quirks.md 1.2): see <see cref="DescriptionResult.HasUnexpectedCode"/>.
    /// </summary>
    public async Task<DescriptionResult> SetDescriptionAsync(string clusterId, string description, CancellationToken cancellationToken = default)
    {
        if (description is null) throw new ArgumentNullException(nameof(description), "description is required (an empty string clears it).");
        var answer = await _transport.SendAsync<DescriptionResult>(DwsRequest.For(DwsOperations.S5_2_54).Path("cluster_id", clusterId)
            .WithBody(new DescriptionRequest { DescriptionInfo = description }).WithSuccessCode(DescriptionResult.SavedCode), cancellationToken).ConfigureAwait(false) ?? new DescriptionResult();
        answer.ClusterId = clusterId;
        answer.Description = description;
        return answer;
    }

    /// <summary>5.2.58 Querying Available Operations of the Current Tenant (paged; the service's default limit is 10).</summary>
    public IAsyncEnumerable<DwsAvailableAction> ListAvailableActionsAsync(int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default) =>
        DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var (page, actions) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_58).Query("offset", offset).Query("limit", limit), "action_info",
                (AvailableActionList a) => a.ActionInfo, ct).ConfigureAwait(false);
            return new DwsPage<DwsAvailableAction>(actions.Select(a => new DwsAvailableAction(a)).ToList(), page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);

    /// <summary>5.2.60 Converting an Ordinary Cluster to an Encrypted Cluster: one-way; returns the job.</summary>
    public async Task<DwsJob> EncryptAsync(string clusterId, EncryptClusterRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        request.Validate();
        return await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_60).Path("cluster_id", clusterId).WithBody(request),
            clusterId, "encryption", cancellationToken).ConfigureAwait(false);
    }
}
