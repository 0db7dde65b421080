# A change whose answer is lost (the emulator's faults after the handler: the change is applied and its answer
# dropped; before the handler: not applied) is reported as done after a read-back, or as DwsOutcomeUnknown, never as
# a plain failure; a Retry-After longer than the call's time left fails at once (Pester 5).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Dws@Passw0rd2024' -AsPlainText -Force))
    $script:zone = "$($script:emu.Credential.Region)a"
    $script:clusterId = (New-DwsCluster -Name 'outcome-a' -Flavor 'dws.d2.xlarge' -NodeCount 3 -AdminCredential $script:admin `
        -AvailabilityZone $script:zone -VpcId 'vpc-o' -SubnetId 'subnet-o' -Wait -PollIntervalSec 1).ClusterId

    # One fault, injected once, on the requests that match route.
    function script:Set-Fault([string] $Route, [string] $Kind, [switch] $AfterHandler, [int] $RetryAfter = 1) {
        $rule = @{ route = $Route; kind = $Kind; rate = 1; maxCount = 1; afterHandler = [bool] $AfterHandler; retryAfterSeconds = $RetryAfter }
        Invoke-RestMethod -Method Put -Uri "$($script:emu.Url)/_emulator/faults" -ContentType 'application/json' -Body (ConvertTo-Json @($rule)) | Out-Null
    }
    function script:Clear-Fault { Invoke-RestMethod -Method Put -Uri "$($script:emu.Url)/_emulator/faults" -ContentType 'application/json' -Body '[]' | Out-Null }
    # The emulator's request log since it was cleared, one entry per request (Invoke-RestMethod writes the JSON array as one object).
    function script:Get-RequestLog { Invoke-RestMethod -Uri "$($script:emu.Url)/_emulator/requests" | ForEach-Object { $_ } }
    # How many times the emulator applied a change to paths like $Like since the log was cleared.
    function script:Get-Applied([string] $Method, [string] $Like) {
        @(Get-RequestLog | Where-Object { $_.method -eq $Method -and $_.rawTarget -like $Like -and $_.mutation }).Count
    }
    function script:Clear-RequestLog { Invoke-RestMethod -Method Delete -Uri "$($script:emu.Url)/_emulator/requests" | Out-Null }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'A change whose answer is lost' {
    AfterEach { Clear-Fault }

    It 'reports a snapshot created when the connection broke after the service applied it, confirmed by read-back' {
        Clear-RequestLog
        Set-Fault -Route 'POST /v1.0/*/snapshots' -Kind ConnectionReset -AfterHandler
        $out = New-DwsSnapshot -ClusterId $script:clusterId -Name 'lost_answer' -Verbose -ErrorVariable err 4>&1
        $err | Should -BeNullOrEmpty
        $snapshot = $out | Where-Object { $_ -is [DwsPowerShell.Client.Models.Snapshots.Snapshot] }
        $snapshot | Should -HaveCount 1
        $snapshot.Name | Should -Be 'lost_answer'
        $snapshot.SnapshotId | Should -Not -BeNullOrEmpty
        $confirmed = $out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*confirmed by read-back*' }
        $confirmed | Should -HaveCount 1
        $confirmed.Message | Should -BeLike '*ConnectionBroken*confirmed by read-back: snapshot ''lost_answer'' is listed*'
        Get-Applied -Method POST -Like '*/snapshots' | Should -Be 1
        @(Get-DwsSnapshot -Name 'lost_answer') | Should -HaveCount 1
        $snapshot | Wait-DwsSnapshot -PollIntervalSec 1 | Out-Null
    }

    It 'reports a cluster created when a 502 replaced the answer, and creates it only once' {
        Clear-RequestLog
        Set-Fault -Route 'POST /v2/*/clusters' -Kind Status502 -AfterHandler
        $created = New-DwsCluster -Name 'outcome-b' -Flavor 'dws.d2.xlarge' -NodeCount 3 -AdminCredential $script:admin `
            -AvailabilityZone $script:zone -VpcId 'vpc-o' -SubnetId 'subnet-o' -ErrorVariable err
        $err | Should -BeNullOrEmpty
        $created.Name | Should -Be 'outcome-b'
        Get-Applied -Method POST -Like '*/v2/*/clusters' | Should -Be 1
        @(Get-DwsCluster -Name 'outcome-b') | Should -HaveCount 1
    }

    It 'reports tags added when the answer was lost' {
        Set-Fault -Route 'POST /v1.0/*/clusters/*/tags/batch-create' -Kind Status500 -AfterHandler
        Add-DwsClusterTag -ClusterId $script:clusterId -Tag @{ env = 'prod' } -ErrorVariable err
        $err | Should -BeNullOrEmpty
        (Get-DwsClusterTag -ClusterId $script:clusterId | Where-Object Key -eq 'env').Value | Should -Be 'prod'
    }

    It 'reports a change the read-back cannot confirm as DwsOutcomeUnknown, naming the Get- cmdlet to check with' {
        # The 502 comes before the handler: nothing is created, and the read-back finds nothing.
        Set-Fault -Route 'POST /v1.0/*/snapshots' -Kind Status502
        New-DwsSnapshot -ClusterId $script:clusterId -Name 'never_made' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'DwsOutcomeUnknown,DwsPowerShell.Commands.Snapshots.NewDwsSnapshotCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $err[0].TargetObject | Should -Be $script:clusterId
        $err[0].Exception.Message | Should -BeLike '*may or may not have been applied*no snapshot named ''never_made'' is listed*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike '*Check with Get-DwsSnapshot before running the command again*'
        Get-DwsSnapshot -Name 'never_made' | Should -BeNullOrEmpty
    }

    It 'reports a definite refusal as a plain failure, without a read-back' {
        Clear-RequestLog
        New-DwsSnapshot -ClusterId $script:clusterId -Name 'LOST_ANSWER' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'DwsResourceConflict,DwsPowerShell.Commands.Snapshots.NewDwsSnapshotCommand'
        $log = @(Get-RequestLog)
        $log.method | Should -Be @('POST')
    }
}

Describe 'A 429 whose Retry-After exceeds the time left' {
    AfterEach { Clear-Fault }

    It 'fails at once with DwsThrottled, saying when to try again' {
        Set-Fault -Route 'GET /v1.0/*/clusters' -Kind Throttle429 -RetryAfter 3600
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $err = { Get-DwsCluster -ErrorAction Stop } | Should -Throw -ErrorId 'DwsThrottled,DwsPowerShell.Commands.Clusters.GetDwsClusterCommand' -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.Exception.Message | Should -BeLike '*asked to wait 3600 s (Retry-After)*Try again after *UTC*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike 'Try again after * UTC*'
        $err.Exception.RetryAfter | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(59))
    }
}
