# End-to-end tests of the cluster cmdlets against the DWS emulator (time scale 600: a 10-minute
# creation takes one second). Each Describe makes the clusters it needs.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:zone = "$($script:emu.Credential.Region)a"
    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:clusterType = 'DwsPowerShell.Client.Models.Clusters.Cluster'
    $script:missingId = '00000000-0000-4000-8000-000000000000'

    function New-TestCluster {
        param([Parameter(Mandatory)] [string] $Name, [int] $NodeCount = 3)
        New-DwsCluster -Name $Name -Flavor dws.d2.xlarge -NodeCount $NodeCount -AdminCredential $script:admin `
            -AvailabilityZone $script:zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Wait -PollIntervalSec 1 -Confirm:$false
    }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'New-DwsCluster' {
    It 'returns the creation result at once without -Wait' {
        $created = New-DwsCluster -Name 'pester-new-nowait' -NodeType dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Tag @{ team = 'pester' } -Confirm:$false
        $created.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.ClusterCreation'
        $created.Name | Should -Be 'pester-new-nowait'
        $created.OrderId | Should -Not -BeNullOrEmpty

        $cluster = Get-DwsCluster -Name 'pester-new-nowait' | Wait-DwsCluster -PollIntervalSec 1
        $cluster.Status | Should -Be 'AVAILABLE'
        ($cluster.Tags | Where-Object Key -eq 'team').Value | Should -Be 'pester'
    }

    It 'waits with -Wait and writes the AVAILABLE cluster with the newest version of the flavor' {
        $cluster = New-TestCluster -Name 'pester-new-wait'
        $cluster.GetType().FullName | Should -Be $clusterType
        $cluster.Status | Should -Be 'AVAILABLE'
        $cluster.ClusterId | Should -Be $cluster.Id
        $cluster.Name | Should -Be 'pester-new-wait'
        $cluster.NodeType | Should -Be 'dws.d2.xlarge'
        $cluster.NumberOfNode | Should -Be 3
        $cluster.Version | Should -Be (Get-DwsNodeType -Name dws.d2.xlarge).LatestDatastoreVersion
    }

    It 'creates nothing with -WhatIf' {
        Clear-EmulatorRequest
        New-DwsCluster -Name 'pester-new-whatif' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -WhatIf | Should -BeNullOrEmpty
        @(Get-DwsCluster -Name 'pester-new-whatif*').Count | Should -Be 0
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
    }

    It 'creates with the v1.0 API' {
        Clear-EmulatorRequest
        $created = New-DwsCluster -ApiVersion v1.0 -Name 'pester-new-v1' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -SecurityGroupId 'sg-pester' -Confirm:$false
        $created.OrderId | Should -Not -BeNullOrEmpty
        @(Get-EmulatorRequest -Method POST -Target '/v1.0/*/clusters').Count | Should -Be 1
        (Get-DwsCluster -Name 'pester-new-v1').Name | Should -Be 'pester-new-v1'
    }

    It 'refuses v2-only options with -ApiVersion v1.0 before sending anything' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject 'pester-new-v1bad' -MessageLike '*VolumeSizeGB*' {
            New-DwsCluster -ApiVersion v1.0 -Name 'pester-new-v1bad' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
                -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -SecurityGroupId 'sg' -VolumeSizeGB 100 -Confirm:$false
        }
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
    }

    # Issue 10: New-DwsCluster had no way to send 5.2.3 dss_pool_id or crypt_algorithm.
    It 'sends -DssPoolId and -CryptAlgorithm, and the cluster is encrypted with that algorithm' {
        Clear-EmulatorRequest
        $cluster = New-DwsCluster -Name 'pester-new-kms' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -DssPoolId 'dss-pool-1' `
            -KmsKeyId 'kms-key-1' -KmsKeyName 'KMS-pester' -CryptAlgorithm SMCipher -Wait -PollIntervalSec 1 -Confirm:$false
        $body = (Get-EmulatorRequest -Method POST -Target '/v2/*/clusters').body.cluster
        $body.dss_pool_id | Should -Be 'dss-pool-1'
        $body.crypt_algorithm | Should -Be 'SMCipher'
        $body.master_key_id | Should -Be 'kms-key-1'
        $body.db_password | Should -Be '******' # the log masks secrets
        $encryption = Get-DwsClusterEncryption -ClusterId $cluster.ClusterId
        $encryption.CryptAlgorithm | Should -Be 'SMCipher'
        $encryption.MasterKeyName | Should -Be 'KMS-pester'
    }

    It 'sends neither dss_pool_id nor crypt_algorithm unless given' {
        Clear-EmulatorRequest
        New-DwsCluster -Name 'pester-new-plain' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Confirm:$false | Out-Null
        $names = (Get-EmulatorRequest -Method POST -Target '/v2/*/clusters').body.cluster.PSObject.Properties.Name
        $names | Should -Contain 'db_port'
        $names | Should -Not -Contain 'dss_pool_id'
        $names | Should -Not -Contain 'crypt_algorithm'
    }

    It 'refuses -CryptAlgorithm without -KmsKeyId before sending anything' {
        Clear-EmulatorRequest
        { New-DwsCluster -Name 'pester-new-nokey' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
                -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -CryptAlgorithm generalCipher -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'DwsInvalidArgument,DwsPowerShell.Commands.Clusters.NewDwsClusterCommand' -ExpectedMessage '*KmsKeyId*'
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
        { New-DwsCluster -Name 'pester-new-badalg' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
                -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -KmsKeyId k -CryptAlgorithm AES -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,DwsPowerShell.Commands.Clusters.NewDwsClusterCommand'
    }

    It 'refuses -DssPoolId with -ApiVersion v1.0' {
        { New-DwsCluster -ApiVersion v1.0 -Name 'pester-new-v1dss' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
                -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -SecurityGroupId 'sg' -DssPoolId 'p' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'DwsInvalidArgument,DwsPowerShell.Commands.Clusters.NewDwsClusterCommand' -ExpectedMessage '*-DssPoolId*'
    }

    It 'passes -DssPoolId and -CryptAlgorithm to the creation pre-check' {
        Clear-EmulatorRequest
        Test-DwsClusterCreation -Name 'pester-check-dss' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -DssPoolId 'dss-pool-2' -KmsKeyId 'k2' -CryptAlgorithm generalCipher | Should -BeTrue
        $body = (Get-EmulatorRequest -Method POST -Target '/v2/*/cluster-precheck').body.cluster
        $body.dss_pool_id | Should -Be 'dss-pool-2'
        $body.crypt_algorithm | Should -Be 'generalCipher'
    }

    It 'reports a duplicate name as a conflict' {
        Assert-DwsErrorRecord -ErrorId DwsResourceConflict -Category ResourceExists -TargetObject 'pester-new-wait' {
            New-DwsCluster -Name 'pester-new-wait' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
                -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Confirm:$false
        }
    }

    It 'refuses a short administrator password before sending, naming the parameter and never showing it' {
        Clear-EmulatorRequest
        $weak = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Short@1' -AsPlainText -Force))
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject 'pester-new-weak' -MessageLike '*AdminPassword*' -Secret 'Short@1' {
            New-DwsCluster -Name 'pester-new-weak' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $weak `
                -AvailabilityZone $zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Confirm:$false
        }
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
    }
}

Describe 'Get-DwsCluster' {
    BeforeAll {
        $script:a = New-TestCluster -Name 'pester-get-alpha'
        $script:b = New-TestCluster -Name 'pester-get-beta'
    }

    It 'lists every cluster' {
        $all = Get-DwsCluster
        $all | ForEach-Object { $_.GetType().FullName | Should -Be $clusterType }
        $all.ClusterId | Should -Contain $a.ClusterId
        $all.ClusterId | Should -Contain $b.ClusterId
    }

    It 'filters -Name with wildcards, case-insensitively' {
        $found = Get-DwsCluster -Name 'PESTER-GET-*'
        @($found).Count | Should -Be 2
        ($found.Name | Sort-Object) | Should -Be @('pester-get-alpha', 'pester-get-beta')
        (Get-DwsCluster -Name '*-beta').ClusterId | Should -Be $b.ClusterId
    }

    It 'honours -First and -Skip' {
        @(Get-DwsCluster -Name 'pester-get-*' -First 1).Count | Should -Be 1
        @(Get-DwsCluster -Name 'pester-get-*' -Skip 1).Count | Should -Be 1
    }

    It 'reports a name without wildcards that matches nothing' {
        $result = Get-DwsCluster -Name 'pester-no-such-cluster' -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Get-DwsCluster -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'pester-no-such-cluster'
    }

    It 'is silent for a wildcard that matches nothing' {
        Get-DwsCluster -Name 'pester-none-*' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
    }

    It 'gets details by -ClusterId' {
        $detail = Get-DwsCluster -ClusterId $a.ClusterId
        $detail.Name | Should -Be 'pester-get-alpha'
        $detail.ParameterGroup | Should -Not -BeNullOrEmpty
        $detail.FlavorDetail.Type | Should -Be 'dws'
    }

    It 'takes IDs by value and objects by property name from the pipeline' {
        ($a.ClusterId, $b.ClusterId | Get-DwsCluster).Name | Should -Be @('pester-get-alpha', 'pester-get-beta')
        (Get-DwsCluster -Name 'pester-get-beta' | Get-DwsCluster).ClusterId | Should -Be $b.ClusterId
    }

    It 'writes an error for an unknown ID and goes on with the next' {
        $result = $missingId, $a.ClusterId | Get-DwsCluster -ErrorVariable err -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 1
        $result.ClusterId | Should -Be $a.ClusterId
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Get-DwsCluster -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId
    }

    It 'completes -Name and -ClusterId from the session''s clusters' {
        $line = 'Get-DwsCluster -Name pester-get-al'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('pester-get-alpha')
        $line = "Remove-DwsCluster -ClusterId $($b.ClusterId.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $b.ClusterId
    }
}

Describe 'Stop-DwsCluster and Start-DwsCluster' {
    BeforeAll {
        $script:c = New-TestCluster -Name 'pester-startstop'
    }

    It 'changes nothing with -WhatIf' {
        Clear-EmulatorRequest
        Stop-DwsCluster -ClusterId $c.ClusterId -WhatIf | Should -BeNullOrEmpty
        Start-DwsCluster -ClusterId $c.ClusterId -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
        (Get-DwsCluster -ClusterId $c.ClusterId).Status | Should -Be 'AVAILABLE'
    }

    It 'stops with a job that pipes to Wait-DwsJob' {
        $job = Get-DwsCluster -ClusterId $c.ClusterId | Stop-DwsCluster -Force
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        $job.JobId | Should -Not -BeNullOrEmpty
        $job.ClusterId | Should -Be $c.ClusterId
        $done = $job | Wait-DwsJob -PollIntervalSec 1
        $done.Status | Should -Be 'SUCCESS'
        $done.ClusterId | Should -Be $c.ClusterId
        (Get-DwsCluster -ClusterId $c.ClusterId).Status | Should -Be 'STOPPED'
    }

    It 'refuses to stop a stopped cluster' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $c.ClusterId { Stop-DwsCluster -ClusterId $c.ClusterId -Force }
    }

    It 'starts with -Wait and writes the finished job' {
        $job = Get-DwsCluster -ClusterId $c.ClusterId | Start-DwsCluster -Wait -PollIntervalSec 1 -Confirm:$false
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        $job.Status | Should -Be 'SUCCESS'
        $job.ClusterId | Should -Be $c.ClusterId
        (Wait-DwsCluster -ClusterId $c.ClusterId -PollIntervalSec 1).Status | Should -Be 'AVAILABLE'
    }

    It 'refuses to start a cluster that is not stopped' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $c.ClusterId -MessageLike '*not stopped*' {
            Start-DwsCluster -ClusterId $c.ClusterId -Confirm:$false
        }
    }
}

Describe 'Restart-DwsCluster' {
    BeforeAll {
        $script:c = New-TestCluster -Name 'pester-restart'
    }

    It 'changes nothing with -WhatIf' {
        Clear-EmulatorRequest
        Restart-DwsCluster -ClusterId $c.ClusterId -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
        (Get-DwsCluster -ClusterId $c.ClusterId).TaskStatus | Should -BeNullOrEmpty
    }

    It 'returns the cluster rebooting, which pipes to Wait-DwsCluster' {
        Clear-EmulatorRequest
        $rebooting = Get-DwsCluster -Name 'pester-restart' | Restart-DwsCluster -Force
        $rebooting.GetType().FullName | Should -Be $clusterType
        $rebooting.ClusterId | Should -Be $c.ClusterId
        # A reboot lasts 0.2 s at time scale 600: the re-read normally still sees it.
        "$($rebooting.TaskStatus)" | Should -BeIn @('REBOOTING', '')
        @(Get-EmulatorRequest -Method POST -Target "*/clusters/$($c.ClusterId)/restart").Count | Should -Be 1
        @(Get-EmulatorRequest -Method GET -Target "*/clusters/$($c.ClusterId)").Count | Should -BeGreaterOrEqual 1
        $ready = $rebooting | Wait-DwsCluster -PollIntervalSec 1
        $ready.Status | Should -Be 'AVAILABLE'
        $ready.TaskStatus | Should -BeNullOrEmpty
    }

    It 'waits with -Wait' {
        $ready = Restart-DwsCluster -ClusterId $c.ClusterId -Force -Wait -PollIntervalSec 1
        $ready.Status | Should -Be 'AVAILABLE'
        $ready.TaskStatus | Should -BeNullOrEmpty
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Restart-DwsCluster -ClusterId $missingId -Force }
    }
}

Describe 'Resize-DwsCluster and Get-DwsClusterResizeOption' {
    BeforeAll {
        $script:c = New-TestCluster -Name 'pester-resize'
    }

    It 'offers no scale-in before any scale-out' {
        $option = Get-DwsClusterResizeOption -ClusterId $c.ClusterId
        $option.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.ClusterResizeOption'
        $option.ClusterId | Should -Be $c.ClusterId
        $option.CanScaleIn | Should -BeFalse
        @($option.ShrinkNumbers).Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        Clear-EmulatorRequest
        Resize-DwsCluster -ClusterId $c.ClusterId -AddNodeCount 3 -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
        $now = Get-DwsCluster -ClusterId $c.ClusterId
        $now.NumberOfNode | Should -Be 3
        $now.TaskStatus | Should -BeNullOrEmpty
    }

    It 'scales out: the cluster is returned growing (no job) and waited for' {
        $growing = Get-DwsCluster -Name 'pester-resize' | Resize-DwsCluster -AddNodeCount 3 -Confirm:$false
        $growing.GetType().FullName | Should -Be $clusterType
        $growing.TaskStatus | Should -Be 'GROWING'
        (Get-EmulatorRequest -Method POST -Target "*/clusters/$($c.ClusterId)/resize").body.PSObject.Properties.Name | Should -Not -Contain 'create_node_only'
        ($growing | Wait-DwsCluster -PollIntervalSec 1).NumberOfNode | Should -Be 6
        (Get-DwsClusterResizeOption -ClusterId $c.ClusterId).ShrinkNumbers | Should -Be @(3)
    }

    It 'refuses a scale-in count that is not offered and names the allowed values' {
        Clear-EmulatorRequest
        $null = Resize-DwsCluster -ClusterId $c.ClusterId -RemoveNodeCount 2 -Force -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Resize-DwsCluster -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $c.ClusterId `
            -MessageLike '*RemoveNodeCount*', '*Allowed values: 3*'
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
    }

    It 'changes nothing when a scale-in is run with -WhatIf' {
        Clear-EmulatorRequest
        Resize-DwsCluster -ClusterId $c.ClusterId -RemoveNodeCount 3 -WhatIf | Should -BeNullOrEmpty
        (Get-DwsCluster -ClusterId $c.ClusterId).NumberOfNode | Should -Be 6
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
    }

    It 'scales in with a job that pipes to Wait-DwsJob' {
        $job = Resize-DwsCluster -ClusterId $c.ClusterId -RemoveNodeCount 3 -Force
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        $job.ClusterId | Should -Be $c.ClusterId
        $done = $job | Wait-DwsJob -PollIntervalSec 1
        $done.Status | Should -Be 'SUCCESS'
        (Wait-DwsCluster -ClusterId $c.ClusterId -PollIntervalSec 1).NumberOfNode | Should -Be 3
    }

    It 'chains Resize-DwsCluster | Wait-DwsJob without script blocks' {
        Resize-DwsCluster -ClusterId $c.ClusterId -AddNodeCount 3 -Wait -PollIntervalSec 1 -Confirm:$false |
            Select-Object -ExpandProperty NumberOfNode | Should -Be 6
        $finished = Resize-DwsCluster -ClusterId $c.ClusterId -RemoveNodeCount 3 -Online -Force | Wait-DwsJob -PollIntervalSec 1
        $finished.Status | Should -Be 'SUCCESS'
        $finished.ClusterId | Should -Be $c.ClusterId
    }

    It 'reports an unknown cluster, to Get-DwsClusterResizeOption and Resize-DwsCluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterResizeOption -ClusterId $missingId }
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Resize-DwsCluster -ClusterId $missingId -AddNodeCount 3 -Confirm:$false }
    }
}

Describe 'Wait-DwsCluster' {
    BeforeAll {
        $script:c = New-TestCluster -Name 'pester-wait'
    }

    It 'writes an available cluster at once, taking clusters from the pipeline' {
        $ready = Get-DwsCluster -Name 'pester-wait' | Wait-DwsCluster -PollIntervalSec 1
        $ready.GetType().FullName | Should -Be $clusterType
        $ready.ClusterId | Should -Be $c.ClusterId
        $ready.Status | Should -Be 'AVAILABLE'
    }

    It 'writes an error for an unknown cluster and goes on with the next' {
        $result = $missingId, $c.ClusterId | Wait-DwsCluster -PollIntervalSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 1
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Wait-DwsCluster -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId
    }

    It 'gives up after -TimeoutSec on a cluster that never becomes available' {
        Stop-DwsCluster -ClusterId $c.ClusterId -Force -Wait -PollIntervalSec 1 | Out-Null
        Assert-DwsErrorRecord -ErrorId DwsWaitTimedOut -Category OperationTimeout -TargetObject $c.ClusterId -MessageLike '*after 2 s*' {
            Wait-DwsCluster -ClusterId $c.ClusterId -TimeoutSec 2 -PollIntervalSec 1
        }
    }
}

Describe 'Remove-DwsCluster' {
    BeforeAll {
        $script:keep = New-TestCluster -Name 'pester-rm-whatif'
        $script:gone = New-TestCluster -Name 'pester-rm-wait'
        $script:piped = New-TestCluster -Name 'pester-rm-piped'
    }

    It 'leaves the cluster with -WhatIf' {
        Clear-EmulatorRequest
        Remove-DwsCluster -ClusterId $keep.ClusterId -WhatIf | Should -BeNullOrEmpty
        (Get-DwsCluster -ClusterId $keep.ClusterId).Status | Should -Be 'AVAILABLE'
        @(Get-EmulatorRequest -Method DELETE).Count | Should -Be 0
    }

    It 'deletes with -Force -Wait, after which Get-DwsCluster reports DwsResourceNotFound' {
        Clear-EmulatorRequest
        Remove-DwsCluster -ClusterId $gone.ClusterId -KeepLastManualSnapshot 0 -ReleaseEip -Force -Wait -PollIntervalSec 1 | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method DELETE -Target "/v2/*/clusters/$($gone.ClusterId)?*release_eip_type=RELEASE_BINDING*").Count | Should -Be 1
        { Get-DwsCluster -ClusterId $gone.ClusterId -ErrorAction Stop } |
            Should -Throw -ErrorId 'DwsResourceNotFound,DwsPowerShell.Commands.Clusters.GetDwsClusterCommand'
    }

    It 'takes clusters from Get-DwsCluster and returns them deleting' {
        Clear-EmulatorRequest
        $deleting = Get-DwsCluster -Name 'pester-rm-piped' | Remove-DwsCluster -Force
        @(Get-EmulatorRequest -Method DELETE -Target "/v2/*/clusters/$($piped.ClusterId)?*keep_last_manual_backup=0*").Count | Should -Be 1
        # A deletion lasts 0.1 s at time scale 600: the re-read normally sees DELETING, or the cluster is already gone.
        if ($deleting) {
            $deleting.GetType().FullName | Should -Be $clusterType
            $deleting.ClusterId | Should -Be $piped.ClusterId
            $deleting.Status | Should -Be 'DELETING'
        }
    }

    It 'deletes with the v1.0 API' {
        Remove-DwsCluster -ApiVersion v1.0 -ClusterId $keep.ClusterId -KeepManualSnapshotCount 1 -Force -Wait -PollIntervalSec 1 | Should -BeNullOrEmpty
        { Get-DwsCluster -ClusterId $keep.ClusterId -ErrorAction Stop } | Should -Throw -ErrorId 'DwsResourceNotFound,*'
    }

    It 'refuses -ReleaseEip with -ApiVersion v1.0' {
        # The record is about the -ApiVersion that cannot do it.
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject 'v1.0' -MessageLike '*ReleaseEip*' {
            Remove-DwsCluster -ApiVersion v1.0 -ClusterId $missingId -ReleaseEip -Force
        }
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Remove-DwsCluster -ClusterId $missingId -Force }
    }
}

