using System.Globalization;
using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// The site's content with filters (column, type, state, author, date), search by title or 文号, and bulk actions
/// (submit, unpublish, delete never-published drafts, move to a column) on the ticked items. Unpublish and delete
/// first show which items they would touch and act only on the confirmation's POST.
/// </summary>
public static class ContentListPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, ContentQuery query, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAdmin);
        return await RenderAsync(http, db, query, site, Notice(msg), null, [], 200);
    }

    /// <summary>Runs the chosen action on each ticked item and shows the list again with a per-item summary.</summary>
    public static async Task<IResult> BulkAsync(HttpContext http, CmsDbContext db, ContentQuery query, ContentBulkActions bulk, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAdmin);
        var errors = new List<(string Field, string Message)>();
        var ids = new List<int>();
        foreach (var raw in form["id"])
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) ids.Add(id);
            else errors.Add(("id", $"稿件编号“{raw}”无效。"));
        if (ids.Count == 0 && errors.Count == 0) errors.Add(("id", "请至少勾选一篇稿件。"));
        if (ids.Count > ContentBulkActions.MaxItems) errors.Add(("id", $"一次最多处理 {ContentBulkActions.MaxItems} 篇稿件。"));
        var chosen = ContentBulkActions.All.FirstOrDefault(a => a.Value == form["action"].ToString());
        if (chosen.Value is null) errors.Add(("action", "请选择批量操作。"));
        int? target = null;
        if (chosen.Action == BulkAction.Move && chosen.Value is not null)
        {
            if (int.TryParse(form["target"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && await db.Columns.AnyAsync(c => c.Id == t, http.RequestAborted)) target = t;
            else errors.Add(("target", "请选择本站点的目标栏目。"));
        }
        if (errors.Count > 0) return await RenderAsync(http, db, query, site, Errors(errors), form, ids.ToHashSet(), 400);
        if (ContentBulkActions.NeedsConfirmation(chosen.Action) && !ConfirmationForm.IsConfirmed(form))
            return await ConfirmAsync(http, bulk, site, chosen.Value!, chosen.Label, ids);

        var outcomes = await bulk.RunAsync(http.User, site, chosen.Action, ids, target, AdminEndpoints.Actor(http), http.RequestAborted);
        var failed = outcomes.Where(o => o.Error is not null).Select(o => o.ItemId).ToHashSet();
        return await RenderAsync(http, db, query, site, Notice(ContentBulkActions.Summary(chosen.Label, outcomes)), failed.Count > 0 ? form : null, failed, 200);
    }

    /// <summary>The list of what a destructive bulk action would touch, with the button that does it; nothing is changed here.</summary>
    private static async Task<IResult> ConfirmAsync(HttpContext http, ContentBulkActions bulk, Site site, string action, string label, List<int> ids)
    {
        var b = Base(http);
        var qs = FilterQuery(http.Request.Query);
        var targets = await bulk.PreviewAsync(site, ids, http.RequestAborted);
        var acting = targets.Count(t => t.Refusal is null);
        var sb = new StringBuilder($"<p>将对以下 {acting} 篇稿件执行“{H(label)}”{(action == "delete" ? "：删除后稿件从列表中消失，不能在后台恢复" : "：撤下后公开页面立即不能访问")}。请核对后确认。</p>");
        sb.Append("<table class=\"list confirm-items\"><thead><tr><th>编号</th><th>标题</th><th>状态</th><th>处理</th></tr></thead><tbody>");
        foreach (var t in targets)
        {
            var state = t.State is { } v ? Workflow.DisplayName(v) + (t.Published && v != VersionState.Published ? "（有已发布版本）" : "") : "—";
            sb.Append($"<tr data-item=\"{t.ItemId}\"{(t.Refusal is null ? "" : " class=\"refused\"")}><td>{t.ItemId}</td><td>{H(t.Title ?? "")}</td><td>{state}</td>");
            sb.Append($"<td>{(t.Refusal is null ? H(label) : "不处理：" + H(t.Refusal))}</td></tr>");
        }
        sb.Append("</tbody></table>");
        var list = $"{b}/admin/content{(qs.Length > 0 ? "?" + qs : "")}";
        if (acting == 0) sb.Append($"<p class=\"warning\">勾选的稿件都不能在此处理。</p><p><a href=\"{H(list)}\">返回稿件列表</a></p>");
        else
        {
            sb.Append("<p class=\"muted\">每篇仍按单篇操作的规则检查权限和状态，未能处理的会在结果中逐篇说明。</p>");
            sb.Append(ConfirmationForm.Render(http, $"{b}/admin/content/bulk{(qs.Length > 0 ? "?" + qs : "")}",
                ids.Select(id => ("id", id.ToString(CultureInfo.InvariantCulture))).Prepend(("action", action)), $"确认{label}这 {acting} 篇稿件", list, "取消，返回稿件列表"));
        }
        return Page(http, $"确认{label} · {site.Name}", sb.ToString());
    }

    /// <summary>The list's filters as a query string, so actions come back to the same list.</summary>
    private static string FilterQuery(IQueryCollection q) =>
        string.Join("&", q.Where(kv => kv.Key is not ("page" or "msg")).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}"));

    private static async Task<IResult> RenderAsync(HttpContext http, CmsDbContext db, ContentQuery query, Site site, string top, IFormCollection? typed, HashSet<int> ticked, int status)
    {
        var q = http.Request.Query;
        var errors = new List<(string, string)>();
        int? column = int.TryParse(q["column"], out var c) ? c : null;
        VersionState? state = Enum.TryParse<VersionState>(q["state"], out var s) ? s : null;
        DateOnly? from = Date(q["from"], "from", errors), to = Date(q["to"], "to", errors);
        var page = int.TryParse(q["page"], out var p) && p > 0 ? p : 1;
        var (rows, total) = await query.ListAsync(new ContentFilter(site.Id)
        {
            ColumnId = column, ContentType = Empty(q["type"]), State = state, Author = Empty(q["author"]), From = from, To = to, Search = Empty(q["q"]), Page = page,
        }, http.RequestAborted);
        var columns = await db.Columns.AsNoTracking().OrderBy(x => x.Path).ToListAsync(http.RequestAborted);
        var types = await db.ContentTypes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(http.RequestAborted);
        var b = H(Base(http));
        var qs = FilterQuery(q);
        var sb = new StringBuilder(top).Append(Errors(errors));
        sb.Append($"<form method=\"get\" class=\"filters\" action=\"{b}/admin/content\">");
        sb.Append($"<label>标题或文号 <input name=\"q\" value=\"{H(q["q"])}\"></label>");
        sb.Append($"<label>栏目 <select name=\"column\"><option value=\"\">全部</option>{Options(columns.Select(x => (x.Id.ToString(CultureInfo.InvariantCulture), x.Path + " " + x.Name)), q["column"])}</select></label>");
        sb.Append($"<label>类型 <select name=\"type\"><option value=\"\">全部</option>{Options(types.Select(t => (t.Name, t.DisplayName)), q["type"])}</select></label>");
        sb.Append($"<label>状态 <select name=\"state\"><option value=\"\">全部</option>{Options(Enum.GetValues<VersionState>().Select(v => (v.ToString(), Workflow.DisplayName(v))), q["state"])}</select></label>");
        sb.Append($"<label>作者 <input name=\"author\" value=\"{H(q["author"])}\"></label>");
        sb.Append($"<label>修改日期从 <input type=\"date\" name=\"from\" value=\"{H(q["from"])}\"></label><label>到 <input type=\"date\" name=\"to\" value=\"{H(q["to"])}\"></label>");
        sb.Append("<button type=\"submit\">筛选</button></form>");
        sb.Append($"<p>共 {total} 篇。<a class=\"button\" href=\"{b}/admin/content/new\">写稿件</a></p>");

        // The bulk form keeps the filters in its address, so the list comes back the same after the action.
        sb.Append($"<form method=\"post\" action=\"{b}/admin/content/bulk{(qs.Length > 0 ? "?" + H(qs) : "")}\" class=\"bulk\">{Antiforgery(http)}");
        sb.Append($"<p class=\"filters\"><label>对勾选的稿件 <select name=\"action\"><option value=\"\">选择批量操作</option>{Options(ContentBulkActions.All.Select(a => (a.Value, a.Label)), typed?["action"])}</select></label>");
        sb.Append($"<label>目标栏目（移动时） <select name=\"target\"><option value=\"\">—</option>{Options(columns.Where(x => x.Kind == ColumnKind.List).Select(x => (x.Id.ToString(CultureInfo.InvariantCulture), x.Path + " " + x.Name)), typed?["target"])}</select></label>");
        sb.Append("<button type=\"submit\">执行</button> <small class=\"muted\">删除草稿只适用于从未发布的草稿；已发布的稿件请撤下。撤下和删除会先列出所涉稿件，确认后才执行。</small></p>");
        sb.Append("<table class=\"list\"><thead><tr><th><span class=\"visually-hidden\">选择</span></th><th>标题</th><th>类型</th><th>栏目</th><th>状态</th><th>版本</th><th>作者</th><th>修改时间</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var col = columns.FirstOrDefault(x => x.Id == r.ColumnId);
            sb.Append($"<tr><td><input type=\"checkbox\" name=\"id\" value=\"{r.Id}\"{(ticked.Contains(r.Id) ? " checked" : "")} aria-label=\"选择 {H(r.Title)}\"></td>");
            sb.Append($"<td><a href=\"{b}/admin/content/{r.Id}\">{H(r.Title)}</a></td><td>{H(types.FirstOrDefault(t => t.Name == r.ContentType)?.DisplayName ?? r.ContentType)}</td>");
            sb.Append($"<td>{H(col?.Name)}</td><td class=\"state-{r.State.ToString().ToLowerInvariant()}\">{Workflow.DisplayName(r.State)}</td><td>{r.Version}</td><td>{H(r.Author)}</td><td>{ShanghaiTime.PubDate(r.ModifiedUtc)}</td></tr>");
        }
        sb.Append("</tbody></table></form>");
        var pages = Math.Max(1, (total + ContentFilter.PageSize - 1) / ContentFilter.PageSize);
        if (pages > 1)
        {
            var list = $"{Base(http)}/admin/content?{qs}{(qs.Length > 0 ? "&" : "")}page=";
            sb.Append("<p class=\"pager\">");
            if (page > 1) sb.Append($"<a href=\"{H(list)}{page - 1}\">上一页</a> ");
            sb.Append($"第 {page}/{pages} 页");
            if (page < pages) sb.Append($" <a href=\"{H(list)}{page + 1}\">下一页</a>");
            sb.Append("</p>");
        }
        return Page(http, $"稿件 · {site.Name}", sb.ToString(), status);
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? Date(string? s, string field, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add((field, $"日期“{s}”无效：应为 YYYY-MM-DD。"));
        return null;
    }
}
