using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>Version history: every version, a readable line diff between any two, restore as a new draft.</summary>
public static class HistoryPage
{
    public static async Task<IResult> ShowAsync(int id, HttpContext http, CmsDbContext db, EditorialWorkflow wf, int? a, int? b)
    {
        var item = await wf.AuthorizeAsync(http.User, id, Permission.ViewAdmin, http.RequestAborted);
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.ContentItemId == id).OrderByDescending(v => v.Number).ToListAsync(http.RequestAborted);
        var newer = versions.FirstOrDefault(v => v.Number == b) ?? versions[0];
        var older = versions.FirstOrDefault(v => v.Number == a) ?? versions.Skip(1).FirstOrDefault() ?? newer;
        var sb = new StringBuilder($"<p><a href=\"{H(Base(http))}/admin/content/{id}\">返回编辑</a></p>");
        sb.Append($"<form method=\"get\" class=\"filters\"><label>比较 <select name=\"a\">{Options(versions.Select(v => (v.Number.ToString(), $"版本 {v.Number}")), older.Number.ToString())}</select></label>");
        sb.Append($"<label>与 <select name=\"b\">{Options(versions.Select(v => (v.Number.ToString(), $"版本 {v.Number}")), newer.Number.ToString())}</select></label><button type=\"submit\">比较</button></form>");
        sb.Append("<table class=\"list\"><thead><tr><th>版本</th><th>状态</th><th>作者</th><th>时间</th><th>标题</th><th></th></tr></thead><tbody>");
        foreach (var v in versions)
        {
            sb.Append($"<tr><td>{v.Number}</td><td>{Workflow.DisplayName(v.State)}</td><td>{H(v.Author)}</td><td>{ShanghaiTime.PubDate(v.CreatedUtc)}</td><td>{H(v.Title)}</td><td>");
            sb.Append($"<form method=\"post\" action=\"{H(Base(http))}/admin/content/{id}/do/restore\">{Antiforgery(http)}<input type=\"hidden\" name=\"version\" value=\"{v.Number}\"><button type=\"submit\">恢复为新草稿</button></form></td></tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append($"<h2>版本 {older.Number} → 版本 {newer.Number}</h2><pre class=\"diff\">");
        foreach (var (op, line) in LineDiff.Compare(Readable(older), Readable(newer)))
        {
            var (cls, mark) = op switch { LineDiff.Op.Added => ("add", "+ "), LineDiff.Op.Removed => ("del", "- "), _ => ("same", "  ") };
            sb.Append($"<span class=\"{cls}\">{mark}{H(line)}</span>\n");
        }
        sb.Append("</pre>");
        return Page(http, $"版本历史：{item.Title}", sb.ToString());
    }

    /// <summary>The version as people read it: one "field: value" line per metadata field, then the body's lines.</summary>
    public static string Readable(ContentVersion v)
    {
        var sb = new StringBuilder();
        foreach (var (part, node) in v.Parts)
        {
            if (node is not System.Text.Json.Nodes.JsonObject data) continue;
            foreach (var (field, value) in data)
            {
                if (part == "MarkdownBody" && field == "markdown") continue;
                sb.Append(part).Append('.').Append(field).Append("：").Append(value?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).Append('\n');
            }
        }
        sb.Append("—— 正文 ——\n").Append(v.PartString("MarkdownBody", "markdown"));
        return sb.ToString();
    }
}
