using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Paging;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Sharing;

/// <summary>
/// 信息报送: a site offers one of its published items to a list column of another site; that site's
/// reviewers accept or decline. An accepted item is listed there but stays at its source, so an
/// update at the source shows and an unpublish removes it. Every step is audited on both sites.
/// </summary>
public sealed class ShareService(CmsDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IContentObserver> observers)
{
    public const int MaxCommentLength = 500;

    public async Task<ShareView> SubmitAsync(int sourceSiteId, int itemId, string? targetSite, string? columnPath, Actor actor, CancellationToken ct = default)
    {
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.SiteId == sourceSiteId, ct)
            ?? throw new ValidationException([new("itemId", $"稿件 {itemId} 不存在或不属于本站点。")]);
        if (item.PublishedVersionId is null) throw new ValidationException([new("itemId", "只能报送已发布的稿件。")]);
        var target = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == targetSite, ct)
            ?? throw new ValidationException([new("targetSite", $"接收站点“{targetSite}”不存在。")]);
        if (target.Id == sourceSiteId) throw new ValidationException([new("targetSite", "不能报送到本站点。")]);
        var path = columnPath?.Trim('/').ToLowerInvariant() ?? "";
        var column = await db.CrossSite<Column>().AsNoTracking().FirstOrDefaultAsync(c => c.SiteId == target.Id && c.Path == path, ct)
            ?? throw new ValidationException([new("columnPath", $"站点“{target.Name}”没有栏目“{columnPath}”。")]);
        if (column.Kind != ColumnKind.List) throw new ValidationException([new("columnPath", $"栏目“{column.Name}”不是列表栏目，不接收报送。")]);
        if (column.ContentTypes.Count > 0 && !column.ContentTypes.Contains(item.ContentType))
            throw new ValidationException([new("columnPath", $"栏目“{column.Name}”不收录“{item.ContentType}”类型的稿件。")]);

        var now = clock.GetUtcNow();
        var share = await db.CrossSite<ContentShare>().FirstOrDefaultAsync(s => s.ColumnId == column.Id && s.SourceItemId == itemId, ct);
        if (share is { State: not ShareState.Declined })
            throw new ValidationException([new("itemId", $"该稿件已报送到栏目“{column.Name}”（{Display(share.State)}）。")]);
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        if (share is null)
        {
            share = new ContentShare { SiteId = target.Id, ColumnId = column.Id, SourceSiteId = sourceSiteId, SourceItemId = itemId };
            db.ContentShares.Add(share);
        }
        share.State = ShareState.Submitted;
        share.SubmittedBy = actor.Name;
        share.SubmittedUtc = now;
        share.DecidedBy = null;
        share.DecidedUtc = null;
        share.Comment = "";
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, actor, "share.submit", $"share:{share.Id}", sourceSiteId, $"《{item.Title}》→ {target.Key}/{column.Path}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync(s => s.Id == share.Id, ct)).Single();
    }

    public Task<ShareView> AcceptAsync(int targetSiteId, int shareId, string? comment, Actor actor, CancellationToken ct = default) =>
        DecideAsync(targetSiteId, shareId, ShareState.Accepted, comment, actor, ct);

    public Task<ShareView> DeclineAsync(int targetSiteId, int shareId, string? comment, Actor actor, CancellationToken ct = default) =>
        DecideAsync(targetSiteId, shareId, ShareState.Declined, comment, actor, ct);

    /// <summary>Submissions a site received (its reviewers' queue), newest first (the newest 200).</summary>
    public Task<List<ShareView>> IncomingAsync(int targetSiteId, ShareState? state, CancellationToken ct = default) =>
        ViewsAsync(s => s.SiteId == targetSiteId && (state == null || s.State == state), ct);

    /// <summary>What a site submitted elsewhere and how it was decided (the newest 200).</summary>
    public Task<List<ShareView>> OutgoingAsync(int sourceSiteId, CancellationToken ct = default) =>
        ViewsAsync(s => s.SourceSiteId == sourceSiteId, ct);

    /// <summary>
    /// One page of the submissions a site received. <paramref name="waitingFirst"/>: the reviewers' page puts the
    /// undecided ones on top so none hides on a later page; the API keeps plain newest-first.
    /// </summary>
    public Task<ListPage<ShareView>> IncomingPageAsync(int targetSiteId, ShareState? state, PageRequest page, bool waitingFirst, CancellationToken ct = default) =>
        PageAsync(s => s.SiteId == targetSiteId && (state == null || s.State == state), page, waitingFirst, ct);

    /// <summary>One page of what a site submitted elsewhere, newest first.</summary>
    public Task<ListPage<ShareView>> OutgoingPageAsync(int sourceSiteId, PageRequest page, CancellationToken ct = default) =>
        PageAsync(s => s.SourceSiteId == sourceSiteId, page, false, ct);

    /// <summary>Where one item was submitted and how each was decided (the editor's panel).</summary>
    public Task<List<ShareView>> ForItemAsync(int sourceSiteId, int itemId, CancellationToken ct = default) =>
        ViewsAsync(s => s.SourceSiteId == sourceSiteId && s.SourceItemId == itemId, ct);

    private async Task<ShareView> DecideAsync(int targetSiteId, int shareId, ShareState decision, string? comment, Actor actor, CancellationToken ct)
    {
        if ((comment ?? "").Length > MaxCommentLength) throw new ValidationException([new("comment", $"意见过长：最多 {MaxCommentLength} 字。")]);
        var share = await db.CrossSite<ContentShare>().FirstOrDefaultAsync(s => s.Id == shareId && s.SiteId == targetSiteId, ct)
            ?? throw new ValidationException([new("shareId", $"报送 {shareId} 不存在或不是报送给本站点的。")]);
        if (share.State != ShareState.Submitted)
            throw new ValidationException([new("shareId", $"该报送已处理（{Display(share.State)}）。")]);
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstAsync(i => i.Id == share.SourceItemId, ct);
        share.State = decision;
        share.DecidedBy = actor.Name;
        share.DecidedUtc = clock.GetUtcNow();
        share.Comment = comment?.Trim() ?? "";
        await audit.AppendAsync(db, actor, decision == ShareState.Accepted ? "share.accept" : "share.decline", $"share:{share.Id}", targetSiteId,
            $"《{item.Title}》{share.Comment}", ct);
        await db.SaveChangesAsync(ct);
        // The receiving column's pages and feeds change: evict cached public pages.
        if (decision == ShareState.Accepted) foreach (var o in observers) await o.ContentChangedAsync(item, ct);
        return (await ViewsAsync(s => s.Id == share.Id, ct)).Single();
    }

    public static string Display(ShareState s) => s switch
    {
        ShareState.Submitted => "待审核",
        ShareState.Accepted => "已采用",
        _ => "未采用",
    };

    private async Task<ListPage<ShareView>> PageAsync(System.Linq.Expressions.Expression<Func<ContentShare, bool>> filter, PageRequest page, bool waitingFirst, CancellationToken ct)
    {
        var query = db.CrossSite<ContentShare>().AsNoTracking().Where(filter);
        var total = await query.CountAsync(ct);
        var ordered = waitingFirst
            ? query.OrderBy(s => s.State == ShareState.Submitted ? 0 : 1).ThenByDescending(s => s.Id)
            : query.OrderByDescending(s => s.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new ListPage<ShareView>(await ViewsAsync(rows, ct), total, page.Page, page.PageSize);
    }

    private async Task<List<ShareView>> ViewsAsync(System.Linq.Expressions.Expression<Func<ContentShare, bool>> filter, CancellationToken ct) =>
        await ViewsAsync(await db.CrossSite<ContentShare>().AsNoTracking().Where(filter).OrderByDescending(s => s.Id).Take(PageRequest.MaxPageSize).ToListAsync(ct), ct);

    private async Task<List<ShareView>> ViewsAsync(List<ContentShare> shares, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var columnIds = shares.Select(s => s.ColumnId).ToList();
        var columns = await db.CrossSite<Column>().AsNoTracking().Where(c => columnIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var itemIds = shares.Select(s => s.SourceItemId).ToList();
        var titles = await db.CrossSite<ContentItem>().AsNoTracking().IgnoreQueryFilters().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        return shares.Select(s => new ShareView(s.Id, s.SourceItemId, titles.GetValueOrDefault(s.SourceItemId, ""), sites[s.SourceSiteId].Key, sites[s.SourceSiteId].Name,
            sites[s.SiteId].Key, columns[s.ColumnId].Path, columns[s.ColumnId].Name, s.State, s.SubmittedBy, s.SubmittedUtc, s.DecidedBy, s.DecidedUtc, s.Comment)).ToList();
    }
}
