using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Syndication.Sharing;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>
/// /admin/shares/new?item=…: offers a published item to another site's column (the panel beside the editor posts
/// here too). A refused submission comes back on this page with the choice kept and the field named.
/// </summary>
public static class ShareSubmitPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, ShareTargets targets, int? item)
    {
        var found = await AuthorizeAsync(http, db, item);
        return await RenderAsync(http, targets, found, "", "", new HashSet<string>(), 200);
    }

    public static async Task<IResult> SubmitAsync(HttpContext http, CmsDbContext db, ShareService shares, ShareTargets targets, IFormCollection form)
    {
        var item = await AuthorizeAsync(http, db, int.TryParse(form["itemId"], out var id) ? id : null);
        var target = form["target"].ToString();
        try
        {
            if (target.Length == 0) throw new ValidationException([new("target", "请选择报送到哪个站点的哪个栏目。")]);
            var (siteKey, columnPath) = ShareTargets.Parse(target);
            var view = await shares.SubmitAsync(item.SiteId, item.Id, siteKey, columnPath, AdminEndpoints.Actor(http), http.RequestAborted);
            return Results.Redirect(FormFields.Redirect(http, $"/admin/content/{item.Id}",
                $"已报送到 {view.TargetSite} 的栏目“{view.ColumnName}”，等待对方审核。"));
        }
        catch (ValidationException e)
        {
            var errors = AdminEndpoints.ErrorsOf(e);
            // The service names targetSite / columnPath; on this form both are the one "target" choice.
            var invalid = errors.Select(x => x.Field is "targetSite" or "columnPath" ? "target" : x.Field).ToHashSet();
            return await RenderAsync(http, targets, item, Errors(errors), target, invalid, 400);
        }
    }

    /// <summary>Submitting needs SubmitForReview on the URL's site and on the item's own site.</summary>
    private static async Task<ContentItem> AuthorizeAsync(HttpContext http, CmsDbContext db, int? itemId)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.SubmitForReview);
        if (itemId is null) throw new NotFoundException("请从稿件编辑页进入报送。");
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && !i.IsDeleted, http.RequestAborted)
            ?? throw new NotFoundException($"稿件 {itemId} 不存在。");
        await ResourceSite.RequireAsync(http, site, item.SiteId, Permission.SubmitForReview);
        return item;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ShareTargets targets, ContentItem item, string top, string selected, ISet<string> invalid, int status)
    {
        var sb = new StringBuilder(top);
        sb.Append($"<p class=\"meta\">稿件 {item.Id}《{H(item.Title)}》 · <a href=\"{H(Base(http))}/admin/content/{item.Id}\">返回编辑</a></p>");
        sb.Append(await FormAsync(http, targets, item, selected, invalid, "f-target"));
        return Page(http, "报送稿件", sb.ToString(), status);
    }

    /// <summary>The submission form (this page and the editor's panel); explains instead when the item cannot be offered yet.</summary>
    public static async Task<string> FormAsync(HttpContext http, ShareTargets targets, ContentItem item, string? selected, ISet<string> invalid, string fieldId)
    {
        if (item.PublishedVersionId is null) return "<p class=\"muted\">稿件发布后才能报送到其他站点。</p>";
        var options = await targets.ForAsync(item, http.RequestAborted);
        if (options.Count == 0) return "<p class=\"muted\">其他站点没有接收此类稿件的栏目。</p>";
        var sb = new StringBuilder($"<form method=\"post\" action=\"{H(Base(http))}/admin/shares/new\">{Antiforgery(http)}<input type=\"hidden\" name=\"itemId\" value=\"{item.Id}\">");
        sb.Append(FormFields.Select("target", "报送到", [("", "（请选择站点和栏目）"), .. options.Select(o => (o.Value, o.Label))], selected, invalid,
            hint: "对方站点的审核人采用后，稿件在该栏目列出并注明来源，链接回本站。", id: fieldId));
        sb.Append("<p><button type=\"submit\">报送</button></p></form>");
        return sb.ToString();
    }
}
