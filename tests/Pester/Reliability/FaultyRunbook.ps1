<#
.SYNOPSIS
    A runbook of cmdlet calls against the emulator with about 20% of requests faulted; counts what users were told
    against what the emulator did.

.DESCRIPTION
    Not a Pester suite (it takes minutes): run it by hand, after `build.ps1 -Task Build`:

        dotnet pwsh -NoProfile -File tests/Pester/Reliability/FaultyRunbook.ps1 [-Calls 300] [-Seed 7]

    Sets up four clusters without faults, then turns on the fault rules below (the mix of the xunit FaultyWorkloadTests:
    latency, 429 + Retry-After, 500, HTML 502, 503, 504, connection resets and truncated GET answers before the
    handler; on POST and DELETE also 502, 500, resets and truncated bodies after the handler, i.e. the change applied
    and its answer lost) and runs -Calls cmdlet calls chosen by a seeded Random: reads (Get-DwsCluster, -Snapshot,
    -ClusterTag, -WorkloadPlan) and changes (New-/Remove-DwsSnapshot, Add-/Remove-DwsClusterTag,
    New-/Remove-DwsWorkloadPlan, New-/Remove-DwsCluster, Restart-DwsCluster). Each call runs alone: the emulator's
    request log is cleared before it and read after it, and its handled changes (2xx from the handler) are the truth
    the cmdlet's report is compared with:

      applied, reported as a plain failure    the defect this measures (target 0): a user who believes it runs it again
      duplicated                              more than one change applied for one call
      lost                                    reported done, nothing applied
      applied, reported DwsOutcomeUnknown     honest: the module could not confirm it
      not applied, reported DwsOutcomeUnknown honest: the module could not tell

    Writes the figures, and returns them as an object; exits 1 when a plain-failure, duplicate or lost mutation is seen.
