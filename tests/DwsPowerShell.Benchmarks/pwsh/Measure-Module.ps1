<#
.SYNOPSIS
    Measures the module as PowerShell users run it (docs/performance.md, "The module in pwsh").
.DESCRIPTION
    1. Cold start: a new `pwsh -NoProfile` that does Import-Module + Connect-DwsService + a first Get-DwsCluster
       against the emulator, beside a bare `pwsh -NoProfile` start, in interleaved rounds (median of each).
    2. Per call: Get-DwsCluster in a loop of -Calls beside the client's ListAsync called from this same pwsh
       over the same session (the cmdlet layer's cost is the difference).
    Run after ./build.ps1 -Task Build:  dotnet pwsh ./tests/DwsPowerShell.Benchmarks/pwsh/Measure-Module.ps1
#>
param([int] $Rounds = 10, [int] $Calls = 1000, [int] $Clusters = 5)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$manifest = Join-Path $root 'out/DwsPowerShell/DwsPowerShell.psd1'
if (-not (Test-Path $manifest)) { throw "Build the module first: dotnet pwsh ./build.ps1 -Task Build" }
Import-Module (Join-Path $root 'tests/Pester/TestHelpers.psm1') -Force

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[[int][math]::Floor($n / 2)] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

function Measure-Child([string] $command) {
    # The pwsh this script runs in, started the same way for both commands (no profile, no banner).
    $exe = (Get-Process -Id $PID).Path
    $pwshDll = [System.Environment]::GetCommandLineArgs()[0]
    $arguments = @('-NoProfile', '-NonInteractive', '-Command', $command)
    if ($pwshDll -like '*.dll') { $arguments = @($pwshDll) + $arguments }
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    & $exe @arguments | Out-Null
    $sw.Stop()
    if ($LASTEXITCODE) { throw "child failed ($LASTEXITCODE): $command" }
    $sw.Elapsed.TotalMilliseconds
}

$emu = Start-DwsEmulator -TimeScale 6000
try {
    $c = $emu.Credential
    Import-Module $manifest -Force
    $session = Connect-DwsEmulator $emu
    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Bench@Admin2026' -AsPlainText -Force))
    1..$Clusters | ForEach-Object {
        New-DwsCluster -Name "bench-$_" -Flavor dws.d2.xlarge -NodeCount 3 -AdminCredential $admin -AvailabilityZone "$($c.Region)a" `
            -VpcId vpc-bench -SubnetId subnet-bench -Confirm:$false | Out-Null
    }

    # 1. Cold start, interleaved rounds.
    $moduleCommand = "Import-Module '$manifest'; Connect-DwsService -Endpoint '$($emu.Url)' -Region '$($c.Region)' -AccessKey '$($c.AccessKey)' " +
        "-SecretKey (ConvertTo-SecureString '$($c.SecretKey)' -AsPlainText -Force); Get-DwsCluster | Out-Null"
    Measure-Child 'exit 0' | Out-Null; Measure-Child $moduleCommand | Out-Null   # warm the disk cache
    $bare = @(); $withModule = @()
    for ($i = 0; $i -lt $Rounds; $i++) {
        $bare += Measure-Child 'exit 0'
        $withModule += Measure-Child $moduleCommand
    }
    $bareMedian = Get-Median $bare; $moduleMedian = Get-Median $withModule

    # 2. Per call, in this pwsh, over one session: warm both paths first.
    $client = $session.GetClient()   # the DwsSession behind the session the cmdlets use
    1..50 | ForEach-Object { Get-DwsCluster -Session $session | Out-Null; $client.Clusters.ListAsync().GetAwaiter().GetResult() | Out-Null }
    $cmdletMs = (Measure-Command { for ($i = 0; $i -lt $Calls; $i++) { Get-DwsCluster -Session $session | Out-Null } }).TotalMilliseconds
    $clientMs = (Measure-Command { for ($i = 0; $i -lt $Calls; $i++) { $client.Clusters.ListAsync().GetAwaiter().GetResult() | Out-Null } }).TotalMilliseconds
    $perCmdlet = $cmdletMs / $Calls; $perClient = $clientMs / $Calls

    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }
    "pwsh $($PSVersionTable.PSVersion), $([System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription), $([Environment]::ProcessorCount) cores, load $load, $(Get-Date -Format 'yyyy-MM-dd HH:mm')"
    ''
    'Cold start (median of {0} interleaved rounds)' -f $Rounds
    '  bare pwsh -NoProfile                                  {0,8:N0} ms' -f $bareMedian
    '  + Import-Module, Connect-DwsService, Get-DwsCluster   {0,8:N0} ms' -f $moduleMedian
    '  the module adds                                       {0,8:N0} ms  (target < 300 ms: {1})' -f ($moduleMedian - $bareMedian), $(if ($moduleMedian - $bareMedian -lt 300) { 'met' } else { 'missed' })
    ''
    'Per call, {0} calls, {1} clusters listed each time' -f $Calls, $Clusters
    '  Get-DwsCluster (cmdlet)                               {0,8:N3} ms' -f $perCmdlet
    '  $client.Clusters.ListAsync() (client, same pwsh)      {0,8:N3} ms' -f $perClient
    '  the cmdlet layer adds                                 {0,8:N1} %   (target < 50 %: {1})' -f (100 * ($perCmdlet - $perClient) / $perClient), $(if ($perCmdlet -lt 1.5 * $perClient) { 'met' } else { 'missed' })
}
finally {
    Stop-DwsEmulator $emu
}
