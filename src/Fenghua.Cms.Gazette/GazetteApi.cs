using System.Globalization;
using System.Text.Json;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Gazette;
using Fenghua.Cms.Search.Hosting;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Gazette;

/// <summary>/api/gazette: issues, tables of contents, documents (JSON, CSV, Atom), facets and the yearly bulk zip.</summary>
public static class GazetteApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/gazette");
        api.MapGet("/issues", IssuesAsync);
        api.MapGet("/issues/{year}/{issue}", IssueAsync);
        api.MapGet("/documents", DocumentsAsync);
        api.MapGet("/documents/facets/{facet}", FacetsAsync);
        api.MapGet("/bulk/{file}", BulkAsync);
    }

    private static string Base(HttpContext http) => http.Request.PathBase.Value ?? "";

    private static string Absolute(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static IResult Bad(string parameter, string? value, string rule) => new GazetteParameterError(parameter, value ?? "", rule).ToProblem();

    /// <summary>503 while the full-text index is rebuilding or broken; the page, API and feeds say it alike.</summary>
    internal static IResult IndexUnavailable(SearchIndexUnavailableException e) => new ApiProblem(503, "全文检索暂不可用", e.Message, null);

    private static async Task<IResult> IssuesAsync(HttpContext http, GazetteReader reader, CancellationToken ct)
    {
        int? year = null;
        if (http.Request.Query["year"].LastOrDefault() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v is < 1949 or > 2100)
                return Bad("year", y, "应为 1949 至 2100 之间的年份");
            year = v;
        }
        var issues = await reader.IssuesAsync(Base(http), year, null, ct);
        return Results.Json(new { year, total = issues.Count, issues }, Json);
    }

    private static async Task<IResult> IssueAsync(HttpContext http, string year, string issue, GazetteReader reader, CancellationToken ct)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1949 or > 2100)
            return Bad("year", year, "应为 1949 至 2100 之间的年份");
        if (!int.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 999)
            return Bad("issue", issue, "应为 1 至 999 之间的期号");
        var entry = await reader.IssueAsync(y, n, ct);
        if (entry is null)
            return new ApiProblem(404, "该期不存在", $"{GazetteCitation.IssueLabel(y, n)}不存在。", null);
        var sections = await reader.ContentsAsync(Base(http), entry, ct);
        var view = GazetteReader.IssueView(Base(http), entry, sections.Sum(s => s.Documents.Count));
        return Results.Json(new { issue = view, sections }, Json);
    }

    private static async Task<IResult> DocumentsAsync(HttpContext http, GazetteSearch search, SiteContext site, CancellationToken ct)
    {
        var format = http.Request.Query["format"].LastOrDefault() ?? "json";
        if (format is not ("json" or "csv" or "atom")) return Bad("format", format, "应为 json、csv 或 atom");
        var q = GazetteDocumentQuery.Parse(http.Request.Query, out var error);
        if (error is not null) return error.ToProblem();
        GazetteSearchResult result;
        try
        {
            result = await search.SearchAsync(Base(http), q, withFacets: false, ct);
        }
        catch (SearchIndexUnavailableException e)
        {
            return IndexUnavailable(e);
        }
        switch (format)
        {
            case "csv":
                var name = $"gazette-documents-{DateTime.UtcNow:yyyyMMdd}.csv";
                return Results.File(GazetteCsv.Write(result.Documents, Absolute(http)), "text/csv; charset=utf-8", name);
            case "atom":
                return DocumentsFeed(http, site.Site!, q, result.Documents);
            default:
                return Results.Json(new { total = result.Total, page = q.Page, per_page = q.PerPage, order = q.Order.ToString().ToLowerInvariant(), documents = result.Documents }, Json);
        }
    }

    /// <summary>An Atom feed for any gazette search (the same parameters as /api/gazette/documents).</summary>
    public static IResult DocumentsFeed(HttpContext http, Site site, GazetteDocumentQuery q, IReadOnlyList<GazetteDocumentView> documents)
    {
        var absolute = Absolute(http);
        var name = (site.Settings.SiteName.Length > 0 ? site.Settings.SiteName : site.Name) + "公报";
        var title = q.Term is null && !q.HasFilters ? $"{name}：最新文件" : $"{name}检索：{q.Term ?? ""}{(q.HasFilters ? "（已筛选）" : "")}";
        var entries = documents.Select(d => new GazetteAtomEntry(
            GazetteAtom.TagId(site.Settings.SiteDomain, $"{site.Key}/gazette/document/{d.Id}"),
            d.DocumentNumber is { } n ? $"{d.Title}（{n}）" : d.Title,
            absolute + d.Url,
            new DateTimeOffset(DateOnly.ParseExact(d.PublicationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
            $"{GazetteCitation.IssueLabel(d.Year, d.Issue)} · {d.Section}{(d.Issuer is { } i ? " · " + i : "")}")).ToList();
        return GazetteAtom.Result(title, $"{absolute}{Base(http)}/gazette/search.atom{q.ToQueryString()}", $"{absolute}{Base(http)}/gazette/search{q.ToQueryString()}",
            GazetteAtom.TagId(site.Settings.SiteDomain, $"{site.Key}/gazette/search{q.ToQueryString()}"), name, entries);
    }

    private static async Task<IResult> FacetsAsync(HttpContext http, string facet, GazetteSearch search, CancellationToken ct)
    {
        if (!GazetteSearch.FacetNames.Contains(facet)) return Bad("facet", facet, "应为 year、issuer 或 section");
        var q = GazetteDocumentQuery.Parse(http.Request.Query, out var error);
        if (error is not null) return error.ToProblem();
        GazetteSearchResult result;
        try
        {
            result = await search.SearchAsync(Base(http), q with { Page = 1, PerPage = 1 }, withFacets: true, ct);
        }
        catch (SearchIndexUnavailableException e)
        {
            return IndexUnavailable(e);
        }
        var values = result.Facets[facet].Select(v => new { value = v.Value, count = v.Count }).ToList();
        return Results.Json(new { facet, total = result.Total, values }, Json);
    }

    private static async Task<IResult> BulkAsync(HttpContext http, string file, GazetteBulkExport export, SiteContext site, CancellationToken ct)
    {
        var yearText = file.EndsWith(".zip", StringComparison.Ordinal) ? file[..^4] : null;
        if (yearText is null || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1949 or > 2100)
            return Bad("year", file, "应为 {年份}.zip，年份在 1949 至 2100 之间");
        var zip = await export.BuildAsync(site.Site!.Key, year, $"{Absolute(http)}{Base(http)}", ct);
        if (zip is null) return new ApiProblem(404, "该年没有公报", $"{year}年没有公报。", null);
        return Results.File(zip, "application/zip", $"gazette-{year}.zip");
    }
}
