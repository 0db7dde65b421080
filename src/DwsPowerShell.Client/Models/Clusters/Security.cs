using System.Security;
using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The body of 5.2.2 Modifying the Security Group of a Cluster: the whole new set.</summary>
public sealed class SecurityGroupUpdate
{
    public List<string>? SecurityGroups { get; set; }
}

/// <summary>
/// The body of 5.2.28 Resetting a Password. The password is write-only: set from a SecureString, serialised
/// into the body only, and never readable from the object, its ToString() or a log.
/// </summary>
public sealed class ResetPasswordRequest
{
    private string? _newPassword;

    /// <summary>Write-only.</summary>
    [JsonIgnore]
    public string? NewPassword
    {
        set => _newPassword = value;
    }

    [JsonIgnore]
    public bool HasNewPassword => !string.IsNullOrEmpty(_newPassword);

    [JsonInclude]
    [JsonPropertyName("new_password")]
    private string? NewPasswordWire
    {
        get => _newPassword;
        set => _newPassword = value;
    }

    public void SetNewPassword(SecureString password) => _newPassword = SecretText.From(password, nameof(password));

    /// <summary>12 to 32 characters, three of four character classes, not the user name forwards or backwards (5.2.28).</summary>
    public void Validate(string? userName = null) => ClusterRequestValidation.AdminPassword(_newPassword, userName, "NewPassword");

    public override string ToString() => "reset-password (new password hidden)";
}
