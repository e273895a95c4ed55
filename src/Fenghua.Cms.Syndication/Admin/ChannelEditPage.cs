using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Syndication.Channels;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>/admin/channels/{id}: edit an account's non-secret fields, disable or enable it, rotate its secret.</summary>
public static class ChannelEditPage
{
    public static async Task<IResult> ShowAsync(int id, HttpContext http, CmsDbContext db, ChannelService channels, string? msg)
    {
        var siteId = await AuthorizeAsync(http, db, id);
        var view = (await channels.GetAsync(siteId, id, http.RequestAborted))!;
        return Render(http, view, new ChannelEdit(view.Name, view.AppId, view.SafeDomain, view.ApiBaseUrl), Notice(msg), new HashSet<string>(), 200);
    }

    public static async Task<IResult> UpdateAsync(int id, HttpContext http, CmsDbContext db, ChannelService channels, IFormCollection form)
    {
        var siteId = await AuthorizeAsync(http, db, id);
        var typed = new ChannelEdit(form["name"].ToString(), form["appId"].ToString(), form["safeDomain"].ToString(), form["apiBaseUrl"].ToString());
        try
        {
            var view = await channels.UpdateAsync(siteId, id, typed, AdminEndpoints.Actor(http), http.RequestAborted);
            return Results.Redirect(FormFields.Redirect(http, $"/admin/channels/{id}", $"已保存渠道“{view.Name}”。"));
        }
        catch (ValidationException e)
        {
            var view = (await channels.GetAsync(siteId, id, http.RequestAborted))!;
            var errors = AdminEndpoints.ErrorsOf(e);
            return Render(http, view, typed, Errors(errors), errors.Select(x => x.Field).ToHashSet(), 400);
        }
    }

    public static async Task<IResult> SetEnabledAsync(int id, HttpContext http, CmsDbContext db, ChannelService channels, IFormCollection form)
    {
        var siteId = await AuthorizeAsync(http, db, id);
        var value = form["enabled"].ToString();
        if (value is not ("true" or "false"))
        {
            var current = (await channels.GetAsync(siteId, id, http.RequestAborted))!;
            return Render(http, current, Stored(current), Errors([("enabled", $"启用状态“{value}”无效：应为 true 或 false。")]), new HashSet<string> { "enabled" }, 400);
        }
        var (view, stopped) = await channels.SetEnabledAsync(siteId, id, value == "true", AdminEndpoints.Actor(http), http.RequestAborted);
        var message = view.Enabled ? $"已启用渠道“{view.Name}”。" : $"已停用渠道“{view.Name}”，不再接受新的推送" + (stopped > 0 ? $"；{stopped} 条待推送已停止，可在启用后重试。" : "。");
        return Results.Redirect(FormFields.Redirect(http, $"/admin/channels/{id}", message));
    }

    public static async Task<IResult> RotateSecretAsync(int id, HttpContext http, CmsDbContext db, ChannelService channels, IFormCollection form)
    {
        var siteId = await AuthorizeAsync(http, db, id);
        try
        {
            var view = await channels.RotateSecretAsync(siteId, id, form["secret"].ToString(), AdminEndpoints.Actor(http), http.RequestAborted);
            return Results.Redirect(FormFields.Redirect(http, $"/admin/channels/{id}", $"已更换渠道“{view.Name}”的密钥，新密钥已加密保存，不再显示。"));
        }
        catch (ValidationException e)
        {
            var view = (await channels.GetAsync(siteId, id, http.RequestAborted))!;
            var errors = AdminEndpoints.ErrorsOf(e);
            return Render(http, view, Stored(view), Errors(errors), errors.Select(x => x.Field).ToHashSet(), 400);
        }
    }

    /// <summary>Management of channels on the URL's site and on the channel's own site; returns the channel's site.</summary>
    private static async Task<int> AuthorizeAsync(HttpContext http, CmsDbContext db, int id)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageChannels);
        var siteId = await db.CrossSite<Channel>().Where(c => c.Id == id).Select(c => (int?)c.SiteId).FirstOrDefaultAsync(http.RequestAborted)
            ?? throw new NotFoundException($"渠道 {id} 不存在。");
        await ResourceSite.RequireAsync(http, site, siteId, Permission.ManageChannels);
        return siteId;
    }

    private static ChannelEdit Stored(ChannelView v) => new(v.Name, v.AppId, v.SafeDomain, v.ApiBaseUrl);

    private static IResult Render(HttpContext http, ChannelView view, ChannelEdit typed, string top, ISet<string> invalid, int status)
    {
        var action = $"{H(Base(http))}/admin/channels/{view.Id}";
        var sb = new StringBuilder(top);
        sb.Append($"<p class=\"meta\">{ChannelService.Display(view.Kind)} · 编号 {view.Id} · 登记于 {ShanghaiTime.PubDate(view.CreatedUtc)} · 状态：<strong>{(view.Enabled ? "启用" : "停用")}</strong> · <a href=\"{H(Base(http))}/admin/channels\">返回渠道列表</a></p>");
        sb.Append($"<section><h2>账号信息</h2><form method=\"post\" action=\"{action}\" autocomplete=\"off\">{Antiforgery(http)}");
        sb.Append(FormFields.Input("name", "渠道名称", typed.Name, invalid, attributes: " maxlength=\"60\" required"));
        sb.Append(FormFields.Input("appId", "AppID / App Key", typed.AppId, invalid));
        if (view.Kind == ChannelKind.Weibo || !string.IsNullOrEmpty(typed.SafeDomain))
            sb.Append(FormFields.Input("safeDomain", "安全域名", typed.SafeDomain, invalid, hint: "微博应用绑定的安全域名，如 www.fh.gov.cn"));
        sb.Append(FormFields.Input("apiBaseUrl", "接口地址", typed.ApiBaseUrl, invalid, hint: "留空则用官方地址"));
        sb.Append("<p><button type=\"submit\">保存</button></p></form></section>");

        sb.Append($"<section><h2>{(view.Enabled ? "停用渠道" : "启用渠道")}</h2>");
        sb.Append(view.Enabled
            ? "<p>停用后不再接受新的推送；尚未发出的待推送立即停止（可在重新启用后于“推送记录”中重试）；已提交发布、等待结果的推送只核对结果，不会再次发送。</p>"
            : "<p>启用后，新发布的稿件可以再次推送到此渠道；停用期间停止的推送需要在“推送记录”中重试。</p>");
        sb.Append($"<form method=\"post\" action=\"{action}/enabled\">{Antiforgery(http)}<input type=\"hidden\" name=\"enabled\" value=\"{(view.Enabled ? "false" : "true")}\">");
        sb.Append($"<button type=\"submit\"{(view.Enabled ? " class=\"reject\"" : "")}>{(view.Enabled ? "停用" : "启用")}</button></form></section>");

        sb.Append($"<section><h2>更换密钥</h2><p>在{(view.Kind == ChannelKind.WeChat ? "微信公众平台重置 AppSecret" : "微博开放平台重新授权取得访问令牌")}后，在此填入新的密钥。新密钥加密保存，提交后不再显示；下一次调用平台接口即使用新密钥。</p>");
        sb.Append($"<form method=\"post\" action=\"{action}/secret\" autocomplete=\"off\">{Antiforgery(http)}");
        sb.Append(FormFields.Input("secret", "新密钥", "", invalid, type: "password", attributes: " autocomplete=\"new-password\" required"));
        sb.Append("<p><button type=\"submit\">更换密钥</button></p></form></section>");
        return Page(http, $"渠道：{view.Name}", sb.ToString(), status);
    }
}
