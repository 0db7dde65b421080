@{
    RootModule             = 'DwsPowerShell.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b0e6f7c-2f6d-4c1e-9a43-8d1f3c2a7e51'
    Author                 = 'DwsPowerShell contributors'
    CompanyName            = 'DwsPowerShell'
    Copyright              = '(c) DwsPowerShell contributors. All rights reserved.'
    Description            = 'Administer Huawei Cloud GaussDB(DWS) data warehouse clusters over the DWS REST API: clusters, snapshots, jobs, workload plans, with a built-in emulator.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @(
        'Formats/Cluster.format.ps1xml'
        'Formats/Job.format.ps1xml'
        'Formats/LogicalCluster.format.ps1xml'
        'Formats/Session.format.ps1xml'
        'Formats/Snapshot.format.ps1xml'
        'Formats/WorkloadPlan.format.ps1xml'
    )
    TypesToProcess         = @()
    CmdletsToExport        = @(
        'Connect-DwsService'
        'Disconnect-DwsService'
        'Get-DwsSession'
        'Get-DwsAvailabilityZone'
        'Get-DwsCluster'
        'Get-DwsClusterResizeOption'
        'Get-DwsNodeType'
        'New-DwsCluster'
        'Remove-DwsCluster'
        'Resize-DwsCluster'
        'Restart-DwsCluster'
        'Start-DwsCluster'
        'Stop-DwsCluster'
        'Wait-DwsCluster'
        'Get-DwsJob'
        'Wait-DwsJob'
        'Get-DwsSnapshot'
        'New-DwsSnapshot'
        'Remove-DwsSnapshot'
        'Wait-DwsSnapshot'
        'Get-DwsWorkloadPlan'
        'Get-DwsWorkloadPlanLog'
        'Get-DwsWorkloadPlanStage'
        'New-DwsWorkloadPlan'
        'New-DwsWorkloadPlanStage'
        'Remove-DwsWorkloadPlan'
        'Remove-DwsWorkloadPlanStage'
        'Set-DwsWorkloadPlanStage'
        'Start-DwsWorkloadPlan'
        'Stop-DwsWorkloadPlan'
        'Switch-DwsWorkloadPlanStage'
        'ConvertTo-DwsLogicalCluster'
        'Get-DwsLogicalCluster'
        'Get-DwsLogicalClusterRing'
        'Get-DwsLogicalClusterTask'
        'Get-DwsLogicalClusterVolume'
        'New-DwsLogicalCluster'
        'Remove-DwsLogicalCluster'
        'Restart-DwsLogicalCluster'
        'Set-DwsLogicalCluster'
        'Set-DwsLogicalClusterFeature'
        'Add-DwsCoordinatorNode'
        'Get-DwsClusterInstance'
        'Get-DwsClusterNode'
        'Get-DwsClusterRing'
        'Get-DwsCoordinatorNode'
        'Remove-DwsClusterNode'
        'Remove-DwsCoordinatorNode'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('HuaweiCloud', 'DWS', 'GaussDB', 'DataWarehouse', 'Cloud', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/dwspowershell/DwsPowerShell'
            LicenseUri   = 'https://github.com/dwspowershell/DwsPowerShell/blob/main/LICENSE'
            ReleaseNotes = 'First release: sessions, clusters, snapshots, jobs and workload plans; the DWS emulator.'
            Prerelease   = 'preview1'
        }
    }
}