#>
param(
    [int] $Calls = 300,
    [int] $Seed = 7,
    [int] $EmulatorSeed = 20260315,
    [string] $Module = (Join-Path $PSScriptRoot '../../../out/DwsPowerShell/DwsPowerShell.psd1'),
    # Also writes one line per failed call: its outcome and error message.
    [switch] $Detail
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../TestHelpers.psm1') -Force
Import-Module (Resolve-Path $Module).Path -Force

$faults = @(
    # Before the handler: nothing is applied. Truncated 200s only on GET (in front of a change they would be a lie).
    @{ route = '*'; kind = 'Latency'; rate = 0.03; latencyMs = 40 },
    @{ route = '*'; kind = 'Throttle429'; rate = 0.04; retryAfterSeconds = 1 },
    @{ route = '*'; kind = 'Status500'; rate = 0.02 },
    @{ route = '*'; kind = 'NonJsonBody'; rate = 0.01 },
    @{ route = '*'; kind = 'Status503'; rate = 0.02 },
    @{ route = '*'; kind = 'Status504'; rate = 0.01 },
    @{ route = '*'; kind = 'ConnectionReset'; rate = 0.03 },
    @{ route = 'GET **'; kind = 'TruncatedBody'; rate = 0.03 },
    # After the handler: the change is applied and its answer lost.
    @{ route = 'POST **'; kind = 'Status502'; rate = 0.03; afterHandler = $true },
    @{ route = 'POST **'; kind = 'ConnectionReset'; rate = 0.03; afterHandler = $true },
    @{ route = 'POST **'; kind = 'TruncatedBody'; rate = 0.02; afterHandler = $true },
    @{ route = 'DELETE **'; kind = 'Status500'; rate = 0.03; afterHandler = $true },
    @{ route = 'DELETE **'; kind = 'ConnectionReset'; rate = 0.03; afterHandler = $true }
)

$emulator = Start-DwsEmulator -TimeScale 600 -ExtraArguments @('--seed', "$EmulatorSeed")
$control = "$($emulator.Url)/_emulator"
try {
    Connect-DwsEmulator $emulator | Out-Null
    $admin = [pscredential]::new('dbadmin', (ConvertTo-SecureString 'Runbook@Passw0rd1' -AsPlainText -Force))
    $zone = "$($emulator.Credential.Region)a"
    $clusters = [System.Collections.Generic.List[string]]::new()
    foreach ($i in 1..4) {
        $clusters.Add((New-DwsCluster -Name "base-$i" -Flavor 'dws.d2.xlarge' -NodeCount 3 -AdminCredential $admin -AvailabilityZone $zone `
                    -VpcId 'vpc-rb' -SubnetId 'subnet-rb' -Wait -PollIntervalSec 1).ClusterId)
    }
    Invoke-RestMethod -Method Put -Uri "$control/faults" -ContentType 'application/json' -Body (ConvertTo-Json -InputObject $faults) | Out-Null
    Invoke-RestMethod -Method Delete -Uri "$control/requests" | Out-Null

    $random = [System.Random]::new($Seed)
    $snapshots = [System.Collections.Generic.List[string]]::new()
    $plans = [System.Collections.Generic.List[object]]::new()
    $tags = [System.Collections.Generic.List[object]]::new()
    $created = [System.Collections.Generic.List[string]]::new()
    $script:next = 0
    function Next { $script:next++; $script:next }
    function Any($list) { $list[$random.Next($list.Count)] }
    # Removes a random item from the list and returns it (the comma keeps a pair from being unrolled).
    function Take($list) { $i = $random.Next($list.Count); $item = $list[$i]; $list.RemoveAt($i); , $item }

    $tally = [ordered]@{}
    function Count([string] $what) { if ($tally.Contains($what)) { $tally[$what]++ } else { $tally[$what] = 1 } }
    $problems = [System.Collections.Generic.List[string]]::new()
    $requests = 0; $faulted = 0; $reads = 0; $readFailures = 0; $mutations = 0
    $watch = [System.Diagnostics.Stopwatch]::StartNew()

    for ($call = 1; $call -le $Calls; $call++) {
        $roll = $random.Next(100)
        $isRead = $true
        # Each step: a name for the tally and a script block that makes exactly one cmdlet call.
        if ($roll -lt 14) { $name = 'Get-DwsCluster'; $step = { Get-DwsCluster } }
        elseif ($roll -lt 24) { $c = Any $clusters; $name = 'Get-DwsCluster -ClusterId'; $step = { Get-DwsCluster -ClusterId $c } }
        elseif ($roll -lt 32) { $name = 'Get-DwsSnapshot'; $step = { Get-DwsSnapshot } }
        elseif ($roll -lt 38 -and $snapshots.Count) { $s = Any $snapshots; $name = 'Get-DwsSnapshot -SnapshotId'; $step = { Get-DwsSnapshot -SnapshotId $s } }
        elseif ($roll -lt 44) { $c = Any $clusters; $name = 'Get-DwsClusterTag'; $step = { Get-DwsClusterTag -ClusterId $c } }
        elseif ($roll -lt 50) { $c = Any $clusters; $name = 'Get-DwsWorkloadPlan'; $step = { Get-DwsWorkloadPlan -ClusterId $c } }
        else {
            $isRead = $false
            if ($roll -lt 62) {
                $c = Any $clusters; $n = "snap_$(Next)"; $name = 'New-DwsSnapshot'
                $step = { $o = New-DwsSnapshot -ClusterId $c -Name $n; if ($o.SnapshotId) { $snapshots.Add($o.SnapshotId) }; $o }
            }
            elseif ($roll -lt 68 -and $snapshots.Count) {
                $s = Take $snapshots; $name = 'Remove-DwsSnapshot'
                $step = { Remove-DwsSnapshot -SnapshotId $s -Force }
            }
            elseif ($roll -lt 76) {
                $c = Any $clusters; $k = "k$(Next)"; $name = 'Add-DwsClusterTag'
                $step = { Add-DwsClusterTag -ClusterId $c -Tag @{ $k = 'v' }; if ($?) { $tags.Add(@($c, $k)) } }
            }
            elseif ($roll -lt 81 -and $tags.Count) {
                $t = Take $tags; $name = 'Remove-DwsClusterTag'
                $step = { Remove-DwsClusterTag -ClusterId $t[0] -Key $t[1] -Force }
            }
            elseif ($roll -lt 88) {
                $c = Any $clusters; $n = "plan_$(Next)"; $name = 'New-DwsWorkloadPlan'
                $step = { $o = New-DwsWorkloadPlan -ClusterId $c -Name $n; if ($o.PlanId) { $plans.Add(@($c, $o.PlanId)) }; $o }
            }
            elseif ($roll -lt 92 -and $plans.Count) {
                $p = Take $plans; $name = 'Remove-DwsWorkloadPlan'
                $step = { Remove-DwsWorkloadPlan -ClusterId $p[0] -PlanId $p[1] -Force }
            }
            elseif ($roll -lt 96) {
                $n = "rb-$(Next)"; $name = 'New-DwsCluster'
                $step = {
                    New-DwsCluster -Name $n -Flavor 'dws.d2.xlarge' -NodeCount 3 -AdminCredential $admin -AvailabilityZone $zone -VpcId 'vpc-rb' -SubnetId 'subnet-rb'
                    if ($?) { $created.Add($n) }
                }
            }
            elseif ($roll -lt 98 -and $created.Count) {
                # The ID is looked up with the faults off and the log cleared after: the call counted is the delete alone.
                $n = Take $created; $name = 'Remove-DwsCluster'
                Invoke-RestMethod -Method Put -Uri "$control/faults" -ContentType 'application/json' -Body '[]' | Out-Null
                $id = (Get-DwsCluster -Name $n -ErrorAction SilentlyContinue).ClusterId
                Invoke-RestMethod -Method Put -Uri "$control/faults" -ContentType 'application/json' -Body (ConvertTo-Json -InputObject $faults) | Out-Null
                Invoke-RestMethod -Method Delete -Uri "$control/requests" | Out-Null
                if (-not $id) { $call--; continue }
                $step = { Remove-DwsCluster -ClusterId $id -Force }
            }
            else {
                $c = Any $clusters; $name = 'Restart-DwsCluster'
                $step = { Restart-DwsCluster -ClusterId $c -Force }
            }
        }

        # Errors are collected, not thrown: a cmdlet's non-terminating error lands in $Error, a terminating one is caught.
        $Error.Clear()
        $ErrorActionPreference = 'SilentlyContinue'
        $VerbosePreference = 'Continue'
        $out = @()
        try { $out = @(& $step 4>&1) } catch { }
        $ErrorActionPreference = 'Stop'
        $VerbosePreference = 'SilentlyContinue'
        $readBack = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*confirmed by read-back*' }).Count
        $err = @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        # The emulator logs a request when its answer starts (or just before a deliberate reset): by now it is there.
        Start-Sleep -Milliseconds 5
        $log = @(Invoke-RestMethod -Uri "$control/requests" | ForEach-Object { $_ }) # one entry per request: the JSON array comes as one object
        Invoke-RestMethod -Method Delete -Uri "$control/requests" | Out-Null
        $requests += $log.Count
        $faulted += @($log | Where-Object { $_.fault }).Count
        $failed = $err.Count -gt 0
        $errorId = if ($failed) { $err[0].FullyQualifiedErrorId.Split(',')[0] } else { $null }

        if ($isRead) {
            $reads++
            if ($failed) {
                $readFailures++
                Count "read failed: $name ($errorId)"
                if ($Detail) { Write-Host "call $call ${name}: failed`n    $($err[0].Exception.Message)" }
            }
            continue
        }
        $mutations++
        $applied = @($log | Where-Object { $_.mutation }).Count
        $unknown = $errorId -eq 'DwsOutcomeUnknown'
        $outcome = if ($applied -gt 1) { 'duplicated' }
        elseif (-not $failed -and $applied -eq 1) { 'done' }
        elseif (-not $failed) { 'lost (reported done, not applied)' }
        elseif ($applied -eq 1 -and $unknown) { 'applied, reported DwsOutcomeUnknown' }
        elseif ($applied -eq 1) { 'applied, reported as a plain failure' }
        elseif ($unknown) { 'not applied, reported DwsOutcomeUnknown' }
        else { 'refused (not applied, plain failure)' }
        Count $outcome
        if (-not $failed -and $readBack) { Count ' done after a lost answer, confirmed by read-back' }
        if ($outcome -in 'duplicated', 'lost (reported done, not applied)', 'applied, reported as a plain failure') {
            $problems.Add("call $call ${name}: $outcome ($errorId; $(($log | ForEach-Object { "$($_.method) $($_.status) $($_.fault)" }) -join ', '))")
        }
        if ($failed) { Count " failed: $name ($errorId)" }
        if ($Detail -and $failed) { Write-Host "call $call ${name}: $outcome`n    $($err[0].Exception.Message)" }
    }
    $watch.Stop()

    $result = [pscustomobject]@{
        Date          = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm') + ' UTC'
        Calls         = $Calls
        Reads         = $reads
        ReadFailures  = $readFailures
        Mutations     = $mutations
        Requests      = $requests
        Faulted       = $faulted
        FaultedShare  = [math]::Round(100.0 * $faulted / [math]::Max(1, $requests), 1)
        Seconds       = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        PlainFailures = [int] $tally['applied, reported as a plain failure']
        Duplicated    = [int] $tally['duplicated']
        Lost          = [int] $tally['lost (reported done, not applied)']
        Outcomes      = $tally
        Problems      = $problems
    }
    Write-Host ("{0} calls ({1} reads, {2} changes) in {3} s; {4} HTTP requests, {5} faulted ({6}%)" -f $Calls, $reads, $mutations, $result.Seconds, $requests, $faulted, $result.FaultedShare)
    Write-Host ("reads failed: {0} of {1}" -f $readFailures, $reads)
    foreach ($key in @($tally.Keys | Where-Object { $_ -notlike ' *' }) + @($tally.Keys | Where-Object { $_ -like ' *' })) {
        Write-Host ("  {0}: {1}" -f $key, $tally[$key])
    }
    Write-Host ("applied changes reported as plain failures: {0}; duplicated: {1}; lost: {2}" -f $result.PlainFailures, $result.Duplicated, $result.Lost)
    foreach ($p in $problems) { Write-Host "PROBLEM $p" }
    $result
    if ($problems.Count) { exit 1 }
}
finally {
    Stop-DwsEmulator $emulator
}
