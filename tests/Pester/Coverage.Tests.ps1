# Every exported cmdlet has, somewhere in tests/Pester/*.Tests.ps1 (read with the PowerShell parser):
# - a success run: the cmdlet called in an It block, without -WhatIf, -ErrorAction or -ErrorVariable,
#   and outside an error assertion (Assert-DwsErrorRecord, or a script block piped to Should -Throw);
# - a failure run: an Assert-DwsErrorRecord call in an It block naming it with -Cmdlet 'Name', or
#   wrapping a script block that calls it (and no other DWS cmdlet), which checks ErrorId, category and TargetObject.
BeforeDiscovery {
    # Cmdlets with no failure path: no parameters, no service call (they only read or clear the stored session).
    $withoutFailurePath = @{
        'Get-DwsSession'        = 'writes the stored default session, if any'
        'Disconnect-DwsService' = 'clears the stored default session, if any'
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:module = Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force -PassThru

    # The cmdlets among $CommandName that the parsed test files do not run on their success path or their failure path.
    function Find-DwsTestGap {
        param(
            [Parameter(Mandatory)] [string[]] $CommandName,
            [Parameter(Mandatory)] [System.Management.Automation.Language.Ast[]] $Ast
        )
        $success = @{}
        $failure = @{}
        foreach ($file in $Ast) {
            # One pass over the file; the rest walks up from each command.
            $commands = $file.FindAll({ param($a) $a -is [System.Management.Automation.Language.CommandAst] }, $true)
            $regions = [System.Collections.Generic.HashSet[object]]::new()
            foreach ($command in $commands) {
                $name = $command.GetCommandName()
                if ($name -eq 'Assert-DwsErrorRecord') { $null = $regions.Add($command) }
                elseif ($name -eq 'Should' -and $command.Parent.PipelineElements.Count -gt 1 -and
                    @($command.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'Throw' }).Count) {
                    $null = $regions.Add($command.Parent.PipelineElements[0])
                }
            }
            foreach ($command in $commands) {
                $name = "$($command.GetCommandName())"
                $isAssert = $name -eq 'Assert-DwsErrorRecord'
                if (-not $isAssert -and $name -notlike '*-Dws*') { continue }
                $inIt = $false
                $inRegion = $false
                for ($parent = $command.Parent; $parent; $parent = $parent.Parent) {
                    if ($regions.Contains($parent)) { $inRegion = $true }
                    if ($parent -is [System.Management.Automation.Language.CommandAst] -and $parent.GetCommandName() -eq 'It') { $inIt = $true; break }
                }
                if (-not $inIt) { continue }

                if ($isAssert) {
                    $elements = $command.CommandElements
                    $named = $null
                    for ($i = 1; $i -lt $elements.Count; $i++) {
                        if ($elements[$i] -is [System.Management.Automation.Language.CommandParameterAst] -and $elements[$i].ParameterName -eq 'Cmdlet') {
                            $value = if ($elements[$i].Argument) { $elements[$i].Argument } elseif ($i + 1 -lt $elements.Count) { $elements[$i + 1] }
                            if ($value -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $named = $value.Value }
                        }
                    }
                    if ($named) { $failure[$named] = $true; continue }
                    foreach ($block in @($elements | Where-Object { $_ -is [System.Management.Automation.Language.ScriptBlockExpressionAst] })) {
                        $names = @(Get-DwsCommandName -Ast $block)
                        if ($names.Count -eq 1) { $failure[$names[0]] = $true }
                    }
                    continue
                }
                if ($inRegion) { continue }
                $switches = @($command.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName)
                if ($switches | Where-Object { $_ -in 'WhatIf', 'ErrorAction', 'EA', 'ErrorVariable', 'EV' }) { continue }
                $success[$name] = $true
            }
        }
        foreach ($name in $CommandName) {
            if (-not $success[$name] -or -not $failure[$name]) {
                [pscustomobject]@{ Cmdlet = $name; SuccessRun = [bool] $success[$name]; FailureRun = [bool] $failure[$name] }
            }
        }
    }

    function ConvertTo-TestAst([string] $Text) {
        $tokens = $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref] $tokens, [ref] $errors)
        if ($errors) { throw "The synthetic test text does not parse: $($errors[0].Message)" }
        $ast
    }
}

