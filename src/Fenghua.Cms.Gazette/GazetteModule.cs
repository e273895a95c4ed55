using System.Globalization;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Gazette;
using Fenghua.Cms.Theming.Caching;
using Fenghua.Cms.Theming.Public;

namespace Fenghua.Cms.Gazette;

/// <summary>The government gazette archive (政府公报): issues, articles, browsing, API, open data, import.</summary>
public static class GazetteModule
{
    public static IServiceCollection AddGazette(this IServiceCollection services, IConfiguration configuration)
    {
        // The store side (writer, importer, projection, recipe step, PDF store) comes with AddCmsData.
        services.AddScoped<GazetteReader>();
        services.AddScoped<GazetteSearch>();
        services.AddScoped<GazettePages>();
        services.AddScoped<GazetteBulkExport>();
        return services;
    }

    public static WebApplication MapGazette(this WebApplication app)
    {
        // Stable public URLs: /gazette/, /gazette/{year}/, /gazette/{year}/{issue}/, /gazette/{year}/{document slug}
        // (routing matches a path with or without its trailing slash).
        app.MapGet("/gazette", (HttpContext http, GazettePages pages, CancellationToken ct) => pages.IndexAsync(http, ct)).CacheOutput(PublicPageCachePolicy.Name);
        // Search results follow the index, which catches up just after a publication evicts the cache: not cached.
        app.MapGet("/gazette/search", (HttpContext http, GazettePages pages, CancellationToken ct) => pages.SearchAsync(http, ct));
        app.MapGet("/gazette/search.atom", SearchFeedAsync);
        app.MapGet("/gazette/feed.atom", IssuesFeedAsync).CacheOutput(PublicPageCachePolicy.Name);
        app.MapGet("/gazette/{year:int}", (HttpContext http, int year, GazettePages pages, CancellationToken ct) => pages.YearAsync(http, year, ct)).CacheOutput(PublicPageCachePolicy.Name);
        app.MapGet("/gazette/{year:int}/{segment}", (HttpContext http, int year, string segment, GazettePages pages, CancellationToken ct) => pages.YearSegmentAsync(http, year, segment, ct)).CacheOutput(PublicPageCachePolicy.Name);
        app.MapGet("/gazette/{year:int}/{issue:int}/{file}", PdfAsync);
        GazetteApi.Map(app);
        return app;
    }

    /// <summary>The printed edition, from the PDF store (outside the web root).</summary>
    private static async Task<IResult> PdfAsync(HttpContext http, int year, int issue, string file, GazetteReader reader, GazettePdfStore pdfs, SiteContext site, PublicPages pages, CancellationToken ct)
    {
        if (file != $"gazette-{year}-{issue}.pdf" || await reader.IssueAsync(year, issue, ct) is null || pdfs.Find(site.Site!.Key, year, issue) is not { } pdf)
            return await pages.NotFoundAsync(http, ct);
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{file}\"";
        return Results.File(pdf.FullName, "application/pdf", enableRangeProcessing: true);
    }

    /// <summary>Atom feed of new issues (autodiscovered from every gazette page).</summary>
    private static async Task<IResult> IssuesFeedAsync(HttpContext http, GazetteReader reader, GazettePages pages, SiteContext site, CancellationToken ct)
    {
        var s = site.Site!;
        var b = http.Request.PathBase.Value ?? "";
        var absolute = $"{http.Request.Scheme}://{http.Request.Host}";
        var issues = await reader.IssuesAsync(b, null, 50, ct);
        var entries = issues.Select(i => new GazetteAtomEntry(
            GazetteAtom.TagId(s.Settings.SiteDomain, $"{s.Key}/gazette/{i.Year}/{i.Issue}"),
            $"{pages.GazetteName} {i.Label}", absolute + i.Url,
            new DateTimeOffset(DateOnly.ParseExact(i.PublicationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
            $"{i.Label}，{i.PublicationDate} 出版，收录文件 {i.Documents} 件。")).ToList();
        return GazetteAtom.Result($"{pages.GazetteName}：新一期", $"{absolute}{b}/gazette/feed.atom", $"{absolute}{b}/gazette/",
            GazetteAtom.TagId(s.Settings.SiteDomain, $"{s.Key}/gazette/issues"), pages.GazetteName, entries);
    }

    private static async Task<IResult> SearchFeedAsync(HttpContext http, GazetteSearch search, SiteContext site, CancellationToken ct)
    {
        var q = GazetteDocumentQuery.Parse(http.Request.Query, out var error, defaultPerPage: 50);
        if (error is not null) return error.ToProblem();
        try
        {
            var result = await search.SearchAsync(http.Request.PathBase.Value ?? "", q, withFacets: false, ct);
            return GazetteApi.DocumentsFeed(http, site.Site!, q, result.Documents);
        }
        catch (Search.Hosting.SearchIndexUnavailableException e)
        {
            return GazetteApi.IndexUnavailable(e);
        }
    }
}
