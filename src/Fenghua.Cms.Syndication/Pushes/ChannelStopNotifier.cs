using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Mail;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>
/// Tells the authors that disabling a channel stopped their items' pending pushes: one mail per item to each of its
/// authors and its creator who has an address, however many pushes of that item stopped. The mails are queued in the
/// caller's unit of work, so they go out only if the channel really was disabled.
/// </summary>
public sealed class ChannelStopNotifier(MailQueue mail, AdminLinks links)
{
    public async Task PushesStoppedAsync(CmsDbContext db, Channel channel, IReadOnlyCollection<ChannelPush> stopped, Actor actor, DateTimeOffset when, CancellationToken ct)
    {
        if (stopped.Count == 0) return;
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == channel.SiteId, ct);
        var itemIds = stopped.Select(p => p.ContentItemId).Distinct().ToList();
        var items = await db.CrossSite<ContentItem>().AsNoTracking().IgnoreQueryFilters().Where(i => itemIds.Contains(i.Id)).ToListAsync(ct);
        var versionIds = stopped.Select(p => p.ContentVersionId).Distinct().ToList();
        var versionAuthors = await db.CrossSite<ContentVersion>().AsNoTracking().IgnoreQueryFilters().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Author }).ToDictionaryAsync(v => v.Id, v => v.Author, ct);
        var names = new Dictionary<int, List<string>>();
        foreach (var item in items)
            names[item.Id] = stopped.Where(p => p.ContentItemId == item.Id).Select(p => versionAuthors.GetValueOrDefault(p.ContentVersionId))
                .Append(item.CreatedBy).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct().ToList();
        var everyone = names.Values.SelectMany(n => n).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => everyone.Contains(u.UserName!) && u.Email != null && u.Email != "").ToListAsync(ct);
        var at = ShanghaiTime.PubDate(when);
        foreach (var item in items)
            foreach (var user in users.Where(u => names[item.Id].Contains(u.UserName!)).DistinctBy(u => u.Email))
                await mail.EnqueueAsync(db, ChannelStoppedMail.To(new MailRecipient(user.Email!, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? ""),
                    site.Name, item.Title, channel.Name, actor.Name, at, links.Item(site, item.Id)), site.Id, ct);
    }
}
