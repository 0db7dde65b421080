using System.Text.Json;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Catalogue;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Snapshots;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Snapshot policies: 5.3.9 to 5.3.14.</summary>
public sealed partial class SnapshotsApi
{
    /// <summary>5.3.9/5.3.13 backup_type values.</summary>
    public static readonly IReadOnlyList<string> SnapshotPolicyBackupTypes = new[] { "full", "increment" };

    /// <summary>5.3.9 device_name values.</summary>
    public static readonly IReadOnlyList<string> SnapshotPolicyDevices = new[] { "OBS", "NBU", "NFS" };

    private static readonly Regex s_policyName = new("^[A-Za-z][A-Za-z0-9_-]{3,91}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// 5.3.9 Adding a Snapshot Policy (PUT creates). Adds the strategies to the cluster's policy and sets its
    /// retention and device.
    /// </summary>
    public Task AddPolicyAsync(string clusterId, SnapshotPolicySpec policy, CancellationToken cancellationToken = default)
    {
        if (policy is null) throw new ArgumentNullException(nameof(policy));
        if (policy.KeepDay is { } keep && (keep < 1 || keep > 31))
            throw new ArgumentOutOfRangeException(nameof(policy), keep, $"keep_day is {keep}; give 1 to 31 retention days.");
        foreach (var s in policy.BackupStrategies ?? new List<SnapshotPolicyStrategySpec>()) CheckStrategy(s);
        var device = policy.DeviceName?.Trim();
        if (!string.IsNullOrEmpty(device))
        {
            var known = SnapshotPolicyDevices.FirstOrDefault(d => string.Equals(d, device, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"device_name '{device}' is not a backup device; use OBS, NBU or NFS.", nameof(policy));
            if (known != "OBS" && (policy.ServerIps is null || policy.ServerIps.Count == 0))
                throw new ArgumentException($"device_name {known} needs server_ips (the {known} server addresses).", nameof(policy));
            if (known == "NBU" && (string.IsNullOrEmpty(policy.ServerPort) || string.IsNullOrEmpty(policy.BackupParam)))
                throw new ArgumentException("device_name NBU needs server_port and backup_param.", nameof(policy));
        }
        var request = DwsRequest.For(DwsOperations.S5_3_9).Path("cluster_id", clusterId).WithBody(policy);
        return _transport.SendAsync(request, cancellationToken);
    }

    /// <summary>5.3.10 Previewing a Snapshot Policy: the next seven planned snapshots.</summary>
    public async Task<IReadOnlyList<SnapshotPolicyPlanItem>> GetPolicyPlanAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var (_, items) = await _transport.SendListAsync(
            DwsRequest.For(DwsOperations.S5_3_10).Path("cluster_id", clusterId),
            "backup_time", (SnapshotPolicyPlanEnvelope a) => a.BackupTime, cancellationToken).ConfigureAwait(false);
        foreach (var i in items) i.ClusterId = clusterId;
        return items;
    }

    /// <summary>5.3.11 Querying a Snapshot Policy: the cluster's policy, one object holding <c>backup_strategies</c>.</summary>
    public async Task<SnapshotPolicy> GetPolicyAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var policy = await _transport.SendAsync<SnapshotPolicy>(
            DwsRequest.For(DwsOperations.S5_3_11).Path("cluster_id", clusterId), cancellationToken).ConfigureAwait(false)
            ?? throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_3_11, $"The service returned no snapshot policy for cluster {clusterId}.");
        policy.ClusterId = clusterId;
        policy.BackupStrategies ??= new List<SnapshotPolicyStrategy>();
        foreach (var s in policy.BackupStrategies)
        {
            s.ClusterId = clusterId;
            s.KeepDay = policy.KeepDay;
        }
        return policy;
    }

    /// <summary>5.3.12 Obtaining Backup Policy Details: one strategy by its policy ID. The reference's example wraps the object in <c>[ ]</c>: either form is read.</summary>
    public async Task<SnapshotPolicyStrategy> GetPolicyStrategyAsync(string clusterId, string policyId, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<JsonElement>(
            DwsRequest.For(DwsOperations.S5_3_12).Path("cluster_id", clusterId).Path("id", policyId), cancellationToken).ConfigureAwait(false);
        var element = answer.ValueKind == JsonValueKind.Array && answer.GetArrayLength() == 1 ? answer[0] : answer;
        if (element.ValueKind != JsonValueKind.Object)
            throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_3_12, $"The service returned no snapshot policy {policyId} for cluster {clusterId}.");
        SnapshotPolicyStrategy? strategy;
        try
        {
            strategy = element.Deserialize<SnapshotPolicyStrategy>(DwsJson.Options);
        }
        catch (JsonException ex)
        {
            throw DwsErrorMapper.UnusableAnswer(DwsOperations.S5_3_12, $"The snapshot policy {policyId} could not be read: {ex.Message}");
        }
        strategy!.PolicyId ??= policyId;
        strategy.ClusterId = clusterId;
        return strategy;
    }

    /// <summary>
    /// 5.3.13 Modifying a Snapshot Policy: replaces one strategy (policy_name and backup_strategy are mandatory;
    /// read the current values with <see cref="GetPolicyStrategyAsync"/> and merge first).
    /// </summary>
    public Task SetPolicyStrategyAsync(string clusterId, string policyId, SnapshotPolicyStrategySpec strategy, CancellationToken cancellationToken = default)
    {
        if (strategy is null) throw new ArgumentNullException(nameof(strategy));
        CheckStrategy(strategy);
        strategy.PolicyId ??= policyId;
        var request = DwsRequest.For(DwsOperations.S5_3_13).Path("cluster_id", clusterId).Path("id", policyId).WithBody(strategy);
        return _transport.SendAsync(request, cancellationToken);
    }

    /// <summary>5.3.14 Deleting a Snapshot Policy: removes one strategy by its policy ID.</summary>
    public Task DeletePolicyStrategyAsync(string clusterId, string policyId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(DwsRequest.For(DwsOperations.S5_3_14).Path("cluster_id", clusterId).Path("id", policyId), cancellationToken);

    private static void CheckStrategy(SnapshotPolicyStrategySpec s)
    {
        if (s is null) throw new ArgumentException("A backup strategy is null; give policy_name and backup_strategy.", "strategy");
        if (string.IsNullOrWhiteSpace(s.PolicyName) || !s_policyName.IsMatch(s.PolicyName))
            throw new DwsArgumentException($"policy_name '{s.PolicyName}' is not valid: use 4 to 92 letters, digits, hyphens and underscores, starting with a letter.", "policy_name", s.PolicyName);
        if (string.IsNullOrWhiteSpace(s.BackupStrategy) || s.BackupStrategy.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < 6)
            throw new DwsArgumentException($"backup_strategy '{s.BackupStrategy}' is not a cron expression: give seconds minutes hours day-of-month month day-of-week, such as '0 0 3 ? * 1,2,3,4,5,6,7'.", "backup_strategy", s.BackupStrategy);
        if (s.BackupType is { } type)
        {
            s.BackupType = SnapshotPolicyBackupTypes.FirstOrDefault(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DwsArgumentException($"backup_type '{type}' is not valid; use full or increment.", "backup_type", type);
        }
        if (s.BackupLevel is { } level && !string.Equals(level.Trim(), "cluster", StringComparison.OrdinalIgnoreCase))
            throw new DwsArgumentException($"backup_level '{level}' is not valid; use cluster.", "backup_level", level);
        if (s.BackupLevel is not null) s.BackupLevel = "cluster";
    }
}
