using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Mail;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>
/// Queues the workflow's mail in the Mail module's table (OutgoingMail, sent with retries by its sender):
/// reviewers when something waits for them, authors when their item is approved or sent back,
/// administrators when a scheduled job fails.
/// </summary>
public sealed class ReviewNotifier(CmsDbContext db, TimeProvider clock)
{
    public const string KindWaiting = "editorial.review-waiting";
    public const string KindApproved = "editorial.approved";
    public const string KindSentBack = "editorial.sent-back";
    public const string KindJobFailed = "editorial.schedule-failed";

    public async Task WaitingForReviewAsync(ContentItem item, int level, int levels, CancellationToken ct)
    {
        var stage = levels == 1 ? "审核" : level == 1 ? "初审" : "终审";
        var reviewers = await UsersWithRolesAsync(item.SiteId, [SiteRoles.Reviewer], ct);
        foreach (var u in reviewers)
            Queue(item.SiteId, KindWaiting, u, $"【待{stage}】《{item.Title}》", $"稿件《{item.Title}》（编号 {item.Id}）等待您{stage}。\n请登录后台：/admin/content/{item.Id}");
        await db.SaveChangesAsync(ct);
    }

    public async Task DecidedAsync(ContentItem item, string authorName, bool approved, string reviewer, string comment, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == authorName, ct);
        if (author is null) return;
        var subject = approved ? $"【已通过审核】《{item.Title}》" : $"【退回修改】《{item.Title}》";
        var body = approved
            ? $"您的稿件《{item.Title}》已由 {reviewer} 审核通过。{(comment.Length > 0 ? "\n意见：" + comment : "")}"
            : $"您的稿件《{item.Title}》被 {reviewer} 退回修改。\n意见：{comment}\n请登录后台修改：/admin/content/{item.Id}";
        Queue(item.SiteId, approved ? KindApproved : KindSentBack, author, subject, body);
        await db.SaveChangesAsync(ct);
    }

    public async Task JobFailedAsync(int siteId, int itemId, string title, string error, CancellationToken ct)
    {
        var admins = await UsersWithRolesAsync(siteId, [SiteRoles.SiteAdministrator, SiteRoles.DistrictAdministrator], ct);
        foreach (var u in admins)
            Queue(siteId, KindJobFailed, u, $"【定时任务失败】《{title}》", $"稿件《{title}》（编号 {itemId}）的定时任务未能执行：{error}\n请登录后台处理：/admin/content/{itemId}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<CmsUser>> UsersWithRolesAsync(int siteId, string[] roles, CancellationToken ct)
    {
        var ids = await db.SiteRoles.AsNoTracking()
            .Where(r => roles.Contains(r.Role) && (r.SiteId == siteId || r.SiteId == null && r.Role == SiteRoles.DistrictAdministrator))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).ToListAsync(ct);
    }

    private void Queue(int siteId, string kind, CmsUser to, string subject, string text)
    {
        var now = clock.GetUtcNow();
        db.OutgoingMail.Add(new OutgoingMail
        {
            SiteId = siteId, Kind = kind, ToAddress = to.Email!, ToName = to.DisplayName.Length > 0 ? to.DisplayName : to.UserName ?? "",
            Subject = subject, TextBody = text + "\n\n—— 奉化区政务网站集约化平台", State = OutgoingMailState.Pending, CreatedUtc = now, NextAttemptUtc = now,
        });
    }
}