Describe 'Get-DwsNodeType' {
    It 'lists the node types with their versions' {
        $types = Get-DwsNodeType
        $types | ForEach-Object { $_.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.NodeType' }
        $d2 = $types | Where-Object SpecName -eq 'dws.d2.xlarge'
        $d2.Vcpus | Should -Be 4
        $d2.LatestDatastoreVersion | Should -Be '8.2.1'
    }

    It 'filters -Name with wildcards, case-insensitively' {
        $found = Get-DwsNodeType -Name 'DWS2.*'
        @($found).Count | Should -BeGreaterThan 0
        $found.SpecName | ForEach-Object { $_ | Should -BeLike 'dws2.*' }
    }
}

Describe 'Get-DwsAvailabilityZone' {
    It 'lists the AZs of the region' {
        $zones = Get-DwsAvailabilityZone
        $zones | ForEach-Object { $_.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.AvailabilityZones.AvailabilityZone' }
        $zones.Code | Should -Contain $zone
        ($zones | Where-Object Code -eq $zone).IsAvailable | Should -BeTrue
    }
}

Describe 'The region-wide reads with a wrong secret key' {
    # Connect-DwsService makes the wrong session the default; the emulator's own is restored after the calls.
    It 'reports Get-DwsNodeType and Get-DwsAvailabilityZone as not authenticated, never showing the key' {
        Connect-DwsEmulator $emu -SecretKey 'not-the-secret-key' | Out-Null
        try {
            Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject $null -Secret 'not-the-secret-key' { Get-DwsNodeType }
            Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject $null -Secret 'not-the-secret-key' { Get-DwsAvailabilityZone }
        }
        finally { Connect-DwsEmulator $emu | Out-Null }
    }
}
