using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Iam;

/// <summary>IAM: POST /v3/auth/tokens (password method, project scope) and GET /v3/projects?name=.</summary>
internal static class IamRoutes
{
    private const string DomainId = "emulator0domain00000000000000001";
    private const string UserId = "emulator0user0000000000000000001";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v3/auth/tokens", IssueToken).WithMetadata(StateUnchanged.Instance);
        routes.MapGet("/v3/projects", ListProjects).WithMetadata(StateUnchanged.Instance);
    }

    private static async Task<IResult> IssueToken(HttpContext http, EmulatorState state)
    {
        var options = state.Options;
        var body = await Wire.ReadObjectAsync(http, required: true);
        var identity = Wire.RequireObject(Wire.RequireObject(body!, "auth"), "identity");
        var methods = identity["methods"] as JsonArray;
        if (methods is null || !methods.Any(m => m?.GetValueKind() == System.Text.Json.JsonValueKind.String && m.GetValue<string>() == "password"))
            return Unauthorized("only the password method is supported.");
        var user = Wire.RequireObject(Wire.RequireObject(identity, "password"), "user");
        var domain = user["domain"] as JsonObject;
        var ok = FixedEquals(Wire.OptionalString(user, "name"), options.IamUserName)
            & FixedEquals(Wire.OptionalString(user, "password"), options.IamPassword)
            & FixedEquals(domain is null ? null : Wire.OptionalString(domain, "name"), options.IamDomainName);
        if (!ok) return Unauthorized("the user name, password or domain is wrong.");

        var project = (Wire.RequireObject(body!, "auth")["scope"] as JsonObject)?["project"] as JsonObject;
        var scopeName = project is null ? null : Wire.OptionalString(project, "name");
        var scopeId = project is null ? null : Wire.OptionalString(project, "id");
        if (scopeName != options.Region && scopeId != options.ProjectId)
            return Unauthorized("the token must be scoped to the project named after the region.");

        var token = "MIIemu" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
        var issued = state.Clock.UtcNow;
        var expires = issued + options.TokenLifetime;
        lock (state.Gate) state.Tokens[token] = expires;

        http.Response.Headers["X-Subject-Token"] = token;
        var domainJson = new JsonObject { ["id"] = DomainId, ["name"] = options.IamDomainName };
        return Wire.Json(new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["issued_at"] = IamTime(issued),
                ["expires_at"] = IamTime(expires),
                ["user"] = new JsonObject { ["id"] = UserId, ["name"] = options.IamUserName, ["domain"] = domainJson.DeepClone() },
                ["project"] = new JsonObject { ["id"] = options.ProjectId, ["name"] = options.Region, ["domain"] = domainJson.DeepClone() },
                ["roles"] = new JsonArray(new JsonObject { ["id"] = "0", ["name"] = "te_admin" }),
                ["catalog"] = new JsonArray(),
            },
        }, 201);
    }

    private static IResult ListProjects(HttpContext http, EmulatorOptions options)
    {
        var name = http.Request.Query["name"].ToString();
        var projects = new JsonArray();
        if (name.Length == 0 || name == options.Region)
        {
            projects.Add(new JsonObject
            {
                ["id"] = options.ProjectId,
                ["name"] = options.Region,
                ["domain_id"] = DomainId,
                ["parent_id"] = DomainId,
                ["is_domain"] = false,
                ["enabled"] = true,
                ["description"] = "",
            });
        }
        return Wire.Json(new JsonObject { ["projects"] = projects, ["links"] = new JsonObject { ["self"] = "/v3/projects" } });
    }

    private static IResult Unauthorized(string reason) =>
        DwsErrors.Result(401, DwsErrors.IamAuthFailed, "Incorrect IAM authentication information: " + reason);

    private static string IamTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static bool FixedEquals(string? provided, string expected) =>
        provided is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(provided), System.Text.Encoding.UTF8.GetBytes(expected));
}
