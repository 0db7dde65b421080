# Connect-DwsService -MaxResponseSize: the most one answer may hold, as a user meets it in pwsh against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    $script:c = $script:emu.Credential
    $script:sk = ConvertTo-SecureString $script:c.SecretKey -AsPlainText -Force
    $script:project = 'emulator0project0000000000000001'
}

AfterAll {
    Disconnect-DwsService
    Stop-DwsEmulator $script:emu
}

Describe 'Connect-DwsService -MaxResponseSize' {
    AfterEach { Disconnect-DwsService }

    It 'makes a larger answer fail with DwsResponseTooLarge, naming the limit and how to raise it, without retrying' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -ProjectId $project -AccessKey $c.AccessKey -SecretKey $sk -MaxResponseSize 10
        Clear-EmulatorRequest -Emulator $emu
        Assert-DwsErrorRecord -ErrorId DwsResponseTooLarge -Category LimitsExceeded -TargetObject $null `
            -MessageLike '*limit of 10 bytes on one answer*', '*-MaxResponseSize*' { Get-DwsCluster }
        @(Get-EmulatorRequest -Emulator $emu -Method GET -Target '*/clusters*').Count | Should -Be 1
    }

    It 'accepts answers up to a limit given as 1MB' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -ProjectId $project -AccessKey $c.AccessKey -SecretKey $sk -MaxResponseSize 1MB
        @(Get-DwsCluster).Count | Should -BeGreaterOrEqual 0
    }

    It 'refuses a size below one byte as a parameter error naming -MaxResponseSize' {
        { Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -MaxResponseSize 0 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,DwsPowerShell.Commands.Session.ConnectDwsServiceCommand' -ExpectedMessage '*MaxResponseSize*'
    }

    It 'is documented in the help of Connect-DwsService' {
        $name = 'Connect-DwsService'
        $help = (Get-Help $name -Full).parameters.parameter | Where-Object name -EQ 'MaxResponseSize'
        "$($help.description.Text)" | Should -BeLike '*16MB*'
        (Get-Help $name -Full).examples.example.code | Should -Contain 'Connect-DwsService -Region eu-west-101 -AccessKey $ak -SecretKey $sk -MaxResponseSize 64MB'
    }
}
