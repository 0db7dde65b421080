using DwsPowerShell.Client.Catalogue;
using System.Globalization;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Paging;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Areas;

/// <summary>Cluster parameters (5.2.42, 5.2.43, 5.2.44, 5.2.53).</summary>
public sealed partial class ClustersApi
{
    /// <summary>5.2.42 Querying a Cluster Parameter Group: the cluster's parameter groups.</summary>
    public async Task<IReadOnlyList<ClusterParameterGroupInfo>> ListParameterGroupsAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var (_, list) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_42).Path("cluster_id", clusterId), "configurations",
            (ClusterParameterGroupList a) => a.Configurations, cancellationToken).ConfigureAwait(false);
        foreach (var g in list) g.ClusterId = clusterId;
        return list;
    }

    /// <summary>The ID of the cluster's group of type parameterGroup (5.2.42), which holds its modifiable parameters.</summary>
    public async Task<string> GetDefaultParameterGroupIdAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var groups = await ListParameterGroupsAsync(clusterId, cancellationToken).ConfigureAwait(false);
        return groups.FirstOrDefault(g => string.Equals(g.Type, ClusterParameterGroupInfo.ParameterGroupType, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new InvalidOperationException($"Cluster {clusterId} has no parameter group of type {ClusterParameterGroupInfo.ParameterGroupType}; give the configuration ID (Get-DwsClusterParameterGroup lists them).");
    }

    /// <summary>
    /// 5.2.43 Querying Cluster Parameter Settings (v1.0 GET; the change is v2: quirks.md 8.1). Without
    /// <paramref name="configurationId"/> the cluster's parameterGroup group is read.
    /// </summary>
    public async Task<IReadOnlyList<ClusterParameter>> ListParametersAsync(string clusterId, string? configurationId = null, CancellationToken cancellationToken = default)
    {
        var groupId = configurationId ?? await GetDefaultParameterGroupIdAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var (_, list) = await _transport.SendListAsync(DwsRequest.For(DwsOperations.S5_2_43)
            .Path("cluster_id", clusterId).Path("configuration_id", groupId, nameof(configurationId)), "configurations", (ClusterParameterList a) => a.Configurations,
            cancellationToken).ConfigureAwait(false);
        foreach (var p in list)
        {
            p.ClusterId = clusterId;
            p.ConfigurationId = groupId;
        }
        return list;
    }

    /// <summary>5.2.44 Modifying Parameter Settings of a Cluster (v2 PUT): sends the settings as given.</summary>
    public Task UpdateParametersAsync(string clusterId, string configurationId, IEnumerable<ParameterSetting> settings, CancellationToken cancellationToken = default)
    {
        var list = (settings ?? throw new ArgumentNullException(nameof(settings))).ToList();
        if (list.Count == 0) throw new ArgumentException("Give at least one parameter setting.", nameof(settings));
        foreach (var s in list)
        {
            if (s is null || string.IsNullOrWhiteSpace(s.Name)) throw new ArgumentException("Every parameter setting needs a name.", nameof(settings));
            if (s.Value is null) throw new ArgumentException($"Parameter {s.Name} needs a value.", nameof(settings));
            var type = s.Type?.Trim().ToLowerInvariant();
            if (type is not ("cn" or "dn")) throw new ArgumentException($"Parameter {s.Name} has type '{s.Type}'; use cn or dn.", nameof(settings));
            s.Type = type;
        }
        return _transport.SendAsync(DwsRequest.For(DwsOperations.S5_2_44)
            .Path("cluster_id", clusterId).Path("configuration_id", configurationId).WithBody(new ParameterUpdateRequest { Configurations = list }), cancellationToken);
    }

    /// <summary>
    /// Changes named parameters without losing the others: reads the group (5.2.43), checks each name exists and is
    /// not read-only, merges the new values for the given roles into the current modifiable settings, and writes the
    /// merged set (5.2.44). Values equal to the current ones change nothing; when nothing differs, nothing is sent.
    /// </summary>
    /// <param name="values">Parameter name → new value (booleans become on/off).</param>
    /// <param name="roles">Where the values apply: Cn, Dn or both (the default).</param>
    public async Task<ParameterUpdateResult> SetParametersAsync(string clusterId, IReadOnlyDictionary<string, string> values, ParameterRole roles = ParameterRole.Cn | ParameterRole.Dn,
        string? configurationId = null, CancellationToken cancellationToken = default)
    {
        if (values is null || values.Count == 0) throw new ArgumentException("Give at least one parameter name and value.", nameof(values));
        if ((roles & (ParameterRole.Cn | ParameterRole.Dn)) == 0) throw new ArgumentException("Role must be Cn, Dn or both.", nameof(roles));
        var groupId = configurationId ?? await GetDefaultParameterGroupIdAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var current = await ListParametersAsync(clusterId, groupId, cancellationToken).ConfigureAwait(false);
        var plan = MergeParameters(current, values, roles);
        if (plan.Changes.Count > 0)
        {
            await UpdateParametersAsync(clusterId, groupId, plan.Settings, cancellationToken).ConfigureAwait(false);
        }
        return new ParameterUpdateResult(clusterId, groupId, plan.Changes);
    }

    /// <summary>The read-merge-write step of <see cref="SetParametersAsync"/>: the full modifiable set with the new values, and what differs.</summary>
    internal static (List<ParameterSetting> Settings, List<ParameterChange> Changes) MergeParameters(IReadOnlyList<ClusterParameter> current, IReadOnlyDictionary<string, string> values, ParameterRole roles)
    {
        var byName = current.Where(p => p.Name is not null).GroupBy(p => p.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var wanted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values)
        {
            if (!byName.TryGetValue(pair.Key, out var parameter))
            {
                var near = byName.Keys.Where(k => k.IndexOf(pair.Key, StringComparison.OrdinalIgnoreCase) >= 0 || pair.Key.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0).Take(5).ToList();
                throw new ArgumentException($"The cluster has no parameter '{pair.Key}'.{(near.Count > 0 ? " Did you mean: " + string.Join(", ", near) + "?" : " Get-DwsClusterParameter lists them.")}", nameof(values));
            }
            if (parameter.ReadOnly == true) throw new ArgumentException($"Parameter {parameter.Name} is read-only and cannot be changed.", nameof(values));
            if (pair.Value is null) throw new ArgumentException($"Parameter {parameter.Name} needs a value.", nameof(values));
            wanted[parameter.Name!] = NormalizeValue(parameter, pair.Value);
        }

        var settings = new List<ParameterSetting>();
        var changes = new List<ParameterChange>();
        foreach (var parameter in current)
        {
            if (parameter.Name is null || parameter.ReadOnly == true) continue;
            foreach (var role in new[] { ParameterRole.Cn, ParameterRole.Dn })
            {
                var wire = role.ToWire();
                var old = parameter.ValueOf(role);
                if (old is null && !wanted.ContainsKey(parameter.Name)) continue;
                var value = old;
                if ((roles & role) != 0 && wanted.TryGetValue(parameter.Name, out var newValue))
                {
                    value = newValue;
                    if (!string.Equals(old, newValue, StringComparison.Ordinal))
                        changes.Add(new ParameterChange(parameter.Name, wire, old, newValue, parameter.RestartRequired == true));
                }
                settings.Add(new ParameterSetting(wire, parameter.Name, value!));
            }
        }
        return (settings, changes);
    }

    private static string NormalizeValue(ClusterParameter parameter, string value)
    {
        var v = value.Trim();
        if (string.Equals(parameter.Type, "boolean", StringComparison.OrdinalIgnoreCase))
        {
            switch (v.ToLowerInvariant())
            {
                case "true" or "on" or "1" or "yes": return "on";
                case "false" or "off" or "0" or "no": return "off";
                default: throw new ArgumentException($"Parameter {parameter.Name} is boolean: give on or off (or $true/$false), not '{value}'.", "values");
            }
        }
        if (string.Equals(parameter.Type, "integer", StringComparison.OrdinalIgnoreCase) && !long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException($"Parameter {parameter.Name} is an integer{(parameter.Unit is null ? "" : " (" + parameter.Unit + ")")}: '{value}' is not one. Range: {parameter.ValueRange}.", "values");
        }
        return v;
    }

    /// <summary>5.2.53 Querying Parameter Modification Audit Records (paged by record offset).</summary>
    public IAsyncEnumerable<ParameterAuditRecord> ListParameterAuditRecordsAsync(string clusterId, ParameterAuditQuery? query = null, int pageSize = DwsPager.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        DwsRequest.CheckPathValue(clusterId, nameof(clusterId));
        return DwsPager.ListAsync(async (offset, limit, ct) =>
        {
            var request = DwsRequest.For(DwsOperations.S5_2_53).Path("cluster_id", clusterId)
                .Query("action_time", query?.Since?.ToUnixTimeMilliseconds())
                .Query("filter_by", string.IsNullOrEmpty(query?.FilterBy) ? null : query!.FilterBy)
                .Query("filter", string.IsNullOrEmpty(query?.Filter) ? null : query!.Filter)
                .Query("offset", offset).Query("limit", limit);
            var (page, records) = await _transport.SendListAsync(request, "records", (ParameterAuditRecordList a) => a.Records, ct).ConfigureAwait(false);
            foreach (var r in records) r.ClusterId = clusterId;
            return new DwsPage<ParameterAuditRecord>(records, page.Count);
        }, pageSize, DwsPaging.RecordOffset, cancellationToken);
    }
}
