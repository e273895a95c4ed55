using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Mail;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>
/// Tells people that a push stopped: an audit entry, the failure list of the API/dashboard (the push
/// row itself), and a mail to the item's author and creator when they have an address. The mail is
/// queued in the same unit of work as the failed state.
/// </summary>
public sealed class PushNotifier(AuditLog audit, MailQueue mail, AdminLinks links)
{
    public const string Kind = "syndication.push.failed";

    public async Task PushFailedAsync(CmsDbContext db, ChannelPush push, string message, CancellationToken ct)
    {
        var channel = await db.CrossSite<Channel>().AsNoTracking().FirstAsync(c => c.Id == push.ChannelId, ct);
        var item = await db.CrossSite<ContentItem>().AsNoTracking().IgnoreQueryFilters().FirstAsync(i => i.Id == push.ContentItemId, ct);
        var author = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => v.Id == push.ContentVersionId).Select(v => v.Author).FirstOrDefaultAsync(ct);
        await audit.AppendAsync(db, Actor.System, "channel.push.fail", $"push:{push.Id}", push.SiteId,
            $"《{item.Title}》→ {channel.Name}：{message}", ct);
        var names = new[] { author, item.CreatedBy }.Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!) && u.Email != null).ToListAsync(ct);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == push.SiteId, ct);
        foreach (var user in users)
            await mail.EnqueueAsync(db, new MailBody(user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? "")
                .Paragraph($"稿件《{item.Title}》推送到“{channel.Name}”失败，已停止重试。")
                .Field("原因", message)
                .Paragraph("请修改稿件后在后台“推送记录”（或稿件编辑页的“渠道与报送”）中点击重试。")
                .Link("打开稿件", links.Item(site, item.Id))
                .ToRequest(new MailRecipient(user.Email!, user.DisplayName), $"推送失败：《{Short(item.Title)}》未能发到{channel.Name}", Kind), push.SiteId, ct);
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
