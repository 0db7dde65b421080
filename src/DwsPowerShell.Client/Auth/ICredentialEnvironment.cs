namespace DwsPowerShell.Client.Auth;

/// <summary>Where the credential chain looks: the process environment and the user's home folder.</summary>
public interface ICredentialEnvironment
{
    string? GetVariable(string name);

    string? HomeDirectory { get; }
}

internal sealed class ProcessCredentialEnvironment : ICredentialEnvironment
{
    public static readonly ProcessCredentialEnvironment Instance = new();

    public string? GetVariable(string name) => System.Environment.GetEnvironmentVariable(name);

    public string? HomeDirectory
    {
        get
        {
            var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? System.Environment.GetEnvironmentVariable("HOME") : home;
        }
    }
}
