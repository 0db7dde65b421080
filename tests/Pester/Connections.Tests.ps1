# End-to-end tests of the connection, tag and quota cmdlets (API reference 5.9, 5.10, 5.11, 5.2.33) against the
# DWS emulator (time scale 600: the one-minute ELB jobs take a tenth of a second).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:zone = "$($script:emu.Credential.Region)a"
    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:endpointType = 'DwsPowerShell.Client.Models.Connections.ClusterEndpoints'
    $script:missingId = '00000000-0000-4000-8000-000000000000'
    $script:eip = 'ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983'

    function New-TestCluster {
        param([Parameter(Mandatory)] [string] $Name)
        New-DwsCluster -Name $Name -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $script:admin `
            -AvailabilityZone $script:zone -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Wait -PollIntervalSec 1 -Confirm:$false
    }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'New-DwsClusterDomainName' {
    BeforeAll { $script:dnsCluster = New-TestCluster -Name 'pester-dns-new' }

    It 'applies for a private domain name and writes the endpoints that show it' {
        $endpoints = $dnsCluster | New-DwsClusterDomainName -Name 'sales-dw' -Type private -TtlSec 600
        $endpoints.GetType().FullName | Should -Be $endpointType
        $endpoints.ClusterId | Should -Be $dnsCluster.ClusterId
        $endpoints.PrivateDomainName | Should -Be 'sales-dw'
        $endpoints.PrivateEndpoints.DomainNameTtl | Should -Be 600
    }

    It 'refuses an underscore before sending anything' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $dnsCluster.ClusterId -MessageLike '*bad_name*' {
            New-DwsClusterDomainName -ClusterId $dnsCluster.ClusterId -Name 'bad_name' -Type private
        }
        @(Get-EmulatorRequest -Method POST -Target '*/dns').Count | Should -Be 0
    }

    It 'reports a public domain name without an EIP as the service refuses it' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $dnsCluster.ClusterId {
            New-DwsClusterDomainName -ClusterId $dnsCluster.ClusterId -Name 'pub' -Type public
        }
    }

    It 'sends nothing with -WhatIf' {
        Clear-EmulatorRequest
        New-DwsClusterDomainName -ClusterId $dnsCluster.ClusterId -Name 'whatif' -Type private -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method POST).Count | Should -Be 0
    }
}

Describe 'Set-DwsClusterDomainName' {
    BeforeAll {
        $script:setCluster = New-TestCluster -Name 'pester-dns-set'
        New-DwsClusterDomainName -ClusterId $setCluster.ClusterId -Name 'first' -Type private -TtlSec 900 | Out-Null
    }

    It 'changes the TTL and keeps the name (read, merge, write)' {
        $endpoints = Set-DwsClusterDomainName -ClusterId $setCluster.ClusterId -Type private -TtlSec 3600
        $endpoints.PrivateDomainName | Should -Be 'first'
        $endpoints.PrivateEndpoints.DomainNameTtl | Should -Be 3600
    }

    It 'changes the name and keeps the TTL' {
        $endpoints = $setCluster | Set-DwsClusterDomainName -Type private -Name 'second'
        $endpoints.PrivateDomainName | Should -Be 'second'
        $endpoints.PrivateEndpoints.DomainNameTtl | Should -Be 3600
    }

    It 'fails with DwsInvalidArgument when there is no domain name of that type' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $setCluster.ClusterId {
            Set-DwsClusterDomainName -ClusterId $setCluster.ClusterId -Type public -TtlSec 600
        }
    }

    It 'sends no PUT with -WhatIf' {
        Clear-EmulatorRequest
        Set-DwsClusterDomainName -ClusterId $setCluster.ClusterId -Type private -TtlSec 300 -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method PUT).Count | Should -Be 0
        (Get-DwsClusterEndpoint -ClusterId $setCluster.ClusterId).PrivateEndpoints.DomainNameTtl | Should -Be 3600
    }
}

Describe 'Remove-DwsClusterDomainName' {
    BeforeAll {
        $script:rmCluster = New-TestCluster -Name 'pester-dns-remove'
        # An EIP is bound to one cluster at a time: this cluster keeps its own, so Register-DwsClusterEip below can bind $eip.
        Register-DwsClusterEip -ClusterId $rmCluster.ClusterId -EipId $eip.Replace('ab60', 'ef60') -Confirm:$false | Out-Null
        New-DwsClusterDomainName -ClusterId $rmCluster.ClusterId -Name 'public-dw' -Type public | Out-Null
    }

    It 'deletes nothing with -WhatIf' {
        Remove-DwsClusterDomainName -ClusterId $rmCluster.ClusterId -WhatIf
        (Get-DwsClusterEndpoint -ClusterId $rmCluster.ClusterId).PublicDomainName | Should -Be 'public-dw'
    }

    It 'deletes the public domain name with -Force and writes nothing' {
        $rmCluster | Remove-DwsClusterDomainName -Force | Should -BeNullOrEmpty
        (Get-DwsClusterEndpoint -ClusterId $rmCluster.ClusterId).PublicDomainName | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Method DELETE -Target '*/dns?type=public').Count | Should -BeGreaterThan 0
    }

    It 'reports a private domain name as not deletable' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $rmCluster.ClusterId {
            Remove-DwsClusterDomainName -ClusterId $rmCluster.ClusterId -Type private -Force
        }
    }
}

Describe 'Get-DwsClusterEndpoint' {
    BeforeAll { $script:epCluster = New-TestCluster -Name 'pester-endpoint' }

    It 'reads the connections of clusters from the pipeline' {
        $endpoints = Get-DwsCluster -Name 'pester-endpoint' | Get-DwsClusterEndpoint
        $endpoints.GetType().FullName | Should -Be $endpointType
        $endpoints.ClusterId | Should -Be $epCluster.ClusterId
        $endpoints.PrivateIp | Should -Match '^192\.168\.'
        $endpoints.PublicEndpoints | Should -BeNullOrEmpty
    }

    It 'lists the CN instances with -InstanceType dws-cn' {
        $endpoints = Get-DwsClusterEndpoint -ClusterId $epCluster.ClusterId -InstanceType dws-cn
        @($endpoints.PublicIpInfos).Count | Should -Be 3
    }

    It 'writes DwsResourceNotFound for an unknown cluster and goes on' {
        $out = Get-DwsClusterEndpoint -ClusterId $missingId, $epCluster.ClusterId -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        Assert-DwsErrorRecord -ErrorRecord $errs -Cmdlet Get-DwsClusterEndpoint -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId
    }
}

Describe 'Register-DwsClusterEip' {
    BeforeAll { $script:eipCluster = New-TestCluster -Name 'pester-eip' }

    It 'binds nothing with -WhatIf' {
        Register-DwsClusterEip -ClusterId $eipCluster.ClusterId -EipId $eip -WhatIf | Should -BeNullOrEmpty
        (Get-DwsClusterEndpoint -ClusterId $eipCluster.ClusterId).PublicIp | Should -BeNullOrEmpty
    }

    It 'binds the EIP and shows it in the endpoints and the cluster' {
        $endpoints = $eipCluster | Register-DwsClusterEip -EipId $eip -Confirm:$false
        $endpoints.EipId | Should -Be $eip
        $endpoints.PublicIp | Should -Not -BeNullOrEmpty
        $cluster = Get-DwsCluster -ClusterId $eipCluster.ClusterId
        $cluster.PublicIp.EipId | Should -Be $eip
        @($cluster.PublicEndpoints)[0].PublicConnectInfo | Should -Be "$($endpoints.PublicIp):8000"
    }

    It 'reports a second EIP as the service refuses it' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $eipCluster.ClusterId {
            Register-DwsClusterEip -ClusterId $eipCluster.ClusterId -EipId ([guid]::NewGuid()) -Confirm:$false
        }
    }
}

Describe 'Unregister-DwsClusterEip' {
    BeforeAll {
        $script:uneipCluster = New-TestCluster -Name 'pester-uneip'
        Register-DwsClusterEip -ClusterId $uneipCluster.ClusterId -EipId $eip.Replace('ab60', 'cd60') -Confirm:$false | Out-Null
    }

    It 'unbinds the EIP piped from Get-DwsClusterEndpoint' {
        $endpoints = Get-DwsClusterEndpoint -ClusterId $uneipCluster.ClusterId | Unregister-DwsClusterEip -Confirm:$false
        $endpoints.PublicEndpoints | Should -BeNullOrEmpty
        (Get-DwsCluster -ClusterId $uneipCluster.ClusterId).PublicIp.PublicBindType | Should -Be 'not_use'
    }

    It 'reports an EIP that is not bound' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $uneipCluster.ClusterId {
            Unregister-DwsClusterEip -ClusterId $uneipCluster.ClusterId -EipId $eip -Confirm:$false
        }
    }
}

Describe 'Get-DwsElb' {
    BeforeAll { $script:elbCluster = New-TestCluster -Name 'pester-elb-list' }

    It 'lists the bindable ELBs of a cluster from the pipeline, each with the cluster id' {
        $elbs = @(Get-DwsCluster -Name 'pester-elb-list' | Get-DwsElb)
        $elbs.Count | Should -BeGreaterThan 1
        $elbs[0].GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Connections.ClusterElbInfo'
        $elbs | ForEach-Object { $_.ClusterId | Should -Be $elbCluster.ClusterId; $_.IsBound | Should -BeFalse }
    }

    It 'pages the ELBs of a network with -First and -Skip' {
        $all = @(Get-DwsElb -VpcId 'vpc-pester' -SubnetId 'subnet-pester')
        $page = @(Get-DwsElb -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Skip 1 -First 2)
        $page.Count | Should -Be 2
        $page[0].ElbId | Should -Be $all[1].ElbId
    }

    It 'filters by name with wildcards' {
        $name = (Get-DwsElb -ClusterId $elbCluster.ClusterId | Select-Object -First 1).Name
        @(Get-DwsElb -ClusterId $elbCluster.ClusterId -Name ($name.ToUpper())).Count | Should -Be 1
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsElb -ClusterId $missingId }
    }
}

Describe 'Register-DwsClusterElb' {
    BeforeAll { $script:regCluster = New-TestCluster -Name 'pester-elb-register' }

    It 'writes the job, which pipes to Wait-DwsJob' {
        $elb = Get-DwsElb -ClusterId $regCluster.ClusterId | Select-Object -First 1
        $job = $elb | Register-DwsClusterElb -Confirm:$false
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        $job.ClusterId | Should -Be $regCluster.ClusterId
        ($job | Wait-DwsJob -PollIntervalSec 1).Status | Should -Be 'SUCCESS'
        (Get-DwsCluster -ClusterId $regCluster.ClusterId).Elb.Id | Should -Be $elb.ElbId
    }

    It 'refuses a second ELB' {
        $other = Get-DwsElb -ClusterId $regCluster.ClusterId | Where-Object { -not $_.IsBound } | Select-Object -First 1
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $regCluster.ClusterId { $other | Register-DwsClusterElb -Confirm:$false }
    }
}

Describe 'Unregister-DwsClusterElb' {
    BeforeAll {
        $script:unregCluster = New-TestCluster -Name 'pester-elb-unregister'
        Get-DwsElb -ClusterId $unregCluster.ClusterId | Select-Object -First 1 | Register-DwsClusterElb -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
    }

    It 'unbinds nothing with -WhatIf' {
        Get-DwsElb -ClusterId $unregCluster.ClusterId | Where-Object IsBound | Unregister-DwsClusterElb -WhatIf | Should -BeNullOrEmpty
        (Get-DwsCluster -ClusterId $unregCluster.ClusterId).Elb | Should -Not -BeNullOrEmpty
    }

    It 'unbinds with -Wait and writes the cluster without an ELB' {
        $cluster = Get-DwsElb -ClusterId $unregCluster.ClusterId | Where-Object IsBound |
            Unregister-DwsClusterElb -Wait -PollIntervalSec 1 -Confirm:$false
        $cluster.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Clusters.Cluster'
        $cluster.Elb | Should -BeNullOrEmpty
    }

    It 'reports an ELB the cluster''s network does not have' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $unregCluster.ClusterId {
            Unregister-DwsClusterElb -ClusterId $unregCluster.ClusterId -ElbId 'no-such-elb' -Confirm:$false
        }
    }
}

Describe 'Add-DwsClusterTag' {
    BeforeAll { $script:tagCluster = New-TestCluster -Name 'pester-tag-add' }

    It 'adds tags from a hashtable and writes them with -PassThru' {
        $tags = @($tagCluster | Add-DwsClusterTag -Tag @{ env = 'prod'; team = 'bi' } -PassThru)
        $tags.Count | Should -Be 2
        $tags[0].GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Tags.ResourceTag'
        ($tags | Where-Object Key -eq 'env').Value | Should -Be 'prod'
        $tags | ForEach-Object { $_.ClusterId | Should -Be $tagCluster.ClusterId }
    }

    It 'writes nothing without -PassThru and overwrites an existing key' {
        Add-DwsClusterTag -ClusterId $tagCluster.ClusterId -Tag @{ env = 'test' } | Should -BeNullOrEmpty
        (Get-DwsClusterTag -ClusterId $tagCluster.ClusterId -Key env).Value | Should -Be 'test'
    }

    It 'reports an invalid tag' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $tagCluster.ClusterId -MessageLike '*a=b*' {
            Add-DwsClusterTag -ClusterId $tagCluster.ClusterId -Tag @{ 'a=b' = 'x' }
        }
    }
}

Describe 'Get-DwsClusterTag' {
    BeforeAll {
        $script:getTagCluster = New-TestCluster -Name 'pester-tag-get'
        Add-DwsClusterTag -ClusterId $getTagCluster.ClusterId -Tag @{ project = 'alpha'; owner = 'ops' }
    }

    It 'lists project-wide keys with their values by default' {
        $project = Get-DwsClusterTag -Key project
        $project.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Tags.ProjectTag'
        $project.Values | Should -Contain 'alpha'
    }

    It 'lists a cluster''s tags from the pipeline' {
        $tags = @(Get-DwsCluster -Name 'pester-tag-get' | Get-DwsClusterTag)
        $tags.Key | Should -Contain 'owner'
    }

    It 'lists the system tags with -System' {
        $sys = Get-DwsClusterTag -ClusterId $getTagCluster.ClusterId -System
        $sys.Key | Should -Be '_sys_enterprise_project_id'
        $sys.IsSystem | Should -BeTrue
    }

    It 'reports an unknown cluster' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $missingId { Get-DwsClusterTag -ClusterId $missingId }
    }
}

Describe 'Remove-DwsClusterTag' {
    BeforeAll {
        $script:rmTagCluster = New-TestCluster -Name 'pester-tag-remove'
        Add-DwsClusterTag -ClusterId $rmTagCluster.ClusterId -Tag @{ 'tmp-a' = '1'; 'tmp-b' = '2'; keep = 'yes' }
    }

    It 'deletes nothing with -WhatIf' {
        Remove-DwsClusterTag -ClusterId $rmTagCluster.ClusterId -Key keep -WhatIf
        @(Get-DwsClusterTag -ClusterId $rmTagCluster.ClusterId).Count | Should -Be 3
    }

    It 'deletes tags piped from Get-DwsClusterTag' {
        Get-DwsClusterTag -ClusterId $rmTagCluster.ClusterId -Key 'tmp-*' | Remove-DwsClusterTag -Force
        (Get-DwsClusterTag -ClusterId $rmTagCluster.ClusterId).Key | Should -Be 'keep'
    }

    It 'reports a key the cluster does not have and deletes nothing' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $rmTagCluster.ClusterId -MessageLike '*nope*' {
            Remove-DwsClusterTag -ClusterId $rmTagCluster.ClusterId -Key keep, nope -Force
        }
        (Get-DwsClusterTag -ClusterId $rmTagCluster.ClusterId).Key | Should -Be 'keep'
    }
}

Describe 'Get-DwsQuota' {
    It 'counts clusters as they are created and deleted' {
        $before = (Get-DwsQuota -Type instances).Used
        $cluster = New-TestCluster -Name 'pester-quota'
        $quota = Get-DwsQuota -Type instances
        $quota.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Quotas.DwsQuota'
        $quota.Used | Should -Be ($before + 1)
        $quota.Unit | Should -BeNullOrEmpty
        (Get-DwsQuota -Type ram).Unit | Should -Be 'GB'
        $cluster | Remove-DwsCluster -Force -Wait -PollIntervalSec 1
        (Get-DwsQuota -Type instances).Used | Should -Be $before
    }

    It 'lists every resource type' {
        (Get-DwsQuota).Type -join ',' | Should -Be 'instances,core,ram,disk,disk_capacity'
    }

    It 'reports a wrong secret key as not authenticated' {
        Connect-DwsEmulator $emu -SecretKey 'not-the-secret-key' | Out-Null
        try { Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject $null -Secret 'not-the-secret-key' { Get-DwsQuota } }
        finally { Connect-DwsEmulator $emu | Out-Null }
    }
}
