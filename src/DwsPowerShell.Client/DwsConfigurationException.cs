namespace DwsPowerShell.Client;

/// <summary>The session cannot work as configured (missing credentials, region, endpoint...). The message says how to fix it.</summary>
public sealed class DwsConfigurationException : Exception
{
    public DwsConfigurationException(string message) : base(message) { }

    public DwsConfigurationException(string message, Exception inner) : base(message, inner) { }
}
