using System.Security;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>A cluster's security groups (5.2.2) and administrator password (5.2.28).</summary>
public sealed partial class ClustersApi
{
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
}
