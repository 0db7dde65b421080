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
