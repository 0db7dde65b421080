namespace DwsPowerShell.Emulator.Core;

/// <summary>
/// One API chapter of the emulator (Areas/&lt;Area&gt;): the DWS routes it answers, its /_emulator control routes and
/// the state it keeps. <see cref="EmulatorAreas"/> finds every implementation in this assembly, so the core names none.
/// </summary>
public interface IEmulatorArea
{
    /// <summary>Maps the area's DWS routes, each with <see cref="DwsRoutes.Map"/> from its catalogue row.</summary>
    void MapRoutes(IEndpointRouteBuilder dws);

    /// <summary>Maps the area's control routes into the loopback-only /_emulator group.</summary>
    void MapControl(IEndpointRouteBuilder control)
    {
    }

    /// <summary>Adds the state the area keeps to <paramref name="state"/> (<see cref="EmulatorState.Add"/>).</summary>
    void AddState(EmulatorState state)
    {
    }
}

/// <summary>The areas of this assembly: every concrete <see cref="IEmulatorArea"/>, in the order of their type names.</summary>
public static class EmulatorAreas
{
    public static IReadOnlyList<IEmulatorArea> All { get; } = typeof(IEmulatorArea).Assembly.GetTypes()
        .Where(t => typeof(IEmulatorArea).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IEmulatorArea)Activator.CreateInstance(t)!)
        .ToArray();
}
