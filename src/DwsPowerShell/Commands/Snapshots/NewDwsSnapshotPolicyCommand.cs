using System.Management.Automation;
using DwsPowerShell.Completers;
using DwsPowerShell.Client.Models.Snapshots;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Adds a snapshot policy strategy to clusters.</summary>
/// <remarks>
/// Adds an automated snapshot strategy to a cluster's snapshot policy and sets the policy's retention
/// (API reference 5.3.9, PUT /v2/{project_id}/clusters/{cluster_id}/snapshot-policies), then reads the policy
/// (API reference 5.3.11) and writes the new strategy. -Schedule is the service's cron-like expression: seconds
/// minutes hours day-of-month month day-of-week, where day-of-week 1 is Sunday. Clusters from Get-DwsCluster bind
/// to -ClusterId by property name. -WhatIf shows what would be added.
/// </remarks>
/// <example title="A nightly full snapshot at 03:00 for every production cluster">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | New-DwsSnapshotPolicy -Name nightly -Schedule '0 0 3 ? * 1,2,3,4,5,6,7' -KeepDay 7
/// </code>
/// <para>Each cluster gets a full snapshot every day at 03:00, kept 7 days.</para>
/// </example>
/// <example title="Incremental snapshots every eight hours on working days">
/// <code>
/// New-DwsSnapshotPolicy -ClusterId $id -Name workday_incr -Schedule '0 56 2/8 ? * 2,3,4,5,6' -BackupType increment
/// </code>
/// <para>Adds an incremental strategy at 02:56, 10:56 and 18:56 from Monday to Friday.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "DwsSnapshotPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SnapshotPolicyStrategy))]
public sealed class NewDwsSnapshotPolicyCommand : DwsCmdlet
{
    /// <summary>The clusters; accepts clusters from Get-DwsCluster (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>The strategy's name: 4 to 92 letters, digits, hyphens and underscores, starting with a letter; unique in the cluster (any case).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidatePattern("^[A-Za-z][A-Za-z0-9_-]{3,91}$")]
    public string Name { get; set; } = string.Empty;

    /// <summary>When snapshots are taken: seconds minutes hours day-of-month month day-of-week (1 is Sunday), such as '0 0 3 ? * 1,2,3,4,5,6,7'.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Schedule { get; set; } = string.Empty;

    /// <summary>full (the default) or increment.</summary>
    [Parameter]
    [ValidateSet("full", "increment")]
    public string BackupType { get; set; } = "full";

    /// <summary>How many days automated snapshots are kept, 1 to 31; the policy's current retention when left out.</summary>
    [Parameter]
    [ValidateRange(1, 31)]
    public int? KeepDay { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange($"cluster {id}", $"Add snapshot policy '{Name}' ({BackupType}, {Schedule})", false)) continue;
            ForItem(id, () =>
            {
                var spec = new SnapshotPolicySpec
                {
                    KeepDay = KeepDay,
                    BackupStrategies = new List<SnapshotPolicyStrategySpec>
                    {
                        new() { PolicyName = Name, BackupStrategy = Schedule, BackupType = BackupType, BackupLevel = "cluster" },
                    },
                };
                Await(ct => DwsSession.Snapshots.AddPolicyAsync(id, spec, ct));
                var policy = Await(ct => DwsSession.Snapshots.GetPolicyAsync(id, ct));
                var added = policy.BackupStrategies?.FirstOrDefault(s => string.Equals(s.PolicyName, Name, StringComparison.OrdinalIgnoreCase));
                if (added is not null) WriteObject(added);
            });
        }
    }
}
