<#
.SYNOPSIS
    The README scenario through the cmdlets: connect, create a cluster, snapshot it, start a
    workload plan, scale out and back in, delete. Run by ./build.ps1 -Task Demo.
#>
param([Parameter(Mandatory)] $Emulator)

$ErrorActionPreference = 'Stop'
$c = $Emulator.Credential
Connect-DwsService -Endpoint $Emulator.Url -Region $c.Region -AccessKey $c.AccessKey `
    -SecretKey (ConvertTo-SecureString $c.SecretKey -AsPlainText -Force) -PassThru | Format-Table

$admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Demo-Passw0rd-2026' -AsPlainText -Force))
Write-Host "`n== New-DwsCluster -Wait"
$cluster = New-DwsCluster -Name 'demo-warehouse' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
    -AvailabilityZone "$($c.Region)a" -VpcId 'vpc-demo' -SubnetId 'subnet-demo' -SecurityGroupId 'sg-demo' -Wait -PollIntervalSec 1
$cluster | Format-Table

Write-Host "`n== Get-DwsCluster -Name demo* | New-DwsSnapshot -Name nightly -Wait"
Get-DwsCluster -Name 'demo*' | New-DwsSnapshot -Name 'nightly' -Wait -PollIntervalSec 1 | Format-Table

Write-Host "`n== A workload plan with one stage, started"
$plan = New-DwsWorkloadPlan -ClusterId $cluster.ClusterId -Name 'daytime'
New-DwsWorkloadPlanStage -ClusterId $cluster.ClusterId -PlanId $plan.PlanId -Name 'office-hours' -Month (1..12) -Day (1..31) `
    -StartTime '08:00:00' -EndTime '18:00:00' | Format-Table
Get-DwsWorkloadPlan -ClusterId $cluster.ClusterId | Start-DwsWorkloadPlan | Format-Table

Write-Host "`n== Resize-DwsCluster: out by 3, then back in by 3 | Wait-DwsJob"
Resize-DwsCluster -ClusterId $cluster.ClusterId -AddNodeCount 3 -Wait -PollIntervalSec 1 | Format-Table
Get-DwsClusterResizeOption -ClusterId $cluster.ClusterId | Format-Table
Resize-DwsCluster -ClusterId $cluster.ClusterId -RemoveNodeCount 3 -Force | Wait-DwsJob -PollIntervalSec 1 | Format-Table

Write-Host "`n== Get-DwsCluster | Get-DwsSnapshot"
Get-DwsCluster | Get-DwsSnapshot | Format-Table

Write-Host "`n== Remove-DwsCluster -Force -Wait"
Get-DwsWorkloadPlan -ClusterId $cluster.ClusterId | Stop-DwsWorkloadPlan | Out-Null
Remove-DwsCluster -ClusterId $cluster.ClusterId -Force -Wait -PollIntervalSec 1
Write-Host "Clusters left: $(@(Get-DwsCluster).Count); manual snapshots kept: $(@(Get-DwsSnapshot).Count)"
Write-Host 'Done.'
