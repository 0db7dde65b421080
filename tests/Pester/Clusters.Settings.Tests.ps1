# End-to-end tests of the cluster settings, parameters, statistics and security cmdlets (issue 4, settings slice)
# against the DWS emulator (time scale 600).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:zone = "$($script:emu.Credential.Region)a"
    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:missingId = '00000000-0000-4000-8000-000000000000'

    function Set-EmulatorFlag {
        param([string] $ClusterId, [ValidateSet('readonly', 'unbalanced')] [string] $Flag, [bool] $Value = $true)
        Invoke-RestMethod -Method Post -Uri "$($script:emu.Url)/_emulator/clusters/$ClusterId/$Flag" -ContentType 'application/json' `
            -Body (@{ value = $Value } | ConvertTo-Json) | Out-Null
    }
    function New-TestCluster {
        param([Parameter(Mandatory)] [string] $Name, [hashtable] $Tag)
        $extra = @{}
        if ($Tag) { $extra.Tag = $Tag }
        New-DwsCluster -Name $Name -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $script:admin `
            -AvailabilityZone $script:zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Wait -PollIntervalSec 1 -Confirm:$false @extra
    }

    $script:cluster = New-TestCluster -Name 'pester-settings' -Tag @{ env = 'prod'; team = 'sales' }
    $script:other = New-TestCluster -Name 'pester-settings-2' -Tag @{ env = 'test' }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'Set-DwsCluster' {
    It 'replaces the security groups and shows them on the cluster' {
        $result = Set-DwsCluster -ClusterId $cluster.ClusterId -SecurityGroupId 'sg-a', 'sg-b' -Confirm:$false -PassThru
        $result.SecurityGroupId | Should -Be 'sg-a,sg-b'
        Set-DwsCluster -ClusterId $cluster.ClusterId -SecurityGroupId 'sg-c' -Confirm:$false
        (Get-DwsCluster -ClusterId $cluster.ClusterId).SecurityGroupId | Should -Be 'sg-c'
    }

    It 'saves a description from the pipeline without a warning for the DWS.0138 success code' {
        Get-DwsCluster -Name 'pester-settings' | Set-DwsCluster -Description 'nightly ETL' -Confirm:$false -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        (Get-EmulatorRequest -Method POST -Target '*/description').Count | Should -BeGreaterThan 0
    }

    It 'sends nothing with -WhatIf' {
        Clear-EmulatorRequest
        Set-DwsCluster -ClusterId $cluster.ClusterId -SecurityGroupId 'sg-z' -WhatIf
        Get-EmulatorRequest -Method PUT | Should -BeNullOrEmpty
        (Get-DwsCluster -ClusterId $cluster.ClusterId).SecurityGroupId | Should -Be 'sg-c'
    }

    It 'reports an unknown cluster as DwsResourceNotFound' {
        Set-DwsCluster -ClusterId $missingId -Description 'x' -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Set-DwsCluster -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId
    }
}

