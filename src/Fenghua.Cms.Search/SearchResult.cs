namespace Fenghua.Cms.Search;

/// <summary>
/// A page of results. On no results, <see cref="Suggestion"/> may hold a corrected query
/// that does have results ("did you mean"), and <see cref="TotalWithoutFilters"/> says how
/// many documents match the text when all filters are removed.
/// </summary>
public sealed record SearchResult
{
    public required int Total { get; init; }
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    /// <summary>Facet name (type, site, year, issuer, section, gazetteYear) → values by count desc; empty unless requested.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } =
        new Dictionary<string, IReadOnlyList<FacetValue>>();
    /// <summary>A close query (title/body vocabulary, one edit away per word) that has results; only set when Total is 0.</summary>
    public string? Suggestion { get; init; }
    /// <summary>Matches for the same text without filters; only set when Total is 0 and filters were applied.</summary>
    public int? TotalWithoutFilters { get; init; }
    /// <summary>True when the text could not be parsed as a query and was searched as plain words.</summary>
    public bool ParsedAsPlainWords { get; init; }
}
