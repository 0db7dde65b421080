# Every example of docs/en-US/*-Dws*.md whose code pipes a DWS cmdlet runs as written against the emulator, with
# $ErrorActionPreference = 'Stop' (any error fails it) and $ConfirmPreference = 'None' (a prompt is answered yes).
# The variables the examples use ($id, $planId, $admin, $vpc, $subnet, $eip, $key) hold real emulator objects,
# and the placeholder IDs the pages print (4ca46bf1-..., 194408fa-..., a4f2c1e0-..., b7e1d2c3-...) are replaced by
# real ones; $arrange gives an example the state it needs (a logical cluster, idle nodes, a running plan...).
# The emulator runs at time scale 1,000,000 so that an operation is over before the first poll of any wait
# (-PollIntervalSec 30 as written in the examples then costs nothing).
BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $examples = foreach ($page in Get-ChildItem $docs -Filter '*-Dws*.md' | Sort-Object Name) {
        $text = [IO.File]::ReadAllText($page.FullName) -replace "`r`n", "`n"
        foreach ($match in [regex]::Matches($text, '(?ms)^### (Example \d+): ([^\n]*)\n\n```powershell\n(.*?)\n```')) {
            $code = $match.Groups[3].Value
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $tokens, [ref] $errors)
            $piped = $ast.FindAll({
                    param($a)
                    $a -is [System.Management.Automation.Language.PipelineAst] -and $a.PipelineElements.Count -gt 1 -and
                    @($a.PipelineElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandAst] -and "$($_.GetCommandName())" -like '*-Dws*' }).Count -gt 0
                }, $true)
            if (@($piped).Count -gt 0) {
                @{ Page = $page.BaseName; Example = $match.Groups[1].Value; Title = $match.Groups[2].Value; Code = $code; Case = "$($page.BaseName) $($match.Groups[1].Value)" }
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 1000000
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:zone = "$($script:emu.Credential.Region)a"
    $script:admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Pester@Admin2024' -AsPlainText -Force))
    $script:vpc = 'vpc-doc'
    $script:subnet = 'subnet-doc'
    $script:eip = 'ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983'
    $script:key = [pscustomobject]@{ Id = 'kms-key-doc'; Name = 'KMS-doc' }
    $script:counter = 0

    # SecretManagement's Get-Secret, as the Reset-DwsClusterPassword example uses it.
    function Get-Secret([string] $Name) { ConvertTo-SecureString 'Rotated@Pass2024' -AsPlainText -Force }

    function New-DocCluster {
        param([string] $Name = "doc-$(($script:counter += 1))", [int] $NodeCount = 3, [string] $Flavor = 'dws.d2.xlarge')
        New-DwsCluster -Name $Name -Flavor $Flavor -NodeCount $NodeCount -AdminCredential $script:admin `
            -AvailabilityZone $script:zone -VpcId $script:vpc -SubnetId $script:subnet -Wait -PollIntervalSec 1 -Confirm:$false -ErrorAction Stop
    }

    # A cluster of 3 rings converted to the logical cluster 'base', shrunk to one ring (two rings free); with
    # -EtlGroup, one free ring becomes the logical cluster 'etl_group'.
    function New-DocLogicalCluster {
        param([switch] $EtlGroup)
        $cluster = New-DocCluster -NodeCount 9
        $base = $cluster | ConvertTo-DwsLogicalCluster -LogicalClusterName base -Force -Wait -PollIntervalSec 1
        $base | Set-DwsLogicalCluster -Ring $base.ClusterRings[0] -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
        if ($EtlGroup) {
            Get-DwsLogicalClusterRing -ClusterId $cluster.ClusterId -First 1 | New-DwsLogicalCluster -Name etl_group -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
        }
        $cluster
    }

    function New-DocPlan {
        param([string] $ClusterId, [string] $Name, [string[]] $Stage = @(), [switch] $Start)
        $plan = New-DwsWorkloadPlan -ClusterId $ClusterId -Name $Name -ErrorAction Stop
        $hour = 0
        foreach ($s in $Stage) {
            $plan | New-DwsWorkloadPlanStage -Name $s -Month (1..12) -Day (1..31) -StartTime ('{0:00}:00:00' -f $hour) -EndTime ('{0:00}:00:00' -f ($hour + 2)) `
                -QueueResource @{ etl = @{ cpu = 40; memory = 50 } } -ErrorAction Stop | Out-Null
            $hour += 2
        }
        if ($Start) { $plan | Start-DwsWorkloadPlan -ErrorAction Stop | Out-Null }
        $plan
    }

    function Set-EmulatorFlag([string] $ClusterId, [string] $Flag) {
        Invoke-RestMethod -Method Post -Uri "$($script:emu.Url)/_emulator/clusters/$ClusterId/$Flag" -ContentType 'application/json' -Body '{"value":true}' | Out-Null
    }

    # The clusters the examples name.
    $script:main = New-DocCluster -Name 'sales-dw'
    foreach ($name in 'prod-dw', 'prod', 'report-a', 'etl-a', 'dev-a', 'test-a', 'lab-a') { New-DocCluster -Name $name | Out-Null }
    $prod = Get-DwsCluster -Name 'prod-dw'
    Add-DwsClusterTag -ClusterId $main.ClusterId -Tag @{ env = 'prod'; team = 'sales' }
    Add-DwsClusterTag -ClusterId $prod.ClusterId -Tag @{ env = 'prod' }
    $script:plan = New-DocPlan -ClusterId $main.ClusterId -Name 'day_night' -Stage 'day', 'night', 'month_end' -Start
    New-DocPlan -ClusterId $prod.ClusterId -Name 'prod_plan' | Out-Null
    New-DwsSnapshot -ClusterId $prod.ClusterId -Name 'nightly_base' -Wait -PollIntervalSec 1 | Out-Null
    New-DwsSnapshotPolicy -ClusterId $prod.ClusterId -Name 'doc_full' -Schedule '0 0 3 ? * 1,2,3,4,5,6,7' | Out-Null
    # A change that needs a restart: an audit record, and a parameter group Pending-Reboot.
    Set-DwsClusterParameter -ClusterId $main.ClusterId -Name max_connections -Value 1200 -Confirm:$false -WarningAction SilentlyContinue | Out-Null

    # What an example needs beyond the clusters above; dot-sourced in the example's scope, so it may set $id and $planId.
    $script:arrange = @{
        'Add-DwsCoordinatorNode Example 2'              = { $id = (New-DocCluster -NodeCount 6).ClusterId }
        'Disable-DwsClusterReadOnly Example 2'          = { Set-EmulatorFlag -ClusterId (New-DocCluster).ClusterId -Flag readonly }
        'Get-DwsClusterResizeOption Example 2'          = { Resize-DwsCluster -ClusterId (Get-DwsCluster -Name 'etl-a').ClusterId -AddNodeCount 3 -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null }
        'Get-DwsClusterResizeOption Example 3'          = { $id = (New-DocCluster -Flavor dwsk2.xlarge).ClusterId }
        'Get-DwsJob Example 2'                          = { $id = (New-DocCluster).ClusterId; Resize-DwsCluster -ClusterId $id -AddNodeCount 3 -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null }
        'Get-DwsLogicalCluster Example 2'               = { $id = (New-DocLogicalCluster -EtlGroup).ClusterId }
        'Get-DwsLogicalClusterRing Example 1'           = { $id = (New-DocLogicalCluster).ClusterId }
        'Get-DwsLogicalClusterTask Example 1'           = { $id = (New-DocLogicalCluster -EtlGroup).ClusterId }
        'Get-DwsLogicalClusterTask Example 2'           = { $id = (New-DocLogicalCluster -EtlGroup).ClusterId }
        'Get-DwsSnapshot Example 3'                     = {
            $snapshots = 'doc_snap_a', 'doc_snap_b' | ForEach-Object { New-DwsSnapshot -ClusterId $main.ClusterId -Name $_ -Wait -PollIntervalSec 1 }
            $snapshotId = $snapshots.SnapshotId
        }
        'Get-DwsSnapshotPolicyPlan Example 2'           = { New-DwsSnapshotPolicy -ClusterId $id -Name "plan_full_$(($script:counter += 1))" -Schedule '0 0 3 ? * 1,2,3,4,5,6,7' | Out-Null }
        'Get-DwsWorkloadPlan Example 2'                 = { $id = (New-DocCluster).ClusterId; New-DocPlan -ClusterId $id -Name 'etl_load' -Stage 'load' | Out-Null }
        'Get-DwsWorkloadPlanStage Example 2'            = { $planId = (New-DocPlan -ClusterId $id -Name "switch_$(($script:counter += 1))" -Stage 'day', 'night' -Start).PlanId }
        'Invoke-DwsClusterSwitchback Example 2'         = { Set-EmulatorFlag -ClusterId (New-DocCluster).ClusterId -Flag unbalanced }
        'New-DwsClusterDomainName Example 2'            = { Register-DwsClusterEip -ClusterId (Get-DwsCluster -Name 'report-a').ClusterId -EipId $eip.Replace('ab60', 'ef60') -Confirm:$false | Out-Null }
        'New-DwsLogicalCluster Example 1'               = { $id = (New-DocLogicalCluster).ClusterId }
        'New-DwsWorkloadPlanStage Example 1'            = { $id = (New-DocCluster).ClusterId; New-DocPlan -ClusterId $id -Name 'day_night' -Stage 'day' | Out-Null }
        'Remove-DwsClusterNode Example 1'               = { $id = (New-DocCluster).ClusterId; Add-DwsIdleNode -ClusterId $id }
        'Remove-DwsClusterTag Example 2'                = { Add-DwsClusterTag -ClusterId (Get-DwsCluster -Name 'prod').ClusterId -Tag @{ 'tmp-doc' = 'x' } }
        'Remove-DwsLogicalCluster Example 1'            = { $id = (New-DocLogicalCluster -EtlGroup).ClusterId }
        'Remove-DwsSnapshotPolicy Example 1'            = { New-DwsSnapshotPolicy -ClusterId $id -Name "test_doc_$(($script:counter += 1))" -Schedule '0 0 4 ? * 1' | Out-Null }
        'Remove-DwsWorkloadPlan Example 1'              = { New-DocPlan -ClusterId $id -Name 'old_plan' -Stage 'only' -Start | Out-Null }
        'Remove-DwsWorkloadPlan Example 2'              = { New-DocPlan -ClusterId $id -Name 'test_plan' | Out-Null }
        'Resize-DwsCluster Example 5'                   = { $id = (New-DocCluster -Flavor dwsk2.xlarge).ClusterId }
        'Restart-DwsLogicalCluster Example 1'           = { $id = (New-DocLogicalCluster -EtlGroup).ClusterId }
        'Set-DwsLogicalCluster Example 1'               = { $id = (New-DocLogicalCluster -EtlGroup).ClusterId }
        'Set-DwsSnapshotPolicy Example 1'               = {
            if (-not (Get-DwsSnapshotPolicy -ClusterId $id -Name nightly)) { New-DwsSnapshotPolicy -ClusterId $id -Name nightly -Schedule '0 0 3 ? * 1,2,3,4,5,6,7' | Out-Null }
        }
        'Start-DwsCluster Example 2'                    = { Stop-DwsCluster -ClusterId (New-DocCluster).ClusterId -Force -Wait -PollIntervalSec 1 | Out-Null }
        'Start-DwsClusterRedistribution Example 2'      = {
            $waiting = New-DocCluster -Flavor dwsk2.xlarge
            Add-DwsIdleNode -ClusterId $waiting.ClusterId
            Resize-DwsCluster -ClusterId $waiting.ClusterId -AddNodeCount 3 -UseIdleNode -AutoRedistribute $false -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
        }
        'Start-DwsWorkloadPlan Example 1'               = { $id = (New-DocCluster).ClusterId; New-DocPlan -ClusterId $id -Name 'etl_load' -Stage 'load' | Out-Null }
        'Stop-DwsWorkloadPlan Example 1'                = { New-DocPlan -ClusterId $id -Name 'running_plan' -Stage 'only' -Start | Out-Null }
        'Switch-DwsWorkloadPlanStage Example 1'         = { $planId = (New-DocPlan -ClusterId $id -Name "switch_$(($script:counter += 1))" -Stage 'day', 'night' -Start).PlanId }
        'Unregister-DwsClusterEip Example 1'            = { $id = (New-DocCluster).ClusterId; Register-DwsClusterEip -ClusterId $id -EipId $eip.Replace('ab60', 'cd60') -Confirm:$false | Out-Null }
        'Unregister-DwsClusterElb Example 2'            = {
            $id = (New-DocCluster).ClusterId
            Get-DwsElb -ClusterId $id | Select-Object -First 1 | Register-DwsClusterElb -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null
        }
        'Wait-DwsJob Example 1'                         = { $id = (New-DocCluster).ClusterId; Resize-DwsCluster -ClusterId $id -AddNodeCount 3 -Wait -PollIntervalSec 1 -Confirm:$false | Out-Null }
        'Wait-DwsSnapshot Example 1'                    = { Get-DwsSnapshot -Name nightly | Remove-DwsSnapshot -Force -Wait -PollIntervalSec 1 }
    }

    # The examples that write nothing here, and why; every other one must write something.
    $script:writesNothing = @{
        # By design: -WhatIf, a deletion, or a change without -PassThru.
        'Add-DwsClusterTag Example 2'                = 'writes nothing without -PassThru'
        'ConvertTo-DwsLogicalCluster Example 2'      = '-WhatIf'
        'Disable-DwsClusterReadOnly Example 2'       = 'writes nothing without -PassThru'
        'Remove-DwsCluster Example 2'                = 'a deletion'
        'Remove-DwsClusterDomainName Example 2'      = '-WhatIf'
        'Remove-DwsClusterTag Example 2'             = 'a deletion'
        'Remove-DwsSnapshotPolicy Example 1'         = 'a deletion'
        'Remove-DwsSnapshotPolicy Example 2'         = '-WhatIf'
        'Remove-DwsWorkloadPlan Example 1'           = 'a deletion'
        'Remove-DwsWorkloadPlan Example 2'           = '-WhatIf'
        'Remove-DwsWorkloadPlanStage Example 1'      = 'a deletion'
        'Remove-DwsWorkloadPlanStage Example 2'      = '-WhatIf'
        'Reset-DwsClusterPassword Example 2'         = 'writes nothing'
        'Restart-DwsCluster Example 2'               = '-WhatIf'
        'Set-DwsClusterDomainName Example 2'         = '-WhatIf'
        'Set-DwsLogicalClusterFeature Example 2'     = '-WhatIf'
        'Set-DwsWorkloadPlanStage Example 1'         = 'writes nothing without -PassThru'
        # A filter nothing in the emulator matches.
        'Get-DwsCluster Example 4'                   = 'every cluster is AVAILABLE'
        'Get-DwsClusterDiskUsage Example 2'          = 'no node is above 80 percent'
        'Get-DwsClusterRedistribution Example 2'     = 'sales-dw has not been redistributed'
        'Get-DwsLogicalCluster Example 1'            = 'no prod-* cluster is a logical cluster'
        'Get-DwsLogicalClusterTask Example 2'        = 'no create failed'
        'Get-DwsSnapshotStatistic Example 2'         = 'no cluster pays for snapshot storage'
        'Get-DwsWorkloadPlanLog Example 2'           = 'no plan step failed'
        'Register-DwsClusterElb Example 2'           = 'the emulator has no ELB named dw-lb'
        'Remove-DwsSnapshot Example 1'               = 'the emulated clock runs ahead: no snapshot is 30 days old'
        # A transitional state, over before the example reads it at this time scale.
        'Resume-DwsClusterRedistribution Example 2'  = 'no redistribution is paused'
        'Suspend-DwsClusterRedistribution Example 2' = 'no redistribution is running'
        'Wait-DwsCluster Example 2'                  = 'no cluster is busy'
        'Wait-DwsSnapshot Example 2'                 = 'no snapshot is being created'
    }

    # Runs an example's code in the caller's scope chain (it sees $id, $planId...), stopping at the first error.
    function Invoke-Example([string] $Code) {
        $ErrorActionPreference = 'Stop'
        $ConfirmPreference = 'None'
        . ([scriptblock]::Create($Code))
    }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'The help examples that pipe DWS cmdlets' {
    It '<Case>: <Title>' -ForEach $examples {
        $id = $main.ClusterId
        $planId = $plan.PlanId
        $snapshotId = @()
        if ($arrange.ContainsKey($Case)) { . $arrange[$Case] }
        $code = $Code.Replace('4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90', $id).Replace('194408fa-9d41-435c-a140-91edcf5fe519', $id)
        if ($snapshotId) { $code = $code.Replace('a4f2c1e0-6f0b-4a9e-9c55-3f1d2e8b7a10', $snapshotId[0]).Replace('b7e1d2c3-0a9b-4c8d-8e7f-6a5b4c3d2e10', $snapshotId[1]) }
        $output = @(Invoke-Example $code)
        if ($writesNothing.ContainsKey($Case)) { $output | Should -BeNullOrEmpty -Because $writesNothing[$Case] }
        else { $output | Should -Not -BeNullOrEmpty -Because 'the pipeline has input here, so it writes something' }
    }
}
