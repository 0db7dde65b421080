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

    It 'gives <Name> a synopsis, a description, two examples and every parameter described as it binds' -ForEach @(
        (Import-PowerShellDataFile (Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path 'DwsPowerShell.psd1')).CmdletsToExport | ForEach-Object { @{ Name = $_ } }
    ) {
        $help = Get-Help $Name -Full
        # Without a help file Get-Help makes one up: its synopsis is the syntax and there is no description or example.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + '.*CommonParameters')
        ($help.Description.Text -join "`n").Trim() | Should -Not -BeNullOrEmpty
        $examples = @($help.PSObject.Properties['Examples'].Value | ForEach-Object { $_.PSObject.Properties['Example'].Value })
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty
            $example.Code | Should -Match ([regex]::Escape($Name))
        }

        $common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)
        foreach ($parameter in (Get-Command $Name).Parameters.Values | Where-Object { $common -notcontains $_.Name }) {
            $entry = @($help.Parameters.Parameter | Where-Object { $_.Name -eq $parameter.Name })
            $entry.Count | Should -Be 1 -Because "-$($parameter.Name) has one entry in the help"
            ($entry[0].Description.Text -join "`n").Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) is described"

            $sets = @($parameter.ParameterSets.Values)
            $entry[0].Required | Should -Be ([string](@($sets | Where-Object IsMandatory).Count -gt 0)).ToLowerInvariant() -Because "-$($parameter.Name) Required?"
            $byValue = @($sets | Where-Object ValueFromPipeline).Count -gt 0
            $byName = @($sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
            $pipeline = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
            $entry[0].PipelineInput | Should -Be $pipeline -Because "-$($parameter.Name) Accept pipeline input?"
            $positions = @($sets | Where-Object { $_.Position -ge 0 } | ForEach-Object { [string]$_.Position })
            if ($positions.Count -eq 0) { $entry[0].Position | Should -Be 'named' -Because "-$($parameter.Name) Position?" }
            else { $positions | Should -Contain $entry[0].Position -Because "-$($parameter.Name) Position?" }
        }
    }

    It 'shows the about_DwsPowerShell topic' {
        $about = Get-Help about_DwsPowerShell
        $about.Synopsis | Should -BeLike 'Administers Huawei Cloud GaussDB(DWS) data warehouse clusters*'
        $text = $about | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -Match 'HUAWEICLOUD_SDK_AK'
        $text | Should -Match 'Connect-DwsService -Region eu-west-101'
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
