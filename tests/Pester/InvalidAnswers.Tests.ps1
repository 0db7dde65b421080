# A list answered 200 without its list (null, an empty body, {}) or with an error object is an error record, never
# zero objects and no word: the emulator's Body200 fault rule gives the answer (Pester 5).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    Connect-DwsEmulator $script:emu | Out-Null

    # The next request matching $Route is answered 200 with $Body.
    function script:Set-Answer([string] $Route, [string] $Body) {
        $rule = @{ route = $Route; kind = 'Body200'; body = $Body; rate = 1; maxCount = 1 }
        Invoke-RestMethod -Method Put -Uri "$($script:emu.Url)/_emulator/faults" -ContentType 'application/json' -Body (ConvertTo-Json @($rule)) | Out-Null
    }
    function script:Clear-Answer { Invoke-RestMethod -Method Put -Uri "$($script:emu.Url)/_emulator/faults" -ContentType 'application/json' -Body '[]' | Out-Null }
}

AfterAll {
    Disconnect-DwsService
    Stop-DwsEmulator $script:emu
}

Describe 'A list answered 200 without its list' {
    AfterEach { Clear-Answer }

    It '<Command> on 200 <Shown> writes an error record naming <Property>, and no object' -TestCases @(
        @{ Command = 'Get-DwsCluster'; Route = 'GET /v1.0/*/clusters'; Property = 'clusters'; Body = 'null'; Shown = 'null' }
        @{ Command = 'Get-DwsCluster'; Route = 'GET /v1.0/*/clusters'; Property = 'clusters'; Body = ''; Shown = '(no body)' }
        @{ Command = 'Get-DwsCluster'; Route = 'GET /v1.0/*/clusters'; Property = 'clusters'; Body = '{"count":3}'; Shown = '{"count":3}' }
        @{ Command = 'Get-DwsSnapshot'; Route = 'GET /v1.0/*/snapshots'; Property = 'snapshots'; Body = 'null'; Shown = 'null' }
        @{ Command = 'Get-DwsNodeType'; Route = 'GET /v2/*/node-types'; Property = 'node_types'; Body = '{}'; Shown = '{}' }
        @{ Command = 'Get-DwsAvailabilityZone'; Route = 'GET /v1.0/*/availability-zones'; Property = 'availability_zones'; Body = 'null'; Shown = 'null' }
    ) {
        Set-Answer $Route $Body
        $err = $null
        $objects = @(& $Command -ErrorVariable err -ErrorAction SilentlyContinue)
        $objects.Count | Should -Be 0
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet $Command -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject $null `
            -MessageLike '*DWS.Client.InvalidResponse*', "*'$Property'*"
    }

    It '<Command> on 200 carrying an error object writes that error' -TestCases @(
        @{ Command = 'Get-DwsCluster'; Route = 'GET /v1.0/*/clusters' }
        @{ Command = 'Get-DwsSnapshot'; Route = 'GET /v1.0/*/snapshots' }
    ) {
        Set-Answer $Route '{"error_code":"DWS.0015","error_msg":"No permission to list."}'
        $err = $null
        $objects = @(& $Command -ErrorVariable err -ErrorAction SilentlyContinue)
        $objects.Count | Should -Be 0
        Assert-DwsErrorRecord -ErrorRecord $err -Cmdlet $Command -ErrorId DwsOperationFailed -Category InvalidResult -TargetObject $null `
            -MessageLike '*DWS.0015*', '*No permission to list.*'
    }

    It 'an empty list is still no object and no error' {
        $err = $null
        @(Get-DwsSnapshot -ErrorVariable err -ErrorAction SilentlyContinue).Count | Should -Be 0
        $err | Should -BeNullOrEmpty
    }
}
