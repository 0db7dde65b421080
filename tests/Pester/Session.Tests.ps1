# End-to-end tests of Connect-DwsService, Get-DwsSession and Disconnect-DwsService against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-DwsEmulator -TimeScale 600
    Import-Module (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1') -Force
    $script:c = $script:emu.Credential
    $script:sk = ConvertTo-SecureString $script:c.SecretKey -AsPlainText -Force
}

AfterAll {
    Disconnect-DwsService
    Stop-DwsEmulator $script:emu
}

Describe 'Connect-DwsService' {
    AfterEach { Disconnect-DwsService }

    It 'connects with an access key and makes the session the default' {
        $session = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -PassThru
        $session.GetType().FullName | Should -Be 'DwsPowerShell.Client.DwsSession'
        (Get-DwsSession).Endpoint | Should -Be $session.Endpoint
        Get-DwsAvailabilityZone | Should -Not -BeNullOrEmpty
        $session.ProjectId | Should -Be 'emulator0project0000000000000001'
    }

    It 'connects with a PSCredential holding the AK and SK' {
        $credential = [pscredential]::new($c.AccessKey, $sk)
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -Credential $credential
        @(Get-DwsNodeType).Count | Should -BeGreaterThan 0
    }

    It 'connects as an IAM user with a token it obtains itself' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -UserName $c.UserName -DomainName $c.Domain `
            -Password (ConvertTo-SecureString $c.Password -AsPlainText -Force)
        @(Get-DwsCluster).Count | Should -BeGreaterOrEqual 0
        (Get-DwsSession).Credentials.Kind | Should -BeLike 'IAM user*'
    }

    It 'connects from the HUAWEICLOUD_SDK_* environment variables' {
        $env:HUAWEICLOUD_SDK_AK = $c.AccessKey; $env:HUAWEICLOUD_SDK_SK = $c.SecretKey
        try {
            Connect-DwsService -Endpoint $emu.Url -Region $c.Region
            (Get-DwsSession).Credentials.Source | Should -Be 'environment'
        }
        finally { Remove-Item Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK }
    }

    It 'fails with a clear authentication error on a wrong secret key, without echoing it' {
        $wrong = ConvertTo-SecureString 'not-the-secret-key' -AsPlainText -Force
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $wrong
        $err = $null
        Get-DwsCluster -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DwsAuthenticationFailed,*'
        ($err | Out-String) | Should -Not -Match 'not-the-secret-key'
    }

    It 'refuses an endpoint that is not an absolute URL, naming it, without echoing the secret key' {
        # The record's target is the parameter set (the kind of credentials) the session was built from.
        Assert-DwsErrorRecord -ErrorId DwsConfigurationInvalid -Category InvalidArgument -TargetObject 'AccessKey' -MessageLike "*Endpoint 'not-a-url'*" {
            Connect-DwsService -Endpoint 'not-a-url' -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk
        }
    }

    It 'never writes the secret key to the verbose stream' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk
        $verbose = Get-DwsCluster -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose | Should -Not -BeNullOrEmpty
        ($verbose | Out-String) | Should -Not -Match ([regex]::Escape($c.SecretKey))
        ($verbose | Out-String) | Should -Not -Match 'Signature='
    }
}

Describe 'Get-DwsSession' {
    It 'writes the default session, without its secret key' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk
        $session = Get-DwsSession
        $session.GetType().FullName | Should -Be 'DwsPowerShell.Client.DwsSession'
        $session.Region | Should -Be $c.Region
        $session.Endpoint.ToString().TrimEnd('/') | Should -Be $emu.Url
        ($session | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($c.SecretKey))
    }

    It 'writes nothing when not connected' {
        Disconnect-DwsService
        Get-DwsSession | Should -BeNullOrEmpty
    }
}

Describe 'Disconnect-DwsService' {
    It 'forgets the default session' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk
        Disconnect-DwsService
        Get-DwsSession | Should -BeNullOrEmpty
    }
}
