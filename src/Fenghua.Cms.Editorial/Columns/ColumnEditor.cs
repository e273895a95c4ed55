using System.Text.RegularExpressions;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Gazette;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Theming.Caching;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Columns;

/// <summary>
/// 栏目管理: create, edit, reorder and delete the columns of one site. A column is always checked against that site
/// (another site's column is refused even when its id is posted). Paths never change once created, as published
/// addresses are built from them. Every change is audited, and the cached public pages (navigation, lists) are evicted.
/// </summary>
public sealed partial class ColumnEditor(CmsDbContext db, AuditLog audit, PublicPageCache pages)
{
    public const int MaxDepth = 4;
    public const int MaxName = 50;
    public const int MaxOrder = 9999;

    // Top-level paths the product's own endpoints answer (and content without a column lives under content/): a
    // column there would never be shown.
    private static readonly string[] Reserved = ["admin", "api", "content", "feeds", "healthz", "media", "search", "themes"];

    public async Task<List<Column>> AllAsync(Site site, CancellationToken ct) =>
        await db.CrossSite<Column>().AsNoTracking().Where(c => c.SiteId == site.Id).ToListAsync(ct);

    /// <summary>Items (not deleted) per column of the site.</summary>
    public async Task<Dictionary<int, int>> ItemCountsAsync(Site site, CancellationToken ct) =>
        (await db.CrossSite<ContentItem>().AsNoTracking().Where(i => i.SiteId == site.Id && !i.IsDeleted && i.ColumnId != null)
            .GroupBy(i => i.ColumnId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);

    /// <summary>The column, if it belongs to <paramref name="site"/>; another site's column is forbidden, a missing one not found.</summary>
    public async Task<Column> FindAsync(Site site, int id, CancellationToken ct)
    {
        var column = await db.CrossSite<Column>().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"栏目 {id} 不存在。");
        if (column.SiteId != site.Id) throw new ForbiddenException($"栏目 {id} 不属于“{site.Name}”，不能在此管理。");
        return column;
    }

