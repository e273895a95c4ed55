using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Outbox;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Data.Syndication;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>
/// Turns each content.published record into one push per chosen channel of the item's own site, once:
/// the outbox pump commits these rows together with its cursor, and a push of the same
/// (channel, item, round) is never created twice, so re-publishing an edit pushes nothing new
/// unless the editor raised the round.
/// </summary>
public sealed class PushScheduler(TimeProvider clock) : IOutboxConsumer
{
    public string Name => "syndication.pushes";

    public async Task HandleAsync(OutboxMessage message, CmsDbContext db, CancellationToken ct)
    {
        if (message.Kind != OutboxKinds.ContentPublished || message.ContentItemId is not { } itemId) return;
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item?.PublishedVersionId is not { } versionId) return;
        var version = await db.CrossSite<ContentVersion>().AsNoTracking().FirstAsync(v => v.Id == versionId, ct);
        var part = version.Part("Syndication");
        var chosen = SyndicationPart.Channels(part);
        if (chosen.Count == 0) return;
        var round = SyndicationPart.Round(part);
        // Only the item's own site's channels: a site never pushes through another body's account.
        var channels = await db.CrossSite<Channel>().AsNoTracking()
            .Where(c => chosen.Contains(c.Id) && c.SiteId == item.SiteId && c.Enabled).Select(c => c.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var channelId in channels)
        {
            var pending = db.ChangeTracker.Entries<ChannelPush>().Any(e => e.Entity.ChannelId == channelId && e.Entity.ContentItemId == itemId && e.Entity.Round == round);
            if (pending || await db.CrossSite<ChannelPush>().AnyAsync(p => p.ChannelId == channelId && p.ContentItemId == itemId && p.Round == round, ct)) continue;
            db.ChannelPushes.Add(new ChannelPush
            {
                SiteId = item.SiteId, ChannelId = channelId, ContentItemId = itemId, ContentVersionId = versionId, Round = round,
                State = PushState.Pending, Step = PushSteps.Check, NextAttemptUtc = now, CreatedUtc = now, UpdatedUtc = now,
            });
        }
    }
}
