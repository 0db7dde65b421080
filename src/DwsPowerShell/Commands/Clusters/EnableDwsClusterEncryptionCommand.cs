using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Converts ordinary DWS clusters to encrypted clusters.</summary>
/// <remarks>Encrypts each cluster with a KMS key (API reference 5.2.60, POST /v2/{project_id}/clusters/{cluster_id}/encrypt with {"encrypt":{master_key_id, master_key_name, crypt_algorithm}}). The conversion is one-way, so this is a high-risk operation: besides the -Confirm prompt it asks again unless -Force. Returns the job (pipe to Wait-DwsJob); with -Wait it waits, with a progress bar, until the job ends. Get-DwsClusterEncryption shows the result.</remarks>
/// <example title="Encrypt a cluster and wait">
/// <code>
/// Enable-DwsClusterEncryption -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -KmsKeyId 76c38733-793d-4ba5-8adb-909c7955aa73 -KmsKeyName KMS-test -Force -Wait
/// </code>
/// <para>Starts the conversion without prompting and writes the finished job.</para>
/// </example>
/// <example title="Encrypt every ordinary cluster">
/// <code>
/// Get-DwsCluster | Get-DwsClusterEncryption | Where-Object { -not $_.IsEncrypted } | Enable-DwsClusterEncryption -KmsKeyId $key.Id -KmsKeyName $key.Name -Force | Wait-DwsJob
/// </code>
/// <para>Converts each cluster that is not encrypted yet and waits for the jobs.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Enable, "DwsClusterEncryption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DwsJob))]
public sealed class EnableDwsClusterEncryptionCommand : DwsClusterJobCmdlet
{
    /// <summary>The KMS key ID (master_key_id).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string KmsKeyId { get; set; } = string.Empty;

    /// <summary>The KMS key name (master_key_name).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string KmsKeyName { get; set; } = string.Empty;

    /// <summary>The encryption algorithm: generalCipher (the default) or SMCipher.</summary>
    [Parameter]
    [ValidateSet(EncryptClusterRequest.GeneralCipher, EncryptClusterRequest.SMCipher)]
    public string? CryptAlgorithm { get; set; }

    /// <summary>Do not ask for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => $"Encrypt DWS cluster with KMS key {KmsKeyName} (one-way)";

    protected override string Activity(string clusterId) => $"Encrypting DWS cluster {clusterId}";

    protected override Task<DwsJob> SendAsync(string clusterId, CancellationToken ct) =>
        DwsSession.Clusters.EncryptAsync(clusterId, new EncryptClusterRequest { Encrypt = new EncryptInfo { MasterKeyId = KmsKeyId, MasterKeyName = KmsKeyName, CryptAlgorithm = CryptAlgorithm } }, ct);

    protected override bool Forced => Force;

    protected override bool HighRisk => true;
}
