using System.Security.Claims;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Review;

public enum BulkAction { Submit, Unpublish, DeleteDraft, Move }

/// <summary>One item's result: null <see cref="Error"/> is success. <see cref="Title"/> is null for items the user may not see.</summary>
public sealed record BulkOutcome(int ItemId, string? Title, string? Error);

/// <summary>One ticked item as the confirmation page lists it: <see cref="Refusal"/> set means it will not be touched.</summary>
public sealed record BulkTarget(int ItemId, string? Title, VersionState? State, bool Published, string? Refusal);

/// <summary>
/// The content list's bulk actions. Each item goes through the same <see cref="EditorialWorkflow"/> call, permission
/// check and audit entry as the single-item button; one item's refusal does not stop the others. Items of another site
/// than the list's are refused whatever the user's rights there, as the list only offered this site's.
/// </summary>
public sealed class ContentBulkActions(CmsDbContext db, EditorialWorkflow workflow)
{
    public const int MaxItems = 100;

    public static readonly (string Value, BulkAction Action, string Label)[] All =
    [
        ("submit", BulkAction.Submit, "提交审核"), ("unpublish", BulkAction.Unpublish, "撤下"),
        ("delete", BulkAction.DeleteDraft, "删除草稿"), ("move", BulkAction.Move, "移动到栏目"),
    ];

    /// <summary>Actions that take content off the site or remove it: these wait for a confirmation listing the items.</summary>
    public static bool NeedsConfirmation(BulkAction action) => action is BulkAction.Unpublish or BulkAction.DeleteDraft;

    /// <summary>
    /// What a confirmed run would touch, read without changing anything. Foreign and missing ids are named as refused
    /// with no title, exactly as <see cref="RunAsync"/> will refuse them; the workflow's own rules are left to the run.
    /// </summary>
    public async Task<List<BulkTarget>> PreviewAsync(Site site, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var targets = new List<BulkTarget>();
        foreach (var id in ids.Distinct())
        {
            var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && !i.IsDeleted, ct);
            if (item is null) { targets.Add(new(id, null, null, false, "稿件不存在。")); continue; }
            if (item.SiteId != site.Id) { targets.Add(new(id, null, null, false, $"不属于“{site.Name}”，不会处理。")); continue; }
            var state = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => v.Id == item.LatestVersionId).Select(v => (VersionState?)v.State).FirstOrDefaultAsync(ct);
            targets.Add(new(id, item.Title, state, item.PublishedVersionId is not null, null));
        }
        return targets;
    }

    public async Task<List<BulkOutcome>> RunAsync(ClaimsPrincipal user, Site site, BulkAction action, IReadOnlyList<int> ids, int? columnId, Actor actor, CancellationToken ct)
    {
        var outcomes = new List<BulkOutcome>();
        foreach (var id in ids.Distinct())
        {
            var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && !i.IsDeleted, ct);
            if (item is null) { outcomes.Add(new(id, null, "稿件不存在。")); continue; }
            if (item.SiteId != site.Id) { outcomes.Add(new(id, null, $"不属于“{site.Name}”，未处理。")); continue; }
            try
            {
                switch (action)
                {
                    case BulkAction.Submit: await workflow.SubmitAsync(user, id, leaveToReviewer: false, actor, ct); break;
                    case BulkAction.Unpublish: await workflow.UnpublishAsync(user, id, actor, ct); break;
                    case BulkAction.DeleteDraft: await workflow.DeleteDraftAsync(user, id, actor, ct); break;
                    case BulkAction.Move: await workflow.MoveAsync(user, id, columnId ?? 0, actor, ct); break;
                }
                outcomes.Add(new(id, item.Title, null));
            }
            catch (Exception e) when (e is ValidationException or ChecksBlockedException or ForbiddenException or NotFoundException)
            {
                // Nothing half-done of this item may ride along with the next one's SaveChanges.
                db.ChangeTracker.Clear();
                outcomes.Add(new(id, item.Title, Reason(e)));
            }
        }
        return outcomes;
    }

    /// <summary>"提交审核：3 项成功，1 项未能：稿件 12《…》：原因".</summary>
    public static string Summary(string label, IReadOnlyList<BulkOutcome> outcomes)
    {
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        var text = $"{label}：{outcomes.Count - failed.Count} 项成功";
        if (failed.Count == 0) return text + "。";
        return text + $"，{failed.Count} 项未能：" + string.Join("；", failed.Select(f => $"稿件 {f.ItemId}{(f.Title is null ? "" : $"《{f.Title}》")}：{f.Error!.TrimEnd('。')}")) + "。";
    }

    private static string Reason(Exception e) => e switch
    {
        ValidationException v => string.Join("；", v.Errors.Select(x => x.Message.TrimEnd('。'))),
        ChecksBlockedException c => c.Message.TrimEnd('。') + "（" + string.Join("；", c.Findings.Where(f => f.Severity != Checks.CheckSeverity.Warning).Take(3).Select(f => f.Message.TrimEnd('。'))) + "）",
        _ => e.Message.TrimEnd('。'),
    };
}
