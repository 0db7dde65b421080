namespace DwsPowerShell.Client.Errors;

/// <summary>
/// A value refused before anything was sent (an ID or name that cannot travel in a path or query, or is too long).
/// Carries the refused <see cref="Value"/> so that a caller with its own parameter names (the PowerShell module) can
/// name the parameter the value came from, whatever the client's own parameter is called.
/// </summary>
public sealed class DwsArgumentException : ArgumentException
{
    public DwsArgumentException(string message, string parameterName, string? value)
        : base(message, parameterName)
    {
        Value = value;
    }

    /// <summary>The refused value, as given.</summary>
    public string? Value { get; }
}
