<#
.SYNOPSIS
    Builds, tests, documents and packages DwsPowerShell.
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Demo     # emulator + the README scenario through the cmdlets
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Pester', 'Docs', 'Package', 'Demo')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out/DwsPowerShell'

function Assert-DotNet {
    $version = (& dotnet --version) 2>$null
    if (-not $version -or [version]($version -replace '-.*$') -lt [version]'8.0') {
        throw "The .NET SDK 8 or later is required (found '$version'). Install it from https://dot.net."
    }
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $root 'out')
}

function Invoke-Build {
    Assert-DotNet
    # MSBuild lays the module out (src/DwsPowerShell/ModuleLayout.targets, checked by ModuleLayoutTests):
    # psd1, the psm1 that picks a build, Formats/, bin/netstandard2.0 (Windows PowerShell 5.1), bin/net8.0 (PowerShell 7.4+),
    # and en-US/ (the MAML help and about topic src/DwsPowerShell.DocGen writes from the doc comments, checked by MamlHelpTests).
    & dotnet build (Join-Path $root 'src/DwsPowerShell/DwsPowerShell.csproj') -c $Configuration -warnaserror -nologo "-p:ModuleLayoutDirectory=$out"
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)." }

    foreach ($help in 'en-US/DwsPowerShell.dll-Help.xml', 'en-US/about_DwsPowerShell.help.txt') {
        if (-not (Test-Path (Join-Path $out $help))) { throw "The build wrote no $help into $out." }
    }
    Test-ModuleManifest (Join-Path $out 'DwsPowerShell.psd1') | Out-Null
    Write-Host "Module laid out in $out"
}

function Invoke-Docs {
    # No PlatyPS (it is not served here): src/DwsPowerShell.DocGen reads the built module and its doc comments.
    # The build writes the MAML and the about topic into out/DwsPowerShell/en-US; this then rewrites the
    # docs/en-US/<Cmdlet>.md pages (PlatyPS v2 markdown) from the same reader.
    Invoke-Build
    & dotnet run --project (Join-Path $root 'src/DwsPowerShell.DocGen') -c $Configuration --no-build
    if ($LASTEXITCODE) { throw "Writing docs/en-US failed ($LASTEXITCODE)." }
}

function Import-Pester {
    # Pester comes from NuGet (the PowerShell Gallery is not reachable here): its tools/ folder is the module.
    $version = '5.9.1'
    & dotnet restore (Join-Path $root 'tests/Pester/Restore/PesterRestore.csproj') -nologo -v:q | Out-Null
    if ($LASTEXITCODE) { throw "Restoring Pester $version from NuGet failed ($LASTEXITCODE)." }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path (Join-Path $HOME '.nuget') 'packages' }
    $manifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $version was restored but $manifest is missing." }
    Import-Module $manifest -Force
}

function Invoke-Test {
    # Every suite: the xunit projects, then Pester in this pwsh. Ends with the totals alone on a line (CI reads it).
    $xunit = @{ Passed = 0; Failed = 0; Skipped = 0; Projects = 0 }
    & dotnet test (Join-Path $root 'DwsPowerShell.sln') -nologo 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        # Each project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
        if ($line -match '(Passed|Failed)! +- +Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+)') {
            $xunit.Failed += [int]$Matches[2]; $xunit.Passed += [int]$Matches[3]; $xunit.Skipped += [int]$Matches[4]; $xunit.Projects++
        }
    }
    $xunitExit = $LASTEXITCODE
    $pester = Invoke-PesterSuite -NoThrow
    $passed = $xunit.Passed + $pester.PassedCount
    $failed = $xunit.Failed + $pester.FailedCount
    $skipped = $xunit.Skipped + $pester.SkippedCount
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped in $($xunit.Projects) projects; Pester: $($pester.PassedCount) passed, $($pester.FailedCount) failed, $($pester.SkippedCount) skipped"
    Write-Host ("$passed passed, $failed failed" + $(if ($skipped) { ", $skipped skipped" } else { '' }))
    if ($xunitExit -or $xunit.Projects -eq 0) { throw "dotnet test failed ($xunitExit) or ran no project." }
    if ($failed -or $skipped -or $pester.TotalCount -eq 0) { throw "Tests failed or were skipped: $failed failed, $skipped skipped." }
}

function Invoke-PesterSuite {
    param([switch] $NoThrow)
    Import-Pester
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
    if (-not $NoThrow -and ($result.FailedCount -gt 0 -or $result.SkippedCount -gt 0)) { throw "Pester: $($result.FailedCount) failed, $($result.SkippedCount) skipped." }
    $result
}

function Invoke-Package {
    # A .nupkg in out/repository, through a local PSResourceGet repository (the Gallery is not reachable here),
    # then saved back from it and its manifest tested: what a user would install.
    $repo = Join-Path $root 'out/repository'
    New-Item -ItemType Directory -Force -Path $repo | Out-Null
    $existing = Get-PSResourceRepository -Name DwsLocal -ErrorAction SilentlyContinue
    if (-not $existing) { Register-PSResourceRepository -Name DwsLocal -Uri $repo -Trusted }
    elseif ($existing.Uri.LocalPath.TrimEnd('\', '/') -ne (Resolve-Path $repo).Path.TrimEnd('\', '/')) { Set-PSResourceRepository -Name DwsLocal -Uri $repo -Trusted }
    Publish-PSResource -Path $out -Repository DwsLocal
    $check = Join-Path $root 'out/package-check'
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $check
    New-Item -ItemType Directory -Force -Path $check | Out-Null
    Save-PSResource -Name DwsPowerShell -Repository DwsLocal -Path $check -Prerelease -TrustRepository
    $manifest = Get-ChildItem $check -Recurse -Filter DwsPowerShell.psd1 | Select-Object -First 1
    Test-ModuleManifest $manifest.FullName | Out-Null
    Write-Host "Package published to $repo (saved back and its manifest tested)"
}

function Invoke-Demo {
    Import-Module (Join-Path $root 'tests/Pester/TestHelpers.psm1') -Force
    $emulator = Start-DwsEmulator
    try {
        Import-Module (Join-Path $out 'DwsPowerShell.psd1') -Force
        & (Join-Path $root 'tests/Pester/Demo.ps1') -Emulator $emulator
    }
    finally {
        Stop-DwsEmulator $emulator
    }
}

$built = $false
foreach ($t in $Task) {
    # Tasks that use the module build it first (an incremental build takes seconds), so they never test a stale out/.
    if (($t -in 'Build', 'Test', 'Pester', 'Package', 'Demo') -and -not $built) { Invoke-Build; $built = $true }
    switch ($t) {
        'Clean' { Invoke-Clean; $built = $false }
        'Docs' { Invoke-Docs }
        'Test' { Invoke-Test }
        'Pester' { Invoke-PesterSuite | Out-Null }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
    }
}
