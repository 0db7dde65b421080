using System.Text;
using System.Text.Json.Nodes;

namespace DwsPowerShell.Emulator.Core;

/// <summary>A failure a handler reports; turned into the service's error body by <see cref="HandlerMiddleware"/>.</summary>
public sealed class DwsErrorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}

/// <summary>
/// Error codes. DWS.5xxx come from the reference's table 6-2; the table has no code for "not found", "busy" or
/// internal errors, so DWS.0001, DWS.0016 and DWS.0005 are this emulator's choices. APIGW.* are the gateway's codes.
/// </summary>
public static class DwsErrors
{
    public const string NotFound = "DWS.0001";
    public const string Busy = "DWS.0016";
    public const string ServerFailure = "DWS.0005";
    public const string InvalidInstanceName = "DWS.5001";
    public const string InvalidVersion = "DWS.5003";
    public const string InvalidFlavor = "DWS.5006";
    public const string InvalidAz = "DWS.5011";
    public const string InvalidVpc = "DWS.5014";
    public const string InvalidSubnet = "DWS.5015";
    public const string InvalidSecurityGroup = "DWS.5016";
    public const string MissingParameter = "DWS.5037";
    public const string OutOfRange = "DWS.5038";
    public const string TenantNotAllowed = "DWS.5045";
    public const string InvalidNodeCount = "DWS.5047";
    public const string DuplicateName = "DWS.5050";
    public const string InvalidLength = "DWS.5056";
    public const string InvalidNamePattern = "DWS.5057";
    public const string InvalidUserName = "DWS.5059";
    public const string InvalidFormat = "DWS.5065";
    public const string TooManyNodes = "DWS.5091";
    public const string InvalidEipType = "DWS.5098";
    public const string InvalidPassword = "DWS.5144";
    public const string PasswordContainsUser = "DWS.5145";
    // Connections, tags and quotas (5.9-5.11), from table 6-2
    public const string DuplicateParameter = "DWS.5039";
    public const string InvalidEipId = "DWS.5133";
    public const string EipNotFound = "DWS.5135";
    public const string TagNotFound = "DWS.5191";
    public const string TooManyTags = "DWS.5194";
    public const string InvalidTag = "DWS.5197";
    public const string IamAuthFailed = "APIGW.0301";
    public const string ApiNotFound = "APIGW.0101";
    public const string Throttled = "APIGW.0308";
    /// <summary>The API gateway's code for a request too large: its body (413) or its header fields (431).</summary>
    public const string RequestTooLarge = "APIGW.0201";

    public static DwsErrorException BadRequest(string code, string message) => new(400, code, message);

    public static DwsErrorException Missing(string field) =>
        new(400, MissingParameter, $"The parameter does not exist: {field} is required.");

    public static DwsErrorException ResourceNotFound(string what, string id) =>
        new(404, NotFound, $"The {what} does not exist: {id}.");

    public static JsonObject Body(string code, string message) =>
        new() { ["error_code"] = code, ["error_msg"] = message };

    public static IResult Result(int status, string code, string message) =>
        Wire.Json(Body(code, message), status);

    public static Task WriteAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(Body(code, message).ToJsonString(), Encoding.UTF8);
    }
}
