using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Search.Hosting;
using Fenghua.Cms.Theming.Public;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Search.Web;

/// <summary>
/// GET /search (a page in the site's theme) and GET /api/search (JSON), on every site. Neither is
/// output-cached: the index catches up a moment after the publication that evicts the page cache,
/// so a cached result page could keep a stale answer for the cache's whole lifetime.
/// </summary>
internal static class SearchEndpoints
{
    private static readonly string[] ApiFacets = ["type", "site", "year", "issuer"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/search", PageAsync);
        app.MapGet("/api/search", ApiAsync);
    }

    private sealed record Outcome(SearchResult Result, int? TotalWithoutFilters);

    /// <summary>The one engine call behind the page and the API.</summary>
    private static Outcome Run(SearchIndexHost host, SearchRequest request)
    {
        var query = request.Query!;
        var result = host.Search(query);
        int? withoutFilters = null;
        if (result.Total == 0 && query.Text is not null && HasUserFilters(request))
        {
            // "Remove the filters and there are N": same text, same site scope.
            withoutFilters = host.Search(new SearchQuery
            {
                Text = query.Text, Sites = request.SearchableSites.Select(s => s.Key).ToList(),
                PerPage = 1, WithFacets = false, WithHighlights = false,
            }).Total;
        }
        return new Outcome(result, withoutFilters);
    }

    private static bool HasUserFilters(SearchRequest r)
    {
        var f = r.Form;
        return (r.IsPortal && f.Site.Length > 0) || f.Column.Length > 0 || f.Type.Length > 0 || f.Issuer.Length > 0
            || f.Year.Length > 0 || f.From.Length > 0 || f.To.Length > 0 || f.Validity.Length > 0;
    }

    private static async Task<IResult> ApiAsync(HttpContext http, SearchRequestReader reader, SearchIndexHost host, CancellationToken ct)
    {
        NoSharedCaching(http);
        var request = await reader.ReadAsync(http.Request.Query, ct);
        if (request.Error is { } error)
            return ApiProblem.BadParameter("搜索参数无效", $"参数 {error.Parameter}：{error.Rule}", error.Parameter);
        Outcome outcome;
        try
        {
            outcome = Run(host, request);
        }
        catch (SearchIndexUnavailableException e)
        {
            return new ApiProblem(503, "搜索暂不可用", e.Message, null);
        }
        var r = outcome.Result;
        var facets = ApiFacets.ToDictionary(n => n, n => r.Facets.TryGetValue(n, out var v) ? v : (IReadOnlyList<FacetValue>)[]);
        var hits = r.Hits.Select(h => new SearchApiHit(
            int.Parse(h.Id, CultureInfo.InvariantCulture), h.Title, h.TitleHighlighted, h.Url, h.SiteKey, h.SiteName, h.ContentType,
            h.DocumentNumber, h.Issuer, ShanghaiTime.ToLocal(h.PublishedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            h.WrittenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Validity, h.Snippet)).ToList();
        var body = new SearchApiResponse(r.Total, request.Query!.Page, request.Query.PerPage, facets, hits, r.Suggestion, outcome.TotalWithoutFilters);
        return Results.Json(body, Json);
    }

    private static async Task<IResult> PageAsync(HttpContext http, SearchRequestReader reader, SearchIndexHost host, PublicPages pages, CancellationToken ct)
    {
        NoSharedCaching(http);
        var request = await reader.ReadAsync(http.Request.Query, ct);
        var title = request.Form.Q.Length > 0 ? $"“{request.Form.Q}”的搜索结果" : "站内搜索";
        if (request.Error is not null || request.Form.IsEmpty)
        {
            var status = request.Error is null ? 200 : 400;
            return await pages.RenderAsync(http, "search", title, Values(SearchPageBuilder.Build(http, request, null, false)), status, ct);
        }
        try
        {
            var outcome = Run(host, request);
            return await pages.RenderAsync(http, "search", title, Values(SearchPageBuilder.Build(http, request, (outcome.Result, outcome.TotalWithoutFilters), false)), 200, ct);
        }
        catch (SearchIndexUnavailableException)
        {
            return await pages.RenderAsync(http, "search", title, Values(SearchPageBuilder.Build(http, request, null, true)), 503, ct);
        }
    }

    private static Dictionary<string, object?> Values(SearchPageView view) => new() { ["search"] = view };

    /// <summary>Results depend on the query and change with every publication: never stored by shared caches.</summary>
    private static void NoSharedCaching(HttpContext http) => http.Response.Headers.CacheControl = "private, no-cache";
}
