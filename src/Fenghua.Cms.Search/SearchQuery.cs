namespace Fenghua.Cms.Search;

/// <summary>
/// What the user asked for. All filters are optional and combine with AND;
/// <see cref="Sites"/> null means every site (the portal's unified search).
/// </summary>
public sealed record SearchQuery
{
    public const int MaxPerPage = 1000;
    /// <summary>Deep paging costs memory proportional to page × per_page; beyond this, narrow the query.</summary>
    public const int MaxWindow = 100_000;
    public const int MaxTextLength = 200;

    public string? Text { get; init; }
    public IReadOnlyList<string>? Sites { get; init; }
    public string? ContentType { get; init; }
    public string? Column { get; init; }
    public string? Issuer { get; init; }
    /// <summary>Year of publication.</summary>
    public int? Year { get; init; }
    /// <summary>Inclusive publication-date range.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Validity { get; init; }
    public int? GazetteYear { get; init; }
    public int? GazetteIssue { get; init; }
    public string? GazetteSection { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = 10;
    public bool WithFacets { get; init; }
    public bool WithHighlights { get; init; } = true;

    /// <summary>True when any filter (not text, sort or paging) is set; used for the "remove filters" hint.</summary>
    public bool HasFilters =>
        Sites is { Count: > 0 } || ContentType is not null || Column is not null || Issuer is not null ||
        Year is not null || From is not null || To is not null || Validity is not null ||
        GazetteYear is not null || GazetteIssue is not null || GazetteSection is not null;

    /// <summary>
    /// Checks the parameters and returns the first bad one (HTTP name and rule), or null when valid.
    /// Static so the HTTP layer can validate before touching the index.
    /// </summary>
    public static SearchQueryError? Validate(SearchQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Text is { Length: > MaxTextLength }) return new("q", $"at most {MaxTextLength} characters");
        if (q.Page < 1) return new("page", "page ≥ 1");
        if (q.PerPage is < 1 or > MaxPerPage) return new("per_page", $"1 ≤ per_page ≤ {MaxPerPage}");
        if ((long)q.Page * q.PerPage > MaxWindow) return new("page", $"page × per_page ≤ {MaxWindow}");
        if (q.Year is < 1949 or > 2100) return new("year", "1949 ≤ year ≤ 2100");
        if (q.GazetteYear is < 1949 or > 2100) return new("gazette_year", "1949 ≤ gazette_year ≤ 2100");
        if (q.GazetteIssue is < 1 or > 999) return new("gazette_issue", "1 ≤ gazette_issue ≤ 999");
        if (q.From is { } f && q.To is { } t && f > t) return new("from", "from ≤ to");
        if (!Enum.IsDefined(q.Sort)) return new("sort", "relevance, newest or oldest");
        if (q.Sites is not null && q.Sites.Any(string.IsNullOrWhiteSpace)) return new("site", "site keys must not be empty");
        return null;
    }
}
