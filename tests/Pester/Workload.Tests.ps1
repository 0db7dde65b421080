# End-to-end tests of the workload plan cmdlets against the DWS emulator (Pester 5).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    $script:PlanType = 'DwsPowerShell.Client.Models.Workload.WorkloadPlan'
    $script:StageType = 'DwsPowerShell.Client.Models.Workload.WorkloadPlanStage'
    $script:LogType = 'DwsPowerShell.Client.Models.Workload.WorkloadPlanLog'
    $script:NoSuchId = '00000000-0000-4000-8000-000000000000'
    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Dws@Passw0rd2024' -AsPlainText -Force))
    $script:cluster = New-DwsCluster -Name 'wlmtest-a' -Flavor 'dws.d2.xlarge' -NodeCount 3 -AdminCredential $admin `
        -AvailabilityZone "$($script:emu.Credential.Region)a" -VpcId 'vpc-wlmtest' -SubnetId 'subnet-wlmtest' -Wait -PollIntervalSec 1
    $script:clusterId = $script:cluster.ClusterId

    function script:Get-Plan([string] $Name) { Get-DwsWorkloadPlan -ClusterId $script:clusterId -Name $Name }
}

AfterAll {
    Stop-DwsEmulator $script:emu
}

Describe 'New-DwsWorkloadPlan' {
    It 'creates a plan on the cluster piped from Get-DwsCluster and writes it with its ID' {
        $plan = Get-DwsCluster -Name 'wlmtest-*' | New-DwsWorkloadPlan -Name 'day_night'

        $plan | Should -HaveCount 1
        $plan | Should -BeOfType $script:PlanType
        $plan.PlanName | Should -Be 'day_night'
        $plan.ClusterId | Should -Be $script:clusterId
        $plan.PlanId | Should -Not -BeNullOrEmpty
    }

    It 'creates nothing with -WhatIf' {
        New-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'whatif_plan' -WhatIf | Should -BeNullOrEmpty
        Get-Plan 'whatif_plan' | Should -BeNullOrEmpty
    }

    It 'reports a name already taken (workload_res_code in a 200) as DwsOperationFailed' {
        New-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'day_night' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet New-DwsWorkloadPlan -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject $script:clusterId
    }

    It 'refuses a bad name before calling the service' {
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $script:clusterId -MessageLike '*Bad-Name*' {
            New-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'Bad-Name'
        }
    }

    It 'reports an unknown cluster as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { New-DwsWorkloadPlan -ClusterId $script:NoSuchId -Name 'lost_plan' }
    }
}

Describe 'New-DwsWorkloadPlanStage' {
    It 'adds stages to the plan piped from Get-DwsWorkloadPlan and writes each with its ID' {
        $day = Get-Plan 'day_night' | New-DwsWorkloadPlanStage -Name 'day' -Month (1..12) -Day (1..31) -StartTime '08:00:00' -EndTime '20:00:00' `
            -QueueResource @{ q_etl = @{ cpu = 40; memory = 50 } }
        $night = Get-Plan 'day_night' | New-DwsWorkloadPlanStage -Name 'night' -Month (1..12) -Day (1..31) -StartTime '20:00:00' -EndTime '08:00:00' `
            -QueueResource @{ q_etl = @{ cpu = 80; memory = 70 } }

        $day | Should -BeOfType $script:StageType
        $day.StageName | Should -Be 'day'
        $day.StageId | Should -Not -BeNullOrEmpty
        $day.StartTime | Should -Be '08:00:00'
        $day.Month -split ',' | Should -HaveCount 12
        ($day.QueueList | Where-Object QueueName -eq 'q_etl').GetResource('cpu') | Should -Be 40
        $night.StageName | Should -Be 'night'
        $night.PlanId | Should -Be (Get-Plan 'day_night').PlanId
    }

    It 'creates nothing with -WhatIf' {
        Get-Plan 'day_night' | New-DwsWorkloadPlanStage -Name 'ghost' -Month 1 -Day 1 -StartTime '00:00:00' -WhatIf | Should -BeNullOrEmpty
        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'ghost' | Should -BeNullOrEmpty
    }

    It 'refuses an unknown queue resource name' {
        $plan = Get-Plan 'day_night'
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $plan.PlanId -MessageLike '*gpu*' {
            $plan | New-DwsWorkloadPlanStage -Name 'gpu' -Month 1 -Day 1 -StartTime '00:00:00' -QueueResource @{ q = @{ gpu = 1 } }
        }
    }
}

Describe 'Get-DwsWorkloadPlan' {
    BeforeAll {
        New-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'empty_plan' | Out-Null
    }

    It 'lists the plans of the cluster piped from Get-DwsCluster' {
        $plans = Get-DwsCluster -Name 'wlmtest-a' | Get-DwsWorkloadPlan
        @($plans.PlanName) | Should -Be @('day_night', 'empty_plan')
        $plans | ForEach-Object { $_ | Should -BeOfType $script:PlanType }
    }

    It 'filters by a -Name wildcard and pages with -First and -Skip' {
        (Get-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'DAY*').PlanName | Should -Be 'day_night'
        (Get-DwsWorkloadPlan -ClusterId $script:clusterId -First 1).PlanName | Should -Be 'day_night'
        (Get-DwsWorkloadPlan -ClusterId $script:clusterId -Skip 1).PlanName | Should -Be 'empty_plan'
    }

    It 'reads a plan with its stages by -PlanId' {
        $plan = Get-DwsWorkloadPlan -ClusterId $script:clusterId -PlanId (Get-Plan 'day_night').PlanId
        $plan.PlanName | Should -Be 'day_night'
        @($plan.StageList.StageName) | Should -Be @('day', 'night')
    }

    It 'reports an unknown plan as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { Get-DwsWorkloadPlan -ClusterId $script:clusterId -PlanId $script:NoSuchId }
    }
}

Describe 'Get-DwsWorkloadPlanStage' {
    It 'lists the stages of the plan piped from Get-DwsWorkloadPlan' {
        $stages = Get-Plan 'day_night' | Get-DwsWorkloadPlanStage
        @($stages.StageName) | Should -Be @('day', 'night')
        $stages | ForEach-Object { $_ | Should -BeOfType $script:StageType; $_.ClusterId | Should -Be $script:clusterId }
    }

    It 'reads the stages piped to it by their StageId' {
        $listed = Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'night'
        $read = $listed | Get-DwsWorkloadPlanStage
        $read.StageId | Should -Be $listed.StageId
        $read.EndTime | Should -Be '08:00:00'
    }

    It 'reports an unknown stage as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -StageId $script:NoSuchId }
    }
}

Describe 'Start-DwsWorkloadPlan' {
    It 'starts nothing with -WhatIf' {
        Get-Plan 'day_night' | Start-DwsWorkloadPlan -WhatIf | Should -BeNullOrEmpty
        (Get-Plan 'day_night').CurrentStage | Should -BeNullOrEmpty
    }

    It 'starts a plan given by -ClusterId and -PlanId and writes it running' {
        $plan = New-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'start_plan'
        $plan | New-DwsWorkloadPlanStage -Name 'all_day' -Month (1..12) -Day (1..31) -StartTime '00:00:00' -EndTime '23:59:59' | Out-Null
        $started = Start-DwsWorkloadPlan -ClusterId $script:clusterId -PlanId $plan.PlanId
        $started | Should -BeOfType $script:PlanType
        $started.PlanId | Should -Be $plan.PlanId
        $started.CurrentStage | Should -Be 'all_day'
        $started.Status | Should -Be '1'
        Stop-DwsWorkloadPlan -ClusterId $script:clusterId -PlanId $plan.PlanId | Out-Null
        Remove-DwsWorkloadPlan -ClusterId $script:clusterId -PlanId $plan.PlanId -Force
    }

    It 'starts the plans piped from Get-DwsWorkloadPlan and writes them re-read, going on past a failure' {
        $started = Get-DwsWorkloadPlan -ClusterId $script:clusterId | Start-DwsWorkloadPlan -ErrorAction SilentlyContinue -ErrorVariable err

        $started | Should -HaveCount 1
        $started | Should -BeOfType $script:PlanType
        $started.PlanName | Should -Be 'day_night'
        $started.CurrentStage | Should -Be 'day'
        $started.Status | Should -Be '1'
        # empty_plan has no stage: a non-zero workload_res_code in a 200.
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet Start-DwsWorkloadPlan -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject (Get-Plan 'empty_plan').PlanId
    }

    It 'reports starting a running plan as DwsOperationFailed' {
        $plan = Get-Plan 'day_night'
        Assert-DwsErrorRecord -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject $plan.PlanId { $plan | Start-DwsWorkloadPlan }
    }
}

Describe 'Switch-DwsWorkloadPlanStage' {
    It 'switches to the stage piped from Get-DwsWorkloadPlanStage and writes the plan' {
        $plan = Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'night' | Switch-DwsWorkloadPlanStage
        $plan | Should -BeOfType $script:PlanType
        $plan.CurrentStage | Should -Be 'night'
    }

    It 'switches nothing with -WhatIf' {
        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' | Switch-DwsWorkloadPlanStage -WhatIf | Should -BeNullOrEmpty
        (Get-Plan 'day_night').CurrentStage | Should -Be 'night'
    }

    It 'reports an unknown plan' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId {
            Switch-DwsWorkloadPlanStage -ClusterId $script:clusterId -PlanId $script:NoSuchId -StageId $script:NoSuchId
        }
    }
}

Describe 'Get-DwsWorkloadPlanLog' {
    It 'lists the log of the plan piped from Get-DwsWorkloadPlan' {
        $log = Get-Plan 'day_night' | Get-DwsWorkloadPlanLog
        $log.Count | Should -BeGreaterOrEqual 3
        $log | ForEach-Object { $_ | Should -BeOfType $script:LogType }
        $log[-1].StageInfo | Should -Be 'night'
        $log[0].ExecTime | Should -BeOfType [DateTimeOffset]
    }

    It 'pages with -First' {
        Get-Plan 'day_night' | Get-DwsWorkloadPlanLog -First 1 | Should -HaveCount 1
    }

    It 'writes the exact total first with -IncludeTotalCount' {
        $log = @(Get-Plan 'day_night' | Get-DwsWorkloadPlanLog)
        $out = @(Get-Plan 'day_night' | Get-DwsWorkloadPlanLog -IncludeTotalCount -First 1)
        $out | Should -HaveCount 2
        $out[0] | Should -BeOfType [uint64]
        $out[0] | Should -Be $log.Count
        $out[0].Accuracy | Should -Be 1.0
        $out[1] | Should -BeOfType $script:LogType
    }

    It 'reports an unknown plan' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { Get-DwsWorkloadPlanLog -ClusterId $script:clusterId -PlanId $script:NoSuchId }
    }
}

Describe 'Set-DwsWorkloadPlanStage' {
    It 'changes only the bound settings of the stage piped from Get-DwsWorkloadPlanStage' {
        $stage = Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' |
            Set-DwsWorkloadPlanStage -EndTime '21:00:00' -QueueResource @{ q_etl = @{ cpu = 60 } } -PassThru

        $stage | Should -BeOfType $script:StageType
        $stage.EndTime | Should -Be '21:00:00'
        $stage.StartTime | Should -Be '08:00:00'
        $queue = $stage.QueueList | Where-Object QueueName -eq 'q_etl'
        $queue.GetResource('cpu') | Should -Be 60
        $queue.GetResource('memory') | Should -Be 50
    }

    It 'writes nothing without -PassThru and changes nothing with -WhatIf' {
        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' | Set-DwsWorkloadPlanStage -StartTime '09:00:00' -WhatIf | Should -BeNullOrEmpty
        (Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day').StartTime | Should -Be '08:00:00'
        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' | Set-DwsWorkloadPlanStage -Month 6, 7 | Should -BeNullOrEmpty
        (Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day').Month | Should -Be '6,7'
    }

    It 'asks for -QueueResource to change a stage created without queues, and changes nothing' {
        $plan = New-DwsWorkloadPlan -ClusterId $script:clusterId -Name 'queueless_plan'
        $stage = $plan | New-DwsWorkloadPlanStage -Name 'bare' -Month 1 -Day 1 -StartTime '00:00:00'
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $stage.StageId -MessageLike '*-QueueResource*' {
            $stage | Set-DwsWorkloadPlanStage -EndTime '06:00:00'
        }
        ($stage | Get-DwsWorkloadPlanStage).EndTime | Should -Not -Be '06:00:00'
        $stage | Set-DwsWorkloadPlanStage -EndTime '06:00:00' -QueueResource @{ q_etl = @{ cpu = 10; memory = 10 } } -PassThru |
            Select-Object -ExpandProperty EndTime | Should -Be '06:00:00'
        $plan | Remove-DwsWorkloadPlan -Force
    }

    It 'refuses a malformed time' {
        $day = Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day'
        Assert-DwsErrorRecord -ErrorId DwsInvalidArgument -Category InvalidArgument -TargetObject $day.StageId -MessageLike '*EndTime*' { $day | Set-DwsWorkloadPlanStage -EndTime '25:00' }
    }
}

Describe 'Remove-DwsWorkloadPlanStage' {
    It 'refuses to delete the current stage of the running plan' {
        $night = Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'night'
        Assert-DwsErrorRecord -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject $night.StageId { $night | Remove-DwsWorkloadPlanStage -Force }
    }

    It 'deletes nothing with -WhatIf, and the piped stage with -Force' {
        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' | Remove-DwsWorkloadPlanStage -WhatIf
        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' | Should -HaveCount 1

        Get-Plan 'day_night' | Get-DwsWorkloadPlanStage -Name 'day' | Remove-DwsWorkloadPlanStage -Force | Should -BeNullOrEmpty
        @((Get-Plan 'day_night' | Get-DwsWorkloadPlanStage).StageName) | Should -Be @('night')
    }
}

Describe 'Stop-DwsWorkloadPlan' {
    It 'stops the plan piped from Get-DwsWorkloadPlan and writes it re-read' {
        $stopped = Get-Plan 'day_night' | Stop-DwsWorkloadPlan
        $stopped | Should -BeOfType $script:PlanType
        $stopped.CurrentStage | Should -BeNullOrEmpty
        $stopped.Status | Should -Be '0'
    }

    It 'reports stopping a plan that is not running as DwsOperationFailed' {
        $plan = Get-Plan 'day_night'
        Assert-DwsErrorRecord -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject $plan.PlanId { $plan | Stop-DwsWorkloadPlan }
    }
}

Describe 'Remove-DwsWorkloadPlan' {
    It 'deletes nothing with -WhatIf' {
        Get-DwsWorkloadPlan -ClusterId $script:clusterId | Remove-DwsWorkloadPlan -WhatIf
        Get-DwsWorkloadPlan -ClusterId $script:clusterId | Should -HaveCount 2
    }

    It 'deletes the plans piped from Get-DwsWorkloadPlan with -Force' {
        Get-DwsWorkloadPlan -ClusterId $script:clusterId | Remove-DwsWorkloadPlan -Force | Should -BeNullOrEmpty
        Get-DwsWorkloadPlan -ClusterId $script:clusterId | Should -BeNullOrEmpty
    }

    It 'reports an unknown plan as not found' {
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $script:NoSuchId { Remove-DwsWorkloadPlan -ClusterId $script:clusterId -PlanId $script:NoSuchId -Force }
    }
}
