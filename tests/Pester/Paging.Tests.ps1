# -First, -Skip and -IncludeTotalCount (SupportsPaging) on every list cmdlet, against the DWS emulator (time scale
# 600). PowerShell's convention: the total count is the FIRST object, exact (accuracy 1.0) or marked as an estimate.
BeforeDiscovery {
    # Every list cmdlet that supports paging, with the arguments (read when the test runs) of a list that has items.
    $lists = @(
        @{ Name = 'Get-DwsCluster'; Arguments = { @{} } }
        @{ Name = 'Get-DwsCluster'; Arguments = { @{ Name = 'pester-paging-*' } } }
        @{ Name = 'Get-DwsCluster'; Arguments = { @{ Tag = @{ env = 'paging' }; Raw = $true } } }
        @{ Name = 'Get-DwsSnapshot'; Arguments = { @{} } }
        @{ Name = 'Get-DwsSnapshot'; Arguments = { @{ ClusterId = $plain.ClusterId } } }
        @{ Name = 'Get-DwsClusterTag'; Arguments = { @{} } }
        @{ Name = 'Get-DwsClusterTag'; Arguments = { @{ ClusterId = $plain.ClusterId } } }
        @{ Name = 'Get-DwsClusterTag'; Arguments = { @{ ClusterId = $plain.ClusterId; System = $true } } }
        @{ Name = 'Get-DwsClusterParameterAuditRecord'; Arguments = { @{ ClusterId = $plain.ClusterId } } }
        @{ Name = 'Get-DwsWorkloadPlan'; Arguments = { @{ ClusterId = $plain.ClusterId } } }
        @{ Name = 'Get-DwsWorkloadPlan'; Arguments = { @{ ClusterId = $plain.ClusterId; Name = 'plan_[ab]' } } }
        @{ Name = 'Get-DwsElb'; Arguments = { @{ VpcId = 'vpc-paging'; SubnetId = 'subnet-paging' } } }
        @{ Name = 'Get-DwsElb'; Arguments = { @{ ClusterId = $plain.ClusterId } } }
        @{ Name = 'Get-DwsClusterResizeOption'; Arguments = { @{ ClusterId = $plain.ClusterId; Flavor = $true } } }
        @{ Name = 'Get-DwsClusterResizeOption'; Arguments = { @{ FlavorId = $flavorId } } }
        @{ Name = 'Get-DwsAvailableAction'; Arguments = { @{} } }
        @{ Name = 'Get-DwsClusterNode'; Arguments = { @{ ClusterId = $logical.ClusterId } } }
        @{ Name = 'Get-DwsClusterRing'; Arguments = { @{ ClusterId = $logical.ClusterId } } }
        @{ Name = 'Get-DwsLogicalCluster'; Arguments = { @{ ClusterId = $logical.ClusterId } } }
        @{ Name = 'Get-DwsLogicalClusterRing'; Arguments = { @{ ClusterId = $logical.ClusterId } } }
        @{ Name = 'Get-DwsLogicalClusterVolume'; Arguments = { @{ ClusterId = $logical.ClusterId } } }
        @{ Name = 'Get-DwsLogicalClusterTask'; Arguments = { @{ ClusterId = $logical.ClusterId } } }
    )
    # Tested with their own fixtures: Get-DwsWorkloadPlanLog (Workload.Tests.ps1), Get-DwsClusterRedistribution -Table (Clusters.Resize.Tests.ps1).
    $covered = @($lists.Name) + 'Get-DwsWorkloadPlanLog', 'Get-DwsClusterRedistribution' | Sort-Object -Unique
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $zone = "$($script:emu.Credential.Region)a"
    function New-TestCluster([string] $Name, [int] $NodeCount) {
        New-DwsCluster -Name $Name -Flavor dws.d2.xlarge -NodeCount $NodeCount -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-paging' -SubnetId 'subnet-paging' -Wait -PollIntervalSec 1 -Confirm:$false
    }

    # A plain cluster with snapshots, tags, parameter changes and plans.
    $script:plain = New-TestCluster 'pester-paging-plain' 3
    'snap_one', 'snap_two', 'snap_three' | ForEach-Object { New-DwsSnapshot -ClusterId $plain.ClusterId -Name $_ -Wait -PollIntervalSec 1 | Out-Null }
    Add-DwsClusterTag -ClusterId $plain.ClusterId -Tag @{ env = 'paging'; team = 'bi'; tier = 'gold' }
    300, 400, 500 | ForEach-Object { Set-DwsClusterParameter -ClusterId $plain.ClusterId -Name session_timeout -Value $_ -Confirm:$false | Out-Null }
    'plan_a', 'plan_b', 'plan_c' | ForEach-Object { New-DwsWorkloadPlan -ClusterId $plain.ClusterId -Name $_ | Out-Null }

    # A cluster of 3 rings made logical ('base'), shrunk to one ring, and a second logical cluster on another: one ring free.
    $script:logical = New-TestCluster 'pester-paging-logical' 9
    $base = $logical | ConvertTo-DwsLogicalCluster -LogicalClusterName base -Force -Wait -PollIntervalSec 1
    $base | Set-DwsLogicalCluster -Ring $base.ClusterRings[0] -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
    Get-DwsLogicalClusterRing -ClusterId $logical.ClusterId -First 1 | New-DwsLogicalCluster -Name etl -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null

    $script:flavorId = (Get-DwsClusterFlavor -ClusterId $plain.ClusterId).FlavorId
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'SupportsPaging' {
    It 'is tested for every cmdlet that takes -IncludeTotalCount' -TestCases @{ Covered = $covered } {
        $paging = Get-Command -Module DwsPowerShell | Where-Object { $_.Parameters.ContainsKey('IncludeTotalCount') } | ForEach-Object Name
        @($paging | Sort-Object) | Should -Be @($Covered)
    }

    It '<Name> <Arguments> writes the exact total first, then the page' -ForEach $lists {
        $arguments = & $Arguments
        $all = @(& $Name @arguments)
        $all.Count | Should -BeGreaterThan 0 -Because "$Name needs a list with items here"

        $out = @(& $Name @arguments -IncludeTotalCount -First 1)
        $out | Should -HaveCount 2
        $out[0] | Should -BeOfType [uint64]
        $out[0] | Should -Be $all.Count
        $out[0].Accuracy | Should -Be 1.0
        $out[1].GetType() | Should -Be $all[0].GetType()

        $countOnly = @(& $Name @arguments -IncludeTotalCount -Skip ($all.Count + 1))
        $countOnly | Should -HaveCount 1
        $countOnly[0] | Should -Be $all.Count
    }

    It 'writes the page -Skip and -First select after the total' {
        $all = @(Get-DwsClusterNode -ClusterId $logical.ClusterId)
        $out = @(Get-DwsClusterNode -ClusterId $logical.ClusterId -IncludeTotalCount -Skip 2 -First 3)
        $out | Should -HaveCount 4
        $out[0] | Should -Be $all.Count
        @($out[1..3].NodeId) | Should -Be @($all[2..4].NodeId)
    }

    It 'counts after the filter' {
        $out = @(Get-DwsWorkloadPlan -ClusterId $plain.ClusterId -Name 'plan_[ab]' -IncludeTotalCount)
        $out[0] | Should -Be 2
        @($out[1..2].PlanName) | Should -Be @('plan_a', 'plan_b')
    }
}
