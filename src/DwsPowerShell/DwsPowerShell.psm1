# Picks the cmdlet build for the PowerShell that imports the module (src/DwsPowerShell/ModuleLayout.targets):
#   Windows PowerShell 5.1 (.NET Framework)  -> bin/netstandard2.0
#   PowerShell 7.4 and later (.NET 8+)        -> bin/net8.0
# PowerShell 7.0-7.3 run on .NET Core 3.1-7, which cannot load the net8.0 build and whose System.Text.Json is
# older than the one the netstandard2.0 build needs: refuse them with a clear message.
if ($PSEdition -eq 'Core' -and $PSVersionTable.PSVersion -lt [version]'7.4') {
    throw "DwsPowerShell needs PowerShell 7.4 or later (this is $($PSVersionTable.PSVersion)), or Windows PowerShell 5.1. Install a current PowerShell from https://aka.ms/powershell."
}
$build = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
$binary = Import-Module -Name (Join-Path $PSScriptRoot "bin/$build/DwsPowerShell.dll") -PassThru -ErrorAction Stop
$ExecutionContext.SessionState.Module.OnRemove = { Remove-Module -ModuleInfo $binary -ErrorAction SilentlyContinue }.GetNewClosure()
