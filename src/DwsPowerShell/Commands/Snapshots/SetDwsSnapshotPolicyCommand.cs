using System.Management.Automation;
using DwsPowerShell.Completers;
using DwsPowerShell.Client.Models.Snapshots;

namespace DwsPowerShell.Commands.Snapshots;

/// <summary>Changes a snapshot policy strategy or the policy's retention.</summary>
/// <remarks>
/// With -NewName, -Schedule or -BackupType, reads the strategy (API reference 5.3.12), merges the values given and
/// writes it back (API reference 5.3.13, a full replacement). -KeepDay changes the policy's retention (API reference
/// 5.3.9 with only keep_day). Strategies from Get-DwsSnapshotPolicy bind to -ClusterId and -PolicyId by property
/// name. -PassThru writes the strategy afterwards. -WhatIf shows what would change.
/// </remarks>
/// <example title="Keep the snapshots of every strategy of a cluster 14 days">
/// <code>
/// Get-DwsSnapshotPolicy -ClusterId $id -Name nightly | Set-DwsSnapshotPolicy -KeepDay 14 -PassThru
/// </code>
/// <para>Sets the policy's retention to 14 days and writes the strategy with its new KeepDay.</para>
/// </example>
/// <example title="Move a strategy to 01:30 on Sundays">
/// <code>
/// Set-DwsSnapshotPolicy -ClusterId $id -PolicyId $policyId -Schedule '0 30 1 ? * 1'
/// </code>
/// <para>Keeps the name and type and changes only the schedule.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsSnapshotPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SnapshotPolicyStrategy))]
public sealed class SetDwsSnapshotPolicyCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts strategies (any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The strategy to change; accepts strategies from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PolicyId { get; set; } = string.Empty;

    /// <summary>The strategy's new name: 4 to 92 letters, digits, hyphens and underscores, starting with a letter.</summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z][A-Za-z0-9_-]{3,91}$")]
    public string? NewName { get; set; }

    /// <summary>The new schedule: seconds minutes hours day-of-month month day-of-week (1 is Sunday).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Schedule { get; set; }

    /// <summary>full or increment.</summary>
    [Parameter]
    [ValidateSet("full", "increment")]
    public string? BackupType { get; set; }

    /// <summary>The policy's retention in days, 1 to 31 (it applies to every strategy of the cluster).</summary>
    [Parameter]
    [ValidateRange(1, 31)]
    public int? KeepDay { get; set; }

    /// <summary>Writes the strategy after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (NewName is null && Schedule is null && BackupType is null && KeepDay is null)
        {
            WriteError(new ErrorRecord(new PSArgumentException("Nothing to change: give -NewName, -Schedule, -BackupType or -KeepDay."),
                "DwsNothingToChange", ErrorCategory.InvalidArgument, PolicyId));
            return;
        }
        if (!ShouldChange($"snapshot policy {PolicyId} of cluster {ClusterId}", "Change snapshot policy", false)) return;
        ForItem(PolicyId, () =>
        {
            if (NewName is not null || Schedule is not null || BackupType is not null)
            {
                var current = Await(ct => DwsSession.Snapshots.GetPolicyStrategyAsync(ClusterId, PolicyId, ct));
                var spec = new SnapshotPolicyStrategySpec
                {
                    PolicyId = PolicyId,
                    PolicyName = NewName ?? current.PolicyName ?? string.Empty,
                    BackupStrategy = Schedule ?? current.BackupStrategy ?? string.Empty,
                    BackupType = BackupType ?? current.BackupType,
                    BackupLevel = current.BackupLevel ?? "cluster",
                };
                Await(ct => DwsSession.Snapshots.SetPolicyStrategyAsync(ClusterId, PolicyId, spec, ct));
            }
            if (KeepDay is not null)
                Await(ct => DwsSession.Snapshots.AddPolicyAsync(ClusterId, new SnapshotPolicySpec { KeepDay = KeepDay }, ct));
            if (PassThru)
            {
                var policy = Await(ct => DwsSession.Snapshots.GetPolicyAsync(ClusterId, ct));
                var s = policy.BackupStrategies?.FirstOrDefault(x => x.PolicyId == PolicyId);
                if (s is not null) WriteObject(s);
            }
        });
    }
}
