# End-to-end tests of the logical-cluster, node, ring, instance and CN cmdlets against the DWS emulator
# (time scale 600: a 2-minute logical-cluster create takes 0.2 s). Each Describe makes the cluster it needs.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:zone = "$($script:emu.Credential.Region)a"
    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:lcType = 'DwsPowerShell.Client.Models.Clusters.LogicalCluster'
    $script:missingId = '00000000-0000-4000-8000-000000000000'

    function New-TestCluster {
        param([Parameter(Mandatory)] [string] $Name, [int] $NodeCount = 3)
        New-DwsCluster -Name $Name -Flavor dws.d2.xlarge -NodeCount $NodeCount -AdminCredential $script:admin `
            -AvailabilityZone $script:zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Wait -PollIntervalSec 1 -Confirm:$false
    }

    # A cluster of 3 rings converted to the logical cluster 'base', then shrunk to one ring (two rings free).
    function New-LogicalTestCluster {
        param([Parameter(Mandatory)] [string] $Name)
        $cluster = New-TestCluster -Name $Name -NodeCount 9
        $base = $cluster | ConvertTo-DwsLogicalCluster -LogicalClusterName base -Force -Wait -PollIntervalSec 1
        $base | Set-DwsLogicalCluster -Ring $base.ClusterRings[0] -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
        $cluster
    }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'ConvertTo-DwsLogicalCluster' {
    It 'converts with -Force -Wait and writes the first logical cluster holding every ring' {
        $cluster = New-TestCluster -Name 'pester-lc-convert' -NodeCount 6
        $lc = ConvertTo-DwsLogicalCluster -ClusterId $cluster.ClusterId -LogicalClusterName base -Force -Wait -PollIntervalSec 1
        $lc.GetType().FullName | Should -Be $lcType
        $lc.LogicalClusterName | Should -Be 'base'
        $lc.ClusterId | Should -Be $cluster.ClusterId
        $lc.FirstLogicalCluster | Should -BeTrue
        $lc.RingCount | Should -Be 2
        $lc.ActionInfo.Completed | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $cluster = New-TestCluster -Name 'pester-lc-convert-whatif'
        Clear-EmulatorRequest
        $cluster | ConvertTo-DwsLogicalCluster -LogicalClusterName base -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequest -Method POST -Target '*convert-to-logical-cluster*' | Should -BeNullOrEmpty
    }

    It 'fails with DwsInvalidRequest when the cluster is already logical' {
        $cluster = New-TestCluster -Name 'pester-lc-convert-twice'
        $cluster | ConvertTo-DwsLogicalCluster -LogicalClusterName base -Force -Wait -PollIntervalSec 1 | Out-Null
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $cluster.ClusterId {
            $cluster | ConvertTo-DwsLogicalCluster -LogicalClusterName again -Force
        }
    }
}

Describe 'Get-DwsLogicalClusterRing and New-DwsLogicalCluster' {
    BeforeAll { $script:cluster = New-LogicalTestCluster -Name 'pester-lc-new' }

    It 'lists the free rings with their hosts and cluster id' {
        $rings = @(Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId)
        $rings.Count | Should -Be 2
        $rings[0].GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.LogicalClusterRing'
        $rings[0].ClusterId | Should -Be $cluster.ClusterId
        $rings[0].RingHosts.Count | Should -Be 3
        @(Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId -First 1).Count | Should -Be 1
    }

    It 'reports an unknown cluster to Get-DwsLogicalClusterRing' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsLogicalClusterRing -ClusterId $missingId }
    }

    It 'creates a logical cluster from a piped ring and waits' {
        $lc = Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId -First 1 | New-DwsLogicalCluster -Name etl -Wait -PollIntervalSec 1 -Confirm:$false
        $lc.LogicalClusterName | Should -Be 'etl'
        $lc.RingCount | Should -Be 1
        $lc.ActionInfo.Result | Should -Be 'success'
        @(Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId).Count | Should -Be 1
    }

    It 'refuses a second create while one runs (417, DwsPreconditionFailed)' {
        $free = @(Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId)
        Set-DwsLogicalClusterFeature -ClusterId $cluster.ClusterId -Enabled $true -Confirm:$false | Out-Null
        $base = Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name base
        $base | Restart-DwsLogicalCluster -Force | Out-Null
        Assert-DwsErrorRecord -ErrorId DwsPreconditionFailed -Category InvalidOperation -TargetObject 'etl2' {
            New-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name etl2 -Ring $free -Confirm:$false
        }
    }

    It 'sends nothing with -WhatIf' {
        Clear-EmulatorRequest
        Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId | New-DwsLogicalCluster -Name whatif -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequest -Method POST -Target '*logical-clusters' | Should -BeNullOrEmpty
    }
}

Describe 'Get-DwsLogicalCluster' {
    BeforeAll { $script:cluster = New-LogicalTestCluster -Name 'pester-lc-get' }

    It 'binds ClusterId from Get-DwsCluster and filters by name with wildcards' {
        $all = @(Get-DwsCluster -Name 'pester-lc-get' | Get-DwsLogicalCluster)
        $all.Count | Should -Be 1
        $all[0].GetType().FullName | Should -Be $lcType
        (Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name 'BA*').LogicalClusterName | Should -Be 'base'
        Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name 'zz*' | Should -BeNullOrEmpty
        (Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -LogicalClusterId $all[0].LogicalClusterId).LogicalClusterName | Should -Be 'base'
    }

    It 'reports a missing cluster as DwsResourceNotFound' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsLogicalCluster -ClusterId $missingId }
    }
}

Describe 'Set-DwsLogicalCluster' {
    BeforeAll { $script:cluster = New-LogicalTestCluster -Name 'pester-lc-set' }

    It 'changes only the mode and keeps the rings' {
        $lc = Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name base | Set-DwsLogicalCluster -Mode read-only -Wait -PollIntervalSec 1 -Confirm:$false
        $lc.Mode | Should -Be 'read-only'
        $lc.RingCount | Should -Be 1
    }

    It 'grows by the free rings and reports the Grow action as Expand' {
        $lc = Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name base
        $free = @(Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId)
        $grown = $lc | Set-DwsLogicalCluster -Ring (@($lc.ClusterRings) + $free) -Wait -PollIntervalSec 1 -Confirm:$false
        $grown.RingCount | Should -Be 3
        $grown.ActionInfo.ActionName | Should -Be 'Grow'
        $grown.ActionInfo.Action | Should -Be 'Expand'
        $grown.Mode | Should -Be 'read-only'
    }

    It 'sends no PUT with -WhatIf' {
        Clear-EmulatorRequest
        Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name base | Set-DwsLogicalCluster -Mode x -WhatIf
        Get-EmulatorRequest -Method PUT | Should -BeNullOrEmpty
    }

    It 'reports a logical cluster the cluster does not have' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'no-such-lc' {
            Set-DwsLogicalCluster -ClusterId $cluster.ClusterId -LogicalClusterId 'no-such-lc' -Mode read-only -Confirm:$false
        }
    }
}

Describe 'Get-DwsLogicalClusterTask and Get-DwsLogicalClusterVolume' {
    BeforeAll { $script:cluster = New-LogicalTestCluster -Name 'pester-lc-tasks' }

    It 'lists the tasks newest first and filters by the piped logical cluster' {
        $tasks = @(Get-DwsLogicalClusterTask -ClusterId $cluster.ClusterId -SortBy startTime -Descending)
        $tasks.Type | Should -Be @('Shrink', 'Create')
        $tasks[0].GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.LogicalClusterTask'
        @(Get-DwsLogicalCluster -ClusterId $cluster.ClusterId | Get-DwsLogicalClusterTask -Type Create).Count | Should -Be 1
    }

    It 'writes one volume per logical cluster with string values' {
        $volume = Get-DwsLogicalClusterVolume -ClusterId $cluster.ClusterId
        $volume.LogicalClusterName | Should -Be 'base'
        $volume.Total | Should -BeOfType [string]
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsLogicalClusterTask -ClusterId $missingId }
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsLogicalClusterVolume -ClusterId $missingId }
    }
}

Describe 'Restart-DwsLogicalCluster and Remove-DwsLogicalCluster' {
    BeforeAll {
        $script:cluster = New-LogicalTestCluster -Name 'pester-lc-remove'
        Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId -First 1 | New-DwsLogicalCluster -Name etl -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
    }

    It 'restarts with -Force -Wait' {
        $lc = Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name etl | Restart-DwsLogicalCluster -Force -Wait -PollIntervalSec 1
        $lc.ActionInfo.ActionName | Should -Be 'Restart'
        $lc.ActionInfo.Completed | Should -BeTrue
    }

    It 'reports a logical cluster the cluster does not have to Restart-DwsLogicalCluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'no-such-lc' {
            Restart-DwsLogicalCluster -ClusterId $cluster.ClusterId -LogicalClusterId 'no-such-lc' -Force
        }
    }

    It 'refuses to delete the first logical cluster' {
        $base = Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name base
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $base.LogicalClusterId { $base | Remove-DwsLogicalCluster -Force }
    }

    It 'deletes nothing with -WhatIf, then deletes with -Force -Wait' {
        Clear-EmulatorRequest
        Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name etl | Remove-DwsLogicalCluster -WhatIf
        Get-EmulatorRequest -Method DELETE | Should -BeNullOrEmpty
        $result = Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name etl | Remove-DwsLogicalCluster -Force -Wait -PollIntervalSec 1
        $result.ErrorCode | Should -Be 'DWS.0000'
        Get-DwsLogicalCluster -ClusterId $cluster.ClusterId -Name etl | Should -BeNullOrEmpty
    }
}

Describe 'Set-DwsLogicalClusterFeature' {
    It 'switches the feature and writes the answer' {
        $cluster = New-TestCluster -Name 'pester-lc-feature'
        $result = $cluster | Set-DwsLogicalClusterFeature -Enabled $true -Confirm:$false
        $result.Operation | Should -Be 'Enable'
        $result.ErrorCode | Should -Be 'DWS.0000'
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Set-DwsLogicalClusterFeature -ClusterId $missingId -Enabled $true -Confirm:$false }
    }
}

Describe 'Get-DwsClusterRing, Get-DwsClusterInstance and Get-DwsClusterNode' {
    BeforeAll { $script:cluster = New-TestCluster -Name 'pester-topology' -NodeCount 6 }

    It 'lists the topology rings with their instances' {
        $rings = @(Get-DwsCluster -Name 'pester-topology' | Get-DwsClusterRing)
        $rings.Count | Should -Be 2
        $rings.RingNumber | Should -Be @(1, 2)
        $rings[0].InstanceInfoLists[0].Status | Should -Be '200'
    }

    It 'reports an unknown cluster to Get-DwsClusterRing and Get-DwsClusterNode' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterRing -ClusterId $missingId }
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterNode -ClusterId $missingId }
    }

    It 'lists instances and reads one by piping it back' {
        $instances = @(Get-DwsClusterInstance -ClusterId $cluster.ClusterId)
        $instances.Count | Should -Be 9
        $instances[0].ClusterName | Should -Be 'pester-topology'
        $detail = $instances[0] | Select-Object InstanceId | Get-DwsClusterInstance
        $detail.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.InstanceDetail'
        $detail.ClusterId | Should -Be $cluster.ClusterId
    }

    It 'lists nodes, filters them, and reports an unknown instance as DwsResourceNotFound' {
        @(Get-DwsClusterNode -ClusterId $cluster.ClusterId).Count | Should -Be 6
        @(Get-DwsClusterNode -ClusterId $cluster.ClusterId -FilterBy instCreateType -Filter NODE).Count | Should -Be 0
        $one = Get-DwsClusterNode -ClusterId $cluster.ClusterId -First 1
        (Get-DwsClusterNode -ClusterId $cluster.ClusterId -NodeId $one.NodeId).Name | Should -Be $one.Name
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'nope' { Get-DwsClusterInstance -InstanceId 'nope' }
    }
}

Describe 'Remove-DwsClusterNode' {
    BeforeAll {
        $script:cluster = New-TestCluster -Name 'pester-node-remove'
        Add-DwsIdleNode -ClusterId $cluster.ClusterId
    }

    It 'sends nothing with -WhatIf' {
        Clear-EmulatorRequest
        Get-DwsClusterNode -ClusterId $cluster.ClusterId | Remove-DwsClusterNode -WhatIf
        Get-EmulatorRequest -Method POST -Target '*nodes/delete' | Should -BeNullOrEmpty
    }

    It 'refuses nodes that are in use (only idle nodes can be deleted)' {
        $inUse = Get-DwsClusterNode -ClusterId $cluster.ClusterId -FilterBy instCreateType -Filter INST -First 1
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $cluster.ClusterId -MessageLike '*idle*' { $inUse | Remove-DwsClusterNode -Force }
    }

    It 'deletes the idle nodes piped from Get-DwsClusterNode with -Force -Wait and writes the cluster' {
        $idle = @(Get-DwsClusterNode -ClusterId $cluster.ClusterId -FilterBy instCreateType -Filter NODE)
        $idle.Count | Should -Be 3
        $after = $idle | Remove-DwsClusterNode -Force -Wait -PollIntervalSec 1
        $after.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.Cluster'
        $after.ClusterId | Should -Be $cluster.ClusterId
        @(Get-DwsClusterNode -ClusterId $cluster.ClusterId -FilterBy instCreateType -Filter NODE).Count | Should -Be 0
        @(Get-DwsClusterNode -ClusterId $cluster.ClusterId).Count | Should -Be 3
    }
}

Describe 'Get-, Add- and Remove-DwsCoordinatorNode' {
    BeforeAll { $script:cluster = New-TestCluster -Name 'pester-cn' -NodeCount 6 }

    It 'lists CNs with the limits' {
        $cns = @(Get-DwsCluster -Name 'pester-cn' | Get-DwsCoordinatorNode)
        $cns.Count | Should -Be 3
        $cns[0].MinCount | Should -Be 2
        $cns[0].MaxCount | Should -Be 6
        $cns[0].CoordinatorNodeId | Should -Be $cns[0].Id
    }

    It 'reports an unknown cluster to Get-DwsCoordinatorNode' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsCoordinatorNode -ClusterId $missingId }
    }

    It 'adds by count (the total is computed) and pipes the job to Wait-DwsJob' {
        $job = Add-DwsCoordinatorNode -ClusterId $cluster.ClusterId -Count 1 -Confirm:$false
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        ($job | Wait-DwsJob -PollIntervalSec 1).Status | Should -Be 'SUCCESS'
        @(Get-DwsCoordinatorNode -ClusterId $cluster.ClusterId).Count | Should -Be 4
    }

    It 'sets the total with -TotalCount -Wait and refuses a total above max_num' {
        @(Add-DwsCoordinatorNode -ClusterId $cluster.ClusterId -TotalCount 5 -Wait -PollIntervalSec 1 -Confirm:$false).Count | Should -Be 5
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $cluster.ClusterId -MessageLike '*Count*' {
            Add-DwsCoordinatorNode -ClusterId $cluster.ClusterId -Count 2 -Confirm:$false
        }
    }

    It 'removes piped CNs in one request with -Force -Wait, and nothing with -WhatIf' {
        Clear-EmulatorRequest
        Get-DwsCoordinatorNode -ClusterId $cluster.ClusterId | Select-Object -Last 2 | Remove-DwsCoordinatorNode -WhatIf
        Get-EmulatorRequest -Method POST -Target '*cns/batch-delete' | Should -BeNullOrEmpty
        $left = @(Get-DwsCoordinatorNode -ClusterId $cluster.ClusterId | Select-Object -Last 2 | Remove-DwsCoordinatorNode -Force -Wait -PollIntervalSec 1)
        $left.Count | Should -Be 3
        @(Get-EmulatorRequest -Method POST -Target '*cns/batch-delete').Count | Should -Be 1
    }

    It 'refuses to go below the fewest CNs the cluster needs' {
        $all = @(Get-DwsCoordinatorNode -ClusterId $cluster.ClusterId)
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $cluster.ClusterId -MessageLike '*min_num*' { $all | Remove-DwsCoordinatorNode -Force }
        @(Get-DwsCoordinatorNode -ClusterId $cluster.ClusterId).Count | Should -Be 3
    }
}