Describe 'Find-DwsTestGap (the enumerator itself)' {
    It 'reports a cmdlet with no run at all, and one that only has a success run' {
        $ast = ConvertTo-TestAst @'
Describe 'x' {
    It 'reads' { Get-DwsCluster -ClusterId $id | Should -Not -BeNullOrEmpty }
}
'@
        $gaps = @(Find-DwsTestGap -CommandName 'Get-DwsCluster', 'Remove-DwsCluster' -Ast $ast)
        $gaps.Cmdlet | Should -Be @('Get-DwsCluster', 'Remove-DwsCluster')
        $gaps[0].SuccessRun | Should -BeTrue
        $gaps[0].FailureRun | Should -BeFalse
        $gaps[1].SuccessRun | Should -BeFalse
    }

    It 'accepts a failure run named by -Cmdlet or by the one cmdlet of the wrapped block' {
        $ast = ConvertTo-TestAst @'
Describe 'x' {
    It 'works' { Get-DwsCluster | Should -Not -BeNullOrEmpty; Get-DwsJob -JobId $j | Should -Not -BeNullOrEmpty }
    It 'fails' {
        Get-DwsCluster -ClusterId $id -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet 'Get-DwsCluster' -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $id
        Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $id { Get-DwsJob -JobId 'x' }
    }
}
'@
        Find-DwsTestGap -CommandName 'Get-DwsCluster', 'Get-DwsJob' -Ast $ast | Should -BeNullOrEmpty
    }

    It 'does not take -WhatIf, an error assertion, Should -Throw or a call outside It for a success run' {
        $ast = ConvertTo-TestAst @'
BeforeAll { Stop-DwsCluster -ClusterId $id -Force }
Describe 'x' {
    It 'previews' { Remove-DwsCluster -ClusterId $id -WhatIf | Should -BeNullOrEmpty }
    It 'throws' { { Stop-DwsCluster -ClusterId $id -ErrorAction Stop } | Should -Throw -ErrorId 'DwsInvalidRequest,*' }
    It 'asserts' { Assert-DwsErrorRecord -ErrorId DwsInvalidRequest -Category InvalidArgument -TargetObject $id { Remove-DwsCluster -ClusterId $id -Force } }
}
'@
        $gaps = @(Find-DwsTestGap -CommandName 'Remove-DwsCluster', 'Stop-DwsCluster' -Ast $ast)
        $gaps.Cmdlet | Should -Be @('Remove-DwsCluster', 'Stop-DwsCluster')
        $gaps | ForEach-Object { $_.SuccessRun | Should -BeFalse }
        $gaps[0].FailureRun | Should -BeTrue
        # Should -Throw checks the ErrorId only: not a failure run.
        $gaps[1].FailureRun | Should -BeFalse
    }

    It 'does not attribute a wrapped block that calls two DWS cmdlets without -Cmdlet' {
        $ast = ConvertTo-TestAst @'
Describe 'x' {
    It 'fails' { Assert-DwsErrorRecord -ErrorId E -Category ObjectNotFound -TargetObject $id { Get-DwsCluster -Name a | Remove-DwsCluster -Force } }
}
'@
        @(Find-DwsTestGap -CommandName 'Get-DwsCluster', 'Remove-DwsCluster' -Ast $ast | Where-Object FailureRun).Count | Should -Be 0
    }
}

Describe 'Assert-DwsErrorRecord (the helper itself)' {
    It 'fails on a wrong ErrorId, category or target, and names what it got' {
        $record = [System.Management.Automation.ErrorRecord]::new([Exception]::new('boom'), 'DwsResourceNotFound,DwsPowerShell.Commands.Jobs.GetDwsJobCommand', 'ObjectNotFound', 'job-1')
        # ErrorRecord keeps the id given as the FullyQualifiedErrorId when no cmdlet wrote it.
        Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Get-DwsJob -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'job-1'
        { Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Get-DwsJob -ErrorId DwsInvalidRequest -Category ObjectNotFound -TargetObject 'job-1' } | Should -Throw '*got ''DwsResourceNotFound,*'
        { Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Get-DwsJob -ErrorId DwsResourceNotFound -Category InvalidArgument -TargetObject 'job-1' } | Should -Throw '*got ObjectNotFound*'
        { Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Get-DwsJob -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'job-2' } | Should -Throw '*got ''job-1''*'
        { Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Wait-DwsJob -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'job-1' } | Should -Throw '*WaitDwsJobCommand*'
        { Assert-DwsErrorRecord -ErrorRecord $null -Cmdlet Get-DwsJob -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject 'job-1' } | Should -Throw '*got none*'
    }

    It 'fails when the record shows a secret' {
        $sk = (Get-DwsEmulatorCredential).SecretKey
        $record = [System.Management.Automation.ErrorRecord]::new([Exception]::new("bad signature for $sk"), 'DwsAuthenticationFailed,DwsPowerShell.Commands.Jobs.GetDwsJobCommand', 'AuthenticationError', $null)
        { Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Get-DwsJob -ErrorId DwsAuthenticationFailed -Category AuthenticationError -TargetObject $null } | Should -Throw '*shows a secret*'
    }
}

Describe 'Every exported cmdlet' -ForEach @(@{ WithoutFailurePath = $withoutFailurePath }) {
    It 'runs on its success path and on a checked failure path in the Pester suites' {
        # This file's own checks use made-up records: they are no run of a cmdlet.
        $files = Get-ChildItem $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object Name -ne 'Coverage.Tests.ps1'
        $asts = foreach ($file in $files) {
            $tokens = $errors = $null
            [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $tokens, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "$($file.Name) must parse"
        }
        $names = @(Get-Command -Module DwsPowerShell).Name
        $names.Count | Should -Be $module.ExportedCmdlets.Count
        $gaps = @(Find-DwsTestGap -CommandName $names -Ast $asts | Where-Object { -not ($WithoutFailurePath.ContainsKey($_.Cmdlet) -and $_.SuccessRun) })
        $report = ($gaps | ForEach-Object { "$($_.Cmdlet): success run $($_.SuccessRun), failure run $($_.FailureRun)" }) -join [Environment]::NewLine
        $gaps.Count | Should -Be 0 -Because "every cmdlet needs both runs; missing:$([Environment]::NewLine)$report"
    }

    It '<_> has no failure path: it takes no parameter and calls no service' -ForEach @($withoutFailurePath.Keys) {
        $command = Get-Command $_
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        @($command.Parameters.Keys | Where-Object { $_ -notin $common }) | Should -BeNullOrEmpty
        $command.ImplementingType.IsSubclassOf([DwsPowerShell.DwsCmdlet]) | Should -BeFalse
    }
}
