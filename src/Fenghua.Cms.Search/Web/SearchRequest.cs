using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Search.Web;

/// <summary>A parsed search request: the query to run, or the first bad parameter.</summary>
public sealed record SearchRequest(
    SearchForm Form,
    SearchQuery? Query,
    SearchQueryError? Error,
    Site CurrentSite,
    bool IsPortal,
    IReadOnlyList<Site> SearchableSites,
    IReadOnlyDictionary<string, string> TypeNames);
