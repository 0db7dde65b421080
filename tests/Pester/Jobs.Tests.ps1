# End-to-end tests of Get-DwsJob and Wait-DwsJob against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null
    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:clusters = 'pester-jobs-a', 'pester-jobs-b' | ForEach-Object {
        New-DwsCluster -Name $_ -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin `
            -AvailabilityZone "$($script:emu.Credential.Region)a" -VpcId 'vpc-pester' -SubnetId 'subnet-pester' -Wait -PollIntervalSec 1
    }
    $script:cluster = $script:clusters[0]

}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'Get-DwsJob' {
    It 'reads a job by id and from a piped job object' {
        $job = Stop-DwsCluster -ClusterId $cluster.ClusterId -Force
        $job.GetType().FullName | Should -Be 'DwsPowerShell.Client.Models.Jobs.DwsJob'
        $read = Get-DwsJob -JobId $job.JobId
        $read.JobId | Should -Be $job.JobId
        ($job | Get-DwsJob).JobId | Should -Be $job.JobId
        $job | Wait-DwsJob -PollIntervalSec 1 | Out-Null
        Start-DwsCluster -ClusterId $cluster.ClusterId -Wait -PollIntervalSec 1 | Out-Null
    }

    It 'reports an unknown job as DwsResourceNotFound and goes on with the next id' {
        $err = $null
        $found = Get-DwsJob -JobId 'no-such-job', 'another-missing-job' -ErrorVariable err -ErrorAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        $err.Count | Should -Be 2
        Assert-DwsErrorRecord -ErrorRecord $err[0] -Cmdlet Get-DwsJob -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'no-such-job'
        Assert-DwsErrorRecord -ErrorRecord $err[1] -Cmdlet Get-DwsJob -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'another-missing-job'
    }
}

Describe 'Wait-DwsJob' {
    It 'waits for a piped job and writes it finished with SUCCESS' {
        $done = Stop-DwsCluster -ClusterId $cluster.ClusterId -Force | Wait-DwsJob -PollIntervalSec 1
        $done.Status | Should -Be 'SUCCESS'
        $done.ClusterId | Should -Be $cluster.ClusterId
        Start-DwsCluster -ClusterId $cluster.ClusterId -Wait -PollIntervalSec 1 | Out-Null
    }

    It 'waits for several piped jobs in one loop and writes each once' {
        $done = $clusters | Stop-DwsCluster -Force | Wait-DwsJob -PollIntervalSec 1
        @($done).Count | Should -Be 2
        ($done.ClusterId | Sort-Object) | Should -Be ($clusters.ClusterId | Sort-Object)
        $done | ForEach-Object { $_.Status | Should -Be 'SUCCESS' }
        $clusters | Start-DwsCluster | Wait-DwsJob -PollIntervalSec 1 | Out-Null
    }

    It 'turns a failed job into an error record with the failed code and detail' {
        Invoke-RestMethod -Method Post -Uri "$($emu.Url)/_emulator/jobs/fail-next" -ContentType 'application/json' `
            -Body '{"kind":"stop","failed_code":"DWS.9999","failed_detail":"injected by the test"}' | Out-Null
        $err = $null
        $job = Stop-DwsCluster -ClusterId $cluster.ClusterId -Force
        $out = $job | Wait-DwsJob -PollIntervalSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Wait-DwsJob -ErrorId DwsJobFailed -Category OperationStopped -TargetObject $job.JobId -MessageLike '*DWS.9999*'
        $err[0].Exception.FailedCode | Should -Be 'DWS.9999'
        $err[0].Exception.FailedDetail | Should -Be 'injected by the test'
    }

    It 'reports an unknown job ID as DwsResourceNotFound' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'no-such-job' { Wait-DwsJob -JobId 'no-such-job' -PollIntervalSec 1 }
    }
}

# Issue 10: Wait-DwsJob took any piped object's text as a job ID (GET .../job/<cluster name and status>, a 404).
Describe 'Wait-DwsJob input' {
    It 'refuses a piped cluster with an error naming -JobId, and sends nothing for it' {
        Clear-EmulatorRequest
        $out = Get-DwsCluster -ClusterId $cluster.ClusterId | Wait-DwsJob -PollIntervalSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'DwsInvalidArgument,DwsPowerShell.Commands.Jobs.WaitDwsJobCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.ParamName | Should -Be 'JobId'
        $err[0].Exception.Message | Should -Match '-JobId'
        $err[0].Exception.Message | Should -Match 'pipe the DwsJob objects'
        $err[0].TargetObject.ClusterId | Should -Be $cluster.ClusterId
        @(Get-EmulatorRequest -Target '*/job/*').Count | Should -Be 0
    }

    It 'refuses a cluster given as -JobId, naming the parameter' {
        { Wait-DwsJob -JobId $cluster -PollIntervalSec 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,DwsPowerShell.Commands.Jobs.WaitDwsJobCommand' -ExpectedMessage "*parameter 'JobId'*Wait-DwsJob waits for jobs*"
    }

    It 'waits for the jobs among other input and reports the rest' {
        $job = Stop-DwsCluster -ClusterId $cluster.ClusterId -Force
        $done = $cluster, $job | Wait-DwsJob -PollIntervalSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $done.JobId | Should -Be $job.JobId
        $done.Status | Should -Be 'SUCCESS'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'DwsInvalidArgument,DwsPowerShell.Commands.Jobs.WaitDwsJobCommand'
        Start-DwsCluster -ClusterId $cluster.ClusterId -Wait -PollIntervalSec 1 | Out-Null
    }

    It 'takes job ID strings, objects with a JobId property and a job given as -JobId' {
        $job = Stop-DwsCluster -ClusterId $cluster.ClusterId -Force
        ($job.JobId | Wait-DwsJob -PollIntervalSec 1).Status | Should -Be 'SUCCESS'
        $custom = [pscustomobject]@{ JobId = $job.JobId; ClusterId = $cluster.ClusterId }
        $fromCustom = $custom | Wait-DwsJob -PollIntervalSec 1
        $fromCustom.JobId | Should -Be $job.JobId
        $fromCustom.ClusterId | Should -Be $cluster.ClusterId
        (Wait-DwsJob -JobId $job -PollIntervalSec 1).JobId | Should -Be $job.JobId
        (Wait-DwsJob $job.JobId -PollIntervalSec 1).Status | Should -Be 'SUCCESS'
        Start-DwsCluster -ClusterId $cluster.ClusterId -Wait -PollIntervalSec 1 | Out-Null
    }
}
