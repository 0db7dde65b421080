using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Texts the logical-cluster cmdlets share.</summary>
internal static class LogicalClusterOutput
{
    public static string Describe(Client.Models.Clusters.LogicalCluster lc) =>
        $"{lc.LogicalClusterName}: {lc.Status ?? "no status"}" + (lc.ActionInfo is { } a ? $" ({a.ActionName} {a.Progress}%{(a.Completed == true ? " " + a.Result : "")})" : "");

    /// <summary>A 2xx answer with a code other than DWS.0000 is reported as a warning (quirks.md 1.2), or null.</summary>
    public static string? Warning(LogicalClusterOperationResult result) =>
        result.IsCleanSuccess ? null : $"The service accepted the request but answered {result.ErrorCode}: {result.ErrorMessage}";
}
