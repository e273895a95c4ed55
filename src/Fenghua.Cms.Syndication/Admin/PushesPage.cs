using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Syndication.Paging;
using Fenghua.Cms.Syndication.Pushes;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>/admin/pushes (推送记录): every push of the site's items per channel, filtered by state, with retry for stopped ones.</summary>
public static class PushesPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, PushService pushes, string? state, string? page, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAdmin);
        PushState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<PushState>(state, true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
                return await RenderAsync(http, site, pushes, null, state, FirstPage,
                    Errors([("state", $"状态“{state}”无效：应为 Pending（待推送）、Succeeded（已推送）或 Failed（推送失败）。")]), 400);
            filter = parsed;
        }
        PageRequest paging;
        try { paging = PageRequest.Parse(page, null, PageRequest.AdminPageSize); }
        catch (ValidationException e) { return await RenderAsync(http, site, pushes, filter, state, FirstPage, Errors(AdminEndpoints.ErrorsOf(e)), 400); }
        return await RenderAsync(http, site, pushes, filter, state, paging, Notice(msg), 200);
    }

    private static readonly PageRequest FirstPage = new(1, PageRequest.AdminPageSize);

    /// <summary>Puts a stopped push back in the queue (as the API's retry); "back=item" returns to the item's editor.</summary>
    public static async Task<IResult> RetryAsync(long id, HttpContext http, CmsDbContext db, PushService pushes, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.Publish);
        var push = await db.CrossSite<ChannelPush>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.SiteId, p.ContentItemId }).FirstOrDefaultAsync(http.RequestAborted)
            ?? throw new NotFoundException($"推送记录 {id} 不存在。");
        await ResourceSite.RequireAsync(http, site, push.SiteId, Permission.Publish);
        try
        {
            var view = await pushes.RetryAsync(push.SiteId, id, AdminEndpoints.Actor(http), http.RequestAborted);
            var message = $"已重新排入推送：《{view.ItemTitle}》→ {view.ChannelName}。";
            // Only the fixed "item" target is honoured: the address is built here, never taken from the form.
            return Results.Redirect(form["back"] == "item"
                ? FormFields.Redirect(http, $"/admin/content/{push.ContentItemId}", message)
                : FormFields.Redirect(http, "/admin/pushes", message));
        }
        catch (ValidationException e)
        {
            return await RenderAsync(http, site, pushes, null, null, FirstPage, Errors(AdminEndpoints.ErrorsOf(e)), 400);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Site site, PushService pushes, PushState? filter, string? typedState, PageRequest paging, string top, int status)
    {
        var b = H(Base(http));
        var canRetry = await ResourceSite.HasAsync(http, site.Id, Permission.Publish);
        var page = await pushes.PageAsync(site.Id, filter, paging, http.RequestAborted);
        var list = page.Items;
        var sb = new StringBuilder(top);
        sb.Append($"<form method=\"get\" action=\"{b}/admin/pushes\" class=\"filters\"><label for=\"f-state\">状态</label> ");
        sb.Append($"<select id=\"f-state\" name=\"state\"{FormFields.Invalid("state", status == 400 && typedState is not null ? new HashSet<string> { "state" } : new HashSet<string>())}>");
        sb.Append(Options([("", "全部"), .. Enum.GetValues<PushState>().Select(s => (s.ToString(), PushLabels.Filter(s)))], filter?.ToString() ?? ""));
        sb.Append("</select> <button type=\"submit\">筛选</button></form>");
        if (list.Count == 0)
        {
            sb.Append("<p class=\"empty\">没有符合条件的推送记录。</p>");
            if (page.Total > 0) sb.Append(Pager.Html(http, "/admin/pushes", page, "page", [("state", filter?.ToString())], "条"));
            return Page(http, $"推送记录 · {site.Name}", sb.ToString(), status);
        }
        sb.Append("<table class=\"list pushes\"><thead><tr><th>稿件</th><th>渠道</th><th>轮次</th><th>状态</th><th>步骤</th><th>尝试</th><th>最近错误</th><th>下次尝试</th><th>平台编号 / 文章</th><th>操作</th></tr></thead><tbody>");
        foreach (var p in list)
        {
            sb.Append($"<tr data-push=\"{p.Id}\" data-state=\"{p.State}\"><td><a href=\"{b}/admin/content/{p.ContentItemId}\">{H(p.ItemTitle)}</a></td>");
            sb.Append($"<td>{H(p.ChannelName)}<br><small class=\"muted\">{Channels.ChannelService.Display(p.ChannelKind)}</small></td><td>{p.Round}</td>");
            sb.Append($"<td class=\"push-{p.State.ToString().ToLowerInvariant()}\">{PushLabels.State(p.State, p.Attempts)}</td><td>{PushLabels.Step(p.Step, p.ChannelKind)}</td><td>{p.Attempts}</td>");
            sb.Append($"<td>{H(p.LastError)}</td><td>{(p.NextAttemptUtc is { } next ? ShanghaiTime.PubDate(next) : "")}</td>");
            sb.Append($"<td>{H(p.PlatformPostId)}{(p.PostUrl is { Length: > 0 } url ? "<br>" + FormFields.SafeLink(url, "查看文章") : "")}</td><td>");
            if (p.State == PushState.Failed && canRetry) sb.Append(RetryButton(http, p.Id, back: null));
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append(Pager.Html(http, "/admin/pushes", page, "page", [("state", filter?.ToString())], "条"));
        return Page(http, $"推送记录 · {site.Name}", sb.ToString(), status);
    }

    /// <summary>The retry form for one stopped push (also used beside the editor).</summary>
    public static string RetryButton(HttpContext http, long pushId, string? back) =>
        $"<form method=\"post\" action=\"{H(Base(http))}/admin/pushes/{pushId}/retry\">{Antiforgery(http)}"
        + (back is null ? "" : $"<input type=\"hidden\" name=\"back\" value=\"{H(back)}\">")
        + "<button type=\"submit\">重试</button></form>";
}