Describe 'Reset-DwsClusterPassword' {
    It 'resets the password and refuses the same one again' {
        $new = ConvertTo-SecureString 'Rotated@Pass2024' -AsPlainText -Force
        Reset-DwsClusterPassword -ClusterId $cluster.ClusterId -NewPassword $new -Confirm:$false | Should -BeNullOrEmpty
        Reset-DwsClusterPassword -ClusterId $cluster.ClusterId -NewPassword $new -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Reset-DwsClusterPassword -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $cluster.ClusterId -Secret 'Rotated@Pass2024'
    }

    It 'refuses a weak password before sending' {
        Clear-EmulatorRequest
        Reset-DwsClusterPassword -ClusterId $cluster.ClusterId -NewPassword (ConvertTo-SecureString 'weak' -AsPlainText -Force) -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Reset-DwsClusterPassword -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $cluster.ClusterId `
            -MessageLike '*NewPassword*' -Secret 'weak'
        Get-EmulatorRequest -Method POST -Target '*reset-password*' | Should -BeNullOrEmpty
    }
}

Describe 'Test-DwsClusterCreation' {
    It 'returns $true for a creatable cluster' {
        Test-DwsClusterCreation -Name 'pester-precheck' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' | Should -BeTrue
    }

    It 'returns $false with a warning for a taken name, and the reason with -Detailed' {
        $ok = Test-DwsClusterCreation -Name 'pester-settings' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -WarningVariable warnings -WarningAction SilentlyContinue
        $ok | Should -BeFalse
        $warnings[0] | Should -Match 'DWS.5050'
        $detail = Test-DwsClusterCreation -Name 'pester-settings' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Detailed
        $detail.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.DwsCheckResult'
        $detail.Passed | Should -BeFalse
        $detail.Code | Should -Be 'DWS.5050'
    }

    It 'reports a wrong secret key as not authenticated' {
        Connect-DwsEmulator $emu -SecretKey 'not-the-secret-key' | Out-Null
        try {
            Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject 'pester-precheck' -Secret 'not-the-secret-key', 'Pester@Admin2024' {
                Test-DwsClusterCreation -Name 'pester-precheck' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
                    -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester'
            }
        }
        finally { Connect-DwsEmulator $emu | Out-Null }
    }
}

Describe 'Get-DwsCluster -Tag' {
    It 'writes the clusters that have every tag' {
        $found = @(Get-DwsCluster -Tag @{ env = 'prod', 'test' })
        $found.Name | Should -Be @('pester-settings', 'pester-settings-2')
        $found[0].GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.Cluster'
        @(Get-DwsCluster -Tag @{ env = 'prod'; team = $null }).Name | Should -Be @('pester-settings')
    }

    It 'writes the tag records with -Raw and does not ask for confirmation' {
        $raw = @(Get-DwsCluster -Tag @{ env = 'test' } -Raw)
        $raw[0].GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.ClusterTagResource'
        $raw[0].ClusterId | Should -Be $other.ClusterId
    }

    It 'keeps the List and ById sets working' {
        (Get-DwsCluster -Name 'pester-settings*').Count | Should -Be 2
        (Get-DwsCluster -ClusterId $cluster.ClusterId).Name | Should -Be 'pester-settings'
    }
}

Describe 'Get-DwsResourceStatistic' {
    It 'counts the clusters and nodes' {
        $s = Get-DwsResourceStatistic
        $s.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.DwsResourceStatistic'
        $s.ClusterTotal | Should -BeGreaterOrEqual 2
        $s.NodeTotal | Should -Be ($s.ClusterTotal * 3)
        $s.StorageTotalGB | Should -BeGreaterThan 0
    }

    It 'reports a wrong secret key as not authenticated' {
        Connect-DwsEmulator $emu -SecretKey 'not-the-secret-key' | Out-Null
        try { Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject $null -Secret 'not-the-secret-key' { Get-DwsResourceStatistic } }
        finally { Connect-DwsEmulator $emu | Out-Null }
    }
}

Describe 'Get-DwsSnapshotStatistic' {
    It 'reads the statistics of piped clusters' {
        $stats = @(Get-DwsCluster -Name 'pester-settings*' | Get-DwsSnapshotStatistic)
        $stats.Count | Should -Be 2
        $stats[0].ClusterId | Should -Be $cluster.ClusterId
        $stats[0].FreeGB | Should -BeGreaterThan 0
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsSnapshotStatistic -ClusterId $missingId }
    }
}

Describe 'Disable-DwsClusterReadOnly' {
    It 'clears READONLY, after which parameter changes work again' {
        Set-EmulatorFlag -ClusterId $cluster.ClusterId -Flag readonly
        (Get-DwsCluster -ClusterId $cluster.ClusterId).SubStatus | Should -Be 'READONLY'
        Set-DwsClusterParameter -ClusterId $cluster.ClusterId -Name session_timeout -Value 700 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Set-DwsClusterParameter -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $cluster.ClusterId
        (Disable-DwsClusterReadOnly -ClusterId $cluster.ClusterId -Confirm:$false -PassThru).SubStatus | Should -Be 'NORMAL'
        (Set-DwsClusterParameter -ClusterId $cluster.ClusterId -Name session_timeout -Value 700 -Confirm:$false).Changes.Count | Should -Be 2
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Disable-DwsClusterReadOnly -ClusterId $missingId -Confirm:$false }
    }
}

Describe 'Invoke-DwsClusterSwitchback' {
    It 'returns a job that pipes to Wait-DwsJob and balances the cluster' {
        Set-EmulatorFlag -ClusterId $cluster.ClusterId -Flag unbalanced
        $job = Get-DwsCluster -ClusterId $cluster.ClusterId | Invoke-DwsClusterSwitchback -Force
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        ($job | Wait-DwsJob -PollIntervalSec 1).Status | Should -Be 'SUCCESS'
        (Get-DwsCluster -ClusterId $cluster.ClusterId).SubStatus | Should -Be 'NORMAL'
    }

    It 'fails on a balanced cluster' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $cluster.ClusterId -MessageLike '*balanced*' {
            Invoke-DwsClusterSwitchback -ClusterId $cluster.ClusterId -Force
        }
    }
}

Describe 'Get-DwsClusterParameterGroup' {
    It 'lists the five groups with ConfigurationId' {
        $groups = @(Get-DwsClusterParameterGroup -ClusterId $cluster.ClusterId)
        $groups.Count | Should -Be 5
        ($groups | Where-Object Type -eq 'parameterGroup').ConfigurationId | Should -Be (Get-DwsCluster -ClusterId $cluster.ClusterId).ParameterGroup.Id
        $groups[0].FailureReason | Should -BeNullOrEmpty
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterParameterGroup -ClusterId $missingId }
    }
}

Describe 'Get-DwsClusterParameter' {
    It 'reads the default group with wildcards and binds groups from the pipeline' {
        $p = Get-DwsClusterParameter -ClusterId $cluster.ClusterId -Name 'enable_constraint*'
        $p.Name | Should -Be 'enable_constraint_optimization'
        $p.CnValue | Should -Be 'on'
        $fromGroup = Get-DwsClusterParameterGroup -ClusterId $cluster.ClusterId | Where-Object Type -eq 'parameterGroup' | Get-DwsClusterParameter
        $fromGroup.Count | Should -BeGreaterThan 1
    }

    It 'reports an unknown name' {
        Get-DwsClusterParameter -ClusterId $cluster.ClusterId -Name 'no_such_parameter' -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Get-DwsClusterParameter -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'no_such_parameter'
    }
}

Describe 'Set-DwsClusterParameter' {
    It 'changes one role and keeps the other values' {
        $r = Set-DwsClusterParameter -ClusterId $other.ClusterId -Parameter @{ work_mem = 131072 } -Role Cn -Confirm:$false
        $r.Changes.Count | Should -Be 1
        $p = Get-DwsClusterParameter -ClusterId $other.ClusterId -Name work_mem
        $p.CnValue | Should -Be '131072'
        $p.DnValue | Should -Be '65536'
    }

    It 'warns when a restart is required and the group becomes Pending-Reboot' {
        $r = Set-DwsClusterParameter -ClusterId $other.ClusterId -Name max_connections -Value 1200 -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $r.RestartRequired | Should -BeTrue
        $warnings[0] | Should -Match 'restart'
        (Get-DwsClusterParameterGroup -ClusterId $other.ClusterId | Where-Object Type -eq 'parameterGroup').Status | Should -Be 'Pending-Reboot'
    }

    It 'changes nothing with -WhatIf' {
        Clear-EmulatorRequest
        Set-DwsClusterParameter -ClusterId $other.ClusterId -Name session_timeout -Value 1 -WhatIf
        Get-EmulatorRequest -Method PUT | Should -BeNullOrEmpty
    }

    It 'refuses a parameter the cluster does not have before sending' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $other.ClusterId -MessageLike '*no_such_parameter*' {
            Set-DwsClusterParameter -ClusterId $other.ClusterId -Name no_such_parameter -Value 1 -Confirm:$false
        }
        Get-EmulatorRequest -Method PUT | Should -BeNullOrEmpty
    }
}

Describe 'Get-DwsClusterParameterAuditRecord' {
    It 'lists the recorded changes with -First' {
        $records = @(Get-DwsClusterParameterAuditRecord -ClusterId $other.ClusterId)
        $records.Count | Should -BeGreaterOrEqual 3
        $records[0].ClusterId | Should -Be $other.ClusterId
        @(Get-DwsClusterParameterAuditRecord -ClusterId $other.ClusterId -First 1).Count | Should -Be 1
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterParameterAuditRecord -ClusterId $missingId }
    }
}

Describe 'Get-DwsClusterEncryption and Enable-DwsClusterEncryption' {
    It 'converts an ordinary cluster once' {
        (Get-DwsClusterEncryption -ClusterId $other.ClusterId).IsEncrypted | Should -BeFalse
        $job = Enable-DwsClusterEncryption -ClusterId $other.ClusterId -KmsKeyId 'key-1' -KmsKeyName 'KMS-pester' -Force -Wait -PollIntervalSec 1
        $job.Status | Should -Be 'SUCCESS'
        $info = Get-DwsClusterEncryption -ClusterId $other.ClusterId
        $info.MasterKeyName | Should -Be 'KMS-pester'
        Enable-DwsClusterEncryption -ClusterId $other.ClusterId -KmsKeyId 'key-1' -KmsKeyName 'KMS-pester' -Force -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Enable-DwsClusterEncryption -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $other.ClusterId
    }

    It 'reports an unknown cluster to Get-DwsClusterEncryption' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterEncryption -ClusterId $missingId }
    }
}

Describe 'Get-DwsAvailableAction' {
    It 'pages through the tenant operations' {
        $all = @(Get-DwsAvailableAction)
        $all.Name | Should -Contain 'ColdStorage'
        @(Get-DwsAvailableAction -First 2).Count | Should -Be 2
    }

    It 'reports a wrong secret key as not authenticated' {
        Connect-DwsEmulator $emu -SecretKey 'not-the-secret-key' | Out-Null
        try { Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject $null -Secret 'not-the-secret-key' { Get-DwsAvailableAction } }
        finally { Connect-DwsEmulator $emu | Out-Null }
    }
}
