using System.Text.RegularExpressions;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Pushes;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Channels;

/// <summary>Registers, edits, disables and lists a site's own channel accounts (“谁开设、谁主办”). Every change is audited.</summary>
public sealed partial class ChannelService(CmsDbContext db, AuditLog audit, TimeProvider clock, ChannelSecretProtector secrets, ChannelStopNotifier notifier)
{
    public static readonly string DefaultWeChatApi = "https://api.weixin.qq.com/";
    public static readonly string DefaultWeiboApi = "https://api.weibo.com/2/";
    public const int MaxSecretLength = 512;

    /// <summary>The order of the registration form: errors are listed the way the fields are read.</summary>
    private static readonly string[] FieldOrder = ["kind", "name", "appId", "secret", "apiBaseUrl", "safeDomain"];

    public async Task<ChannelView> AddAsync(int siteId, ChannelInput input, Actor actor, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        ChannelKind kind = default;
        if (!Enum.TryParse(input.Kind?.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind))
            errors.Add(new("kind", $"渠道类型“{input.Kind}”无效：应为 WeChat（微信公众号）或 Weibo（微博）。"));
        var fields = ValidateFields(kind, new ChannelEdit(input.Name, input.AppId, input.SafeDomain, input.ApiBaseUrl), errors);
        var secret = ValidateSecret(input.Secret, errors);
        if (errors.Count == 0 && await db.CrossSite<Channel>().AnyAsync(c => c.SiteId == siteId && c.Kind == kind && c.AppId == fields.AppId, ct))
            errors.Add(new("appId", $"本站点已登记 AppID / App Key 为“{fields.AppId}”的{Display(kind)}。"));
        if (errors.Count > 0) throw new ValidationException([.. errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field))]);

        var channel = new Channel
        {
            SiteId = siteId, Kind = kind, Name = fields.Name, AppId = fields.AppId, ProtectedSecret = secrets.Protect(secret),
            SafeDomain = fields.SafeDomain, ApiBaseUrl = fields.ApiBaseUrl, CreatedUtc = clock.GetUtcNow(), CreatedBy = actor.Name,
        };
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        db.Channels.Add(channel);
        await db.SaveChangesAsync(ct);
        // The secret is never written to the audit trail, only that one was set.
        await audit.AppendAsync(db, actor, "channel.add", $"channel:{channel.Id}", siteId, $"{Display(kind)}「{channel.Name}」 AppID={channel.AppId} 接口={channel.ApiBaseUrl}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(channel, ct);
    }

    /// <summary>Changes the name, app id, safe domain or API address; the kind and the secret stay.</summary>
    public async Task<ChannelView> UpdateAsync(int siteId, int channelId, ChannelEdit input, Actor actor, CancellationToken ct = default)
    {
        var channel = await FindAsync(siteId, channelId, ct);
        var errors = new List<ValidationError>();
        var fields = ValidateFields(channel.Kind, input, errors);
        if (errors.Count == 0 && await db.CrossSite<Channel>().AnyAsync(c => c.SiteId == siteId && c.Kind == channel.Kind && c.AppId == fields.AppId && c.Id != channelId, ct))
            errors.Add(new("appId", $"本站点已登记 AppID / App Key 为“{fields.AppId}”的{Display(channel.Kind)}。"));
        if (errors.Count > 0) throw new ValidationException(errors);

        var changes = new List<string>();
        void Change(string label, string before, string after, Action set)
        {
            if (before == after) return;
            changes.Add($"{label}：{before} → {after}");
            set();
        }
        Change("名称", channel.Name, fields.Name, () => channel.Name = fields.Name);
        Change("AppID", channel.AppId, fields.AppId, () => channel.AppId = fields.AppId);
        Change("安全域名", channel.SafeDomain, fields.SafeDomain, () => channel.SafeDomain = fields.SafeDomain);
        Change("接口", channel.ApiBaseUrl, fields.ApiBaseUrl, () => channel.ApiBaseUrl = fields.ApiBaseUrl);
        if (changes.Count > 0)
        {
            await audit.AppendAsync(db, actor, "channel.update", $"channel:{channel.Id}", siteId, $"{Display(channel.Kind)}「{channel.Name}」 {string.Join("；", changes)}", ct);
            await db.SaveChangesAsync(ct);
        }
        return await ViewAsync(channel, ct);
    }

    /// <summary>
    /// Enables or disables an account. A disabled account takes no new pushes, and its pending pushes that have
    /// not yet sent their publishing call stop at once (state Failed, saying why), so nothing more goes out
    /// through it; an editor can retry them after it is enabled again. A push whose publishing call was already
    /// sent is left to find out how that call ended, but never sends again while the account is disabled.
    /// </summary>
    public async Task<(ChannelView Channel, int Stopped)> SetEnabledAsync(int siteId, int channelId, bool enabled, Actor actor, CancellationToken ct = default)
    {
        var channel = await FindAsync(siteId, channelId, ct);
        if (channel.Enabled == enabled) return (await ViewAsync(channel, ct), 0);
        channel.Enabled = enabled;
        var now = clock.GetUtcNow();
        var stopped = new List<ChannelPush>();
        if (!enabled)
        {
            stopped = await db.CrossSite<ChannelPush>()
                .Where(p => p.ChannelId == channel.Id && p.State == PushState.Pending && p.PublishSentUtc == null).ToListAsync(ct);
            foreach (var push in stopped)
            {
                push.State = PushState.Failed;
                push.LastError = $"渠道“{channel.Name}”已于 {ShanghaiTime.PubDate(now)} 由 {actor.Name} 停用，未推送；重新启用渠道后可在“推送记录”中重试。";
                push.CompletedUtc = now;
                push.LeaseUntilUtc = null;
                push.UpdatedUtc = now;
            }
        }
        var detail = $"{Display(channel.Kind)}「{channel.Name}」{(enabled ? "已启用" : "已停用")}";
        if (stopped.Count > 0) detail += $"；停止待推送 {stopped.Count} 条（推送记录 {string.Join("、", stopped.Select(p => p.Id))}）";
        await audit.AppendAsync(db, actor, enabled ? "channel.enable" : "channel.disable", $"channel:{channel.Id}", siteId, detail, ct);
        // The authors learn it from a mail, not only from the push list they may never open.
        await notifier.PushesStoppedAsync(db, channel, stopped, actor, now, ct);
        await db.SaveChangesAsync(ct);
        return (await ViewAsync(channel, ct), stopped.Count);
    }

    /// <summary>Replaces the secret (after it was reset on the platform). The new one is stored encrypted; the audit records only that it changed.</summary>
    public async Task<ChannelView> RotateSecretAsync(int siteId, int channelId, string? secret, Actor actor, CancellationToken ct = default)
    {
        var channel = await FindAsync(siteId, channelId, ct);
        var errors = new List<ValidationError>();
        var value = ValidateSecret(secret, errors);
        if (errors.Count > 0) throw new ValidationException(errors);
        channel.ProtectedSecret = secrets.Protect(value);
        await audit.AppendAsync(db, actor, "channel.secret.rotate", $"channel:{channel.Id}", siteId, $"{Display(channel.Kind)}「{channel.Name}」更换了密钥", ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(channel, ct);
    }

    public async Task<List<ChannelView>> ListAsync(int siteId, CancellationToken ct = default)
    {
        var key = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Key).FirstAsync(ct);
        var channels = await db.CrossSite<Channel>().AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.Id).ToListAsync(ct);
        return channels.Select(c => View(c, key)).ToList();
    }

    /// <summary>One channel of the site, or null when it does not exist or belongs to another site.</summary>
    public async Task<ChannelView?> GetAsync(int siteId, int channelId, CancellationToken ct = default)
    {
        var channel = await db.CrossSite<Channel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId && c.SiteId == siteId, ct);
        return channel is null ? null : await ViewAsync(channel, ct);
    }

    public static string Display(ChannelKind kind) => kind == ChannelKind.WeChat ? "微信公众号" : "微博";

    private async Task<Channel> FindAsync(int siteId, int channelId, CancellationToken ct) =>
        await db.CrossSite<Channel>().FirstOrDefaultAsync(c => c.Id == channelId && c.SiteId == siteId, ct)
        ?? throw new ValidationException([new("channelId", $"渠道 {channelId} 不存在或不属于本站点。")]);

    /// <summary>The checked, normalised non-secret fields; problems go to <paramref name="errors"/> naming the field.</summary>
    private static Fields ValidateFields(ChannelKind kind, ChannelEdit input, List<ValidationError> errors)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 60) errors.Add(new("name", "渠道名称不能为空，最多 60 字。"));
        var appId = input.AppId?.Trim() ?? "";
        if (!AppIdPattern().IsMatch(appId)) errors.Add(new("appId", $"AppID / App Key“{appId}”无效：应为 1 到 64 位字母、数字、下划线或连字符。"));
        var api = input.ApiBaseUrl?.Trim() ?? "";
        if (api.Length == 0) api = kind == ChannelKind.Weibo ? DefaultWeiboApi : DefaultWeChatApi;
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri) || apiUri.Scheme is not ("https" or "http") || api.Length > 300)
            errors.Add(new("apiBaseUrl", $"接口地址“{input.ApiBaseUrl}”不是有效的 http(s) 网址。"));
        else if (!api.EndsWith('/')) api += "/";
        var domain = input.SafeDomain?.Trim().ToLowerInvariant() ?? "";
        if (kind == ChannelKind.Weibo && !DomainPattern().IsMatch(domain))
            errors.Add(new("safeDomain", $"安全域名“{input.SafeDomain}”无效：微博账号必须填写应用绑定的安全域名，如 www.fh.gov.cn。"));
        return new Fields(name, appId, domain, api);
    }

    private sealed record Fields(string Name, string AppId, string SafeDomain, string ApiBaseUrl);

    private static string ValidateSecret(string? secret, List<ValidationError> errors)
    {
        var value = secret?.Trim() ?? "";
        if (value.Length is 0 or > MaxSecretLength) errors.Add(new("secret", $"密钥（AppSecret 或访问令牌）不能为空，最多 {MaxSecretLength} 位。"));
        return value;
    }

    private async Task<ChannelView> ViewAsync(Channel c, CancellationToken ct) =>
        View(c, await db.Sites.Where(s => s.Id == c.SiteId).Select(s => s.Key).FirstAsync(ct));

    private static ChannelView View(Channel c, string site) => new(c.Id, site, c.Kind, c.Name, c.AppId, c.SafeDomain, c.ApiBaseUrl, c.Enabled, c.CreatedUtc);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AppIdPattern();

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}
