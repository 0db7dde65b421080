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
    public DwsUnknownRegionException(string region, string setting, DwsCloud? cloud = null)
        : base($"{setting} '{region}' is not a region of {(cloud ?? DwsClouds.HuaweiCloud).Description} whose DWS endpoint is known, so no endpoint can be derived from it. " +
            $"Known regions: {string.Join(", ", (cloud ?? DwsClouds.HuaweiCloud).Regions.Select(r => r.Id))}. " +
            $"Choose the cloud with Cloud ({string.Join(", ", DwsClouds.All.Select(c => c.Name))}); for a private or newer region, give the Endpoint (the DWS URL) too, and the IamEndpoint if IAM is elsewhere.")
    {
        Region = region;
        Setting = setting;
        Cloud = cloud ?? DwsClouds.HuaweiCloud;
    }

    /// <summary>The cloud whose regions were searched.</summary>
    public DwsCloud Cloud { get; }

    /// <summary>The region as given.</summary>
    public string Region { get; }

    /// <summary>Where the region came from: <c>Region</c> (the option) or the HUAWEICLOUD_SDK_REGION variable.</summary>
    public string Setting { get; }

    /// <summary>The IDs of the cloud's known regions, in order.</summary>
    public IReadOnlyList<string> KnownRegions => Cloud.Regions.Select(r => r.Id).ToList();
}

/// <summary>A named profile of the credentials file cannot be used: no file, no such section, a missing or bad key.</summary>
public sealed class DwsProfileException : DwsConfigurationException
{
    public DwsProfileException(string profile, string message)
        : base(message) => Profile = profile;

    /// <summary>The profile's name as given.</summary>
    public string Profile { get; }
}
