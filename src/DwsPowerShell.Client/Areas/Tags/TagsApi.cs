using DwsPowerShell.Client.Catalogue;
using System.Runtime.CompilerServices;
using DwsPowerShell.Client.Models.Tags;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Tag management (5.10); one method per API operation.</summary>
public sealed class TagsApi
{
    private readonly DwsTransport _transport;

    internal TagsApi(DwsTransport transport) => _transport = transport;

    /// <summary>5.10.1 Querying Tags in a Project: each key used in the project with all of its values.</summary>
    public async Task<IReadOnlyList<ProjectTag>> ListProjectTagsAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_10_1), "tags", (ProjectTagList a) => a.Tags, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>5.10.2 Querying Cluster Tags (each tag carries the cluster's ID).</summary>
    public async Task<IReadOnlyList<ResourceTag>> ListAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var (_, tags) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_10_2).Path("cluster_id", clusterId), "tags",
            (ResourceTagList a) => a.Tags, cancellationToken).ConfigureAwait(false);
        return WithCluster(tags, clusterId);
    }

    /// <summary>
    /// 5.10.3 Adding Tags in Batches. A key the cluster already has gets the new value. The answer has no body.
    /// When the answer is lost, the cluster's tags are read again (5.10.2): every tag there, the add succeeds.
    /// </summary>
    public Task AddAsync(string clusterId, IEnumerable<ResourceTag> tags, CancellationToken cancellationToken = default)
    {
        var body = Body(tags, nameof(tags));
        var sent = body.Tags!;
        var request = DwsRequest.For(DwsOperations.S5_10_3).Path("cluster_id", clusterId).WithBody(body);
        return DwsReadBack.ConfirmAsync(_transport, ct => _transport.SendAsync(request, ct), async ct =>
        {
            var current = await ListAsync(clusterId, ct).ConfigureAwait(false);
            var missing = sent.Where(t => !current.Any(c => Same(c, t))).ToList();
            return missing.Count == 0
                ? DwsReadBack<bool>.Seen(true, $"cluster {clusterId} has the tags {string.Join(", ", sent)}")
                : DwsReadBack<bool>.NotSeen($"cluster {clusterId} lacks {string.Join(", ", missing)}");
        }, cancellationToken);
    }

    /// <summary>
    /// 5.10.4 Deleting Tags in Batches: a POST that deletes (quirks.md 7.7); each tag needs its key AND value.
    /// When the answer is lost, the cluster's tags are read again (5.10.2): none of them there, the delete succeeds.
    /// </summary>
    public Task RemoveAsync(string clusterId, IEnumerable<ResourceTag> tags, CancellationToken cancellationToken = default)
    {
        var body = Body(tags, nameof(tags));
        var sent = body.Tags!;
        var request = DwsRequest.For(DwsOperations.S5_10_4).Path("cluster_id", clusterId).WithBody(body);
        return DwsReadBack.ConfirmAsync(_transport, ct => _transport.SendAsync(request, ct), async ct =>
        {
            var current = await ListAsync(clusterId, ct).ConfigureAwait(false);
            var left = sent.Where(t => current.Any(c => Same(c, t))).ToList();
            return left.Count == 0
                ? DwsReadBack<bool>.Seen(true, $"cluster {clusterId} no longer has the tags {string.Join(", ", sent)}")
                : DwsReadBack<bool>.NotSeen($"cluster {clusterId} still has {string.Join(", ", left)}");
        }, cancellationToken);
    }

    private static bool Same(ResourceTag a, ResourceTag b) => a.Key == b.Key && (a.Value ?? string.Empty) == (b.Value ?? string.Empty);

    /// <summary>
    /// 5.10.4 Deleting Tags in Batches by key only: the API needs each tag's value too, so the cluster's tags are
    /// read first (5.10.2) and the values filled in. A key the cluster does not have is an ArgumentException,
    /// and nothing is deleted. Returns the tags deleted.
    /// </summary>
    public async Task<IReadOnlyList<ResourceTag>> RemoveByKeyAsync(string clusterId, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys is null) throw new ArgumentNullException(nameof(keys));
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) throw new ArgumentException("Give at least one tag key.", nameof(keys));
        var current = await ListAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var missing = wanted.Where(k => !current.Any(t => t.Key == k)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Cluster {clusterId} has no tag with key {string.Join(", ", missing.Select(k => "'" + k + "'"))}; its keys are: {(current.Count == 0 ? "none" : string.Join(", ", current.Select(t => t.Key)))}.", nameof(keys));
        var tags = current.Where(t => wanted.Contains(t.Key)).ToList();
        await RemoveAsync(clusterId, tags, cancellationToken).ConfigureAwait(false);
        return tags;
    }

    private static ResourceTagList Body(IEnumerable<ResourceTag> tags, string parameterName)
    {
        if (tags is null) throw new ArgumentNullException(parameterName);
        var list = new ResourceTagList(tags);
        if (list.Tags!.Count == 0) throw new ArgumentException("Give at least one tag.", parameterName);
        foreach (var t in list.Tags)
        {
            if (string.IsNullOrEmpty(t.Key)) throw new ArgumentException("Every tag needs a key.", parameterName);
            t.Value ??= string.Empty;
        }
        return list;
    }

    internal static List<ResourceTag> WithCluster(List<ResourceTag> tags, string clusterId)
    {
        foreach (var t in tags) t.ClusterId = clusterId;
        return tags;
    }
}
