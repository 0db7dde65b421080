using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>5.2.2 Modifying the Security Group of a Cluster and 5.2.28 Resetting a Password.</summary>
internal static class SecurityRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_2, SecurityGroups);
        routes.Map(DwsOperations.S5_2_28, ResetPassword);
    }

    // 5.2.2: {"security_groups":[...]} replaces the whole set; no answer body.
    private static async Task<IResult> SecurityGroups(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        if (body!["security_groups"] is not JsonArray groups) throw DwsErrors.Missing("security_groups");
        var ids = new List<string>();
        foreach (var g in groups)
        {
            var id = g is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            if (string.IsNullOrWhiteSpace(id))
                throw DwsErrors.BadRequest(DwsErrors.InvalidSecurityGroup, "Invalid security group ID: security_groups must hold non-empty strings.");
            if (ids.Contains(id)) throw DwsErrors.BadRequest(DuplicateParameters, $"Duplicate parameters: security group {id} is given twice.");
            ids.Add(id);
        }
        if (ids.Count == 0) throw DwsErrors.BadRequest(DwsErrors.InvalidSecurityGroup, "Invalid security group ID: give at least one security group.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Modifying the security group");
            c.SecurityGroupIds = ids;
            c.SecurityGroupId = ids[0];
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    // 5.2.28: {"new_password"}; 12-32 characters, three classes, not the user name (or reversed), not a previous one.
    private static async Task<IResult> ResetPassword(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var password = Wire.RequireString(body!, "new_password");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            CheckPassword(password, c.UserName);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
            if (c.PasswordHistory.Contains(hash))
                throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: it cannot be the same as a previous password.");
            var status = ClusterLifecycle.Status(c, state.Clock.UtcNow);
            if (status is not ("AVAILABLE" or "ACTIVE"))
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"Resetting the password is not allowed while the cluster status is {status}.");
            c.PasswordHistory.Add(hash);
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    /// <summary>5.2.28 password rules, also checked by 5.2.29 for db_password.</summary>
    internal static void CheckPassword(string password, string userName)
    {
        if (password.Length is < 12 or > 32)
            throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: it must have 12 to 32 characters.");
        var kinds = (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(ch => !char.IsLetterOrDigit(ch)) ? 1 : 0);
        if (kinds < 3)
            throw DwsErrors.BadRequest(DwsErrors.InvalidPassword, "Invalid password of the cluster administrator: use at least three of uppercase, lowercase, digits and special characters.");
        var reversed = new string(userName.Reverse().ToArray());
        if (userName.Length > 0 && (password.Contains(userName, StringComparison.OrdinalIgnoreCase) || password.Contains(reversed, StringComparison.OrdinalIgnoreCase)))
            throw DwsErrors.BadRequest(DwsErrors.PasswordContainsUser, "The cluster administrator password cannot contain the username, or the username spelled backwards.");
    }

    private const string DuplicateParameters = "DWS.5039";
}
