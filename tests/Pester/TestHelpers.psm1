# Shared by the Pester suites and build.ps1 -Task Demo: starts the DWS emulator on a free loopback
# port, reads the URL it prints, and stops it afterwards.

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

$script:EmulatorCredentials = @{
    AccessKey = 'EMULATORACCESSKEY001'
    SecretKey = 'emulator-secret-key-do-not-use-in-production'
    UserName  = 'dwsadmin'
    Password  = 'Emulator@123'
    Domain    = 'emulator-domain'
    Region    = 'eu-west-101'
}

function Get-DwsEmulatorCredential { $script:EmulatorCredentials.Clone() }

function Start-DwsEmulator {
    param([double] $TimeScale = 600, [string[]] $ExtraArguments = @())

    $project = Join-Path $script:Root 'src/DwsPowerShell.Emulator'
    & dotnet build $project -nologo -v:q | Out-Null
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    # One argument string (ProcessStartInfo.ArgumentList does not exist in Windows PowerShell 5.1).
    $arguments = @('run', '--no-build', '--project', $project, '--', '--urls', 'http://127.0.0.1:0', '--time-scale', "$TimeScale") + $ExtraArguments
    $psi.Arguments = ($arguments | ForEach-Object { '"' + ($_ -replace '"', '\"') + '"' }) -join ' '

    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '(http://127\.0\.0\.1:\d+)') {
            return [pscustomobject]@{ Process = $process; Url = $Matches[1]; Credential = Get-DwsEmulatorCredential }
        }
    }
    $process.Kill()
    throw "The DWS emulator did not print its URL within 60 s: $($process.StandardError.ReadToEnd())"
}

function Stop-DwsEmulator {
    param([Parameter(Mandatory)] $Emulator)
    if (-not $Emulator.Process.HasExited) {
        # dotnet run starts the emulator as a child: stop the whole tree where the runtime can (PowerShell 7).
        if ($PSVersionTable.PSEdition -eq 'Core') { $Emulator.Process.Kill($true) } else { $Emulator.Process.Kill() }
    }
    $Emulator.Process.Dispose()
}

function Connect-DwsEmulator {
    param([Parameter(Mandatory)] $Emulator)
    $c = $Emulator.Credential
    Connect-DwsService -Endpoint $Emulator.Url -Region $c.Region -AccessKey $c.AccessKey `
        -SecretKey (ConvertTo-SecureString $c.SecretKey -AsPlainText -Force) -PassThru
}

Export-ModuleMember -Function Start-DwsEmulator, Stop-DwsEmulator, Connect-DwsEmulator, Get-DwsEmulatorCredential
