using System.Text;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Sites;
using Fenghua.Cms.Theming.Themes;

namespace Fenghua.Cms.Theming.Public;

/// <summary>Builds and renders the public pages of the current site in its theme.</summary>
public sealed class PublicPages(PublicContentReader reader, SiteContext siteContext, SiteCatalog catalog, ThemeRegistry themes, ThemeRenderer renderer)
{
    private static readonly string[] HomeBlocks = ["Article", "Notice", "PolicyDocument", "Interpretation", "ServiceGuide"];

    public async Task<IResult> HomeAsync(HttpContext http, CancellationToken ct)
    {
        var page = await BaseModelAsync(http, null, ct);
        var latest = new Dictionary<string, object?>();
        foreach (var type in HomeBlocks)
            latest[type] = Absolute(http, await reader.LatestAsync(type, 8, ct));
        page.Model["latest"] = latest;
        // The newest items of each top-level list column (its sub-columns included), by slug: in_column.tzgg.
        var columns = await reader.ColumnsAsync(ct);
        var inColumn = new Dictionary<string, object?>();
        foreach (var top in columns.Where(c => c.ParentId is null && c.Kind == ColumnKind.List))
        {
            var ids = columns.Where(c => c.Id == top.Id || c.Path.StartsWith(top.Path + "/", StringComparison.Ordinal)).Select(c => c.Id).ToList();
            inColumn[top.Slug] = Absolute(http, (await reader.ListAsync(ids, 1, 8, ct)).Items);
        }
        page.Model["in_column"] = inColumn;
        page.Model["page_title"] = Site.Name;
        return await RenderAsync(page, "index", 200);
    }

    /// <summary>A path is a content page (or an old path of one), a column, or not found.</summary>
    public async Task<IResult> PathAsync(HttpContext http, string path, CancellationToken ct)
    {
        path = path.Trim('/').ToLowerInvariant();
        var route = await reader.RouteAsync(path, ct);
        if (route is not null && await reader.PublishedItemAsync(route.ContentItemId, ct) is { } item)
        {
            if (!route.IsCanonical) return Results.Redirect(Url(http, item.PublicPath!), permanent: true);
            return await ContentAsync(http, item, ct);
        }
        var columns = await reader.ColumnsAsync(ct);
        var column = columns.FirstOrDefault(c => c.Path == path);
        if (column is not null) return await ColumnAsync(http, column, columns, ct);
        return await NotFoundAsync(http, ct);
    }

    /// <summary>
    /// Renders a feature module's page (search, gazette...) inside the site's layout: the module's
    /// <paramref name="values"/> are added to the usual page model (site, nav, meta, ...).
    /// </summary>
    public async Task<IResult> RenderAsync(HttpContext http, string template, string title, IReadOnlyDictionary<string, object?> values, int status = 200, CancellationToken ct = default)
    {
        var page = await BaseModelAsync(http, null, ct);
        page.Model["page_title"] = title;
        foreach (var (key, value) in values) page.Model[key] = value;
        return await RenderAsync(page, template, status);
    }

    public async Task<IResult> NotFoundAsync(HttpContext http, CancellationToken ct)
    {
        var page = await BaseModelAsync(http, null, ct);
        page.Model["page_title"] = "页面不存在";
        return await RenderAsync(page, "404", 404);
    }

