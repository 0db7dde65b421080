# Hostile parameter values, as a user types them: every string parameter of every cmdlet (Connect-DwsService aside: its
# checks are the session's) gets an overlong value, '..', 'a/b', blank, an empty string and a control character.
# Each is either refused naming that parameter as typed (-ClusterId) before any request, or (where the value is legal,
# e.g. a KMS alias with '/', or a name filter) sent percent-encoded without changing the path. An overlong value is
# always refused. Bad wildcard patterns are parameter errors before any request.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null
    $script:missingId = '00000000-0000-4000-8000-0000000000a1'
    $script:long = 'a' * 10240
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'Hostile parameter values' {
    BeforeAll {
        $ring = [DwsPowerShell.Client.Models.Clusters.LogicalClusterRing]::new()
        $ringHost = [DwsPowerShell.Client.Models.Clusters.RingHost]::new()
        $ringHost.HostName = 'host-1'
        $ringHost.BackIp = '10.0.0.1'
        $ring.RingHosts = [System.Collections.Generic.List[DwsPowerShell.Client.Models.Clusters.RingHost]]::new()
        $ring.RingHosts.Add($ringHost)
        $password = ConvertTo-SecureString 'Probe@Admin2024' -AsPlainText -Force
        # Valid values for the other mandatory parameters (IDs are a well-formed ID of nothing).
        $script:valid = @{
            Name = 'probe_name1'; Flavor = 'dws.d2.xlarge'; AvailabilityZone = "$($script:emu.Credential.Region)a"; VpcId = 'vpc-1'; SubnetId = 'subnet-1'
            Tag = @{ probe = 'x' }; NodeCount = 3; Month = 1; Day = 1; StartTime = '08:00:00'; EndTime = '09:00:00'
            AdminCredential = [pscredential]::new('dbadmin', $password); NewPassword = $password
            Ring = @($ring); Value = 'on'; Parameter = @{ x = 1 }; Description = 'probe'; Enabled = $true; Key = 'probe'; KmsKeyName = 'kms-name'
            Count = 1; TotalCount = 2; AddNodeCount = 3; RemoveNodeCount = 3; VolumeSizeGB = 100; Path = '/v1.0/{project_id}/clusters'; Schedule = '0 0 3 ? * 1,2,3,4,5,6,7'
        }
        # Optional parameters a cmdlet needs with the one under test (they go together, or one of them is needed).
        $script:together = @{
            'Set-DwsClusterDomainName'           = @{ Name = 'probe-name1' }
            'New-DwsClusterDomainName'           = @{ Name = 'probe-name1' }
            'Get-DwsClusterNode'                 = @{ FilterBy = 'name'; Filter = 'x' }
            'Get-DwsClusterParameterAuditRecord' = @{ FilterBy = 'name'; Filter = 'x' }
            # A -Property that names nothing is polled for: one short try.
            'Invoke-DwsRestMethod'               = @{ Value = 1; TimeoutSec = 1; PollIntervalSec = 1 }
        }
        $script:hostile = [ordered]@{ '10 KB' = $script:long; "'..'" = '..'; "'a/b'" = 'a/b'; 'blank' = ' '; 'empty' = ''; 'control' = "a`nb" }
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters + 'Session'

        function Get-ValidValue($parameter) {
            $set = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
            if ($set) { return $set.ValidValues[0] }
            if ($parameter.ParameterType -eq [switch]) { return $true }
            if ($script:valid.ContainsKey($parameter.Name)) { return $script:valid[$parameter.Name] }
            if ($parameter.ParameterType -in [string], [string[]]) { return $script:missingId }
            $range = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | Select-Object -First 1
            if ($range) { return $range.MinRange }
            throw "no valid value for -$($parameter.Name) [$($parameter.ParameterType)]"
        }

        # One case per string parameter: the other mandatory parameters of its smallest parameter set that can be filled.
        $script:cases = foreach ($command in Get-Command -Module DwsPowerShell -CommandType Cmdlet | Sort-Object Name) {
            if ($command.Name -eq 'Connect-DwsService') { continue }
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Name -in $common -or $parameter.ParameterType -notin [string], [string[]]) { continue }
                if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }) { continue }
                $arguments = $null
                $sets = $command.ParameterSets | Where-Object { $_.Parameters.Name -contains $parameter.Name } | Sort-Object { @($_.Parameters | Where-Object IsMandatory).Count }
                foreach ($set in $sets) {
                    try {
                        $candidate = @{}
                        foreach ($other in $set.Parameters | Where-Object IsMandatory) { if ($other.Name -ne $parameter.Name) { $candidate[$other.Name] = Get-ValidValue $other } }
                        $arguments = $candidate
                        break
                    }
                    catch { }
                }
                if ($null -eq $arguments) { throw "No parameter set of $($command.Name) with -$($parameter.Name) can be filled." }
                $extra = $script:together[$command.Name]
                if ($extra) { foreach ($k in $extra.Keys) { if ($k -ne $parameter.Name) { $arguments[$k] = $extra[$k] } } }
                if ($command.Parameters.ContainsKey('Confirm')) { $arguments.Confirm = $false }
                if ($command.Parameters.ContainsKey('Force')) { $arguments.Force = $true }
                [pscustomobject]@{ Command = $command.Name; Parameter = $parameter.Name; Arguments = $arguments }
            }
        }
    }

    It 'refuses every overlong, path-breaking or blank value naming the parameter as typed, before any request' {
        $failures = [System.Collections.Generic.List[string]]::new()
        $refused = 0
        $encoded = 0
        foreach ($case in $script:cases) {
            foreach ($label in $script:hostile.Keys) {
                $value = $script:hostile[$label]
                $arguments = $case.Arguments.Clone()
                $arguments[$case.Parameter] = $value
                Clear-EmulatorRequest
                $record = $null
                try { & $case.Command @arguments -ErrorAction Stop 2>$null 3>$null 6>$null | Out-Null } catch { $record = $_ }
                $sent = @(Get-EmulatorRequest | Where-Object { $_.rawTarget -notlike '/v3/*' })
                $message = if ($record) { "$($record.Exception.Message)" } else { '' }
                $binding = $null -ne $record -and $record.Exception -is [System.Management.Automation.ParameterBindingException] -and $record.Exception.ParameterName -eq $case.Parameter
                $named = $binding -or $message -cmatch ('(^|\W)-' + [regex]::Escape($case.Parameter) + '\b')
                $what = "$($case.Command) -$($case.Parameter) $label"
                if ($record -and ($binding -or $record.FullyQualifiedErrorId -like 'DwsInvalidArgument,*')) {
                    if (-not $named) { $failures.Add("$what names another parameter: $($message.Substring(0, [Math]::Min(200, $message.Length)))") }
                    elseif ($sent.Count -gt 0 ) { $failures.Add("$what was refused after $($sent.Count) request(s): $($sent[0].method) $($sent[0].rawTarget)") }
                    else { $refused++ }
                    continue
                }
                # Not refused: legal where it goes, so it must have travelled encoded, never changing a path.
                if ($value.Length -gt 512) { $failures.Add("$what was not refused: $($record.FullyQualifiedErrorId)"); continue }
                $broken = $sent | Where-Object { $path = ($_.rawTarget -split '\?')[0]; $path -match '/\.\.(/|$)' -or ($value.Trim().Length -gt 2 -and $path.Contains($value)) -or $_.rawTarget -match '[\x00-\x1f ]' }
                if ($broken) { $failures.Add("$what changed a path: $(@($broken)[0].rawTarget)"); continue }
                if ($record -and $record.FullyQualifiedErrorId -notlike 'Dws*') { $failures.Add("$what failed with $($record.FullyQualifiedErrorId): $message"); continue }
                $encoded++
            }
        }
        $commands = @($script:cases.Command | Sort-Object -Unique).Count
        Write-Host ("Hostile parameter values: {0} string parameters of {1} cmdlets x {2} values = {3} calls: {4} refused naming the parameter before any request, {5} legal where they go and sent percent-encoded, {6} failures" -f
            @($script:cases).Count, $commands, $script:hostile.Count, (@($script:cases).Count * $script:hostile.Count), $refused, $encoded, $failures.Count)
        $failures -join [Environment]::NewLine | Should -BeNullOrEmpty
    }

    It 'names -LogicalClusterName, not the client''s name, when ConvertTo-DwsLogicalCluster refuses it' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $script:missingId -MessageLike "-LogicalClusterName 'a/b' contains '/'*" {
            ConvertTo-DwsLogicalCluster -ClusterId $script:missingId -LogicalClusterName 'a/b' -Force
        }
        @(Get-EmulatorRequest) | Should -BeNullOrEmpty
    }

    It 'names -KmsKeyId, not the request property, when Enable-DwsClusterEncryption refuses a blank key' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $script:missingId -MessageLike '-KmsKeyId is required*' {
            Enable-DwsClusterEncryption -ClusterId $script:missingId -KmsKeyId ' ' -KmsKeyName kms -Force
        }
        @(Get-EmulatorRequest) | Should -BeNullOrEmpty
    }

    It 'refuses a 10 KB query value naming -LogicalClusterName, not with HTTP 414' {
        Clear-EmulatorRequest
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $null -MessageLike '-LogicalClusterName is 10240 characters long*' {
            Get-DwsWorkloadPlan -ClusterId $script:missingId -LogicalClusterName $script:long
        }
        @(Get-EmulatorRequest) | Should -BeNullOrEmpty
    }
}

