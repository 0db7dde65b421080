# Invoke-DwsRestMethod against the emulator: any API on the session's credentials, answers as PowerShell objects.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null
    $script:project = (Get-DwsSession).ProjectId
    if (-not $script:project) { Get-DwsAvailabilityZone | Out-Null; $script:project = (Get-DwsSession).ProjectId }
    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:cluster = New-DwsCluster -Name 'rest-one' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $script:admin `
        -AvailabilityZone "$($script:emu.Credential.Region)a" -VpcId vpc-rest -SubnetId subnet-rest -Wait -PollIntervalSec 1 -Confirm:$false
}

AfterAll {
    Disconnect-DwsService
    Stop-DwsEmulator $script:emu
}

Describe 'Invoke-DwsRestMethod' {
    It 'reads a DWS list as PowerShell objects with the API''s own property names' {
        $answer = Invoke-DwsRestMethod -Path '/v1.0/{project_id}/clusters'
        $answer.clusters.id | Should -Contain $cluster.ClusterId
        ($answer.clusters | Where-Object id -eq $cluster.ClusterId).name | Should -Be 'rest-one'
    }

    It 'fills {project_id} from the session and sends the query it is given' {
        Clear-EmulatorRequest
        Invoke-DwsRestMethod -Path '/v1.0/{project_id}/clusters' -Query @{ limit = 5; offset = 0 } | Out-Null
        $sent = @(Get-EmulatorRequest -Method GET -Target "/v1.0/$project/clusters*")
        $sent.Count | Should -Be 1
        $sent[0].rawTarget | Should -BeLike '*limit=5*'
        $sent[0].rawTarget | Should -BeLike '*offset=0*'
    }

    It 'writes the status, request ID, headers and parsed value with -IncludeResponse' {
        $r = Invoke-DwsRestMethod -Path "/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -IncludeResponse
        $r.GetType().Name | Should -Be 'DwsRestResponse'
        $r.StatusCode | Should -Be 200
        $r.RequestId | Should -Match '^[0-9a-f]{32}$'
        $r.Value.cluster.id | Should -Be $cluster.ClusterId
        $r.Content | Should -BeLike '*"cluster"*'
        ($r | Format-Table | Out-String) | Should -BeLike '*StatusCode*200*'
    }

    It 'writes the body text with -Raw' {
        $text = Invoke-DwsRestMethod -Path '/v1.0/{project_id}/clusters' -Raw
        $text | Should -BeOfType [string]
        ($text | ConvertFrom-Json).clusters.Count | Should -BeGreaterThan 0
    }

    It 'sends a hashtable body with its keys unchanged and a string body as is' {
        Clear-EmulatorRequest
        $body = [ordered]@{ cluster = [ordered]@{ name = 'rest-two'; number_of_node = 3; node_type = 'dws.d2.xlarge'; availability_zone = "$($emu.Credential.Region)a"
                subnet_id = 'subnet-rest'; security_group_id = 'sg-rest'; vpc_id = 'vpc-rest'; user_name = 'dbadmin'; user_pwd = 'Pester@Admin2024'; port = 8000 } }
        $created = Invoke-DwsRestMethod -Method POST -Path '/v1.0/{project_id}/clusters' -Body $body -Confirm:$false
        $created | Should -Not -BeNullOrEmpty
        (Get-DwsCluster -Name rest-two).Name | Should -Be 'rest-two'
        $sent = @(Get-EmulatorRequest -Method POST -Target "/v1.0/$project/clusters")
        $sent[0].body.cluster.number_of_node | Should -Be 3
        $sent[0].body.cluster.user_pwd | Should -Not -Be 'Pester@Admin2024'
        # A string is not re-cased or re-serialised: camelCase keys arrive as written (the emulator answers 400 for them).
        Clear-EmulatorRequest
        Invoke-DwsRestMethod -Method POST -Path '/v1.0/{project_id}/clusters' -Body '{"cluster":{"numberOfNode":3}}' -Confirm:$false -ErrorAction SilentlyContinue
        (Get-EmulatorRequest -Method POST)[0].body.cluster.numberOfNode | Should -Be 3
    }

    It 'sends nothing for a change under -WhatIf, but reads under -WhatIf' {
        Clear-EmulatorRequest
        Invoke-DwsRestMethod -Method DELETE -Path "/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -WhatIf
        @(Get-EmulatorRequest -Method DELETE).Count | Should -Be 0
        (Invoke-DwsRestMethod -Path "/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -WhatIf).cluster.id | Should -Be $cluster.ClusterId
    }

    It 'turns an error answer into the module''s error record' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject "GET $($emu.Url)/v1.0/{project_id}/clusters/no-such-cluster" -MessageLike '*HTTP 404: DWS.0001*' {
            Invoke-DwsRestMethod -Path '/v1.0/{project_id}/clusters/no-such-cluster'
        }
    }

    It 'refuses <Label> naming the parameter, before anything is sent' -TestCases @(
        @{ Label = 'a path without a leading /'; Arguments = @{ Path = 'v1.0/x' }; Target = 'v1.0/x'; Message = "-Path 'v1.0/x' must start with '/'*" }
        @{ Label = 'a placeholder other than {project_id}'; Arguments = @{ Path = '/v1.0/{project_id}/clusters/{cluster_id}' }; Target = '/v1.0/{project_id}/clusters/{cluster_id}'; Message = '-Path has the placeholder {cluster_id}*' }
        @{ Label = 'a query in the path'; Arguments = @{ Path = '/v1.0/{project_id}/clusters?limit=1' }; Target = '/v1.0/{project_id}/clusters?limit=1'; Message = "*contains '?': give the query in -Query*" }
        @{ Label = 'a signing header'; Arguments = @{ Path = '/v1.0/{project_id}/clusters'; Header = @{ Authorization = 'x' } }; Target = '/v1.0/{project_id}/clusters'; Message = "*Header 'Authorization' is written by the session itself*" }
        @{ Label = 'a header value with a line break'; Arguments = @{ Path = '/v1.0/{project_id}/clusters'; Header = @{ 'X-Note' = "a`r`nX-Injected: 1" } }; Target = '/v1.0/{project_id}/clusters'; Message = "*Header 'X-Note' has a line break*" }
        @{ Label = 'an unknown service name'; Arguments = @{ Path = '/v1/x'; Service = 'cdm/../iam' }; Target = '/v1/x'; Message = "*'cdm/../iam' is not a service name*" }
    ) {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $Target -MessageLike $Message {
            Invoke-DwsRestMethod @Arguments
        }
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'sends a service''s call to the session''s explicit endpoint (the emulator stands for the whole gateway)' {
        Clear-EmulatorRequest
        Invoke-DwsRestMethod -Service cdm -Path '/v1.1/{project_id}/clusters' -ErrorAction SilentlyContinue
        @(Get-EmulatorRequest -Method GET -Target "/v1.1/$project/clusters").Count | Should -Be 1
    }

    It 'repeats a read until -Until holds, and until -Property equals -Value' {
        New-DwsCluster -Name 'rest-wait' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone "$($emu.Credential.Region)a" -VpcId vpc-rest -SubnetId subnet-rest -Confirm:$false | Out-Null
        $new = Get-DwsCluster -Name rest-wait
        $new.ClusterId | Should -Not -BeNullOrEmpty
        Clear-EmulatorRequest
        $done = Invoke-DwsRestMethod -Path "/v1.0/{project_id}/clusters/$($new.ClusterId)" -Until { $_.cluster.status -eq 'AVAILABLE' } -PollIntervalSec 1 -TimeoutSec 120
        $done.cluster.status | Should -Be 'AVAILABLE'
        $polls = @(Get-EmulatorRequest -Method GET -Target "/v1.0/$project/clusters/$($new.ClusterId)")
        $polls.Count | Should -BeGreaterThan 1
        (Invoke-DwsRestMethod -Path "/v1.0/{project_id}/clusters/$($new.ClusterId)" -Property cluster.status -Value available -PollIntervalSec 1).cluster.name | Should -Be 'rest-wait'
    }

    It 'gives up after -TimeoutSec with a wait-timeout error naming the condition' {
        Assert-DwsErrorRecord -ErrorId DwsWaitTimedOut -Category OperationTimeout -TargetObject "GET $($emu.Url)/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -MessageLike "*still running: cluster.status -eq NEVER*" {
            Invoke-DwsRestMethod -Path "/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -Property cluster.status -Value NEVER -PollIntervalSec 1 -TimeoutSec 2
        }
    }

    It 'refuses -Until on a change, before anything is sent' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject "DELETE $($emu.Url)/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -MessageLike '-Until repeats a read: use it with -Method GET or HEAD*' {
            Invoke-DwsRestMethod -Method DELETE -Path "/v1.0/{project_id}/clusters/$($cluster.ClusterId)" -Until { $true } -Confirm:$false
        }
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

# The emulator's seeded CDM cluster, SFS share and DDM instance (src/DwsPowerShell.Emulator/README.md, "Services beside DWS").
Describe 'Invoke-DwsRestMethod against CDM, SFS and DDM' {
    BeforeAll {
        $script:cdmCluster = '3c4a7b1e-0f5d-4c2e-9a6b-1d2e3f4a5b6c'
        $script:sfsShare = '6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7'
        $script:ddmInstance = '28e8841d0b9c4f6a9a30742ee60e1068in09'
        $script:ddmGroup = 'f080abf2010d45118068c28c8958f5fcgr09'
        $c = $emu.Credential
        $script:connectWithToken = {
            Connect-DwsService -Endpoint $emu.Url -Region $c.Region -UserName $c.UserName -DomainName $c.Domain `
                -Password (ConvertTo-SecureString $c.Password -AsPlainText -Force)
        }
    }

    It 'stops a CDM cluster (seed 001) and reads it stopped' {
        $answer = Invoke-DwsRestMethod -Service cdm -Method POST -Path "/v1.1/{project_id}/clusters/$cdmCluster/action" `
            -Body @{ stop = @{ stopMode = 'IMMEDIATELY'; delayTime = -1 } } -Confirm:$false
        @($answer.jobId).Count | Should -Be 1
        $answer.jobId[0] | Should -Match '^[0-9a-f]{32}$'
        (Get-EmulatorRequest -Method POST -Target "/v1.1/$project/clusters/$cdmCluster/action")[0].body.stop.stopMode | Should -Be 'IMMEDIATELY'
        $stopped = Invoke-DwsRestMethod -Service cdm -Path "/v1.1/{project_id}/clusters/$cdmCluster" -Property status -Value 900 -PollIntervalSec 1 -TimeoutSec 60
        $stopped.status | Should -Be '900'
        $stopped.statusDetail | Should -Be 'Stopped'
    }

    It 'turns CDM''s refusal of the page''s own GRACEFULL into an error record with its errCode' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject "POST $($emu.Url)/v1.1/{project_id}/clusters/$cdmCluster/action" `
            -MessageLike '*HTTP 400: Cdm.0011 *stopMode must be IMMEDIATELY or GRACEFULLY, not ''GRACEFULL''*' {
            Invoke-DwsRestMethod -Service cdm -Method POST -Path "/v1.1/{project_id}/clusters/$cdmCluster/action" `
                -Body @{ stop = @{ stopMode = 'GRACEFULL'; delayTime = -1 } } -Confirm:$false
        }
    }

    It 'shrinks an SFS share (seed 002): 202 writes nothing, then waits for the new size' {
        Clear-EmulatorRequest
        $out = @(Invoke-DwsRestMethod -Service sfs -Method POST -Path "/v2/{project_id}/shares/$sfsShare/action" -Body @{ 'os-shrink' = @{ new_size = 1 } } -Confirm:$false)
        $out.Count | Should -Be 0
        (Get-EmulatorRequest -Method POST -Target "/v2/$project/shares/$sfsShare/action")[0].status | Should -Be 202
        $share = Invoke-DwsRestMethod -Service sfs -Path "/v2/{project_id}/shares/$sfsShare" -Property share.size -Value 1 -PollIntervalSec 1 -TimeoutSec 60
        $share.share.size | Should -Be 1
        $share.share.status | Should -Be 'available'
    }

    It 'turns an SFS OpenStack fault (<Fault>) into an error record naming the fault' -TestCases @(
        @{ Fault = 'badRequest'; Share = '6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7'; ErrorId = 'DwsInvalidRequest'; Category = 'InvalidArgument'; Message = '*HTTP 400: badRequest Invalid input received: New size for shrink must be less than current size*' }
        @{ Fault = 'itemNotFound'; Share = 'no-such-share'; ErrorId = 'DwsResourceNotFound'; Category = 'ObjectNotFound'; Message = '*HTTP 404: itemNotFound Share no-such-share could not be found*' }
    ) {
        Assert-DwsErrorRecord -ErrorId $ErrorId -Category $Category -TargetObject "POST $($emu.Url)/v2/{project_id}/shares/$Share/action" -MessageLike $Message {
            Invoke-DwsRestMethod -Service sfs -Method POST -Path "/v2/{project_id}/shares/$Share/action" -Body @{ 'os-shrink' = @{ new_size = 5 } } -Confirm:$false
        }
    }

    It 'is refused by DDM when the session signs with AK/SK' {
        Assert-DwsErrorRecord -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject "POST $($emu.Url)/v2/{project_id}/instances/$ddmInstance/action/reduce" `
            -MessageLike '*HTTP 401: APIGW.0301*X-Auth-Token*' {
            Invoke-DwsRestMethod -Service ddm -Method POST -Path "/v2/{project_id}/instances/$ddmInstance/action/reduce" -Body @{ node_number = 1; group_id = $ddmGroup } -Confirm:$false
        }
    }

    It 'scales in a DDM instance (seed 003) through a token session and reads it back' {
        & $connectWithToken
        try {
            (Get-DwsSession).AuthKind | Should -Be 'IamUser'
            $before = Invoke-DwsRestMethod -Service ddm -Path "/v1/{project_id}/instances/$ddmInstance"
            $answer = Invoke-DwsRestMethod -Service ddm -Method POST -Path "/v2/{project_id}/instances/$ddmInstance/action/reduce" -Body @{ node_number = 1; group_id = $ddmGroup } -Confirm:$false
            $answer.instanceId | Should -Be $ddmInstance
            $answer.instanceName | Should -Be 'ddm-emulator'
            $answer.jobId | Should -Not -BeNullOrEmpty
            $after = Invoke-DwsRestMethod -Service ddm -Path "/v1/{project_id}/instances/$ddmInstance" -Until { $_.status -eq 'RUNNING' -and $_.node_count -eq $before.node_count - 1 } -PollIntervalSec 1 -TimeoutSec 60
            $after.node_count | Should -Be ($before.node_count - 1)

            Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject "POST $($emu.Url)/v2/{project_id}/instances/$ddmInstance/action/reduce" `
                -MessageLike '*HTTP 400: DBS.280001 Parameter error: group_id is required*' {
                Invoke-DwsRestMethod -Service ddm -Method POST -Path "/v2/{project_id}/instances/$ddmInstance/action/reduce" -Body @{ node_number = 1 } -Confirm:$false
            }
        }
        finally {
            Connect-DwsEmulator $emu | Out-Null
        }
    }
}
