using System.Globalization;
using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>The site's content with filters (column, type, state, author, date) and search by title or 文号.</summary>
public static class ContentListPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, ContentQuery query)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAdmin);
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
        var sb = new StringBuilder(Errors(errors));
        sb.Append($"<form method=\"get\" class=\"filters\" action=\"{H(Base(http))}/admin/content\">");
        sb.Append($"<label>标题或文号 <input name=\"q\" value=\"{H(q["q"])}\"></label>");
        sb.Append($"<label>栏目 <select name=\"column\"><option value=\"\">全部</option>{Options(columns.Select(x => (x.Id.ToString(CultureInfo.InvariantCulture), x.Path + " " + x.Name)), q["column"])}</select></label>");
        sb.Append($"<label>类型 <select name=\"type\"><option value=\"\">全部</option>{Options(types.Select(t => (t.Name, t.DisplayName)), q["type"])}</select></label>");
        sb.Append($"<label>状态 <select name=\"state\"><option value=\"\">全部</option>{Options(Enum.GetValues<VersionState>().Select(v => (v.ToString(), Workflow.DisplayName(v))), q["state"])}</select></label>");
        sb.Append($"<label>作者 <input name=\"author\" value=\"{H(q["author"])}\"></label>");
        sb.Append($"<label>修改日期从 <input type=\"date\" name=\"from\" value=\"{H(q["from"])}\"></label><label>到 <input type=\"date\" name=\"to\" value=\"{H(q["to"])}\"></label>");
        sb.Append("<button type=\"submit\">筛选</button></form>");
        sb.Append($"<p>共 {total} 篇。<a class=\"button\" href=\"{H(Base(http))}/admin/content/new\">写稿件</a></p>");
        sb.Append("<table class=\"list\"><thead><tr><th>标题</th><th>类型</th><th>栏目</th><th>状态</th><th>版本</th><th>作者</th><th>修改时间</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var col = columns.FirstOrDefault(x => x.Id == r.ColumnId);
            sb.Append($"<tr><td><a href=\"{H(Base(http))}/admin/content/{r.Id}\">{H(r.Title)}</a></td><td>{H(types.FirstOrDefault(t => t.Name == r.ContentType)?.DisplayName ?? r.ContentType)}</td>");
            sb.Append($"<td>{H(col?.Name)}</td><td class=\"state-{r.State.ToString().ToLowerInvariant()}\">{Workflow.DisplayName(r.State)}</td><td>{r.Version}</td><td>{H(r.Author)}</td><td>{ShanghaiTime.PubDate(r.ModifiedUtc)}</td></tr>");
        }
        sb.Append("</tbody></table>");
        var pages = Math.Max(1, (total + ContentFilter.PageSize - 1) / ContentFilter.PageSize);
        if (pages > 1)
        {
            var qs = string.Join("&", q.Where(kv => kv.Key != "page").Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}"));
            sb.Append("<p class=\"pager\">");
            if (page > 1) sb.Append($"<a href=\"?{H(qs)}&page={page - 1}\">上一页</a> ");
            sb.Append($"第 {page}/{pages} 页");
            if (page < pages) sb.Append($" <a href=\"?{H(qs)}&page={page + 1}\">下一页</a>");
            sb.Append("</p>");
        }
        return Page(http, $"稿件 · {site.Name}", sb.ToString());
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
