using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Theming.Public;
using Fenghua.Cms.Theming.Themes;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>Preview of any version in its site's theme, at a signed link that expires; and the editor's live Markdown preview.</summary>
public static class PreviewPage
{
    public static async Task<IResult> LinkAsync(int id, int? version, HttpContext http, CmsDbContext db, EditorialWorkflow wf, PreviewLinks links)
    {
        var item = await wf.AuthorizeAsync(http.User, id, Permission.ViewAdmin, http.RequestAborted);
        var v = version is { } n
            ? await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemId == id && x.Number == n, http.RequestAborted)
            : await db.ContentVersions.AsNoTracking().FirstAsync(x => x.Id == item.LatestVersionId, http.RequestAborted);
        if (v is null) throw new NotFoundException($"版本 {version} 不存在。");
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == item.SiteId, http.RequestAborted);
        return Results.Redirect($"{site.PathPrefix}/admin/preview/{Uri.EscapeDataString(links.Create(v.Id))}");
    }

    public static async Task<IResult> ShowAsync(string token, HttpContext http, CmsDbContext db, PreviewLinks links, SiteContext siteContext, PublicPages pages, ThemeRegistry themes)
    {
        if (links.Read(token) is not { } versionId)
            return AdminHtml.Page(http, "预览链接无效", "<p>预览链接无效或已过期，请在后台重新打开预览。</p>", 404, nav: false);
        var v = await db.CrossSite<ContentVersion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == versionId, http.RequestAborted);
        if (v is null || v.SiteId != siteContext.SiteId)
            return AdminHtml.Page(http, "预览链接无效", "<p>该版本不属于此站点。</p>", 404, nav: false);
        var item = await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == v.ContentItemId, http.RequestAborted);
        var at = item.PublishedUtc ?? DateTimeOffset.UtcNow;
        var doc = v.Part("GovDocument") is { } d
            ? new GovDocumentView(d.Str("documentNumberCanonical") ?? d.Str("documentNumber"), d["documentNumberMalformed"] is not null, d.Str("indexNumber"), d.Str("issuer"),
                d.Str("writtenDate"), ShanghaiTime.Date(at), d.Str("topic"), d.Str("validity"), v.PartString("Keywords", "keywords"), v.PartString("Summary", "summary"))
            : null;
        var attachments = (v.Part("Attachments")?["files"] as System.Text.Json.Nodes.JsonArray)?.OfType<System.Text.Json.Nodes.JsonObject>()
            .Select(f => new AttachmentView(f.Str("name") ?? "", f.Str("url") ?? "")).ToList() ?? [];
        var article = new ArticleView(item.Id, v.Title, "", item.ContentType, item.ContentType, ShanghaiTime.Date(at), ShanghaiTime.PubDate(at), ShanghaiTime.ChineseDate(at),
            PublicContentReader.BodyHtml(v), PublicContentReader.PlainSummary(v), v.PartString("Keywords", "keywords") ?? "", v.PartString("Title", "author") ?? siteContext.Site!.Name,
            doc?.Issuer ?? siteContext.Site!.Name, doc, [], null, v.Part("Interpretation")?.Str("form"), v.Part("Interpretation")?.Str("interpreter"), attachments);
        var template = themes.Get(siteContext.Site!.Theme).FindTemplate("content-" + item.ContentType) is not null ? "content-" + item.ContentType : "content";
        // Previews are never cached and never indexed.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return await pages.RenderAsync(http, template, $"【预览 版本 {v.Number}】{v.Title}", new Dictionary<string, object?> { ["item"] = article, ["preview"] = true }, 200, http.RequestAborted);
    }

    public static IResult MarkdownAsync(IFormCollection form)
    {
        var md = form["markdown"].ToString();
        if (md.Length > Core.Parts.MarkdownBodyPart.MaxLength) return Results.BadRequest();
        return Results.Content(Core.Markdown.MarkdownRenderer.Instance.ToHtml(md), "text/html; charset=utf-8");
    }
}
