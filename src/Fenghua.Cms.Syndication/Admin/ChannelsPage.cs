using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Syndication.Channels;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>
/// /admin/channels (新媒体渠道): the site's WeChat and Weibo accounts and the form to register one. The secret is
/// typed once, stored encrypted and never shown or put back into a form.
/// </summary>
public static class ChannelsPage
{
    /// <summary>What the registration form holds between a refused post and its re-render (never the secret).</summary>
    private sealed record Typed(string Kind, string Name, string AppId, string SafeDomain, string ApiBaseUrl)
    {
        public static readonly Typed Empty = new("WeChat", "", "", "", "");

        public static Typed From(IFormCollection form) =>
            new(form["kind"].ToString(), form["name"].ToString(), form["appId"].ToString(), form["safeDomain"].ToString(), form["apiBaseUrl"].ToString());
    }

    public static async Task<IResult> ShowAsync(HttpContext http, ChannelService channels, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageChannels);
        return await RenderAsync(http, site, channels, Typed.Empty, Notice(msg), new HashSet<string>(), 200);
    }

    public static async Task<IResult> AddAsync(HttpContext http, ChannelService channels, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageChannels);
        var typed = Typed.From(form);
        try
        {
            var view = await channels.AddAsync(site.Id, new ChannelInput(typed.Kind, typed.Name, typed.AppId, form["secret"].ToString(), typed.SafeDomain, typed.ApiBaseUrl),
                AdminEndpoints.Actor(http), http.RequestAborted);
            return Results.Redirect(FormFields.Redirect(http, "/admin/channels", $"已登记{ChannelService.Display(view.Kind)}“{view.Name}”，密钥已加密保存，不再显示。"));
        }
        catch (ValidationException e)
        {
            var errors = AdminEndpoints.ErrorsOf(e);
            return await RenderAsync(http, site, channels, typed, Errors(errors), errors.Select(x => x.Field).ToHashSet(), 400);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Site site, ChannelService channels, Typed typed, string top, ISet<string> invalid, int status)
    {
        var b = H(Base(http));
        var list = await channels.ListAsync(site.Id, http.RequestAborted);
        var sb = new StringBuilder(top);
        sb.Append("<p class=\"muted\">“谁开设、谁主办”：本站只管理本单位开设的账号。密钥（AppSecret 或访问令牌）加密保存，登记后不再显示；需要更换时在渠道页面“更换密钥”。</p>");
        if (list.Count == 0) sb.Append("<p class=\"empty\">本站尚未登记新媒体渠道。</p>");
        else
        {
            sb.Append("<table class=\"list channels\"><thead><tr><th>编号</th><th>类型</th><th>名称</th><th>AppID / App Key</th><th>安全域名</th><th>接口地址</th><th>状态</th><th>登记时间</th><th>操作</th></tr></thead><tbody>");
            foreach (var c in list)
                sb.Append($"<tr data-channel=\"{c.Id}\"><td>{c.Id}</td><td>{ChannelService.Display(c.Kind)}</td><td>{H(c.Name)}</td><td>{H(c.AppId)}</td><td>{H(c.SafeDomain)}</td><td>{H(c.ApiBaseUrl)}</td>")
                  .Append($"<td>{(c.Enabled ? "启用" : "<strong>停用</strong>")}</td><td>{ShanghaiTime.PubDate(c.CreatedUtc)}</td><td><a href=\"{b}/admin/channels/{c.Id}\">编辑</a></td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("<section><h2>登记渠道</h2>");
        sb.Append($"<form method=\"post\" action=\"{b}/admin/channels\" autocomplete=\"off\">{Antiforgery(http)}");
        sb.Append(FormFields.Select("kind", "类型", [(nameof(ChannelKind.WeChat), "微信公众号"), (nameof(ChannelKind.Weibo), "微博")], typed.Kind, invalid));
        sb.Append(FormFields.Input("name", "渠道名称", typed.Name, invalid, hint: "如 奉化财政；最多 60 字", attributes: " maxlength=\"60\" required"));
        sb.Append(FormFields.Input("appId", "AppID / App Key", typed.AppId, invalid, hint: "微信公众号的 AppID（wx 开头），或微博应用的 App Key"));
        sb.Append(FormFields.Input("secret", "密钥（AppSecret 或访问令牌）", "", invalid, type: "password",
            hint: "微信公众号的 AppSecret，或微博的 access_token；加密保存，提交后不再显示", attributes: " autocomplete=\"new-password\""));
        sb.Append(FormFields.Input("safeDomain", "安全域名（微博必填）", typed.SafeDomain, invalid, hint: "微博应用绑定的安全域名，如 www.fh.gov.cn；微博正文的链接用它"));
        sb.Append(FormFields.Input("apiBaseUrl", "接口地址（可不填）", typed.ApiBaseUrl, invalid,
            hint: $"留空则用官方地址：微信 {ChannelService.DefaultWeChatApi}，微博 {ChannelService.DefaultWeiboApi}"));
        sb.Append("<p><button type=\"submit\">登记</button></p></form></section>");
        return Page(http, $"新媒体渠道 · {site.Name}", sb.ToString(), status);
    }
}
