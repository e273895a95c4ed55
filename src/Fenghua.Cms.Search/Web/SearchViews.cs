namespace Fenghua.Cms.Search.Web;

// What themes/Portal/search.liquid sees (snake_case in Liquid). *Html members are escaped except <mark>.

public sealed record SearchPageView(
    string Action, SearchForm Form, bool IsPortal, bool Searched, string? Error, string? ErrorField, bool Unavailable,
    int Total, int Page, int Pages, string Summary, IReadOnlyList<SearchHitView> Hits, IReadOnlyList<FacetGroupView> Facets,
    IReadOnlyList<OptionView> SiteOptions, IReadOnlyList<OptionView> TypeOptions, IReadOnlyList<OptionView> ValidityOptions,
    IReadOnlyList<OptionView> SortOptions, string? Suggestion, string? SuggestionUrl, int? TotalWithoutFilters,
    string? ClearFiltersUrl, string? PreviousUrl, string? NextUrl);

public sealed record SearchHitView(
    string Title, string TitleHtml, string Url, string SiteName, string TypeName, string? DocumentNumber, string? Issuer,
    string Date, string? Written, string? Validity, string SnippetHtml);

public sealed record FacetGroupView(string Name, string Label, IReadOnlyList<FacetLinkView> Values);

public sealed record FacetLinkView(string Label, int Count, string Url, bool Active);

public sealed record OptionView(string Value, string Label, bool Selected);
