using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Paging;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>What editors see and do about pushes: status per item and channel, the failure list, retry.</summary>
public sealed class PushService(CmsDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<PushView>> ForItemAsync(int siteId, int itemId, CancellationToken ct = default) =>
        QueryAsync(siteId, p => p.ContentItemId == itemId, ct);

    /// <summary>The dashboard's failure list: pushes that stopped and wait for an editor (the newest 200).</summary>
    public async Task<List<PushView>> ListAsync(int siteId, PushState? state, CancellationToken ct = default) =>
        [.. (await PageAsync(siteId, state, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items];

    /// <summary>One page of the site's pushes, newest first, with the number of all that match.</summary>
    public async Task<ListPage<PushView>> PageAsync(int siteId, PushState? state, PageRequest page, CancellationToken ct = default)
    {
        var query = db.CrossSite<ChannelPush>().AsNoTracking().Where(p => p.SiteId == siteId);
        if (state is { } s) query = query.Where(p => p.State == s);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new ListPage<PushView>(await ViewsAsync(rows, ct), total, page.Page, page.PageSize);
    }

    /// <summary>
    /// Puts a push back in the queue. A push that has not yet sent its publishing call takes the item's
    /// current published version (the editor may have shortened it); one that has keeps its version so
    /// the lost-answer check still recognises what was sent.
    /// </summary>
    public async Task<PushView> RetryAsync(int siteId, long pushId, Actor actor, CancellationToken ct = default)
    {
        var push = await db.CrossSite<ChannelPush>().FirstOrDefaultAsync(p => p.Id == pushId && p.SiteId == siteId, ct)
            ?? throw new ValidationException([new("pushId", $"推送记录 {pushId} 不存在或不属于本站点。")]);
        if (push.State == PushState.Succeeded)
            throw new ValidationException([new("pushId", "该推送已成功，无需重试；如需再次推送，请在稿件的推送设置中提高推送轮次。")]);
        var channel = await db.CrossSite<Channel>().AsNoTracking().FirstAsync(c => c.Id == push.ChannelId, ct);
        if (!channel.Enabled)
            throw new ValidationException([new("pushId", $"渠道“{channel.Name}”已停用：请站点管理员在“新媒体渠道”中启用后再重试。")]);
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == push.ContentItemId, ct);
        if (item?.PublishedVersionId is not { } versionId)
            throw new ValidationException([new("pushId", "稿件当前未发布，不能推送。")]);
        var now = clock.GetUtcNow();
        if (push.PublishSentUtc is null)
        {
            push.ContentVersionId = versionId;
            push.Step = Pushes.PushSteps.Check;
        }
        push.State = PushState.Pending;
        push.Attempts = 0;
        push.NextAttemptUtc = now;
        push.LeaseUntilUtc = null;
        push.CompletedUtc = null;
        push.UpdatedUtc = now;
        await audit.AppendAsync(db, actor, "channel.push.retry", $"push:{push.Id}", siteId, $"稿件 {push.ContentItemId} 渠道 {push.ChannelId}；上次错误：{push.LastError}", ct);
        await db.SaveChangesAsync(ct);
        return (await QueryAsync(siteId, p => p.Id == pushId, ct)).Single();
    }

    private async Task<List<PushView>> QueryAsync(int siteId, System.Linq.Expressions.Expression<Func<ChannelPush, bool>> filter, CancellationToken ct)
    {
        var pushes = await db.CrossSite<ChannelPush>().AsNoTracking().Where(p => p.SiteId == siteId).Where(filter)
            .OrderByDescending(p => p.Id).Take(PageRequest.MaxPageSize).ToListAsync(ct);
        return await ViewsAsync(pushes, ct);
    }

    private async Task<List<PushView>> ViewsAsync(List<ChannelPush> pushes, CancellationToken ct)
    {
        var channelIds = pushes.Select(p => p.ChannelId).Distinct().ToList();
        var channels = await db.CrossSite<Channel>().AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var itemIds = pushes.Select(p => p.ContentItemId).Distinct().ToList();
        var titles = await db.CrossSite<ContentItem>().AsNoTracking().IgnoreQueryFilters().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        return pushes.Select(p => new PushView(p.Id, p.ContentItemId, titles.GetValueOrDefault(p.ContentItemId, ""), p.ChannelId, channels[p.ChannelId].Name,
            channels[p.ChannelId].Kind, p.Round, p.State, p.Step, p.Attempts, p.State == PushState.Pending ? p.NextAttemptUtc : null, p.LastError,
            p.PlatformPostId, p.PostUrl, p.CreatedUtc, p.CompletedUtc)).ToList();
    }
}
