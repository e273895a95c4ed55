using System.Globalization;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Gazette;
using Fenghua.Cms.Search.Hosting;
using Fenghua.Cms.Theming.Public;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Gazette;

/// <summary>The public gazette pages in the site's theme: years, issues, tables of contents, documents, search.</summary>
public sealed class GazettePages(GazetteReader reader, GazetteSearch search, PublicPages pages, SiteContext siteContext, CmsDbContext db)
{
    private Site Site => siteContext.Site!;

    /// <summary>《宁波市奉化区人民政府公报》: the site's gazette as it is cited.</summary>
    public string GazetteName => (Site.Settings.SiteName.Length > 0 ? Site.Settings.SiteName : Site.Name) + "公报";

    public async Task<IResult> IndexAsync(HttpContext http, CancellationToken ct)
    {
        if (!await HasGazetteAsync(ct)) return await pages.NotFoundAsync(http, ct);
        var b = Base(http);
        var years = await reader.YearsAsync(b, ct);
        var latest = await reader.IssuesAsync(b, null, 6, ct);
        return await RenderAsync(http, "gazette-index", GazetteName, ct, new()
        {
            ["gazette_years"] = years,
            ["gazette_latest"] = latest.Select(i => IssueLink(i)).ToList(),
            ["gazette_crumbs"] = Crumbs(http),
        });
    }

    public async Task<IResult> YearAsync(HttpContext http, int year, CancellationToken ct)
    {
        var b = Base(http);
        var issues = await reader.IssuesAsync(b, year, null, ct);
        if (issues.Count == 0) return await pages.NotFoundAsync(http, ct);
        issues.Reverse();
        var years = await reader.YearsAsync(b, ct);
        return await RenderAsync(http, "gazette-year", $"{GazetteName} {year}年", ct, new()
        {
            ["gazette_year"] = year,
            ["gazette_issues"] = issues,
            ["gazette_issue_links"] = issues.Select(i => IssueLink(i)).ToList(),
            ["gazette_years"] = years,
            ["gazette_crumbs"] = Crumbs(http, (year + "年", GazetteReader.YearUrl(b, year))),
        });
    }

    /// <summary>/gazette/{year}/{segment}: an issue's table of contents when the segment is its number, else a document.</summary>
    public async Task<IResult> YearSegmentAsync(HttpContext http, int year, string segment, CancellationToken ct)
    {
        if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return await IssueAsync(http, year, number, ct);
        return await DocumentAsync(http, $"{GazetteArchiveWriter.ColumnPath}/{year}/{segment.ToLowerInvariant()}", ct);
    }

    private async Task<IResult> IssueAsync(HttpContext http, int year, int number, CancellationToken ct)
    {
        var b = Base(http);
        var issue = await reader.IssueAsync(year, number, ct);
        if (issue is null) return await pages.NotFoundAsync(http, ct);
        var sections = await reader.ContentsAsync(b, issue, ct);
        var view = GazetteReader.IssueView(b, issue, sections.Sum(s => s.Documents.Count));
        var (previous, next) = await reader.NeighbourIssuesAsync(issue, ct);
        var url = PublicPages.AbsoluteUrl(http, $"gazette/{year}/{number}/");
        return await RenderAsync(http, "gazette-issue", $"{GazetteName} {view.Label}", ct, new()
        {
            ["gazette_issue"] = view,
            ["gazette_sections"] = sections,
            ["gazette_previous"] = previous is null ? null : new GazetteLinkView(GazetteCitation.IssueLabel(previous.Year, previous.Issue), GazetteReader.IssueUrl(b, previous.Year, previous.Issue)),
            ["gazette_next"] = next is null ? null : new GazetteLinkView(GazetteCitation.IssueLabel(next.Year, next.Issue), GazetteReader.IssueUrl(b, next.Year, next.Issue)),
            ["gazette_citation"] = $"《{GazetteName}》{view.Label}，{issue.PublicationDate:yyyy年M月d日}出版。{url}",
            ["gazette_crumbs"] = Crumbs(http, (year + "年", GazetteReader.YearUrl(b, year)), (view.Label, view.Url)),
        });
    }