    public async Task<Column> CreateAsync(Site site, ColumnInput input, Actor actor, CancellationToken ct)
    {
        var columns = await AllAsync(site, ct);
        var errors = new List<ValidationError>();
        Column? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = columns.FirstOrDefault(c => c.Id == parentId);
            if (parent is null) errors.Add(new("parent", "上级栏目不存在或不属于本站点。"));
            else if (parent.Kind == ColumnKind.Link) errors.Add(new("parent", $"“{parent.Name}”是链接栏目，不能有下级栏目。"));
            else if (parent.Depth + 1 >= MaxDepth) errors.Add(new("parent", $"栏目最多 {MaxDepth} 级。"));
        }
        var slug = input.Slug.Trim();
        var path = parent is null ? slug : parent.Path + "/" + slug;
        if (slug.Length == 0) errors.Add(new("slug", "请填写栏目标识（网址中的一段）。"));
        else if (!SlugPattern().IsMatch(slug))
            errors.Add(new("slug", $"栏目标识“{slug}”无效：只能使用小写字母、数字和连字符，以字母或数字开头，最多 40 位。"));
        else if (columns.Any(c => c.Path == path))
            errors.Add(new("slug", $"本站点已有路径为“{path}”的栏目。"));
        else if (parent is null && Reserved.Contains(slug))
            errors.Add(new("slug", $"“{slug}”是系统保留的网址，不能用作顶级栏目标识。"));
        else if (parent is null && site.PathPrefix.Length == 0
                 && await db.Sites.AsNoTracking().Where(s => s.PathPrefix == "/" + slug).Select(s => s.Name).FirstOrDefaultAsync(ct) is { } subSite)
            errors.Add(new("slug", $"“/{slug}”是子站点“{subSite}”的网址，不能用作顶级栏目标识。"));
        var column = new Column { SiteId = site.Id, ParentId = parent?.Id, Path = path };
        errors.AddRange(await ApplyAsync(column, input, null, ct));
        if (errors.Count > 0) throw new ValidationException(errors);
        column.Order = input.Order ?? columns.Where(c => c.ParentId == column.ParentId).Select(c => c.Order + 1).DefaultIfEmpty(0).Max();
        db.Columns.Add(column);
        await audit.AppendAsync(db, actor, "column.create", $"column:{column.Path}", site.Id, Describe(column), ct);
        await SaveAsync(ct);
        return column;
    }

    /// <summary>Edits everything but the path (slug and parent).</summary>
    public async Task<Column> UpdateAsync(Site site, int id, ColumnInput input, Actor actor, CancellationToken ct)
    {
        var column = await FindAsync(site, id, ct);
        var before = Describe(column);
        var errors = await ApplyAsync(column, input, await ItemTypesAsync(column, ct), ct);
        if (input.Kind == ColumnKind.Link && await db.CrossSite<Column>().CountAsync(c => c.SiteId == site.Id && c.ParentId == column.Id, ct) is > 0 and var children)
            errors.Add(new("kind", $"栏目有 {children} 个下级栏目，不能改为链接栏目。"));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new ValidationException(errors);
        }
        if (input.Order is { } order) column.Order = order;
        if (!db.ChangeTracker.HasChanges()) return column;
        var after = Describe(column);
        await audit.AppendAsync(db, actor, "column.update", $"column:{column.Path}", site.Id, after == before ? $"{after}：修改说明或单页正文" : $"{before} → {after}", ct);
        await SaveAsync(ct);
        return column;
    }

    /// <summary>Moves the column one place up or down among its siblings (the order of the navigation and side menus).</summary>
    public async Task MoveAsync(Site site, int id, bool up, Actor actor, CancellationToken ct)
    {
        var column = await FindAsync(site, id, ct);
        var siblings = await db.CrossSite<Column>().Where(c => c.SiteId == site.Id && c.ParentId == column.ParentId)
            .OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(ct);
        var at = siblings.FindIndex(c => c.Id == column.Id);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= siblings.Count)
            throw new ValidationException([new("order", $"“{column.Name}”已经排在{(up ? "最前" : "最后")}。")]);
        (siblings[at], siblings[to]) = (siblings[to], siblings[at]);
        // Renumbered 0..n-1: equal orders (recipes, older data) would otherwise make a swap a no-op.
        for (var i = 0; i < siblings.Count; i++) siblings[i].Order = i;
        await audit.AppendAsync(db, actor, "column.order", $"column:{column.Path}", site.Id,
            $"{(up ? "上移" : "下移")}：{string.Join("、", siblings.Select(c => c.Name))}", ct);
        await SaveAsync(ct);
    }

    /// <summary>
    /// Deletes an empty column: no sub-columns, no items (drafts included), no items shared to it by other sites (their
    /// record of 信息报送 points at it), and not the gazette's archive column. Anything else is refused with the counts.
    /// </summary>
    public async Task DeleteAsync(Site site, int id, Actor actor, CancellationToken ct)
    {
        var column = await FindAsync(site, id, ct);
        var reasons = new List<string>();
        var children = await db.CrossSite<Column>().CountAsync(c => c.SiteId == site.Id && c.ParentId == column.Id, ct);
        var items = await db.CrossSite<ContentItem>().CountAsync(i => i.SiteId == site.Id && i.ColumnId == column.Id && !i.IsDeleted, ct);
        var shares = await db.CrossSite<Data.Syndication.ContentShare>().CountAsync(s => s.ColumnId == column.Id, ct);
        if (items > 0) reasons.Add($"还有 {items} 篇稿件（请先用稿件列表的“移动到栏目”移走，或删除从未发布的草稿）");
        if (children > 0) reasons.Add($"还有 {children} 个下级栏目");
        if (shares > 0) reasons.Add($"有 {shares} 条其他站点的信息报送记录");
        if (column.Path == GazetteArchiveWriter.ColumnPath) reasons.Add("它是政府公报的存档栏目");
        if (reasons.Count > 0)
            throw new ValidationException([new("column", $"栏目“{column.Name}”不能删除：{string.Join("；", reasons)}。")]);
        db.Columns.Remove(column);
        await audit.AppendAsync(db, actor, "column.delete", $"column:{column.Path}", site.Id, Describe(column), ct);
        await SaveAsync(ct);
    }

    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.SinglePage => "单页",
        ColumnKind.Link => "链接",
        _ => "列表",
    };

    /// <summary>Copies the editable fields and checks them. <paramref name="itemTypes"/>: the types of the items already in the column.</summary>
    private async Task<List<ValidationError>> ApplyAsync(Column column, ColumnInput input, Dictionary<string, int>? itemTypes, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        var name = input.Name.Trim();
        if (name.Length == 0) errors.Add(new("name", "请填写栏目名称。"));
        else if (name.Length > MaxName) errors.Add(new("name", $"栏目名称最多 {MaxName} 个字。"));
        var types = await db.ContentTypes.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.DisplayName, ct);
        foreach (var t in input.ContentTypes.Where(t => !types.ContainsKey(t)))
            errors.Add(new("contentTypes", $"内容类型“{t}”不存在。"));
        var items = itemTypes?.Values.Sum() ?? 0;
        if (input.Kind != ColumnKind.List && items > 0)
            errors.Add(new("kind", $"栏目中有 {items} 篇稿件，不能改为{KindName(input.Kind)}栏目；请先移走稿件。"));
        if (input.Kind == ColumnKind.List && input.ContentTypes.Count > 0 && itemTypes is not null)
            foreach (var (type, count) in itemTypes.Where(x => !input.ContentTypes.Contains(x.Key)))
                errors.Add(new("contentTypes", $"栏目中还有 {count} 篇“{types.GetValueOrDefault(type, type)}”，不能取消收录该类型。"));
        var link = input.LinkUrl?.Trim();
        if (input.Kind == ColumnKind.Link && !IsLinkTarget(link))
            errors.Add(new("linkUrl", "链接栏目须填写链接地址，以 http://、https:// 或 / 开头。"));
        if (input.Order is < 0 or > MaxOrder) errors.Add(new("order", $"排序应为 0 到 {MaxOrder} 的整数。"));
        if (input.Description.Length > 500) errors.Add(new("description", "栏目说明最多 500 字。"));
        column.Name = name;
        column.Kind = input.Kind;
        column.ContentTypes = input.Kind == ColumnKind.List ? [.. input.ContentTypes.Distinct()] : [];
        column.LinkUrl = input.Kind == ColumnKind.Link ? link : null;
        column.PageMarkdown = input.Kind == ColumnKind.SinglePage ? input.PageMarkdown ?? "" : column.PageMarkdown;
        column.ShowInNavigation = input.ShowInNavigation;
        column.Description = input.Description.Trim();
        return errors;
    }

    private async Task<Dictionary<string, int>> ItemTypesAsync(Column column, CancellationToken ct) =>
        (await db.CrossSite<ContentItem>().AsNoTracking().Where(i => i.SiteId == column.SiteId && i.ColumnId == column.Id && !i.IsDeleted)
            .GroupBy(i => i.ContentType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);

    // A relative target stays on the site; only web schemes elsewhere (never javascript: or data:).
    private static bool IsLinkTarget(string? url) =>
        !string.IsNullOrEmpty(url) && (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps));

    private static string Describe(Column c) =>
        $"{c.Name}（{KindName(c.Kind)}{(c.ContentTypes.Count > 0 ? "：" + string.Join(",", c.ContentTypes) : "")}{(c.LinkUrl is { } l ? " " + l : "")}，排序 {c.Order}，{(c.ShowInNavigation ? "导航显示" : "导航隐藏")}）";

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        // Navigation, side menus and lists are on every cached page.
        await pages.EvictAllAsync(ct);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SlugPattern();
}
