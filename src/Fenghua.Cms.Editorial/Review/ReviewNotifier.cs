using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Mail;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>
/// The workflow's mail, written with the Mail module's templates (plain text and HTML) into its durable queue:
/// reviewers when something waits for them, authors when their item is approved or sent back, administrators
/// when a scheduled job fails. Links are absolute (<see cref="AdminLinks"/>).
/// </summary>
public sealed class ReviewNotifier(CmsDbContext db, MailQueue mail, AdminLinks links, TimeProvider clock)
{
    public async Task WaitingForReviewAsync(ContentItem item, int level, int levels, string submittedBy, CancellationToken ct)
    {
        var site = await SiteAsync(item.SiteId, ct);
        var stage = levels == 1 ? null : level == 1 ? "初审" : "终审";
        foreach (var u in await UsersWithRolesAsync(item.SiteId, [SiteRoles.Reviewer], ct))
            await mail.EnqueueAsync(db, ReviewMail.Waiting(To(u), site.Name, item.Title, submittedBy, links.Item(site, item.Id), stage), item.SiteId, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task DecidedAsync(ContentItem item, string authorName, bool approved, string reviewer, string comment, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == authorName && u.Email != null, ct);
        if (author is null) return;
        var site = await SiteAsync(item.SiteId, ct);
        var published = await db.CrossSite<ContentItem>().AsNoTracking().Where(i => i.Id == item.Id && i.PublishedVersionId != null).Select(i => i.PublicPath).FirstOrDefaultAsync(ct);
        var request = approved
            ? ReviewMail.Approved(To(author), site.Name, item.Title, reviewer, published is null ? null : links.PublicPage(site, published), links.Item(site, item.Id))
            : ReviewMail.SentBack(To(author), site.Name, item.Title, reviewer, comment, links.Item(site, item.Id));
        await mail.EnqueueAsync(db, request, item.SiteId, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task JobFailedAsync(int siteId, int itemId, string title, string jobName, string error, CancellationToken ct)
    {
        var site = await SiteAsync(siteId, ct);
        foreach (var u in await UsersWithRolesAsync(siteId, [SiteRoles.SiteAdministrator, SiteRoles.DistrictAdministrator], ct))
            await mail.EnqueueAsync(db, JobMail.Failed(To(u), site.Name, jobName, title, error, clock.GetUtcNow(), links.Item(site, itemId)), siteId, ct);
        await db.SaveChangesAsync(ct);
    }

    private Task<Site> SiteAsync(int siteId, CancellationToken ct) => db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, ct);

    private async Task<List<CmsUser>> UsersWithRolesAsync(int siteId, string[] roles, CancellationToken ct)
    {
        var ids = await db.SiteRoles.AsNoTracking()
            .Where(r => roles.Contains(r.Role) && (r.SiteId == siteId || r.SiteId == null && r.Role == SiteRoles.DistrictAdministrator))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null && u.Email != "").ToListAsync(ct);
    }

    private static MailRecipient To(CmsUser u) => new(u.Email!, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? "");
}
