namespace DwsPowerShell.Client;

/// <summary>The session cannot work as configured (missing credentials, region, endpoint...). The message says how to fix it.</summary>
public class DwsConfigurationException : Exception
{
    public DwsConfigurationException(string message) : base(message) { }

    public DwsConfigurationException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// A region was given without an endpoint, and it is not one of <see cref="DwsRegions.All"/>: no endpoint can be
/// derived from it. Either the region is mistyped, or it is a private or newer region that needs its endpoint given.
/// </summary>
public sealed class DwsUnknownRegionException : DwsConfigurationException
{
    public DwsUnknownRegionException(string region, string setting)
        : base($"{setting} '{region}' is not a region whose DWS endpoint is known, so no endpoint can be derived from it. " +
            $"Known regions: {string.Join(", ", KnownRegionIds())}. " +
            "For a private or newer region, give the Endpoint (the DWS URL) too, and the IamEndpoint if IAM is elsewhere.")
    {
        Region = region;
        Setting = setting;
    }

    /// <summary>The region as given.</summary>
    public string Region { get; }

    /// <summary>Where the region came from: <c>Region</c> (the option) or the HUAWEICLOUD_SDK_REGION variable.</summary>
    public string Setting { get; }

    /// <summary>The IDs of the known regions, in order.</summary>
    public IReadOnlyList<string> KnownRegions => KnownRegionIds();

    private static string[] KnownRegionIds()
    {
        var ids = new string[DwsRegions.All.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = DwsRegions.All[i].Id;
        return ids;
    }
}
