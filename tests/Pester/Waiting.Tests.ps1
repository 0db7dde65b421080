# The progress bar of a wait (-Wait, Wait-DwsJob) ends with a Completed record however the wait ends: done, timed
# out, or stopped (Ctrl+C, PowerShell.Stop()). The emulator runs in real time (time scale 1), so a wait stays open
# until the test moves the emulator's clock on.
BeforeDiscovery {
    $preferences = @(
        @{ Preference = 'the default preference'; Command = 'Wait-DwsJob -JobId $JobId'; Expected = 'shown' }
        @{ Preference = '$ProgressPreference SilentlyContinue'; Command = '$ProgressPreference = ''SilentlyContinue''; Wait-DwsJob -JobId $JobId'; Expected = 'hidden' }
    )
    if ((Get-Command Get-Command).Parameters.ContainsKey('ProgressAction')) {
        # The -ProgressAction common parameter came with PowerShell 7.4.
        $preferences += @{ Preference = '-ProgressAction SilentlyContinue'; Command = 'Wait-DwsJob -JobId $JobId -ProgressAction SilentlyContinue'; Expected = 'hidden' }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 1
    $script:modulePath = Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1'
    Import-Module $modulePath -Force
    Connect-DwsEmulator $script:emu | Out-Null

    function Move-EmulatorClock([int] $Seconds = 3600) {
        Invoke-RestMethod -Method Post -Uri "$($script:emu.Url)/_emulator/clock/advance" -ContentType 'application/json' -Body "{`"seconds`":$Seconds}" | Out-Null
    }

    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    New-DwsCluster -Name 'pester-waiting' -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
        -AvailabilityZone "$($script:emu.Credential.Region)a" -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Confirm:$false | Out-Null
    Move-EmulatorClock
    $script:clusterId = (Get-DwsCluster -Name 'pester-waiting').ClusterId

    # Runs $Command in its own runspace (connected to the emulator) and returns the running [powershell].
    function Start-Waiting([string] $Command) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $HelperPath, $Emulator, $Command)
                Import-Module $ModulePath
                Import-Module $HelperPath
                Connect-DwsEmulator $Emulator | Out-Null
                & ([scriptblock]::Create($Command))
            }).AddArgument($script:modulePath).AddArgument((Join-Path $PSScriptRoot 'TestHelpers.psm1')).AddArgument($script:emu).AddArgument($Command)
        [pscustomobject]@{ PowerShell = $ps; Result = $ps.BeginInvoke() }
    }

    # Waits until the wait has written its progress bar (the service answered at least once), and returns that record.
    function Wait-ProgressShown($Waiting) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ([DateTime]::UtcNow -lt $deadline) {
            $shown = @($Waiting.PowerShell.Streams.Progress | Where-Object RecordType -eq 'Processing')
            if ($shown.Count -gt 0) { return $shown[0] }
            if ($Waiting.Result.IsCompleted) { break }
            Start-Sleep -Milliseconds 100
        }
        throw "No progress was shown: $($Waiting.PowerShell.Streams.Error | Out-String)"
    }

    function Assert-ProgressCompleted($Waiting, $Shown) {
        $records = @($Waiting.PowerShell.Streams.Progress)
        $last = $records[-1]
        $last.RecordType | Should -Be 'Completed'
        $last.ActivityId | Should -Be $Shown.ActivityId
        $last.Activity | Should -Be $Shown.Activity
    }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'Progress of a wait' {
    AfterEach {
        $waiting.PowerShell.Dispose()
        # End whatever the test started, and start the cluster again where it stopped it.
        Move-EmulatorClock
        if ((Get-DwsCluster -ClusterId $clusterId).Status -eq 'STOPPED') {
            Start-DwsCluster -ClusterId $clusterId | Out-Null
            Move-EmulatorClock
        }
    }

    It 'is completed when Wait-DwsJob is stopped' {
        $job = Stop-DwsCluster -ClusterId $clusterId -Force
        $script:waiting = Start-Waiting "Wait-DwsJob -JobId '$($job.JobId)' -PollIntervalSec 1"
        $shown = Wait-ProgressShown $waiting
        $shown.Activity | Should -BeLike 'Waiting for 1 DWS job*'

        $waiting.PowerShell.Stop()

        $waiting.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        Assert-ProgressCompleted $waiting $shown
    }

    It 'is completed when a -Wait is stopped' {
        $script:waiting = Start-Waiting "Restart-DwsCluster -ClusterId '$clusterId' -Force -Wait -PollIntervalSec 1"
        $shown = Wait-ProgressShown $waiting
        $shown.Activity | Should -BeLike 'Restarting DWS cluster*'

        $waiting.PowerShell.Stop()

        $waiting.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        Assert-ProgressCompleted $waiting $shown
    }

    It 'is completed when the wait ends with the job done' {
        $job = Stop-DwsCluster -ClusterId $clusterId -Force
        $script:waiting = Start-Waiting "Wait-DwsJob -JobId '$($job.JobId)' -PollIntervalSec 1"
        $shown = Wait-ProgressShown $waiting

        Move-EmulatorClock
        $done = $waiting.PowerShell.EndInvoke($waiting.Result)

        $done.Status | Should -Be 'SUCCESS'
        Assert-ProgressCompleted $waiting $shown
    }

    It 'is completed when the wait times out' {
        $job = Stop-DwsCluster -ClusterId $clusterId -Force
        $script:waiting = Start-Waiting "Wait-DwsJob -JobId '$($job.JobId)' -PollIntervalSec 1 -TimeoutSec 2"
        $shown = Wait-ProgressShown $waiting

        $null = $waiting.PowerShell.EndInvoke($waiting.Result)

        $waiting.PowerShell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'DwsWaitTimedOut,*'
        Assert-ProgressCompleted $waiting $shown
    }

    It 'is <Expected> with <Preference>' -ForEach $preferences {
        $job = Stop-DwsCluster -ClusterId $clusterId -Force
        Move-EmulatorClock # the job is done before the wait starts: the bar is only opened and completed
        $script:waiting = Start-Waiting ($Command.Replace('$JobId', "'$($job.JobId)'"))

        $done = $waiting.PowerShell.EndInvoke($waiting.Result)

        $done.Status | Should -Be 'SUCCESS'
        $records = @($waiting.PowerShell.Streams.Progress)
        if ($Expected -eq 'shown') { $records.RecordType | Should -Be 'Completed' } else { $records | Should -BeNullOrEmpty }
    }
}
