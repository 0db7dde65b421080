# Contract of the built module (out/DwsPowerShell): manifest, exports, help.
BeforeAll {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifestPath = Join-Path $root 'out/DwsPowerShell/DwsPowerShell.psd1'
    $module = Import-Module $manifestPath -Force -PassThru
}

Describe 'DwsPowerShell module' {
    It 'has a valid manifest' {
        { Test-ModuleManifest $manifestPath } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $listed = (Import-PowerShellDataFile $manifestPath).CmdletsToExport | Sort-Object
        ($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be $listed
    }

    It 'gives every cmdlet a synopsis and at least two examples' -ForEach @(
        (Import-PowerShellDataFile (Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path 'DwsPowerShell.psd1')).CmdletsToExport | ForEach-Object { @{ Name = $_ } }
    ) {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'runs the build made for this PowerShell' {
        $location = (Get-Command Get-DwsCluster).ImplementingType.Assembly.Location
        if ($PSEdition -eq 'Desktop') {
            $location | Should -Match 'bin[\\/]netstandard2\.0[\\/]DwsPowerShell\.dll$'
        }
        else {
            $location | Should -Match 'bin[\\/]net8\.0[\\/]DwsPowerShell\.dll$'
        }
    }

    It 'loads RestSharp and Polly from the module into its private load context (PowerShell 7)' -Skip:($PSEdition -eq 'Desktop') {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $emu = Start-DwsEmulator
        try {
            Connect-DwsEmulator $emu | Out-Null
            Get-DwsCluster | Out-Null
            foreach ($name in 'RestSharp', 'Polly.Core') {
                $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $name }
                @($assembly).Count | Should -Be 1
                [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'DwsPowerShell.Dependencies'
                $assembly.Location | Should -BeLike (Join-Path $module.ModuleBase '*')
            }
        }
        finally {
            Disconnect-DwsService
            Stop-DwsEmulator $emu
        }
    }

    It 'tells the user how to connect when there is no session' {
        Disconnect-DwsService
        $env:HUAWEICLOUD_SDK_AK = $null; $env:HUAWEICLOUD_SDK_SK = $null
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path ([IO.Path]::GetTempPath()) 'no-such-dws-credentials'
        try {
            { Get-DwsJob -JobId 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'DwsNotConnected,*'
        }
        finally { Remove-Item Env:HUAWEICLOUD_SDK_CREDENTIALS_FILE }
    }
}
