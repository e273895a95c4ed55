using System.Security.Claims;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Editorial.Checks;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>
/// 公开前审查 on top of <see cref="ContentService"/>: every call checks the caller's permission on the site of the
/// item (not the site of the URL), runs the checks on submit and publish, enforces one or two review levels,
/// refuses self-approval, and records reviewers' decisions and overrides.
/// </summary>
public sealed class EditorialWorkflow(
    CmsDbContext db, ContentService content, PrePublicationChecks checks, ISitePermissions permissions,
    AuditLog audit, TimeProvider clock, ReviewNotifier notifier, SiteContext siteContext)
{
    /// <summary>Finds an item in any site, requires <paramref name="permission"/> on its site and enters that site.</summary>
    public async Task<ContentItem> AuthorizeAsync(ClaimsPrincipal user, int itemId, Permission permission, CancellationToken ct = default)
    {
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && !i.IsDeleted, ct)
            ?? throw new NotFoundException($"稿件 {itemId} 不存在。");
        await RequireAsync(user, item.SiteId, permission, ct);
        await EnterAsync(item.SiteId, ct);
        return item;
    }

    public async Task RequireAsync(ClaimsPrincipal user, int siteId, Permission permission, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(user, siteId, permission, ct))
            throw new ForbiddenException($"您在该站点没有“{PermissionNames.Of(permission)}”权限。");
    }

    public async Task<ContentItem> CreateAsync(ClaimsPrincipal user, ContentDraft draft, Actor actor, CancellationToken ct = default)
    {
        await RequireAsync(user, draft.SiteId, Permission.WriteDrafts, ct);
        await EnterAsync(draft.SiteId, ct);
        return await content.CreateAsync(draft, actor, ct);
    }

    public async Task<ContentVersion> SaveAsync(ClaimsPrincipal user, int itemId, JsonObject parts, Actor actor, CancellationToken ct = default)
    {
        await AuthorizeAsync(user, itemId, Permission.WriteDrafts, ct);
        return await content.SaveDraftAsync(itemId, parts, actor, ct);
    }

    public async Task<IReadOnlyList<CheckFinding>> CheckAsync(ClaimsPrincipal user, int itemId, DateTimeOffset? publishAt = null, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.ViewAdmin, ct);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        return await checks.RunAsync(item, latest, publishAt, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Draft → in review. Missing required metadata always stops it; personal data and sensitive words stop it
    /// unless <paramref name="leaveToReviewer"/> (the author asks the reviewer to decide, e.g. a public office e-mail).
    /// </summary>
    public async Task<IReadOnlyList<CheckFinding>> SubmitAsync(ClaimsPrincipal user, int itemId, bool leaveToReviewer, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.SubmitForReview, ct);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (latest.State != VersionState.Draft)
            throw new ValidationException([new("state", $"只有草稿可以提交审核，当前为“{Workflow.DisplayName(latest.State)}”。")]);
        var findings = await checks.RunAsync(item, latest, null, clock.GetUtcNow(), ct);
        var stopping = findings.Where(f => f.Severity == CheckSeverity.Required || f.Severity == CheckSeverity.Blocking && !leaveToReviewer).ToList();
        if (stopping.Count > 0)
            throw new ChecksBlockedException($"提交前检查未通过（{stopping.Count} 项），请修改或一键脱敏后再提交。", findings);
        await content.SubmitAsync(itemId, actor, ct);
        await notifier.WaitingForReviewAsync(item, 1, await LevelsAsync(item.SiteId, ct), actor.Name, ct);
        return findings;
    }

    /// <summary>
    /// A reviewer approves the version in review at the next level (初审, then 终审 by someone else). The last level
    /// publishes at once, unless a scheduled publish is pending (then the job publishes).
    /// </summary>
    public async Task<ReviewOutcome> ApproveAsync(ClaimsPrincipal user, int itemId, string comment, DateTimeOffset? publishAt, string? backdateReason, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.Review, ct);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (latest.State != VersionState.InReview)
            throw new ValidationException([new("state", $"只有审核中的稿件可以审核通过，当前为“{Workflow.DisplayName(latest.State)}”。")]);
        if (string.Equals(latest.Author, actor.Name, StringComparison.OrdinalIgnoreCase))
            throw new ForbiddenException("审核人不能审核自己撰写的稿件。");
        var approvals = await db.ReviewRecords.AsNoTracking().Where(r => r.VersionId == latest.Id && r.Action == ReviewAction.Approve).ToListAsync(ct);
        if (approvals.Any(a => string.Equals(a.Reviewer, actor.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ForbiddenException("终审须由初审以外的审核人进行。");
        var levels = await LevelsAsync(item.SiteId, ct);
        var level = approvals.Count + 1;
        if (level >= levels)
            // The last level must be able to publish: check before recording the approval.
            await EnsurePublishableAsync(item, latest, publishAt, backdateReason, actor, ct);
        db.ReviewRecords.Add(new ReviewRecord { SiteId = item.SiteId, ContentItemId = item.Id, VersionId = latest.Id, Action = ReviewAction.Approve, Level = level, Reviewer = actor.Name, Comment = comment.Trim(), Utc = clock.GetUtcNow() });
        await audit.AppendAsync(db, actor, "content.approve", $"content:{item.Id}", item.SiteId, $"{StageName(level, levels)}通过 版本 {latest.Number}{(comment.Length > 0 ? "：" + comment : "")}", ct);
        await db.SaveChangesAsync(ct);
        if (level < levels)
        {
            await notifier.WaitingForReviewAsync(item, level + 1, levels, latest.Author, ct);
            return new ReviewOutcome(level, levels, false);
        }
        var scheduled = await db.ScheduledJobs.AnyAsync(j => j.ContentItemId == item.Id && j.Action == ScheduledAction.Publish && j.State == ScheduledJobState.Pending, ct);
        if (!scheduled) await content.PublishAsync(item.Id, actor, publishAt, ct);
        await notifier.DecidedAsync(item, latest.Author, true, actor.Name, comment, ct);
        return new ReviewOutcome(level, levels, !scheduled);
    }

    public async Task SendBackAsync(ClaimsPrincipal user, int itemId, string comment, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.Review, ct);
        if (string.IsNullOrWhiteSpace(comment))
            throw new ValidationException([new("comment", "退回时必须填写审核意见。")]);
        if (comment.Length > 2000)
            throw new ValidationException([new("comment", "审核意见过长：最多 2000 字。")]);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        db.ReviewRecords.Add(new ReviewRecord { SiteId = item.SiteId, ContentItemId = item.Id, VersionId = latest.Id, Action = ReviewAction.SendBack, Reviewer = actor.Name, Comment = comment.Trim(), Utc = clock.GetUtcNow() });
        await content.SendBackAsync(itemId, comment.Trim(), actor, ct);
        await notifier.DecidedAsync(item, latest.Author, false, actor.Name, comment.Trim(), ct);
    }

    /// <summary>Publishes a version whose review is complete (e.g. approved while a schedule was pending).</summary>
    public async Task PublishAsync(ClaimsPrincipal user, int itemId, DateTimeOffset? publishAt, string? backdateReason, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.Publish, ct);
        await PublishReviewedAsync(item, publishAt, backdateReason, actor, ct);
    }

    public async Task UnpublishAsync(ClaimsPrincipal user, int itemId, Actor actor, CancellationToken ct = default)
    {
        await AuthorizeAsync(user, itemId, Permission.Publish, ct);
        await content.UnpublishAsync(itemId, actor, ct);
    }

    /// <summary>A reviewer accepts the blocking findings (personal data, sensitive words) of the version in review, with a reason.</summary>
    public async Task OverrideAsync(ClaimsPrincipal user, int itemId, string reason, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.OverrideChecks, ct);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            throw new ValidationException([new("reason", "放行须填写理由（最多 2000 字）。")]);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (string.Equals(latest.Author, actor.Name, StringComparison.OrdinalIgnoreCase))
            throw new ForbiddenException("审核人不能放行自己撰写的稿件。");
        var findings = await checks.RunAsync(item, latest, null, clock.GetUtcNow(), ct);
        var blocking = findings.Where(f => f.Severity == CheckSeverity.Blocking).ToList();
        db.ReviewRecords.Add(new ReviewRecord { SiteId = item.SiteId, ContentItemId = item.Id, VersionId = latest.Id, Action = ReviewAction.OverrideChecks, Reviewer = actor.Name, Comment = reason.Trim(), Utc = clock.GetUtcNow() });
        await audit.AppendAsync(db, actor, "checks.override", $"content:{item.Id}", item.SiteId,
            $"版本 {latest.Number} 放行 {blocking.Count} 项（{string.Join("；", blocking.Select(f => f.Message))}）理由：{reason.Trim()}", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Masks personal data in the title, summary and body of the latest version, as a new draft version.</summary>
    public async Task<ContentVersion> MaskAsync(ClaimsPrincipal user, int itemId, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.WriteDrafts, ct);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        var parts = (JsonObject)latest.Parts.DeepClone();
        var count = 0;
        foreach (var (part, field) in new[] { ("Title", "title"), ("Summary", "summary"), ("MarkdownBody", "markdown") })
        {
            if (parts[part] is not JsonObject data || data[field] is not JsonValue v || !v.TryGetValue<string>(out var text)) continue;
            count += PersonalDataScanner.Scan(text).Count;
            data[field] = PersonalDataScanner.Mask(text, markdown: part == "MarkdownBody");
        }
        if (count == 0) throw new ValidationException([new("parts", "没有发现需要脱敏的个人信息。")]);
        return await content.SaveAsNewVersionAsync(itemId, parts, actor, "content.mask", $"脱敏 {count} 处个人信息", ct);
    }

    /// <summary>Copies an old version into a new draft.</summary>
    public async Task<ContentVersion> RestoreAsync(ClaimsPrincipal user, int itemId, int number, Actor actor, CancellationToken ct = default)
    {
        await AuthorizeAsync(user, itemId, Permission.WriteDrafts, ct);
        var old = await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == itemId && v.Number == number, ct)
            ?? throw new ValidationException([new("version", $"版本 {number} 不存在。")]);
        return await content.SaveAsNewVersionAsync(itemId, old.Parts, actor, "content.restore", $"由版本 {number} 恢复", ct);
    }

    /// <summary>Schedules a publish or unpublish at a Beijing-time moment.</summary>
    public async Task<ScheduledJob> ScheduleAsync(ClaimsPrincipal user, int itemId, ScheduledAction action, DateTimeOffset dueUtc, Actor actor, CancellationToken ct = default)
    {
        var item = await AuthorizeAsync(user, itemId, Permission.Publish, ct);
        if (dueUtc <= clock.GetUtcNow())
            throw new ValidationException([new("at", $"定时时间 {ShanghaiTime.PubDate(dueUtc)} 必须晚于当前时间。")]);
        foreach (var old in await db.ScheduledJobs.Where(j => j.ContentItemId == itemId && j.Action == action && j.State == ScheduledJobState.Pending).ToListAsync(ct))
            old.State = ScheduledJobState.Cancelled;
        var job = new ScheduledJob { SiteId = item.SiteId, ContentItemId = itemId, Action = action, DueUtc = dueUtc.ToUniversalTime(), State = ScheduledJobState.Pending, CreatedBy = actor.Name, CreatedUtc = clock.GetUtcNow() };
        db.ScheduledJobs.Add(job);
        await audit.AppendAsync(db, actor, "content.schedule", $"content:{itemId}", item.SiteId, $"{(action == ScheduledAction.Publish ? "定时发布" : "定时撤下")} {ShanghaiTime.PubDate(dueUtc)}", ct);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Runs a due job as the system (the job was authorised when it was scheduled); checks run again.</summary>
    public async Task RunJobAsync(ScheduledJob job, CancellationToken ct)
    {
        await EnterAsync(job.SiteId, ct);
        var actor = new Actor($"定时任务（{job.CreatedBy}）");
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == job.ContentItemId, ct)
            ?? throw new NotFoundException($"稿件 {job.ContentItemId} 不存在。");
        if (job.Action == ScheduledAction.Unpublish) await content.UnpublishAsync(item.Id, actor, ct);
        else await PublishReviewedAsync(item, null, null, actor, ct);
    }

    public async Task<int> LevelsAsync(int siteId, CancellationToken ct) =>
        await db.EditorialSettings.IgnoreQueryFilters().Where(s => s.SiteId == siteId).Select(s => (int?)s.ReviewLevels).FirstOrDefaultAsync(ct) ?? 1;

    public static string StageName(int level, int levels) => levels == 1 ? "审核" : level == 1 ? "初审" : "终审";

    private async Task PublishReviewedAsync(ContentItem item, DateTimeOffset? publishAt, string? backdateReason, Actor actor, CancellationToken ct)
    {
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (latest.State != VersionState.InReview)
            throw new ValidationException([new("state", $"只有通过审核的稿件可以发布，当前为“{Workflow.DisplayName(latest.State)}”。")]);
        var approvals = await db.ReviewRecords.CountAsync(r => r.VersionId == latest.Id && r.Action == ReviewAction.Approve, ct);
        var levels = await LevelsAsync(item.SiteId, ct);
        if (approvals < levels)
            throw new ValidationException([new("state", $"稿件尚未完成审核（需要 {levels} 级，已通过 {approvals} 级）。")]);
        await EnsurePublishableAsync(item, latest, publishAt, backdateReason, actor, ct);
        await db.SaveChangesAsync(ct);
        await content.PublishAsync(item.Id, actor, publishAt, ct);
    }

    /// <summary>Runs the checks again at publish time: required metadata always stops; personal data and sensitive words unless overridden; a back-date unless a reason is recorded now.</summary>
    private async Task EnsurePublishableAsync(ContentItem item, ContentVersion version, DateTimeOffset? publishAt, string? backdateReason, Actor actor, CancellationToken ct)
    {
        var findings = await checks.RunAsync(item, version, publishAt, clock.GetUtcNow(), ct);
        var overridden = await db.ReviewRecords.AnyAsync(r => r.VersionId == version.Id && r.Action == ReviewAction.OverrideChecks, ct);
        var stopping = findings.Where(f => f.Severity == CheckSeverity.Required
            || f.Severity == CheckSeverity.Blocking && f.Kind != CheckKinds.Backdate && !overridden
            || f.Kind == CheckKinds.Backdate && string.IsNullOrWhiteSpace(backdateReason)).ToList();
        if (stopping.Count > 0)
            throw new ChecksBlockedException($"发布前检查未通过（{stopping.Count} 项）。", findings);
        if (findings.Any(f => f.Kind == CheckKinds.Backdate))
        {
            db.ReviewRecords.Add(new ReviewRecord { SiteId = item.SiteId, ContentItemId = item.Id, VersionId = version.Id, Action = ReviewAction.AllowBackdate, Reviewer = actor.Name, Comment = backdateReason!.Trim(), Utc = clock.GetUtcNow() });
            await audit.AppendAsync(db, actor, "content.backdate", $"content:{item.Id}", item.SiteId, $"发布时间 {ShanghaiTime.PubDate(publishAt!.Value)}，理由：{backdateReason.Trim()}", ct);
        }
    }

    private async Task EnterAsync(int siteId, CancellationToken ct)
    {
        if (siteContext.SiteId == siteId) return;
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, ct);
        siteContext.Enter(site);
    }
}

/// <summary>Which level was approved of how many, and whether the item went live now.</summary>
public sealed record ReviewOutcome(int Level, int Levels, bool Published);
