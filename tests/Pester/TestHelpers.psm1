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
    param(
        [Parameter(Mandatory)] $Emulator,
        # Another secret key than the emulator's, for failure runs: every call then fails with HTTP 401.
        [string] $SecretKey = $Emulator.Credential.SecretKey
    )
    $c = $Emulator.Credential
    $script:ConnectedEmulator = $Emulator
    Connect-DwsService -Endpoint $Emulator.Url -Region $c.Region -AccessKey $c.AccessKey `
        -SecretKey (ConvertTo-SecureString $SecretKey -AsPlainText -Force) -PassThru
}

# The emulator's request log (/_emulator/requests): proves what was, or was not, sent. -Emulator defaults to the one
# Connect-DwsEmulator connected to last.
function Clear-EmulatorRequest {
    param($Emulator = $script:ConnectedEmulator)
    Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/requests" | Out-Null
}

function Get-EmulatorRequest {
    param([string] $Method = '*', [string] $Target = '*', $Emulator = $script:ConnectedEmulator)
    @(Invoke-RestMethod -Uri "$($Emulator.Url)/_emulator/requests") | ForEach-Object { $_ } |
        Where-Object { $_.method -like $Method -and $_.rawTarget -like $Target }
}

# Idle nodes come from a v1.0 scale-out with create_node_only (API reference 5.2.27): Resize-DwsCluster -CreateNodeOnly,
# then a wait until the cluster is available again.
function Add-DwsIdleNode {
    param([Parameter(Mandatory)] [string] $ClusterId, [int] $Count = 3)
    Resize-DwsCluster -ClusterId $ClusterId -AddNodeCount $Count -CreateNodeOnly -Confirm:$false | Wait-DwsCluster -PollIntervalSec 1 | Out-Null
}

<#
.SYNOPSIS
    Checks the error record of a failure run: FullyQualifiedErrorId '<ErrorId>,<the cmdlet's class>',
    CategoryInfo.Category and TargetObject, and that no test secret shows in its text.
.DESCRIPTION
    Give the record (from -ErrorVariable, or $_ in a catch after -ErrorAction Stop) with -ErrorRecord and
    name the cmdlet that wrote it with -Cmdlet; or give the failing call with -ScriptBlock, which is run
    and whose first error is checked (-Cmdlet is then needed only when the block calls several DWS cmdlets).
    tests/Pester/Coverage.Tests.ps1 reads these calls to prove that every cmdlet has a checked failure run.
.EXAMPLE
    Assert-DwsErrorRecord -ErrorRecord $err[0] -Cmdlet Get-DwsCluster -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $id
.EXAMPLE
    Assert-DwsErrorRecord -ErrorId DwsResourceNotFound -Category ObjectNotFound -TargetObject $id { Get-DwsJob -JobId $id }
#>
function Assert-DwsErrorRecord {
    [CmdletBinding(DefaultParameterSetName = 'Record')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Record')]
        [AllowNull()]
        [object] $ErrorRecord,

        [Parameter(Mandatory, ParameterSetName = 'Block', Position = 0)]
        [scriptblock] $ScriptBlock,

        [Parameter(Mandatory, ParameterSetName = 'Record')]
        [Parameter(ParameterSetName = 'Block')]
        [string] $Cmdlet,

        [Parameter(Mandatory)]
        [string] $ErrorId,

        [Parameter(Mandatory)]
        [System.Management.Automation.ErrorCategory] $Category,

        # What the record must be about: compared as text (an ID, a name), or by reference for other objects.
        [Parameter(Mandatory)]
        [AllowNull()]
        [AllowEmptyString()]
        [object] $TargetObject,

        # Wildcard patterns the message must match (e.g. '*-RemoveNodeCount*').
        [string[]] $MessageLike = @(),

        # Texts that must not appear in the record (the emulator's secret key and IAM password are always checked).
        [string[]] $Secret = @()
    )

    if ($PSCmdlet.ParameterSetName -eq 'Block') {
        if (-not $Cmdlet) {
            $names = @(Get-DwsCommandName -Ast $ScriptBlock.Ast)
            if ($names.Count -ne 1) { throw "The script block calls $($names.Count) DWS cmdlets ($($names -join ', ')): name the one that fails with -Cmdlet." }
            $Cmdlet = $names[0]
        }
        $ErrorRecord = $null
        try {
            $ErrorRecord = @(& $ScriptBlock 2>&1) | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1
        }
        catch {
            $ErrorRecord = $_
        }
        if ($null -eq $ErrorRecord) { throw "Expected $Cmdlet to fail with $ErrorId, but it wrote no error." }
    }
    if ($ErrorRecord -is [System.Collections.IList]) {
        if ($ErrorRecord.Count -ne 1) { throw "Expected one error record from $Cmdlet, got $($ErrorRecord.Count): $(($ErrorRecord | ForEach-Object { $_.FullyQualifiedErrorId }) -join '; ')" }
        $ErrorRecord = $ErrorRecord[0]
    }
    if ($null -eq $ErrorRecord) { throw "Expected an error record from $Cmdlet with $ErrorId, got none." }
    if ($ErrorRecord -isnot [System.Management.Automation.ErrorRecord]) { throw "Expected an ErrorRecord, got $($ErrorRecord.GetType().FullName)." }

    $command = Get-Command $Cmdlet -CommandType Cmdlet -ErrorAction Stop
    $expectedId = "$ErrorId,$($command.ImplementingType.FullName)"
    $message = $ErrorRecord.Exception.Message
    if ($ErrorRecord.FullyQualifiedErrorId -cne $expectedId) {
        throw "Expected FullyQualifiedErrorId '$expectedId', got '$($ErrorRecord.FullyQualifiedErrorId)' ($message)"
    }
    if ($ErrorRecord.CategoryInfo.Category -ne $Category) {
        throw "Expected category $Category for $expectedId, got $($ErrorRecord.CategoryInfo.Category) ($message)"
    }
    $actual = $ErrorRecord.TargetObject
    $same = if ($TargetObject -is [string] -or $actual -is [string]) { "$actual" -ceq "$TargetObject" } else { [object]::ReferenceEquals($actual, $TargetObject) -or [object]::Equals($actual, $TargetObject) }
    if (-not $same) {
        throw "Expected TargetObject '$TargetObject' for $expectedId, got '$actual' ($message)"
    }
    foreach ($pattern in $MessageLike) {
        if ($message -notlike $pattern) { throw "Expected the message of $expectedId to match '$pattern', got: $message" }
    }
    # What the user sees, less the invocation line (that is the test's own code).
    $text = "$($ErrorRecord.Exception) $($ErrorRecord.ErrorDetails.Message) $($ErrorRecord.ErrorDetails.RecommendedAction) $($ErrorRecord.TargetObject)"
    foreach ($s in @($script:EmulatorCredentials.SecretKey, $script:EmulatorCredentials.Password) + $Secret) {
        if ($s -and $text.Contains($s)) { throw "The error record $expectedId shows a secret: $text" }
    }
}

# The distinct DWS cmdlet names called in an AST (commands named Verb-Dws*).
function Get-DwsCommandName {
    param([Parameter(Mandatory)] [System.Management.Automation.Language.Ast] $Ast)
    $Ast.FindAll({ param($a) $a -is [System.Management.Automation.Language.CommandAst] -and "$($a.GetCommandName())" -like '*-Dws*' }, $true) |
        ForEach-Object { $_.GetCommandName() } | Sort-Object -Unique
}

Export-ModuleMember -Function Start-DwsEmulator, Stop-DwsEmulator, Connect-DwsEmulator, Clear-EmulatorRequest, Get-EmulatorRequest, Get-DwsEmulatorCredential, Add-DwsIdleNode, Assert-DwsErrorRecord, Get-DwsCommandName
