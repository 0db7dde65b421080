using DwsPowerShell.Client.Errors;

namespace DwsPowerShell.Client.Internal;

/// <summary>Argument checks whose messages name the parameter and say how to fix it.</summary>
internal static class Guard
{
    public static string NotNullOrWhiteSpace(string? value, string parameterName)
    {
        if (value is null || value.Trim().Length == 0)
        {
            throw new DwsArgumentException($"{parameterName} is required: give a non-empty value.", parameterName, value);
        }
        return value;
    }

    public static T NotNull<T>(T? value, string parameterName) where T : class
        => value ?? throw new ArgumentNullException(parameterName, $"{parameterName} is required.");

    public static int InRange(int value, int min, int max, string parameterName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be between {min} and {max}.");
        }
        return value;
    }
}