Describe 'Bad wildcard patterns' {
    BeforeAll {
        $script:id = '00000000-0000-4000-8000-0000000000a1'
    }

    It '<Command> -<Parameter> ''a[b'' is a parameter error before any request' -ForEach @(
        @{ Command = 'Get-DwsCluster'; Parameter = 'Name'; Arguments = @{} }
        @{ Command = 'Get-DwsClusterParameter'; Parameter = 'Name'; Arguments = @{ ClusterId = '00000000-0000-4000-8000-0000000000a1' } }
        @{ Command = 'Get-DwsSnapshot'; Parameter = 'Name'; Arguments = @{} }
        @{ Command = 'Get-DwsWorkloadPlan'; Parameter = 'Name'; Arguments = @{ ClusterId = '00000000-0000-4000-8000-0000000000a1' } }
        @{ Command = 'Get-DwsWorkloadPlanStage'; Parameter = 'Name'; Arguments = @{ ClusterId = '00000000-0000-4000-8000-0000000000a1'; PlanId = '00000000-0000-4000-8000-0000000000a1' } }
        @{ Command = 'Get-DwsElb'; Parameter = 'Name'; Arguments = @{ ClusterId = '00000000-0000-4000-8000-0000000000a1' } }
        @{ Command = 'Get-DwsNodeType'; Parameter = 'Name'; Arguments = @{} }
        @{ Command = 'Get-DwsLogicalCluster'; Parameter = 'Name'; Arguments = @{ ClusterId = '00000000-0000-4000-8000-0000000000a1' } }
        @{ Command = 'Get-DwsLogicalClusterVolume'; Parameter = 'Name'; Arguments = @{ ClusterId = '00000000-0000-4000-8000-0000000000a1' } }
        @{ Command = 'Get-DwsQuota'; Parameter = 'Type'; Arguments = @{} }
        @{ Command = 'Get-DwsClusterTag'; Parameter = 'Key'; Arguments = @{} }
    ) {
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = 'a[b'
        Clear-EmulatorRequest
        $record = $null
        try { & $Command @arguments -ErrorAction Stop | Out-Null } catch { $record = $_ }
        Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet $Command -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject 'a[b' `
            -MessageLike "-$Parameter 'a``[b' is not a valid wildcard pattern*", '*''a```[b''*'
        @(Get-EmulatorRequest | Where-Object { $_.rawTarget -notlike '/v3/*' }) | Should -BeNullOrEmpty
    }
}
