using System.Globalization;
using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Columns;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>栏目: the site's column tree with item counts; create, edit, reorder, delete when empty.</summary>
public static class ColumnsPage
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/columns", ShowAsync);
        admin.MapPost("/columns", CreateAsync);
        admin.MapGet("/columns/{id:int}", EditAsync);
        admin.MapPost("/columns/{id:int}", UpdateAsync);
        admin.MapPost("/columns/{id:int}/move", MoveAsync);
        admin.MapGet("/columns/{id:int}/delete", ConfirmDeleteAsync);
        admin.MapPost("/columns/{id:int}/delete", DeleteAsync);
    }

    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, ColumnEditor editor, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        return await TreeAsync(http, db, editor, site, Notice(msg), new ColumnForm(), [], 200);
    }

    public static async Task<IResult> CreateAsync(HttpContext http, CmsDbContext db, ColumnEditor editor, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        var typed = ColumnForm.Of(form);
        try
        {
            var column = await editor.CreateAsync(site, typed.Read(), AdminEndpoints.Actor(http), http.RequestAborted);
            return Done(http, $"已新建栏目“{column.Name}”（/{column.Path}）。");
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            var errors = AdminEndpoints.ErrorsOf(e);
            return await TreeAsync(http, db, editor, site, Errors(errors), typed, errors.Select(x => x.Field).ToHashSet(), 400);
        }
    }

    public static async Task<IResult> EditAsync(int id, HttpContext http, CmsDbContext db, ColumnEditor editor)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        var column = await editor.FindAsync(site, id, http.RequestAborted);
        return await EditFormAsync(http, db, editor, site, column, ColumnForm.Of(column), [], 200);
    }

    public static async Task<IResult> UpdateAsync(int id, HttpContext http, CmsDbContext db, ColumnEditor editor, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        var typed = ColumnForm.Of(form);
        try
        {
            var column = await editor.UpdateAsync(site, id, typed.Read(), AdminEndpoints.Actor(http), http.RequestAborted);
            return Done(http, $"已保存栏目“{column.Name}”。");
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            var column = await editor.FindAsync(site, id, http.RequestAborted);
            return await EditFormAsync(http, db, editor, site, column, typed, AdminEndpoints.ErrorsOf(e), 400);
        }
    }

    public static async Task<IResult> MoveAsync(int id, HttpContext http, CmsDbContext db, ColumnEditor editor, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        try
        {
            await editor.MoveAsync(site, id, form["dir"] == "up", AdminEndpoints.Actor(http), http.RequestAborted);
            return Done(http, "已调整栏目顺序。");
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            return await TreeAsync(http, db, editor, site, Errors(AdminEndpoints.ErrorsOf(e)), new ColumnForm(), [], 400);
        }
    }

    /// <summary>删除栏目: what the tree's 删除 link leads to; names the column and what still keeps it from being deleted.</summary>
    public static async Task<IResult> ConfirmDeleteAsync(int id, HttpContext http, ColumnEditor editor)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        var ct = http.RequestAborted;
        var column = await editor.FindAsync(site, id, ct);
        var count = (await editor.ItemCountsAsync(site, ct)).GetValueOrDefault(column.Id);
        var children = (await editor.AllAsync(site, ct)).Count(c => c.ParentId == column.Id);
        var b = Base(http);
        var sb = new StringBuilder($"<p>要删除的栏目：<strong>{H(column.Name)}</strong>（<a href=\"{H(b)}/{H(column.Path)}\">/{H(column.Path)}</a>，{ColumnEditor.KindName(column.Kind)}），稿件 {count} 篇，下级栏目 {children} 个。</p>");
        if (count > 0 || children > 0)
        {
            // The POST would be refused anyway; say why here rather than offer a button that cannot work.
            sb.Append($"<p class=\"warning\">只能删除空栏目：请先移走或删除其中的稿件{(children > 0 ? "，并删除下级栏目" : "")}。</p>");
            sb.Append($"<p><a href=\"{H(b)}/admin/content?column={column.Id}\">查看其中的稿件</a> · <a href=\"{H(b)}/admin/columns\">返回栏目列表</a></p>");
        }
        else
        {
            sb.Append("<p>删除后栏目从导航和网址中消失，不能恢复。</p>");
            sb.Append(ConfirmationForm.Render(http, $"{b}/admin/columns/{column.Id}/delete", [], $"确认删除栏目“{column.Name}”", $"{b}/admin/columns", "取消，返回栏目列表"));
        }
        return Page(http, $"删除栏目 · {column.Name}", sb.ToString());
    }

    /// <summary>Deletes on the confirmation page's POST only; any other POST shows that page.</summary>
    public static async Task<IResult> DeleteAsync(int id, HttpContext http, CmsDbContext db, ColumnEditor editor, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageColumns);
        if (!ConfirmationForm.IsConfirmed(form)) return await ConfirmDeleteAsync(id, http, editor);
        try
        {
            var name = (await editor.FindAsync(site, id, http.RequestAborted)).Name;
            await editor.DeleteAsync(site, id, AdminEndpoints.Actor(http), http.RequestAborted);
            return Done(http, $"已删除栏目“{name}”。");
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            return await TreeAsync(http, db, editor, site, Errors(AdminEndpoints.ErrorsOf(e)), new ColumnForm(), [], 400);
        }
    }

    private static IResult Done(HttpContext http, string message) =>
        Results.Redirect($"{Base(http)}/admin/columns?msg={Uri.EscapeDataString(message)}");

    /// <summary>Columns depth-first, siblings by order then id: the order the public navigation shows them in.</summary>
    private static List<Column> Tree(List<Column> columns)
    {
        var list = new List<Column>();
        void Add(int? parent)
        {
            foreach (var c in columns.Where(c => c.ParentId == parent).OrderBy(c => c.Order).ThenBy(c => c.Id))
            {
                list.Add(c);
                Add(c.Id);
            }
        }
        Add(null);
        // Orphans (a parent removed outside the admin) still show, at the end.
        list.AddRange(columns.Except(list).OrderBy(c => c.Path));
        return list;
    }

    private static async Task<IResult> TreeAsync(HttpContext http, CmsDbContext db, ColumnEditor editor, Site site, string top, ColumnForm typed, HashSet<string> invalid, int status)
    {
        var ct = http.RequestAborted;
        var columns = Tree(await editor.AllAsync(site, ct));
        var counts = await editor.ItemCountsAsync(site, ct);
        var types = await TypesAsync(db, ct);
        var b = H(Base(http));
        var sb = new StringBuilder(top);
        sb.Append("<table class=\"list columns\"><thead><tr><th>栏目</th><th>路径</th><th>类型</th><th>收录内容类型</th><th>导航</th><th>排序</th><th>稿件</th><th>操作</th></tr></thead><tbody>");
        foreach (var c in columns)
        {
            var af = Antiforgery(http);
            var indent = string.Concat(Enumerable.Repeat("　　", c.Depth)) + (c.Depth > 0 ? "└ " : "");
            var typeNames = c.Kind != ColumnKind.List ? "—" : c.ContentTypes.Count == 0 ? "（不限；列出下级栏目的稿件）"
                : string.Join("、", c.ContentTypes.Select(t => types.FirstOrDefault(x => x.Name == t).Label ?? t));
            var count = counts.GetValueOrDefault(c.Id);
            sb.Append($"<tr data-column=\"{H(c.Path)}\"><td class=\"depth-{c.Depth}\">{indent}<a href=\"{b}/admin/columns/{c.Id}\">{H(c.Name)}</a></td>");
            sb.Append($"<td><a href=\"{b}/{H(c.Path)}\">/{H(c.Path)}</a>{(c.Kind == ColumnKind.Link ? $" → {H(c.LinkUrl)}" : "")}</td>");
            sb.Append($"<td>{ColumnEditor.KindName(c.Kind)}</td><td>{H(typeNames)}</td><td>{(c.ShowInNavigation ? "显示" : "隐藏")}</td>");
            sb.Append($"<td>{c.Order} <form method=\"post\" action=\"{b}/admin/columns/{c.Id}/move\" class=\"inline\">{af}<button type=\"submit\" name=\"dir\" value=\"up\" title=\"上移\" aria-label=\"上移 {H(c.Name)}\">↑</button><button type=\"submit\" name=\"dir\" value=\"down\" title=\"下移\" aria-label=\"下移 {H(c.Name)}\">↓</button></form></td>");
            sb.Append($"<td><a href=\"{b}/admin/content?column={c.Id}\">{count}</a></td>");
            sb.Append($"<td><a href=\"{b}/admin/columns/{c.Id}\">编辑</a> <a href=\"{b}/admin/columns/{c.Id}/delete\" class=\"button reject\" aria-label=\"删除 {H(c.Name)}\">删除</a></td></tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append("<p class=\"muted\">只能删除空栏目：没有稿件（含草稿）、没有下级栏目、没有其他站点报送的稿件。栏目标识和上级建成后不能修改，因为已发布稿件的网址由栏目路径组成。</p>");
        sb.Append($"<h2>新建栏目</h2><form method=\"post\" action=\"{b}/admin/columns\" class=\"column-form\">{Antiforgery(http)}");
        var parents = columns.Where(c => c.Kind != ColumnKind.Link && c.Depth + 1 < ColumnEditor.MaxDepth)
            .Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), string.Concat(Enumerable.Repeat("　", c.Depth)) + $"{c.Name}（/{c.Path}）")).ToList();
        sb.Append(typed.Fields(parents, types, invalid, "new"));
        sb.Append("<p><button type=\"submit\">新建栏目</button></p></form>");
        return Page(http, $"栏目 · {site.Name}", sb.ToString(), status);
    }

    private static async Task<IResult> EditFormAsync(HttpContext http, CmsDbContext db, ColumnEditor editor, Site site, Column column, ColumnForm typed, List<(string Field, string Message)> errors, int status)
    {
        var ct = http.RequestAborted;
        var b = H(Base(http));
        var count = (await editor.ItemCountsAsync(site, ct)).GetValueOrDefault(column.Id);
        var sb = new StringBuilder(Errors(errors));
        sb.Append($"<p class=\"meta\">路径 <a href=\"{b}/{H(column.Path)}\">/{H(column.Path)}</a> · 稿件 <a href=\"{b}/admin/content?column={column.Id}\">{count}</a> 篇 · <a href=\"{b}/admin/columns\">返回栏目列表</a></p>");
        sb.Append($"<form method=\"post\" action=\"{b}/admin/columns/{column.Id}\" class=\"column-form\">{Antiforgery(http)}");
        sb.Append(typed.Fields(null, await TypesAsync(db, ct), errors.Select(e => e.Field).ToHashSet(), "edit"));
        sb.Append("<p><button type=\"submit\">保存</button></p></form>");
        return Page(http, $"编辑栏目：{column.Name}", sb.ToString(), status);
    }

    private static async Task<List<(string Name, string Label)>> TypesAsync(CmsDbContext db, CancellationToken ct) =>
        (await db.ContentTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct)).Select(t => (t.Name, t.DisplayName)).ToList();
}
