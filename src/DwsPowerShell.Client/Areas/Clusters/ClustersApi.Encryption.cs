using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>A cluster's encryption: its KMS key (5.2.51) and conversion to an encrypted cluster (5.2.60).</summary>
public sealed partial class ClustersApi
{
    /// <summary>5.2.51 Obtaining Cluster Encryption Information: the KMS key of an encrypted cluster.</summary>
    public async Task<ClusterEncryption> GetEncryptionAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var info = await _transport.SendAsync<ClusterEncryption>(DwsRequest.For(DwsOperations.S5_2_51).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false)
            ?? new ClusterEncryption();
        if (string.IsNullOrEmpty(info.ClusterId)) info.ClusterId = clusterId;
        return info;
    }

    /// <summary>5.2.60 Converting an Ordinary Cluster to an Encrypted Cluster: one-way; returns the job.</summary>
    public async Task<DwsJob> EncryptAsync(string clusterId, EncryptClusterRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        request.Validate();
        return await SendForJobAsync(DwsRequest.For(DwsOperations.S5_2_60).Path("cluster_id", clusterId).WithBody(request),
            clusterId, "encryption", cancellationToken).ConfigureAwait(false);
    }
}