    private async Task<IResult> DocumentAsync(HttpContext http, string path, CancellationToken ct)
    {
        var b = Base(http);
        var route = await db.ContentRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Path == path, ct);
        if (route is null) return await pages.NotFoundAsync(http, ct);
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == route.ContentItemId && i.PublishedVersionId != null, ct);
        if (item is null) return await pages.NotFoundAsync(http, ct);
        if (!route.IsCanonical) return Results.Redirect(PublicPages.Url(http, item.PublicPath!), permanent: true);
        var article = await reader.ArticleAsync(item.Id, ct);
        if (article is null)
        {
            // An issue item reached by its content path: its table of contents is the page.
            if (await reader.IssueByItemAsync(item.Id, ct) is { } issueEntry)
                return Results.Redirect(GazetteReader.IssueUrl(b, issueEntry.Year, issueEntry.Issue), permanent: true);
            return await pages.NotFoundAsync(http, ct);
        }
        var version = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.PublishedVersionId, ct);
        var markdown = version.PartString("MarkdownBody", "markdown");
        GazetteLinkView? policy = null;
        if (article.PolicyItemId is { } policyId)
        {
            var policyItem = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == policyId && i.PublishedVersionId != null, ct);
            if (policyItem is not null)
            {
                policy = new GazetteLinkView(policyItem.Title, PublicPages.Url(http, policyItem.PublicPath!));
                if (string.IsNullOrWhiteSpace(markdown))
                    markdown = (await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == policyItem.PublishedVersionId, ct)).PartString("MarkdownBody", "markdown");
            }
        }
        var issue = article.IssueItemId is { } issueId ? await reader.IssueByItemAsync(issueId, ct) : await reader.IssueAsync(article.Year, article.Issue, ct);
        var doc = GazetteReader.DocumentView(b, article);
        GazetteIssueView? issueView = null;
        GazetteLinkView? previous = null, next = null;
        if (issue is not null)
        {
            var siblings = await reader.ArticlesOfAsync(issue, ct);
            issueView = GazetteReader.IssueView(b, issue, siblings.Count);
            var at = siblings.FindIndex(s => s.ContentItemId == article.ContentItemId);
            if (at > 0) previous = new GazetteLinkView(siblings[at - 1].Title, $"{b}/{siblings[at - 1].PublicPath}");
            if (at >= 0 && at < siblings.Count - 1) next = new GazetteLinkView(siblings[at + 1].Title, $"{b}/{siblings[at + 1].PublicPath}");
        }
        var label = issueView?.Label ?? GazetteCitation.IssueLabel(article.Year, article.Issue);
        var absolute = PublicPages.AbsoluteUrl(http, item.PublicPath!);
        var citation = $"{(article.Issuer is { } issuer ? issuer : "")}《{article.Title}》{(doc.DocumentNumber is { } n ? $"（{n}）" : "")}，《{GazetteName}》{label}{doc.Pages ?? ""}。{absolute}";
        var attachments = (version.Part("Attachments")?["files"] as JsonArray)?.OfType<JsonObject>()
            .Select(f => new AttachmentView(f.Str("name") ?? "", f.Str("url") ?? "")).ToList() ?? [];
        var body = Core.Markdown.MarkdownRenderer.Instance.ToHtml(markdown);
        var summary = version.PartString("Summary", "summary") is { Length: > 0 } s ? s
            : Truncate(Core.Markdown.MarkdownRenderer.Instance.ToPlainText(markdown).Replace('\n', ' ').Trim(), 120);
        var meta = await MetaAsync(ct);
        meta.Add(new("ArticleTitle", article.Title));
        meta.Add(new("PubDate", ShanghaiTime.PubDate(item.PublishedUtc!.Value)));
        meta.Add(new("ContentSource", article.Issuer ?? Site.Name));
        meta.Add(new("Keywords", version.PartString("Keywords", "keywords") ?? ""));
        meta.Add(new("Author", article.Issuer ?? Site.Name));
        meta.Add(new("Description", summary));
        meta.Add(new("Image", ""));
        meta.Add(new("Url", absolute));
        return await RenderAsync(http, "gazette-article", article.Title, ct, new()
        {
            ["meta"] = meta,
            ["gazette_document"] = doc,
            ["gazette_issue"] = issueView,
            ["gazette_body_html"] = body,
            ["gazette_attachments"] = attachments,
            ["gazette_policy"] = policy,
            ["gazette_previous"] = previous,
            ["gazette_next"] = next,
            ["gazette_citation"] = citation,
            ["gazette_crumbs"] = Crumbs(http, (article.Year + "年", GazetteReader.YearUrl(b, article.Year)),
                (label, GazetteReader.IssueUrl(b, article.Year, article.Issue)), (article.Title, doc.Url)),
        });
    }

    /// <summary>
    /// The gazette search box. A 文号 in any spelling or "2018年第7期" goes straight to the document or issue;
    /// anything else is a full-text search with filters, facets and highlighting.
    /// </summary>
    public async Task<IResult> SearchAsync(HttpContext http, CancellationToken ct)
    {
        if (!await HasGazetteAsync(ct)) return await pages.NotFoundAsync(http, ct);
        var b = Base(http);
        var q = GazetteDocumentQuery.Parse(http.Request.Query, out var error);
        if (error is null && q.Term is { } term && !q.HasFilters && q.Page == 1)
        {
            if (GazetteCitation.TryParseIssue(term, out var year, out var number) && await reader.IssueAsync(year, number, ct) is not null)
                return Results.Redirect(GazetteReader.IssueUrl(b, year, number));
            var matches = await reader.ByDocumentNumberAsync(term, ct);
            if (matches.Count == 1) return Results.Redirect($"{b}/{matches[0].PublicPath}");
        }
        var values = new Dictionary<string, object?>
        {
            ["gazette_query"] = q,
            ["gazette_term"] = http.Request.Query["q"].LastOrDefault() ?? http.Request.Query["term"].LastOrDefault() ?? "",
            ["gazette_form"] = new Dictionary<string, string>
            {
                ["year"] = http.Request.Query["year"].LastOrDefault() ?? "", ["issue"] = http.Request.Query["issue"].LastOrDefault() ?? "",
                ["section"] = http.Request.Query["section"].LastOrDefault() ?? "", ["issuer"] = http.Request.Query["issuer"].LastOrDefault() ?? "",
                ["from"] = http.Request.Query["from"].LastOrDefault() ?? "", ["to"] = http.Request.Query["to"].LastOrDefault() ?? "",
                ["order"] = http.Request.Query["order"].LastOrDefault() ?? "",
            },
            ["gazette_crumbs"] = Crumbs(http, ("检索", $"{b}/gazette/search")),
        };
        if (error is not null)
        {
            values["gazette_error"] = $"参数 {error.Parameter}=“{error.Value}”无效：{error.Rule}。";
            return await RenderAsync(http, "gazette-search", $"{GazetteName}检索", ct, values, 400);
        }
        if (q.Term is not null || q.HasFilters)
        {
            GazetteSearchResult result;
            try
            {
                result = await search.SearchAsync(b, q, withFacets: true, ct);
            }
            catch (SearchIndexUnavailableException)
            {
                values["gazette_error"] = "全文检索暂不可用，请稍后再试。";
                return await RenderAsync(http, "gazette-search", $"{GazetteName}检索", ct, values, 503);
            }
            var searchUrl = $"{b}/gazette/search";
            values["gazette_result"] = result;
            values["gazette_facets"] = result.Facets.Select(f => new GazetteFacetGroupView(f.Key,
                f.Key switch { "year" => "年份", "issuer" => "发文机关", _ => "栏目" },
                f.Value.Take(20).Select(v => new GazetteFacetView(v.Value, v.Count, searchUrl + (f.Key switch
                {
                    "year" => q with { Year = int.Parse(v.Value, CultureInfo.InvariantCulture), Page = 1 },
                    "issuer" => q with { Issuer = v.Value, Page = 1 },
                    _ => q with { Section = v.Value, Page = 1 },
                }).ToQueryString())).ToList())).ToList();
            var pagesCount = Math.Max(1, (result.Total + q.PerPage - 1) / q.PerPage);
            values["gazette_pager"] = new PagerView(q.Page, pagesCount, result.Total,
                q.Page > 1 ? searchUrl + q.ToQueryString(q.Page - 1) : null,
                q.Page < pagesCount ? searchUrl + q.ToQueryString(q.Page + 1) : null);
            values["gazette_feed_url"] = $"{b}/gazette/search.atom{q.ToQueryString()}";
            values["gazette_csv_url"] = $"{b}/api/gazette/documents{q.ToQueryString(format: "csv")}";
        }
        return await RenderAsync(http, "gazette-search", $"{GazetteName}检索", ct, values);
    }

    /// <summary>Only a site with a gazette column (the portal, by the gazette recipe) publishes a gazette.</summary>
    private Task<bool> HasGazetteAsync(CancellationToken ct) =>
        db.Columns.AnyAsync(c => c.Path == GazetteArchiveWriter.ColumnPath, ct);

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    private static GazetteLinkView IssueLink(GazetteIssueView i) => new($"{i.Label}（{i.PublicationDate}，{i.Documents} 件）", i.Url);

    private static string Base(HttpContext http) => http.Request.PathBase.Value ?? "";

    private static List<NavItem> Crumbs(HttpContext http, params (string Name, string Url)[] more)
    {
        var list = new List<NavItem> { new("政府公报", $"{Base(http)}/gazette/", more.Length == 0) };
        for (var i = 0; i < more.Length; i++) list.Add(new(more[i].Name, more[i].Url, i == more.Length - 1));
        return list;
    }

    private async Task<List<MetaTag>> MetaAsync(CancellationToken ct)
    {
        var meta = PageMeta.ForSite(Site);
        var column = await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Path == GazetteArchiveWriter.ColumnPath, ct);
        PageMeta.AddColumn(meta, column ?? new Column { Name = "政府公报", ColumnType = "信息公开，政府公报" });
        return meta;
    }

    private async Task<IResult> RenderAsync(HttpContext http, string template, string title, CancellationToken ct, Dictionary<string, object?> values, int status = 200)
    {
        if (!values.ContainsKey("meta")) values["meta"] = await MetaAsync(ct);
        var b = Base(http);
        values["gazette_name"] = GazetteName;
        values["gazette_search_url"] = $"{b}/gazette/search";
        values["gazette_feed"] = $"{b}/gazette/feed.atom";
        values["head_links"] = new List<GazetteHeadLink> { new("alternate", "application/atom+xml", $"{GazetteName}：新一期", $"{b}/gazette/feed.atom") };
        return await pages.RenderAsync(http, template, title, values, status, ct);
    }
}

/// <summary>A &lt;link&gt; in the page head (Atom autodiscovery).</summary>
public sealed record GazetteHeadLink(string Rel, string Type, string Title, string Url);
