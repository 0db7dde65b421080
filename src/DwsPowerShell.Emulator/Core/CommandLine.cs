using System.Globalization;

namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// Emulator flags: --time-scale N, --state-file PATH, --fault route=...,kind=...,rate=... (repeatable),
/// --shrink-answer Job202|Status200, --seed N. Everything else goes to ASP.NET Core (e.g. --urls).
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
                case "--time-scale": options.TimeScale = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--state-file": options.StateFile = Value(); break;
                case "--fault": options.Faults.Add(FaultRule.Parse(Value())); break;
                case "--shrink-answer": options.ShrinkAnswer = Enum.Parse<ShrinkAnswer>(Value(), ignoreCase: true); break;
                case "--seed": options.RandomSeed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default: rest.Add(args[i]); break;
            }
        }
        return (options, rest.ToArray());
    }
}
