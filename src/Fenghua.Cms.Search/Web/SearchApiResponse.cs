namespace Fenghua.Cms.Search.Web;

/// <summary>GET /api/search body (snake_case JSON). Snippets and titles_html are escaped except &lt;mark&gt;.</summary>
public sealed record SearchApiResponse(
    int Total, int Page, int PerPage, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    IReadOnlyList<SearchApiHit> Hits, string? Suggestion, int? TotalWithoutFilters);

public sealed record SearchApiHit(
    int Id, string Title, string TitleHtml, string Url, string Site, string SiteName, string Type, string? DocumentNumber,
    string? Issuer, string Published, string? Written, string? Validity, string Snippet);
