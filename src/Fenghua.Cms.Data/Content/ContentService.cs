using System.Text.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Documents;
using Fenghua.Cms.Core.Outbox;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Content;

/// <summary>
/// Creates, edits and moves content through its states. Each change is one transaction that also
/// writes the audit entry and the outbox record; observers run after the commit.
/// </summary>
public sealed class ContentService(CmsDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IContentObserver> observers, Outbox.OutboxSignal signal)
{
    private readonly PartCatalog _parts = PartCatalog.Default;

    public async Task<ContentItem> CreateAsync(ContentDraft draft, Actor actor, CancellationToken ct = default)
    {
        var type = await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == draft.ContentType, ct)
            ?? throw new ValidationException([new("contentType", $"内容类型“{draft.ContentType}”不存在。")]);
        var errors = new List<ValidationError>();
        if (draft.Slug is { } slug && !ContentSlug.IsValid(slug))
            errors.Add(new("slug", $"网址别名“{slug}”无效：只能使用小写字母、数字和连字符，最多 80 位。"));
        if (draft.ColumnId is { } columnId)
        {
            var column = await db.CrossSite<Core.Columns.Column>().FirstOrDefaultAsync(c => c.Id == columnId, ct);
            if (column is null || column.SiteId != draft.SiteId)
                errors.Add(new("column", "栏目不存在或不属于本站点。"));
            else if (column.ContentTypes.Count > 0 && !column.ContentTypes.Contains(type.Name))
                errors.Add(new("column", $"栏目“{column.Name}”不收录“{type.DisplayName}”类型的内容。"));
        }
        var parts = (JsonObject)draft.Parts.DeepClone();
        errors.AddRange(_parts.Check(type, parts));
        if (errors.Count > 0) throw new ValidationException(errors);

        var now = clock.GetUtcNow();
        var title = parts["Title"]?["title"]?.GetValue<string>() ?? "";
        var item = new ContentItem
        {
            SiteId = draft.SiteId, ContentType = type.Name, ColumnId = draft.ColumnId,
            Slug = draft.Slug ?? "", CreatedBy = actor.Name, CreatedUtc = now, ModifiedUtc = now, Title = title,
        };
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        db.ContentItems.Add(item);
        await db.SaveChangesAsync(ct);
        if (item.Slug.Length == 0) item.Slug = item.Id.ToString();
        var version = new ContentVersion
        {
            SiteId = item.SiteId, ContentItemId = item.Id, Number = 1, State = VersionState.Draft,
            Title = title, Parts = parts, Author = actor.Name, CreatedUtc = now,
        };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync(ct);
        item.LatestVersionId = version.Id;
        await audit.AppendAsync(db, actor, "content.create", $"content:{item.Id}", item.SiteId, $"{type.Name} 《{title}》", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return item;
    }

    /// <summary>Saves parts as the latest draft: edits the draft in place, or starts a new version after a published or in-review one.</summary>
    public async Task<ContentVersion> SaveDraftAsync(int itemId, JsonObject parts, Actor actor, CancellationToken ct = default)
    {
        var item = await FindAsync(itemId, ct);
        var type = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, ct);
        var data = (JsonObject)parts.DeepClone();
        var errors = _parts.Check(type, data);
        if (errors.Count > 0) throw new ValidationException(errors);

