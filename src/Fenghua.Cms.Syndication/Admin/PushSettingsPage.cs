using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>
/// /admin/content/{id}/channels: an item's push settings (its Syndication part: the site's channels to push to,
/// the round, WeChat's short title), saved as the item's draft like any edit. The pushes happen once that version is
/// published through review; a higher round pushes again.
/// </summary>
public static class PushSettingsPage
{
    private sealed record Typed(IReadOnlyList<int> Channels, string Round, string ShortTitle);

    public static async Task<IResult> ShowAsync(int id, HttpContext http, CmsDbContext db)
    {
        var (item, latest) = await AuthorizeAsync(http, db, id);
        var part = latest.Part("Syndication");
        var typed = new Typed(SyndicationPart.Channels(part), SyndicationPart.Round(part).ToString(CultureInfo.InvariantCulture), part?.Str("shortTitle") ?? "");
        return Page(http, $"推送设置：{item.Title}", await FormAsync(http, db, item, typed, new HashSet<string>()), 200);
    }

    public static async Task<IResult> SaveAsync(int id, HttpContext http, CmsDbContext db, EditorialWorkflow workflow, IFormCollection form)
    {
        var (item, latest) = await AuthorizeAsync(http, db, id);
        var typed = new Typed(form["channels"].Select(v => int.TryParse(v, out var c) ? c : 0).ToList(), form["round"].ToString().Trim(), form["shortTitle"].ToString().Trim());
        try
        {
            var errors = new List<ValidationError>();
            var own = await db.CrossSite<Channel>().AsNoTracking().Where(c => c.SiteId == item.SiteId && c.Enabled).Select(c => c.Id).ToListAsync(http.RequestAborted);
            if (typed.Channels.Any(c => !own.Contains(c)))
                errors.Add(new("channels", "所选渠道不存在、已停用或不属于本站点，请重新选择。"));
            if (!int.TryParse(typed.Round, NumberStyles.None, CultureInfo.InvariantCulture, out var round) || round is < 1 or > 1000)
                errors.Add(new("round", $"推送轮次“{typed.Round}”无效：应为 1 到 1000 的整数。"));
            if (errors.Count > 0) throw new ValidationException(errors);

            var parts = (JsonObject)latest.Parts.DeepClone();
            var syndication = new JsonObject { ["channels"] = new JsonArray(typed.Channels.Distinct().Select(c => (JsonNode)c).ToArray()), ["round"] = round };
            if (typed.ShortTitle.Length > 0) syndication["shortTitle"] = typed.ShortTitle;
            parts["Syndication"] = syndication;
            var saved = await workflow.SaveAsync(http.User, item.Id, parts, AdminEndpoints.Actor(http), http.RequestAborted);
            var message = $"已保存推送设置（版本 {saved.Number} 草稿）：提交审核并发布后推送到所选渠道。";
            return Results.Redirect(FormFields.Redirect(http, $"/admin/content/{item.Id}", message));
        }
        catch (ValidationException e)
        {
            var errors = AdminEndpoints.ErrorsOf(e);
            // The part's own checks name "parts.Syndication.<field>"; on this form the field is the last segment.
            var invalid = errors.Select(x => x.Field[(x.Field.LastIndexOf('.') + 1)..]).ToHashSet();
            return Page(http, $"推送设置：{item.Title}", Errors(errors) + await FormAsync(http, db, item, typed, invalid), 400);
        }
    }

    /// <summary>Writing drafts on the URL's site and on the item's own; the item's type must have the Syndication part.</summary>
    private static async Task<(ContentItem Item, ContentVersion Latest)> AuthorizeAsync(HttpContext http, CmsDbContext db, int id)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.WriteDrafts);
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && !i.IsDeleted, http.RequestAborted)
            ?? throw new NotFoundException($"稿件 {id} 不存在。");
        await ResourceSite.RequireAsync(http, site, item.SiteId, Permission.WriteDrafts);
        if (!await HasPartAsync(db, item, http.RequestAborted)) throw new NotFoundException($"“{item.ContentType}”类型的稿件不推送到新媒体渠道。");
        var latest = await db.CrossSite<ContentVersion>().AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, http.RequestAborted);
        return (item, latest);
    }

    public static async Task<bool> HasPartAsync(CmsDbContext db, ContentItem item, CancellationToken ct) =>
        (await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == item.ContentType, ct))?.Has("Syndication") == true;

    /// <summary>The settings form for the item's latest version (this page and the editor's panel).</summary>
    public static async Task<string> FormAsync(HttpContext http, CmsDbContext db, ContentItem item, ContentVersion latest) =>
        await FormAsync(http, db, item, new Typed(SyndicationPart.Channels(latest.Part("Syndication")),
            SyndicationPart.Round(latest.Part("Syndication")).ToString(CultureInfo.InvariantCulture), latest.Part("Syndication")?.Str("shortTitle") ?? ""), new HashSet<string>());

    private static async Task<string> FormAsync(HttpContext http, CmsDbContext db, ContentItem item, Typed typed, ISet<string> invalid)
    {
        var channels = await db.CrossSite<Channel>().AsNoTracking().Where(c => c.SiteId == item.SiteId && c.Enabled).OrderBy(c => c.Id).ToListAsync(http.RequestAborted);
        if (channels.Count == 0) return "<p class=\"muted\">本站没有启用的新媒体渠道（站点管理员在“新媒体渠道”中登记）。</p>";
        var sb = new StringBuilder($"<form method=\"post\" action=\"{H(Base(http))}/admin/content/{item.Id}/channels\">{Antiforgery(http)}");
        sb.Append($"<fieldset{FormFields.Invalid("channels", invalid)}><legend>推送到</legend>");
        foreach (var c in channels)
            sb.Append($"<label class=\"check\"><input type=\"checkbox\" name=\"channels\" value=\"{c.Id}\"{(typed.Channels.Contains(c.Id) ? " checked" : "")}> {H(c.Name)}（{Channels.ChannelService.Display(c.Kind)}）</label>");
        sb.Append("</fieldset>");
        sb.Append(FormFields.Input("round", "推送轮次", typed.Round, invalid, type: "number", hint: "每个渠道每轮只推送一次；修改后需要再次推送时把轮次加 1", attributes: " min=\"1\" max=\"1000\"", id: "push-round"));
        sb.Append(FormFields.Input("shortTitle", "微信短标题（可不填）", typed.ShortTitle, invalid, hint: $"标题超过 {SyndicationPart.WeChatTitleMax} 字时必填", attributes: $" maxlength=\"{SyndicationPart.WeChatTitleMax}\"", id: "push-short-title"));
        sb.Append("<p><button type=\"submit\">保存推送设置</button></p><p class=\"muted\">保存为草稿，提交审核并发布后推送。</p></form>");
        return sb.ToString();
    }
}