    private async Task<IResult> ColumnAsync(HttpContext http, Column column, List<Column> columns, CancellationToken ct)
    {
        if (column.Kind == ColumnKind.Link && column.LinkUrl is { } link) return Results.Redirect(link);
        var pageNumber = int.TryParse(http.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var page = await BaseModelAsync(http, column, ct);
        var ids = columns.Where(c => c.Id == column.Id || c.Path.StartsWith(column.Path + "/", StringComparison.Ordinal)).Select(c => c.Id).ToList();
        var (items, total) = await reader.ListAsync(ids, pageNumber, PublicContentReader.PageSize, ct);
        var pages = Math.Max(1, (total + PublicContentReader.PageSize - 1) / PublicContentReader.PageSize);
        if (pageNumber > pages && total > 0) return await NotFoundAsync(http, ct);
        var columnUrl = Url(http, column.Path);
        page.Model["column"] = ColumnView(http, column, columns);
        page.Model["section"] = SectionView(http, column, columns);
        page.Model["items"] = Absolute(http, items);
        page.Model["pager"] = new PagerView(pageNumber, pages, total,
            pageNumber > 1 ? (pageNumber == 2 ? columnUrl : $"{columnUrl}?page={pageNumber - 1}") : null,
            pageNumber < pages ? $"{columnUrl}?page={pageNumber + 1}" : null);
        page.Model["page_title"] = pageNumber > 1 ? $"{column.Name}（第{pageNumber}页）" : column.Name;
        return await RenderAsync(page, column.Kind == ColumnKind.SinglePage ? "page" : "column", 200);
    }

    private async Task<IResult> ContentAsync(HttpContext http, ContentItem item, CancellationToken ct)
    {
        var columns = await reader.ColumnsAsync(ct);
        var column = columns.FirstOrDefault(c => c.Id == item.ColumnId);
        var page = await BaseModelAsync(http, column, ct);
        var version = await reader.VersionAsync(item.PublishedVersionId!.Value, ct);
        var typeNames = await reader.TypeNamesAsync(ct);
        var article = await ArticleAsync(http, item, version, typeNames, ct);
        var meta = (List<MetaTag>)page.Model["meta"]!;
        PageMeta.AddArticle(meta, article, AbsoluteUrl(http, item.PublicPath!), null);
        if (column is not null)
        {
            page.Model["column"] = ColumnView(http, column, columns);
            page.Model["section"] = SectionView(http, column, columns);
        }
        page.Model["item"] = article;
        page.Model["page_title"] = article.Title;
        var template = themes.Get(Site.Theme).FindTemplate("content-" + item.ContentType) is not null ? "content-" + item.ContentType : "content";
        return await RenderAsync(page, template, 200);
    }

    private async Task<ArticleView> ArticleAsync(HttpContext http, ContentItem item, ContentVersion v, Dictionary<string, string> typeNames, CancellationToken ct)
    {
        var published = item.PublishedUtc!.Value;
        GovDocumentView? doc = null;
        if (v.Part("GovDocument") is { } d)
        {
            var malformed = d["documentNumberMalformed"] is not null;
            doc = new GovDocumentView(d.Str("documentNumberCanonical") ?? d.Str("documentNumber"), malformed, d.Str("indexNumber"), d.Str("issuer"),
                d.Str("writtenDate"), ShanghaiTime.Date(published), d.Str("topic"), d.Str("validity"), v.PartString("Keywords", "keywords"), v.PartString("Summary", "summary"));
        }
        var interpretations = item.ContentType == "PolicyDocument" || doc is not null
            ? Absolute(http, await reader.InterpretationsOfAsync(item.Id, ct)) : [];
        ItemLink? policy = null;
        var interpretation = v.Part("Interpretation");
        if (interpretation?.Int("policyId") is { } policyId && await reader.PublishedPolicyAnySiteAsync(policyId, ct) is { } target)
        {
            var url = target.Site.Id == Site.Id ? Url(http, target.Item.PublicPath!) : SiteLinks.ToPage(target.Site, target.Item.PublicPath!, SiteLinks.Portal(await catalog.AllAsync(ct)));
            policy = new ItemLink(target.Item.Id, target.Item.Title, url, ShanghaiTime.Date(target.Item.PublishedUtc!.Value), target.Item.ContentType, "", null);
        }
        var attachments = (v.Part("Attachments")?["files"] as System.Text.Json.Nodes.JsonArray)?
            .OfType<System.Text.Json.Nodes.JsonObject>().Select(f => new AttachmentView(f.Str("name") ?? "", f.Str("url") ?? "")).ToList() ?? [];
        return new ArticleView(item.Id, v.Title, Url(http, item.PublicPath!), item.ContentType, typeNames.GetValueOrDefault(item.ContentType, item.ContentType),
            ShanghaiTime.Date(published), ShanghaiTime.PubDate(published), ShanghaiTime.ChineseDate(published),
            PublicContentReader.BodyHtml(v), PublicContentReader.PlainSummary(v), v.PartString("Keywords", "keywords") ?? "",
            v.PartString("Title", "author") ?? Site.Name, doc?.Issuer ?? Site.Name, doc, interpretations, policy,
            interpretation?.Str("form"), interpretation?.Str("interpreter"), attachments);
    }

    private Site Site => siteContext.Site!;

    private async Task<PageModel> BaseModelAsync(HttpContext http, Column? column, CancellationToken ct)
    {
        var site = Site;
        var columns = await reader.ColumnsAsync(ct);
        var top = columns.Where(c => c.ParentId is null && c.ShowInNavigation).ToList();
        // A link column (政府公报 → /gazette/) links straight to its target; it is active when the request is under it.
        var requestPath = (http.Request.PathBase + http.Request.Path).ToString();
        var nav = top.Select(c => c.Kind == ColumnKind.Link && c.LinkUrl is { } link
                ? new NavItem(c.Name, link, column is null && link.StartsWith('/') && link.Length > 1 && requestPath.StartsWith(link.TrimEnd('/'), StringComparison.Ordinal))
                : new NavItem(c.Name, Url(http, c.Path), column is not null && (column.Path == c.Path || column.Path.StartsWith(c.Path + "/", StringComparison.Ordinal)))).ToList();
        var meta = PageMeta.ForSite(site);
        if (column is not null) PageMeta.AddColumn(meta, column);
        var sites = await catalog.AllAsync(ct);
        var portal = sites.FirstOrDefault(s => s.PathPrefix.Length == 0 && s.HostNames.Count == 0);
        var subSites = sites.Where(s => s.Enabled && s.Id != portal?.Id)
            .Select(s => new SiteLink(s.Key, s.Name, s.PathPrefix + "/", IsTown(s.Name) ? "town" : "department")).ToList();
        var s0 = site.Settings;
        var theme = themes.Get(site.Theme);
        var model = new Dictionary<string, object?>
        {
            ["site"] = new SiteView(site.Key, site.Name, Url(http, ""), site.Id == portal?.Id, s0.SiteName, s0.SiteDomain, s0.SiteIdCode, s0.IcpNumber,
                s0.PublicSecurityNumber, s0.Organiser.Length > 0 ? s0.Organiser : site.Name, s0.ContactPhone, s0.ContactAddress, s0.ContactEmail, s0.LogoUrl, s0.ThemeColor),
            ["nav"] = nav,
            ["meta"] = meta,
            ["portal_url"] = "/",
            ["sub_sites"] = subSites,
            ["theme_assets"] = theme.Folders.Select(f => $"{http.Request.PathBase}/themes/{Path.GetFileName(f)}/assets").Reverse().ToList(),
            ["search_url"] = Url(http, "search"),
            ["base"] = http.Request.PathBase.Value ?? "",
            ["elder"] = ElderMode.IsOn(http),
            ["mode_toggle_url"] = ElderMode.ToggleUrl(http),
        };
        return new PageModel(theme, model);
    }

    // 镇、乡、街道（办事处） are towns in the site directory; everything else is a department.
    private static bool IsTown(string name) =>
        name.Contains("街道", StringComparison.Ordinal) || name.EndsWith('镇') || name.EndsWith('乡');

    private ColumnView ColumnView(HttpContext http, Column column, List<Column> columns)
    {
        var children = columns.Where(c => c.ParentId == column.Id).Select(c => new NavItem(c.Name, Url(http, c.Path), false)).ToList();
        var crumbs = new List<NavItem>();
        for (var c = column; c is not null; c = columns.FirstOrDefault(x => x.Id == c.ParentId))
            crumbs.Insert(0, new NavItem(c.Name, Url(http, c.Path), c.Id == column.Id));
        var pageHtml = column.Kind == ColumnKind.SinglePage ? Core.Markdown.MarkdownRenderer.Instance.ToHtml(column.PageMarkdown) : null;
        return new ColumnView(column.Id, column.Name, column.Path, Url(http, column.Path), column.Description, column.Kind.ToString().ToLowerInvariant(), pageHtml, children, crumbs);
    }

    /// <summary>The top-level column the page is in, with its sub-columns (the side navigation); the one holding the page is active.</summary>
    private ColumnView SectionView(HttpContext http, Column column, List<Column> columns)
    {
        var top = column;
        while (top.ParentId is { } parentId && columns.FirstOrDefault(c => c.Id == parentId) is { } parent) top = parent;
        var children = columns.Where(c => c.ParentId == top.Id)
            .Select(c => new NavItem(c.Name, Url(http, c.Path), column.Path == c.Path || column.Path.StartsWith(c.Path + "/", StringComparison.Ordinal))).ToList();
        return ColumnView(http, top, columns) with { Children = children };
    }

    private async Task<IResult> RenderAsync(PageModel page, string template, int status)
    {
        var html = await renderer.RenderPageAsync(page.Theme, template, page.Model);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static List<ItemLink> Absolute(HttpContext http, List<ItemLink> links) => links.Select(l => l with { Url = Url(http, l.Url) }).ToList();

    /// <summary>A path of the current site under its base; a link already rooted at another site (see <see cref="SiteLinks"/>) as it is.</summary>
    public static string Url(HttpContext http, string path) => path.StartsWith('/') ? path : $"{http.Request.PathBase}/{path}";

    public static string AbsoluteUrl(HttpContext http, string path) =>
        path.StartsWith("//", StringComparison.Ordinal) ? $"{http.Request.Scheme}:{path}"
        : path.StartsWith('/') ? $"{http.Request.Scheme}://{http.Request.Host}{path}"
        : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/{path}";

    private sealed record PageModel(Theme Theme, Dictionary<string, object?> Model);
}