        var latest = await db.ContentVersions.FirstAsync(v => v.Id == item.LatestVersionId, ct);
        var now = clock.GetUtcNow();
        var title = data["Title"]?["title"]?.GetValue<string>() ?? "";
        ContentVersion draft;
        if (latest.State == VersionState.Draft)
        {
            draft = latest;
            draft.Parts = data;
            draft.Title = title;
            draft.Author = actor.Name;
        }
        else
        {
            draft = new ContentVersion
            {
                SiteId = item.SiteId, ContentItemId = item.Id, Number = latest.Number + 1, State = VersionState.Draft,
                Title = title, Parts = data, Author = actor.Name, CreatedUtc = now,
            };
            db.ContentVersions.Add(draft);
        }
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        await db.SaveChangesAsync(ct);
        item.LatestVersionId = draft.Id;
        item.ModifiedUtc = now;
        item.Title = title;
        await audit.AppendAsync(db, actor, "content.save", $"content:{item.Id}", item.SiteId, $"版本 {draft.Number}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }

    /// <summary>
    /// Saves parts as a new draft version even when the latest is a draft (masking personal data, restoring an
    /// old version): the version it replaces stays in the history unchanged.
    /// </summary>
    public async Task<ContentVersion> SaveAsNewVersionAsync(int itemId, JsonObject parts, Actor actor, string action, string details, CancellationToken ct = default)
    {
        var item = await FindAsync(itemId, ct);
        var type = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, ct);
        var data = (JsonObject)parts.DeepClone();
        var errors = _parts.Check(type, data);
        if (errors.Count > 0) throw new ValidationException(errors);
        var number = await db.ContentVersions.Where(v => v.ContentItemId == item.Id).MaxAsync(v => v.Number, ct);
        var now = clock.GetUtcNow();
        var title = data["Title"]?["title"]?.GetValue<string>() ?? "";
        var draft = new ContentVersion
        {
            SiteId = item.SiteId, ContentItemId = item.Id, Number = number + 1, State = VersionState.Draft,
            Title = title, Parts = data, Author = actor.Name, CreatedUtc = now,
        };
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        db.ContentVersions.Add(draft);
        await db.SaveChangesAsync(ct);
        item.LatestVersionId = draft.Id;
        item.ModifiedUtc = now;
        item.Title = title;
        await audit.AppendAsync(db, actor, action, $"content:{item.Id}", item.SiteId, $"版本 {draft.Number}：{details}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }

    public Task SubmitAsync(int itemId, Actor actor, CancellationToken ct = default) =>
        MoveLatestAsync(itemId, VersionState.InReview, "content.submit", actor, ct);

    public Task SendBackAsync(int itemId, string comment, Actor actor, CancellationToken ct = default) =>
        MoveLatestAsync(itemId, VersionState.Draft, "content.reject", actor, ct, comment);

    /// <summary>Publishes the latest version; the previously published one is archived.</summary>
    public async Task PublishAsync(int itemId, Actor actor, DateTimeOffset? publishedAt = null, CancellationToken ct = default)
    {
        var item = await FindAsync(itemId, ct);
        var latest = await db.ContentVersions.FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (!Workflow.CanMove(latest.State, VersionState.Published))
            throw new ValidationException([new("state", $"当前状态“{Workflow.DisplayName(latest.State)}”的版本不能发布。")]);
        var now = clock.GetUtcNow();
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        if (item.PublishedVersionId is { } previousId && previousId != latest.Id)
        {
            var previous = await db.ContentVersions.FirstAsync(v => v.Id == previousId, ct);
            previous.State = VersionState.Archived;
        }
        latest.State = VersionState.Published;
        // The first publication fixes the date shown on the page; later edits keep it (a changed date is a serious error in inspections).
        latest.PublishedUtc = (publishedAt ?? item.PublishedUtc ?? now).ToUniversalTime();
        item.PublishedVersionId = latest.Id;
        item.PublishedUtc = latest.PublishedUtc;
        item.Title = latest.Title;
        item.ModifiedUtc = now;
        await IssuePathAsync(item, ct);
        await ProjectAsync(item, latest, ct);
        AddOutbox(OutboxKinds.ContentPublished, item);
        await audit.AppendAsync(db, actor, "content.publish", $"content:{item.Id}", item.SiteId, $"版本 {latest.Number} 《{latest.Title}》", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await NotifyAsync(item, ct);
    }

    public async Task UnpublishAsync(int itemId, Actor actor, CancellationToken ct = default)
    {
        var item = await FindAsync(itemId, ct);
        if (item.PublishedVersionId is not { } publishedId)
            throw new ValidationException([new("state", "该稿件尚未发布。")]);
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        var published = await db.ContentVersions.FirstAsync(v => v.Id == publishedId, ct);
        published.State = VersionState.Archived;
        item.PublishedVersionId = null;
        item.ModifiedUtc = clock.GetUtcNow();
        await RemoveProjectionsAsync(item.Id, ct);
        AddOutbox(OutboxKinds.ContentUnpublished, item);
        await audit.AppendAsync(db, actor, "content.unpublish", $"content:{item.Id}", item.SiteId, $"《{item.Title}》", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await NotifyAsync(item, ct);
    }

    /// <summary>
    /// Puts the item in another list column of its site that accepts its type. A published item gets its new
    /// address at once ({column}/{year}/{slug}); the old one keeps redirecting, as after a slug change.
    /// </summary>
    public async Task MoveToColumnAsync(int itemId, int columnId, Actor actor, CancellationToken ct = default)
    {
        var item = await FindAsync(itemId, ct);
        var column = await db.CrossSite<Core.Columns.Column>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == columnId, ct);
        if (column is null || column.SiteId != item.SiteId)
            throw new ValidationException([new("column", "目标栏目不存在或不属于稿件所在站点。")]);
        if (column.Kind != Core.Columns.ColumnKind.List)
            throw new ValidationException([new("column", $"栏目“{column.Name}”不是列表栏目，不能放入稿件。")]);
        var type = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, ct);
        if (column.ContentTypes.Count > 0 && !column.ContentTypes.Contains(type.Name))
            throw new ValidationException([new("column", $"栏目“{column.Name}”不收录“{type.DisplayName}”类型的内容。")]);
        if (item.ColumnId == column.Id)
            throw new ValidationException([new("column", $"稿件已在栏目“{column.Name}”中。")]);
        var from = item.ColumnId is { } old
            ? await db.CrossSite<Core.Columns.Column>().Where(c => c.Id == old).Select(c => c.Path).FirstOrDefaultAsync(ct) ?? "?"
            : "（无栏目）";
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        item.ColumnId = column.Id;
        item.ModifiedUtc = clock.GetUtcNow();
        var published = item.PublishedVersionId is not null;
        if (published)
        {
            await IssuePathAsync(item, ct);
            // Search, feeds and caches follow publications; pushes are keyed by round, so this pushes nothing again.
            AddOutbox(OutboxKinds.ContentPublished, item);
        }
        await audit.AppendAsync(db, actor, "content.move", $"content:{item.Id}", item.SiteId, $"{from} → {column.Path}{(published ? $"，新网址 /{item.PublicPath}" : "")}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (published) await NotifyAsync(item, ct);
    }

    /// <summary>
    /// Deletes an item that was never published and whose latest version is a draft. The rows stay (soft delete) so
    /// the audit trail's references resolve; published or once-published items are withdrawn with unpublish instead,
    /// as their address and date are part of the public record.
    /// </summary>
    public async Task DeleteDraftAsync(int itemId, Actor actor, CancellationToken ct = default)
    {
        var item = await FindAsync(itemId, ct);
        var states = await db.ContentVersions.Where(v => v.ContentItemId == item.Id).Select(v => v.State).ToListAsync(ct);
        if (item.PublicPath is not null || item.PublishedVersionId is not null || states.Any(s => s is VersionState.Published or VersionState.Archived))
            throw new ValidationException([new("state", "稿件曾经发布，不能删除；如需下线请用“撤下”。")]);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (latest.State != VersionState.Draft)
            throw new ValidationException([new("state", $"只有草稿可以删除，当前为“{Workflow.DisplayName(latest.State)}”；审核中的稿件请先退回。")]);
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        item.IsDeleted = true;
        item.ModifiedUtc = clock.GetUtcNow();
        AddOutbox(OutboxKinds.ContentDeleted, item);
        await audit.AppendAsync(db, actor, "content.delete", $"content:{item.Id}", item.SiteId, $"《{item.Title}》（从未发布，共 {states.Count} 个版本）", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Changes the readable slug; the next publication issues a new path and the old one redirects.</summary>
    public async Task ChangeSlugAsync(int itemId, string slug, Actor actor, CancellationToken ct = default)
    {
        if (!ContentSlug.IsValid(slug))
            throw new ValidationException([new("slug", $"网址别名“{slug}”无效：只能使用小写字母、数字和连字符，最多 80 位。")]);
        var item = await FindAsync(itemId, ct);
        var old = item.Slug;
        item.Slug = slug;
        await audit.AppendAsync(db, actor, "content.slug", $"content:{item.Id}", item.SiteId, $"{old} → {slug}", ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<ContentItem> FindAsync(int itemId, CancellationToken ct) =>
        await db.ContentItems.FirstOrDefaultAsync(i => i.Id == itemId, ct)
        ?? throw new ValidationException([new("id", $"稿件 {itemId} 不存在。")]);

    private async Task MoveLatestAsync(int itemId, VersionState to, string action, Actor actor, CancellationToken ct, string details = "")
    {
        var item = await FindAsync(itemId, ct);
        var latest = await db.ContentVersions.FirstAsync(v => v.Id == item.LatestVersionId, ct);
        if (!Workflow.CanMove(latest.State, to))
            throw new ValidationException([new("state", $"不能从“{Workflow.DisplayName(latest.State)}”变为“{Workflow.DisplayName(to)}”。")]);
        latest.State = to;
        item.ModifiedUtc = clock.GetUtcNow();
        await audit.AppendAsync(db, actor, action, $"content:{item.Id}", item.SiteId, details, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Issues {column}/{year}/{slug} once; a later change adds a new canonical path and keeps the old one as a redirect.</summary>
    private async Task IssuePathAsync(ContentItem item, CancellationToken ct)
    {
        var columnPath = item.ColumnId is { } cid
            ? await db.CrossSite<Core.Columns.Column>().Where(c => c.Id == cid).Select(c => c.Path).FirstAsync(ct)
            : "content";
        var year = ShanghaiTime.ToLocal(item.PublishedUtc!.Value).Year;
        var path = $"{columnPath}/{year}/{item.Slug}";
        if (item.PublicPath == path) return;
        var routes = await db.CrossSite<ContentRoute>().Where(r => r.SiteId == item.SiteId && (r.ContentItemId == item.Id || r.Path == path)).ToListAsync(ct);
        if (routes.Any(r => r.Path == path && r.ContentItemId != item.Id))
            throw new ValidationException([new("slug", $"网址 /{path} 已被其他稿件使用，请更换网址别名。")]);
        foreach (var r in routes) r.IsCanonical = r.Path == path;
        if (!routes.Any(r => r.Path == path))
            db.ContentRoutes.Add(new ContentRoute { SiteId = item.SiteId, ContentItemId = item.Id, Path = path, IsCanonical = true, CreatedUtc = clock.GetUtcNow() });
        item.PublicPath = path;
    }

    private async Task ProjectAsync(ContentItem item, ContentVersion version, CancellationToken ct)
    {
        await RemoveProjectionsAsync(item.Id, ct);
        if (version.Part("GovDocument") is { } doc)
        {
            var raw = doc.Str("documentNumber");
            DocumentNumber.TryParse(raw, out var number);
            doc.TryDate("writtenDate", out var written);
            db.DocumentIndex.Add(new DocumentIndexEntry
            {
                ContentItemId = item.Id, SiteId = item.SiteId, DocumentNumber = raw,
                DocumentNumberCanonical = number?.Canonical, IssuerCode = number?.IssuerCode, Year = number?.Year, Sequence = number?.Sequence,
                IndexNumber = doc.Str("indexNumber"), Issuer = doc.Str("issuer"), WrittenDate = written,
                Topic = doc.Str("topic"), Validity = doc.Str("validity"),
            });
        }
        if (version.Part("Interpretation")?.Int("policyId") is { } policyId)
            db.InterpretationLinks.Add(new InterpretationLink { InterpretationItemId = item.Id, PolicyItemId = policyId, SiteId = item.SiteId });
    }

    private async Task RemoveProjectionsAsync(int itemId, CancellationToken ct)
    {
        db.DocumentIndex.RemoveRange(await db.CrossSite<DocumentIndexEntry>().Where(d => d.ContentItemId == itemId).ToListAsync(ct));
        db.InterpretationLinks.RemoveRange(await db.CrossSite<InterpretationLink>().Where(l => l.InterpretationItemId == itemId).ToListAsync(ct));
    }

    private void AddOutbox(string kind, ContentItem item) => db.Outbox.Add(new OutboxMessage
    {
        Kind = kind, SiteId = item.SiteId, ContentItemId = item.Id, CreatedUtc = clock.GetUtcNow(),
        Payload = JsonSerializer.Serialize(new { item.Id, item.ContentType, item.PublicPath }),
    });

    private async Task NotifyAsync(ContentItem item, CancellationToken ct)
    {
        signal.Notify();
        foreach (var o in observers) await o.ContentChangedAsync(item, ct);
    }
}
