namespace DwsPowerShell.Client.Catalogue;

/// <summary>Lookups over the generated operation properties (DwsOperations.g.cs).</summary>
public static partial class DwsOperations
{
    /// <summary>The operation of a section ("5.2.3"), or null when the reference has no such operation.</summary>
    public static DwsOperation? BySection(string section) =>
        section is not null && Index.Sections.TryGetValue(section.Trim(), out var op) ? op : null;

    // A nested holder: field initializers of a partial class split over files run in no defined order, so the index
    // must not be built before the generated All.
    private static class Index
    {
        public static readonly Dictionary<string, DwsOperation> Sections = All.ToDictionary(o => o.Section, StringComparer.Ordinal);
    }
}
