using System.Text.RegularExpressions;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Syndication;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Channels;

/// <summary>Registers and lists a site's own channel accounts (“谁开设、谁主办”). Every change is audited.</summary>
public sealed partial class ChannelService(CmsDbContext db, AuditLog audit, TimeProvider clock, ChannelSecretProtector secrets)
{
    public static readonly string DefaultWeChatApi = "https://api.weixin.qq.com/";
    public static readonly string DefaultWeiboApi = "https://api.weibo.com/2/";

    public async Task<ChannelView> AddAsync(int siteId, ChannelInput input, Actor actor, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        ChannelKind kind = default;
        if (!Enum.TryParse(input.Kind?.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind))
            errors.Add(new("kind", $"渠道类型“{input.Kind}”无效：应为 WeChat（微信公众号）或 Weibo（微博）。"));
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 60) errors.Add(new("name", "渠道名称不能为空，最多 60 字。"));
        var appId = input.AppId?.Trim() ?? "";
        if (!AppIdPattern().IsMatch(appId)) errors.Add(new("appId", $"AppID / App Key“{appId}”无效：应为 1 到 64 位字母、数字、下划线或连字符。"));
        var secret = input.Secret?.Trim() ?? "";
        if (secret.Length is 0 or > 512) errors.Add(new("secret", "密钥（AppSecret 或访问令牌）不能为空，最多 512 位。"));
        var api = input.ApiBaseUrl?.Trim() ?? "";
        if (api.Length == 0) api = kind == ChannelKind.Weibo ? DefaultWeiboApi : DefaultWeChatApi;
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri) || apiUri.Scheme is not ("https" or "http") || api.Length > 300)
            errors.Add(new("apiBaseUrl", $"接口地址“{input.ApiBaseUrl}”不是有效的 http(s) 网址。"));
        else if (!api.EndsWith('/')) api += "/";
        var domain = input.SafeDomain?.Trim().ToLowerInvariant() ?? "";
        if (kind == ChannelKind.Weibo && !DomainPattern().IsMatch(domain))
            errors.Add(new("safeDomain", $"安全域名“{input.SafeDomain}”无效：微博账号必须填写应用绑定的安全域名，如 www.fh.gov.cn。"));
        if (errors.Count == 0 && await db.CrossSite<Channel>().AnyAsync(c => c.SiteId == siteId && c.Kind == kind && c.AppId == appId, ct))
            errors.Add(new("appId", $"本站点已登记 AppID / App Key 为“{appId}”的{Display(kind)}。"));
        if (errors.Count > 0) throw new ValidationException(errors);

        var channel = new Channel
        {
            SiteId = siteId, Kind = kind, Name = name, AppId = appId, ProtectedSecret = secrets.Protect(secret),
            SafeDomain = domain, ApiBaseUrl = api, CreatedUtc = clock.GetUtcNow(), CreatedBy = actor.Name,
        };
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        db.Channels.Add(channel);
        await db.SaveChangesAsync(ct);
        // The secret is never written to the audit trail, only that one was set.
        await audit.AppendAsync(db, actor, "channel.add", $"channel:{channel.Id}", siteId, $"{Display(kind)}「{name}」 AppID={appId} 接口={api}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(channel, ct);
    }

    public async Task<List<ChannelView>> ListAsync(int siteId, CancellationToken ct = default)
    {
        var key = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Key).FirstAsync(ct);
        var channels = await db.CrossSite<Channel>().AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.Id).ToListAsync(ct);
        return channels.Select(c => View(c, key)).ToList();
    }

    public static string Display(ChannelKind kind) => kind == ChannelKind.WeChat ? "微信公众号" : "微博";

    private async Task<ChannelView> ViewAsync(Channel c, CancellationToken ct) =>
        View(c, await db.Sites.Where(s => s.Id == c.SiteId).Select(s => s.Key).FirstAsync(ct));

    private static ChannelView View(Channel c, string site) => new(c.Id, site, c.Kind, c.Name, c.AppId, c.SafeDomain, c.ApiBaseUrl, c.Enabled, c.CreatedUtc);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AppIdPattern();

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}
