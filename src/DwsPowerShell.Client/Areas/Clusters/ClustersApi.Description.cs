using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>A cluster's description (5.2.54).</summary>
public sealed partial class ClustersApi
{
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
}
