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
        $session.GetType().FullName | Should -Be 'DwsPowerShell.DwsSessionInfo'
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
        (Get-DwsSession).AuthKind | Should -Be 'IamUser'
        (Get-DwsSession).UserName | Should -Be $c.UserName
    }

    It 'connects from the HUAWEICLOUD_SDK_* environment variables' {
        $env:HUAWEICLOUD_SDK_AK = $c.AccessKey; $env:HUAWEICLOUD_SDK_SK = $c.SecretKey
        try {
            Connect-DwsService -Endpoint $emu.Url -Region $c.Region
            (Get-DwsSession).CredentialSource | Should -Be 'environment'
        }
        finally { Remove-Item Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK }
    }

    It 'connects with a named profile of the credentials file, whose keys win over the environment' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "dws-profiles-$([guid]::NewGuid().ToString('N')).ini"
        Set-Content -LiteralPath $file -Value "[basic]`nak = BASICAK`nsk = BASICSK`n`n[emulator]`nak = $($c.AccessKey)`nsk = $($c.SecretKey)`nregion = $($c.Region)`n"
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
        $env:HUAWEICLOUD_SDK_AK = 'WRONGAK'; $env:HUAWEICLOUD_SDK_SK = 'WRONGSK'
        try {
            Connect-DwsService -Endpoint $emu.Url -ProfileName emulator
            $session = Get-DwsSession
            $session.CredentialSource | Should -Be "$file [emulator]"
            $session.Region | Should -Be $c.Region
            # Signed with the profile's keys: the emulator accepts the call.
            @(Get-DwsNodeType).Count | Should -BeGreaterThan 0
            ($session | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($c.SecretKey))
        }
        finally {
            Remove-Item Env:HUAWEICLOUD_SDK_CREDENTIALS_FILE, Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK
            Remove-Item -LiteralPath $file
        }
    }

    It 'names the file, section and key when a profile lacks its secret key' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "dws-profiles-$([guid]::NewGuid().ToString('N')).ini"
        Set-Content -LiteralPath $file -Value "[ops]`nak = OPSAK`nregion = eu-west-101`n"
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
        try {
            Assert-DwsErrorRecord -ErrorId DwsConfigurationInvalid -Category InvalidArgument -TargetObject ops -MessageLike "The ``[ops``] section of '$file' has no sk key: add sk = <secret access key>." {
                Connect-DwsService -ProfileName ops
            }
            Assert-DwsErrorRecord -ErrorId DwsConfigurationInvalid -Category InvalidArgument -TargetObject nightly -MessageLike "*has no ``[nightly``] section; its profiles are: ops.*" {
                Connect-DwsService -ProfileName nightly
            }
        }
        finally {
            Remove-Item Env:HUAWEICLOUD_SDK_CREDENTIALS_FILE
            Remove-Item -LiteralPath $file
        }
    }

    It 'completes -ProfileName from the credentials file' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "dws-profiles-$([guid]::NewGuid().ToString('N')).ini"
        Set-Content -LiteralPath $file -Value "[basic]`nak = A`nsk = B`n[prod-eu]`nak = C`nsk = D`n[prod-otc]`nak = E`nsk = F`n"
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
        try {
            $line = 'Connect-DwsService -ProfileName prod'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('prod-eu', 'prod-otc')
        }
        finally {
            Remove-Item Env:HUAWEICLOUD_SDK_CREDENTIALS_FILE
            Remove-Item -LiteralPath $file
        }
    }

    It 'derives the endpoints of an Open Telekom Cloud region and completes its regions' {
        Connect-DwsService -Cloud OpenTelekomCloud -Region eu-ch2 -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'p1'
        $session = Get-DwsSession
        ($session.Cloud, $session.Endpoint, $session.IamEndpoint) | Should -Be @('OpenTelekomCloud', 'https://dws.eu-ch2.sc.otc.t-systems.com/', 'https://iam-pub.eu-ch2.sc.otc.t-systems.com/')
        $line = 'Connect-DwsService -Cloud OpenTelekomCloud -Region eu-'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('eu-ch2', 'eu-de', 'eu-nl')
        $line = 'Connect-DwsService -Cloud Open'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'OpenTelekomCloud'
    }

    It 'keeps a session of another cloud, held in a variable, independent of the default' {
        $emulator = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -PassThru
        $otc = Connect-DwsService -Cloud OpenTelekomCloud -Region eu-de -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'p1' -PassThru
        (Get-DwsSession).Cloud | Should -Be 'OpenTelekomCloud'
        @(Get-DwsNodeType -Session $emulator).Count | Should -BeGreaterThan 0
        ($emulator.Cloud, $emulator.IamEndpoint) | Should -Be @('HuaweiCloud', "$($emu.Url)/")
        $otc.IamEndpoint | Should -Be 'https://iam.eu-de.otc.t-systems.com/'
    }

    It 'takes any region of a custom cloud domain' {
        Connect-DwsService -CloudDomain hcs.example.com -Region region-one -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'p1'
        (Get-DwsSession).Endpoint | Should -Be 'https://dws.region-one.hcs.example.com/'
    }

    It 'refuses <Label>, naming the parameter' -TestCases @(
        @{ Label = 'an unknown -Cloud'; ErrorId = 'DwsConfigurationInvalid'; Target = 'Azure'; Arguments = @{ Cloud = 'Azure'; Region = 'eu-de' }; Message = "-Cloud 'Azure' is not a known cloud: use one of HuaweiCloud, HuaweiCloudEurope, OpenTelekomCloud*" }
        @{ Label = '-Cloud with -CloudDomain'; ErrorId = 'DwsConfigurationInvalid'; Target = 'x.example.com'; Arguments = @{ Cloud = 'OpenTelekomCloud'; CloudDomain = 'x.example.com'; Region = 'eu-de' }; Message = '-Cloud and -CloudDomain both choose the cloud*' }
        @{ Label = 'a -CloudDomain that is no domain'; ErrorId = 'DwsConfigurationInvalid'; Target = 'https://x.example.com'; Arguments = @{ CloudDomain = 'https://x.example.com'; Region = 'r1' }; Message = "-CloudDomain: The cloud domain 'https://x.example.com' is not a DNS domain*" }
        @{ Label = 'a region of another cloud'; Target = 'eu-west-101'; ErrorId = 'DwsUnknownRegion'; Arguments = @{ Cloud = 'OpenTelekomCloud'; Region = 'eu-west-101' }; Message = "Region 'eu-west-101' is not a region of Open Telekom Cloud*Known regions: eu-de, eu-nl, eu-ch2*" }
    ) {
        Assert-DwsErrorRecord -ErrorId $ErrorId -Category InvalidArgument -TargetObject $Target -MessageLike $Message {
            Connect-DwsService @Arguments -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'p1'
        }
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
        Assert-DwsErrorRecord -ErrorId DwsConfigurationInvalid -Category InvalidArgument -TargetObject 'AccessKey' -MessageLike "-Endpoint is 'not-a-url', which is not an absolute*" {
            Connect-DwsService -Endpoint 'not-a-url' -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk
        }
    }

    It 'refuses -ProjectId <Label> naming -ProjectId, before any request' -TestCases @(
        @{ Label = "'..'"; ProjectId = '..' }
        @{ Label = "'.'"; ProjectId = '.' }
        @{ Label = "'../x'"; ProjectId = '../x' }
        @{ Label = 'of 10 KB'; ProjectId = 'x' * 10240 }
        @{ Label = 'with CRLF'; ProjectId = "a`r`nX-Injected: 1" }
    ) {
        Clear-EmulatorRequest -Emulator $emu
        Assert-DwsErrorRecord -ErrorId DwsConfigurationInvalid -Category InvalidArgument -TargetObject 'AccessKey' -MessageLike "-ProjectId is '*', which is not a project ID: *" {
            Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -ProjectId $ProjectId
        }
        Get-DwsSession | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Emulator $emu).Count | Should -Be 0
    }

    It 'refuses <Parameter> carrying user:password@, naming it and the fix, and the password appears nowhere' -TestCases @(
        @{ Parameter = '-Endpoint'; Fix = '*never carries credentials*' }
        @{ Parameter = '-IamEndpoint'; Fix = '*never carries credentials*' }
        @{ Parameter = '-Proxy'; Fix = '*-ProxyCredential*' }
    ) {
        $secret = 'Url-Passw0rd-77'
        # The URL is passed in a variable: the invocation line PowerShell keeps with the error shows only its name.
        $url = [uri] "http://dbuser:$secret@127.0.0.1:9/"
        $arguments = @{ Endpoint = $emu.Url; Region = $c.Region; AccessKey = $c.AccessKey; SecretKey = $sk; Verbose = $true }
        $arguments[$Parameter.TrimStart('-')] = $url
        $Error.Clear()
        $out = [System.Collections.Generic.List[object]]::new()
        $record = $null
        try { Connect-DwsService @arguments 4>&1 | ForEach-Object { $out.Add($_) } }
        catch { $record = $_ }
        Assert-DwsErrorRecord -ErrorRecord $record -Cmdlet Connect-DwsService -ErrorId DwsConfigurationInvalid -Category InvalidArgument -TargetObject 'AccessKey' `
            -MessageLike "$Parameter is 'http://…@127.0.0.1:9/', which carries a user name or password*", $Fix -Secret $secret
        ($out | Out-String) | Should -Not -Match $secret
        ($Error | Out-String) | Should -Not -Match $secret
        ($Error | Format-List * -Force | Out-String) | Should -Not -Match $secret
        ($record.Exception | Format-List * -Force | Out-String) | Should -Not -Match $secret
        Get-DwsSession | Should -BeNullOrEmpty
    }

    It 'takes the proxy user name and password from -ProxyCredential, and shows neither' {
        $proxyCredential = [pscredential]::new('proxyuser', (ConvertTo-SecureString 'Proxy-Passw0rd-88' -AsPlainText -Force))
        $session = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'emulator0project0000000000000001' `
            -Proxy 'http://127.0.0.1:9' -ProxyCredential $proxyCredential -PassThru -Verbose 4>&1
        ($session | Out-String) + ($session | ConvertTo-Json -Depth 4) | Should -Not -Match 'Proxy-Passw0rd-88'
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
        $session.GetType().FullName | Should -Be 'DwsPowerShell.DwsSessionInfo'
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

Describe 'Sessions kept in variables' {
    AfterEach { Disconnect-DwsService }

    It 'stay usable after another Connect-DwsService' {
        $first = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -PassThru
        $second = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -PassThru
        [object]::ReferenceEquals($first, $second) | Should -BeFalse
        Get-DwsAvailabilityZone -Session $first -ErrorAction Stop | Should -Not -BeNullOrEmpty
        Get-DwsAvailabilityZone -ErrorAction Stop | Should -Not -BeNullOrEmpty
    }

    It 'stay usable after Disconnect-DwsService, which only forgets the default' {
        Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk
        $kept = Get-DwsSession
        Disconnect-DwsService
        Get-DwsSession | Should -BeNullOrEmpty
        Get-DwsAvailabilityZone -Session $kept -ErrorAction Stop | Should -Not -BeNullOrEmpty
    }
}

Describe 'Runspaces' {
    BeforeAll {
        $script:modulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../out/DwsPowerShell/DwsPowerShell.psd1')).Path
        # Runs $Script in $Count runspaces of one pool at once (Windows PowerShell 5.1 has no ForEach-Object -Parallel).
        function Invoke-InRunspaces {
            param([int] $Count, [scriptblock] $Script, [hashtable] $Arguments)
            $pool = [runspacefactory]::CreateRunspacePool(1, $Count)
            $pool.Open()
            try {
                $running = foreach ($i in 1..$Count) {
                    $ps = [powershell]::Create()
                    $ps.RunspacePool = $pool
                    $null = $ps.AddScript($Script.ToString()).AddParameters($Arguments).AddParameter('Index', $i)
                    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
                }
                foreach ($r in $running) {
                    try { $r.PowerShell.EndInvoke($r.Handle) } finally { $r.PowerShell.Dispose() }
                }
            }
            finally { $pool.Dispose() }
        }
    }

    It 'ten runspaces that each connect and call five times all succeed, each with its own default' {
        $results = Invoke-InRunspaces -Count 10 -Arguments @{ Module = $modulePath; Url = $emu.Url; C = $c } -Script {
            param($Module, $Url, $C, $Index)
            Import-Module $Module
            $sk = ConvertTo-SecureString $C.SecretKey -AsPlainText -Force
            $mine = Connect-DwsService -Endpoint $Url -Region $C.Region -AccessKey $C.AccessKey -SecretKey $sk -PassThru
            foreach ($call in 1..5) {
                try {
                    $zones = @(Get-DwsAvailabilityZone -ErrorAction Stop)
                    $own = [object]::ReferenceEquals((Get-DwsSession), $mine)
                    [pscustomobject]@{ Runspace = $Index; Call = $call; Ok = ($zones.Count -gt 0 -and $own); Error = $(if (-not $own) { 'another runspace replaced the default' }) }
                }
                catch { [pscustomobject]@{ Runspace = $Index; Call = $call; Ok = $false; Error = "$_" } }
            }
        }
        @($results).Count | Should -Be 50
        @($results | Where-Object { -not $_.Ok } | ForEach-Object { "runspace $($_.Runspace) call $($_.Call): $($_.Error)" }) | Should -BeNullOrEmpty
    }

    It 'a new runspace has no default of its own, and uses a session passed to -Session' {
        $s = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -PassThru
        try {
            $result = Invoke-InRunspaces -Count 1 -Arguments @{ Module = $modulePath; Session = $s } -Script {
                param($Module, $Session, $Index)
                Import-Module $Module
                [pscustomobject]@{ Default = @(Get-DwsSession).Count; Zones = @(Get-DwsAvailabilityZone -Session $Session -ErrorAction Stop).Count }
            }
            $result.Default | Should -Be 0
            $result.Zones | Should -BeGreaterThan 0
            [object]::ReferenceEquals((Get-DwsSession), $s) | Should -BeTrue
        }
        finally { Disconnect-DwsService }
    }
}

Describe 'Regions' {
    AfterEach { Disconnect-DwsService }

    It 'refuses an unknown region without -Endpoint at connect time, listing the known regions' {
        $err = $null
        try { Connect-DwsService -Region xx-nowhere-9 -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'p1'; throw 'Connect-DwsService did not fail' }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'DwsUnknownRegion,DwsPowerShell.Commands.Session.ConnectDwsServiceCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'xx-nowhere-9'
        $message = $err.ToString()
        $message | Should -Match "-Region 'xx-nowhere-9'"
        $message | Should -Match 'eu-west-101'
        $message | Should -Match 'ap-southeast-3'
        $message | Should -Match '-Endpoint'
        $err.ErrorDetails.RecommendedAction | Should -Match '-Endpoint'
        Get-DwsSession | Should -BeNullOrEmpty
    }

    It 'names HUAWEICLOUD_SDK_REGION when the unknown region came from there' {
        $env:HUAWEICLOUD_SDK_REGION = 'xx-nowhere-9'
        try {
            $err = $null
            try { Connect-DwsService -AccessKey $c.AccessKey -SecretKey $sk; throw 'Connect-DwsService did not fail' } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'DwsUnknownRegion,*'
            $err.ToString() | Should -BeLike "HUAWEICLOUD_SDK_REGION 'xx-nowhere-9' is not a region*eu-west-101*-Endpoint*"
        }
        finally { Remove-Item Env:HUAWEICLOUD_SDK_REGION }
    }

    It 'accepts a region it does not know when -Endpoint is given (a private or new region)' {
        Connect-DwsService -Endpoint $emu.Url -Region xx-private-1 -ProjectId 'emulator0project0000000000000001' -AccessKey $c.AccessKey -SecretKey $sk
        Get-DwsAvailabilityZone -ErrorAction Stop | Should -Not -BeNullOrEmpty
        (Get-DwsSession).Region | Should -Be 'xx-private-1'
    }

    It 'derives the endpoints of a known region from the region table' {
        $s = Connect-DwsService -Region eu-west-101 -AccessKey $c.AccessKey -SecretKey $sk -ProjectId 'p1' -PassThru
        "$($s.Endpoint)" | Should -Be 'https://dws.eu-west-101.myhuaweicloud.eu/'
        "$($s.IamEndpoint)" | Should -Be 'https://iam.eu-west-101.myhuaweicloud.eu/'
    }
}

Describe 'What a session shows' {
    BeforeAll {
        $script:shown = Connect-DwsService -Endpoint $emu.Url -Region $c.Region -AccessKey $c.AccessKey -SecretKey $sk -PassThru
        Get-DwsAvailabilityZone | Out-Null   # the project ID is known after a call
    }
    AfterAll { Disconnect-DwsService }

    It 'serialises to short JSON with its facts and no secret, even at -Depth 8' {
        $json = $shown | ConvertTo-Json -Depth 8
        @($json -split "`n").Count | Should -BeLessThan 20
        $json | Should -Not -Match ([regex]::Escape($c.SecretKey))
        $json | Should -Not -Match ([regex]::Escape($c.AccessKey))
        $back = $json | ConvertFrom-Json
        @($back.PSObject.Properties.Name) | Should -Be @('Region', 'Cloud', 'Endpoint', 'IamEndpoint', 'ProjectId', 'AuthKind', 'AccessKeyId', 'UserName', 'DomainName', 'CredentialSource')
        $back.Region | Should -Be $c.Region
        $back.ProjectId | Should -Be 'emulator0project0000000000000001'
        $back.AuthKind | Should -Be 'AccessKey'
        $back.AccessKeyId | Should -Be 'EMUL************'
        $back.CredentialSource | Should -Be 'parameters'
    }

    It 'lists only its facts with Format-List *' {
        $text = $shown | Format-List * | Out-String
        @($text.Trim() -split "`n").Count | Should -BeLessThan 12
        $text | Should -Not -Match 'Transport|Clusters|Options'
        $text | Should -Not -Match ([regex]::Escape($c.SecretKey))
    }

    It 'exports to a short Clixml file with no secret' {
        $path = Join-Path ([IO.Path]::GetTempPath()) "dws-session-$PID.xml"
        try {
            $shown | Export-Clixml -Path $path -Depth 8
            $xml = Get-Content -Raw $path
            $xml.Length | Should -BeLessThan 3000
            $xml | Should -Not -Match ([regex]::Escape($c.SecretKey))
            $xml | Should -Not -Match 'Transport|RestClient'
        }
        finally { Remove-Item $path -ErrorAction SilentlyContinue }
    }

    It 'is what Get-DwsSession returns, and binds to -Session' {
        [object]::ReferenceEquals((Get-DwsSession), $shown) | Should -BeTrue
        Get-DwsAvailabilityZone -Session (Get-DwsSession) -ErrorAction Stop | Should -Not -BeNullOrEmpty
        $shown.ToString() | Should -Match 'eu-west-101|127\.0\.0\.1'
    }
}
