using System.Globalization;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Emulator flags: --time-scale N, --state-file PATH, --fault route=...,kind=...,rate=... (repeatable),
/// --shrink-answer Job202|Status200, --seed N, --max-body-bytes N, --max-header-bytes N. Everything else goes to
/// ASP.NET Core (e.g. --urls).
/// </summary>
public static class CommandLine
{
    public static (EmulatorOptions Options, string[] HostArgs) Parse(string[] args)
    {
        var options = new EmulatorOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--time-scale": options.TimeScale = TimeScale(Value()); break;
                case "--state-file": options.StateFile = Value(); break;
                case "--fault": options.Faults.Add(FaultRule.Parse(Value())); break;
                case "--shrink-answer": options.ShrinkAnswer = Enum.Parse<ShrinkAnswer>(Value(), ignoreCase: true); break;
                case "--seed": options.RandomSeed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--max-body-bytes": options.MaxRequestBodyBytes = Positive(args[i], Value(), long.MaxValue); break;
                case "--max-header-bytes": options.MaxRequestHeaderBytes = (int)Positive(args[i], Value(), MaxHeaderBytes); break;
                default: rest.Add(args[i]); break;
            }
        }
        return (options, rest.ToArray());
    }

    /// <summary>The most --max-header-bytes may be: Kestrel's own limit, past which it answers 431 with no body.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    /// <summary>Largest --time-scale: a million emulated seconds (11.5 days) per second.</summary>
    public const double MaxTimeScale = 1_000_000;

    private static double TimeScale(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= MaxTimeScale
            ? n
            : throw new ArgumentException($"--time-scale needs a number of emulated seconds per second greater than 0 and at most 1000000 (for example 60), not '{value}'.");

    private static long Positive(string flag, string value, long max) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max
            ? n
            : throw new ArgumentException(max == long.MaxValue
                ? $"{flag} needs a whole number of bytes greater than 0 (for example 4194304), not '{value}'."
                : $"{flag} needs a whole number of bytes from 1 to {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'.");
}
