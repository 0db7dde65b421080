# End-to-end tests of the snapshot cmdlets against the DWS emulator (Pester 5).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:SnapshotType = 'DwsPowerShell.Client.Models.Snapshots.Snapshot'
    $script:NoSuchId = '00000000-0000-4000-8000-000000000000'
    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Dws@Passw0rd2024' -AsPlainText -Force))
    $script:cluster = New-DwsCluster -Name 'snaptest-a' -Flavor 'dws.d2.xlarge' -NodeCount 3 -AdminCredential $admin `
        -AvailabilityZone "$($script:emu.Credential.Region)a" -VpcId 'vpc-snaptest' -SubnetId 'subnet-snaptest' -Wait -PollIntervalSec 1
    $script:clusterId = $script:cluster.ClusterId

    function script:New-ReadySnapshot([string] $Name) {
        New-DwsSnapshot -ClusterId $script:clusterId -Name $Name -Wait -PollIntervalSec 1
    }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'New-DwsSnapshot' {
    It 'snapshots the cluster piped from Get-DwsCluster and writes it CREATING' {
        $snapshot = Get-DwsCluster -Name 'snaptest-*' | New-DwsSnapshot -Name 'nightly' -Description 'pester'

        $snapshot | Should -HaveCount 1
        $snapshot | Should -BeOfType $script:SnapshotType
        $snapshot.Name | Should -Be 'nightly'
        $snapshot.ClusterId | Should -Be $script:clusterId
        $snapshot.Status | Should -Be 'CREATING'
        $snapshot.SnapshotId | Should -Not -BeNullOrEmpty

        # Let it finish so the cluster is idle for the next test.
        ($snapshot | Wait-DwsSnapshot -PollIntervalSec 1).Status | Should -Be 'AVAILABLE'
    }

    It 'waits with -Wait and writes the AVAILABLE snapshot' {
        $snapshot = New-DwsSnapshot -ClusterId $script:clusterId -Name 'weekly' -Wait -PollIntervalSec 1

        $snapshot | Should -BeOfType $script:SnapshotType
        $snapshot.Status | Should -Be 'AVAILABLE'
        (Get-DwsSnapshot -SnapshotId $snapshot.SnapshotId).Status | Should -Be 'AVAILABLE'
    }

    It 'creates nothing with -WhatIf' {
        New-DwsSnapshot -ClusterId $script:clusterId -Name 'whatif_snap' -WhatIf | Should -BeNullOrEmpty
        Get-DwsSnapshot -Name 'whatif_snap' | Should -BeNullOrEmpty
    }

    It 'refuses a bad name before calling the service' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $script:clusterId -MessageLike "*'1bad'*" {
            New-DwsSnapshot -ClusterId $script:clusterId -Name '1bad'
        }
    }

    It 'reports a duplicate name as a conflict' {
        Assert-DwsErrorRecord -ErrorId DwsResourceConflict -Category ResourceExists -TargetObject $script:clusterId { New-DwsSnapshot -ClusterId $script:clusterId -Name 'NIGHTLY' }
    }

    It 'reports an unknown cluster as not found, with the cluster as target' {
        New-DwsSnapshot -ClusterId $script:NoSuchId -Name 'orphan' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet New-DwsSnapshot -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId
    }
}

Describe 'Get-DwsSnapshot' {
    It 'lists every snapshot of the project, filtered by a -Name wildcard' {
        $all = Get-DwsSnapshot
        $all.Name | Should -Contain 'nightly'
        $all.Name | Should -Contain 'weekly'
        $all | ForEach-Object { $_ | Should -BeOfType $script:SnapshotType }

        $some = Get-DwsSnapshot -Name 'NIGHT*'
        $some | Should -HaveCount 1
        $some.Name | Should -Be 'nightly'
    }

    It 'lists the snapshots of the clusters piped from Get-DwsCluster' {
        $snapshots = Get-DwsCluster | Get-DwsSnapshot -SortBy name
        @($snapshots.Name) | Should -Be @('nightly', 'weekly')
        $snapshots | ForEach-Object { $_.ClusterId | Should -Be $script:clusterId }
    }

    It 'sorts descending and pages with -First and -Skip' {
        (Get-DwsSnapshot -ClusterId $script:clusterId -SortBy name -Descending -First 1).Name | Should -Be 'weekly'
        (Get-DwsSnapshot -ClusterId $script:clusterId -SortBy name -Skip 1).Name | Should -Be 'weekly'
    }

    It 'writes the exact total first with -IncludeTotalCount: the service count with -ClusterId, else the list counted' {
        $inCluster = @(Get-DwsSnapshot -ClusterId $script:clusterId -SortBy name)
        $page = @(Get-DwsSnapshot -ClusterId $script:clusterId -SortBy name -IncludeTotalCount -First 1)
        $page | Should -HaveCount 2
        $page[0] | Should -BeOfType [uint64]
        $page[0] | Should -Be $inCluster.Count
        $page[0].Accuracy | Should -Be 1.0
        $page[1].Name | Should -Be $inCluster[0].Name

        $all = @(Get-DwsSnapshot)
        $countOnly = @(Get-DwsSnapshot -IncludeTotalCount -First 0)
        $countOnly | Should -HaveCount 1
        $countOnly[0] | Should -Be $all.Count
        $countOnly[0].Accuracy | Should -Be 1.0

        # A -Name filter counts the matches, even past the last one skipped.
        $named = @(Get-DwsSnapshot -Name 'week*' -IncludeTotalCount -Skip 5)
        $named | Should -HaveCount 1
        $named[0] | Should -Be 1
    }

    It 'reads snapshots by ID from strings on the pipeline' {
        $ids = (Get-DwsSnapshot).SnapshotId
        $read = $ids | Get-DwsSnapshot
        $read | Should -HaveCount $ids.Count
        @($read.SnapshotId) | Should -Be @($ids)
    }

    It 'writes an error for an unknown ID and goes on with the next' {
        $good = (Get-DwsSnapshot -Name 'weekly').SnapshotId
        $read = $script:NoSuchId, $good | Get-DwsSnapshot -ErrorAction SilentlyContinue -ErrorVariable err
        $read.SnapshotId | Should -Be $good
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Get-DwsSnapshot -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId
    }

    It 'refuses -Descending without -SortBy' {
        # Refused before any cluster is read: the record has no target.
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $null -MessageLike '*SortBy*' {
            Get-DwsSnapshot -ClusterId $script:clusterId -Descending
        }
    }
}

Describe 'Wait-DwsSnapshot' {
    It 'waits for a snapshot piped from New-DwsSnapshot' {
        $done = New-DwsSnapshot -ClusterId $script:clusterId -Name 'piped_wait' | Wait-DwsSnapshot -PollIntervalSec 1
        $done | Should -BeOfType $script:SnapshotType
        $done.Status | Should -Be 'AVAILABLE'
    }

    It 'turns a snapshot that fails into a DwsResourceFailed error record' {
        Invoke-RestMethod -Method Post -Uri "$($script:emu.Url)/_emulator/jobs/fail-next" -ContentType 'application/json' -Body '{"kind":"snapshot"}' | Out-Null
        $snapshot = New-DwsSnapshot -ClusterId $script:clusterId -Name 'doomed'

        $snapshot | Wait-DwsSnapshot -PollIntervalSec 1 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Wait-DwsSnapshot -ErrorId DwsResourceFailed -Category InvalidResult -TargetObject $snapshot.SnapshotId
    }

    It 'reports an unknown snapshot as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { Wait-DwsSnapshot -SnapshotId $script:NoSuchId -PollIntervalSec 1 }
    }
}

Describe 'Remove-DwsSnapshot' {
    It 'deletes nothing with -WhatIf' {
        Get-DwsSnapshot -Name 'piped_wait' | Remove-DwsSnapshot -WhatIf
        Get-DwsSnapshot -Name 'piped_wait' | Should -HaveCount 1
    }

    It 'deletes the snapshots piped from Get-DwsSnapshot and waits until they are gone' {
        $snapshot = Get-DwsSnapshot -Name 'piped_wait'
        $snapshot | Remove-DwsSnapshot -Force -Wait -PollIntervalSec 1 | Should -BeNullOrEmpty

        Get-DwsSnapshot -Name 'piped_wait' | Should -BeNullOrEmpty
        { Get-DwsSnapshot -SnapshotId $snapshot.SnapshotId -ErrorAction Stop } |
            Should -Throw -ErrorId 'DwsResourceNotFound,DwsPowerShell.Commands.Snapshots.GetDwsSnapshotCommand'
    }

    It 'reports an unknown snapshot as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { Remove-DwsSnapshot -SnapshotId $script:NoSuchId -Force }
    }
}

Describe 'Snapshot policies' {
    BeforeAll {
        $script:StrategyType = 'DwsPowerShell.Client.Models.Snapshots.SnapshotPolicyStrategy'
        $script:PlanType = 'DwsPowerShell.Client.Models.Snapshots.SnapshotPolicyPlanItem'
        $script:Daily3 = '0 0 3 ? * 1,2,3,4,5,6,7'
    }

    It 'New-DwsSnapshotPolicy adds a strategy to the cluster piped from Get-DwsCluster and writes it' {
        $s = Get-DwsCluster -Name 'snaptest-*' | New-DwsSnapshotPolicy -Name 'pol_new' -Schedule $script:Daily3 -KeepDay 5

        $s | Should -HaveCount 1
        $s | Should -BeOfType $script:StrategyType
        $s.PolicyName | Should -Be 'pol_new'
        $s.BackupType | Should -Be 'full'
        $s.KeepDay | Should -Be 5
        $s.ClusterId | Should -Be $script:clusterId
        $s.NextFireTime.UtcDateTime.Hour | Should -Be 3
        $s | Remove-DwsSnapshotPolicy -Force
    }

    It 'New-DwsSnapshotPolicy reports an unknown cluster as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId {
            New-DwsSnapshotPolicy -ClusterId $script:NoSuchId -Name 'pol_lost' -Schedule $script:Daily3
        }
    }

    It 'New-DwsSnapshotPolicy refuses a schedule that is not a cron expression, naming -Schedule' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $script:clusterId -MessageLike "-Schedule 'daily' is not a cron expression*" {
            New-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_cron' -Schedule 'daily'
        }
    }

    It 'Get-DwsSnapshotPolicy lists the strategies and reads one by -PolicyId' {
        $added = New-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_get' -Schedule '0 30 1 ? * 1' -BackupType increment
        $listed = Get-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'POL_G*'
        $listed.PolicyId | Should -Be $added.PolicyId
        $one = Get-DwsSnapshotPolicy -ClusterId $script:clusterId -PolicyId $added.PolicyId
        $one | Should -BeOfType $script:StrategyType
        $one.BackupStrategy | Should -Be '0 30 1 ? * 1'
        $one.BackupType | Should -Be 'increment'
        $added | Remove-DwsSnapshotPolicy -Force
    }

    It 'Get-DwsSnapshotPolicy reports an unknown -PolicyId as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId {
            Get-DwsSnapshotPolicy -ClusterId $script:clusterId -PolicyId $script:NoSuchId
        }
    }

    It 'Get-DwsSnapshotPolicyPlan previews the next seven runs' {
        $added = New-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_plan' -Schedule $script:Daily3
        $plan = Get-DwsCluster -Name 'snaptest-*' | Get-DwsSnapshotPolicyPlan
        $plan | Should -HaveCount 7
        $plan[0] | Should -BeOfType $script:PlanType
        $plan | ForEach-Object { $_.Time.UtcDateTime.Hour | Should -Be 3 }
        $added | Remove-DwsSnapshotPolicy -Force
    }

    It 'Get-DwsSnapshotPolicyPlan reports an unknown cluster as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId {
            Get-DwsSnapshotPolicyPlan -ClusterId $script:NoSuchId
        }
    }

    It 'Set-DwsSnapshotPolicy changes the schedule and keeps the name and type' {
        $added = New-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_set' -Schedule $script:Daily3 -BackupType increment
        $changed = $added | Set-DwsSnapshotPolicy -Schedule '0 15 2 ? * 2' -PassThru
        $changed.BackupStrategy | Should -Be '0 15 2 ? * 2'
        $changed.PolicyName | Should -Be 'pol_set'
        $changed.BackupType | Should -Be 'increment'
        $added | Set-DwsSnapshotPolicy -NewName 'pol_set_whatif' -WhatIf
        (Get-DwsSnapshotPolicy -ClusterId $script:clusterId -PolicyId $added.PolicyId).PolicyName | Should -Be 'pol_set'
        $added | Remove-DwsSnapshotPolicy -Force
    }

    It 'Set-DwsSnapshotPolicy reports an unknown -PolicyId as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId {
            Set-DwsSnapshotPolicy -ClusterId $script:clusterId -PolicyId $script:NoSuchId -Schedule $script:Daily3
        }
    }

    It 'Remove-DwsSnapshotPolicy deletes with -Force and deletes nothing with -WhatIf' {
        $added = New-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_remove' -Schedule $script:Daily3
        $added | Remove-DwsSnapshotPolicy -WhatIf
        Get-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_remove' | Should -HaveCount 1
        $added | Remove-DwsSnapshotPolicy -Force
        Get-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'pol_remove' | Should -BeNullOrEmpty
    }

    It 'Remove-DwsSnapshotPolicy reports an unknown -PolicyId as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId {
            Remove-DwsSnapshotPolicy -ClusterId $script:clusterId -PolicyId $script:NoSuchId -Force
        }
    }

    It 'runbook: a nightly policy: set it, preview the next runs, change its retention, remove it' {
        $nightly = Get-DwsCluster -Name 'snaptest-*' | New-DwsSnapshotPolicy -Name 'runbook_nightly' -Schedule $script:Daily3 -KeepDay 7
        $nightly.KeepDay | Should -Be 7

        $runs = $nightly | Get-DwsSnapshotPolicyPlan | Where-Object Id -eq $nightly.PolicyId
        $runs | Should -HaveCount 7
        $runs[0].Time | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-1))
        for ($i = 1; $i -lt 7; $i++) { ($runs[$i].Time - $runs[$i - 1].Time).TotalHours | Should -Be 24 }

        $kept = $nightly | Set-DwsSnapshotPolicy -KeepDay 14 -PassThru
        $kept.KeepDay | Should -Be 14
        (Get-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'runbook_nightly').KeepDay | Should -Be 14

        $nightly | Remove-DwsSnapshotPolicy -Force
        Get-DwsSnapshotPolicy -ClusterId $script:clusterId -Name 'runbook_nightly' | Should -BeNullOrEmpty
        $nightly | Get-DwsSnapshotPolicyPlan | Where-Object Id -eq $nightly.PolicyId | Should -BeNullOrEmpty
    }
}
