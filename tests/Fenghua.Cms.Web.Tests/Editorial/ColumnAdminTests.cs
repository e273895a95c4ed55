using System.Net;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialAdminTests
{
    [GeneratedRegex("<nav class=\"main-nav\"[\\s\\S]*?</nav>")] private static partial Regex MainNavPattern();

    private static (string Name, string Value)[] ColumnFields(string name, string slug = "", string kind = "list", string order = "", string parent = "", string linkUrl = "", params string[] types) =>
        [("parent", parent), ("slug", slug), ("name", name), ("kind", kind), ("order", order), ("linkUrl", linkUrl), ("page", ""), ("description", ""), ("nav", "on"),
         .. types.Select(t => ("contentTypes", t))];

    [SkippableFact]
    public async Task Column_tree_creates_renames_and_reorders_columns_and_the_public_navigation_follows()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "fgj");
        var client = await SignInAsync(admin.Name);
        var fgj = await SiteIdAsync("fgj");

        var (status, tree) = await h.GetAsync("/fgj/admin/columns", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/fgj/tzgg\">/tzgg</a>", tree);
        Assert.Matches("└ <a href=\"/fgj/admin/columns/\\d+\">机构职能</a>", tree);
        // The public home is cached before the change: the change must evict it.
        var (_, homeBefore) = await h.GetAsync("/fgj/");
        Assert.DoesNotContain("营商环境专栏", homeBefore);

        var bad = await PostAsync(client, "/fgj/admin/columns", ColumnFields("营商环境专栏", "Bad Slug", types: "Notice"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("<li data-field=\"slug\">栏目标识“Bad Slug”无效", bad.Html);
        Assert.Contains("value=\"营商环境专栏\"", bad.Html);
        Assert.Contains("value=\"Bad Slug\"", bad.Html);
        Assert.Contains("name=\"contentTypes\" value=\"Notice\" checked", bad.Html);
        Assert.False(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.Name == "营商环境专栏")));

        var reserved = await PostAsync(client, "/fgj/admin/columns", ColumnFields("后台", "admin"));
        Assert.Equal(HttpStatusCode.BadRequest, reserved.Status);
        Assert.Contains("系统保留", reserved.Html);

        var created = await PostAsync(client, "/fgj/admin/columns", ColumnFields("营商环境专栏", "yshj", types: "Notice"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.StartsWith("/fgj/admin/columns?msg=", created.Location);
        var column = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().SingleAsync(c => c.SiteId == fgj && c.Path == "yshj"));
        Assert.Equal(new[] { "Notice" }, column.ContentTypes);
        Assert.Null(column.ParentId);
        Assert.Contains(await AuditAsync("column:yshj"), a => a.Action == "column.create" && a.Actor == admin.Name && a.SiteId == fgj);

        var nav = MainNavPattern().Match((await h.GetAsync("/fgj/")).Html).Value;
        Assert.Contains("<a href=\"/fgj/yshj\">营商环境专栏</a>", nav);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("/fgj/yshj")).Status);

        var duplicate = await PostAsync(client, "/fgj/admin/columns", ColumnFields("重复", "yshj"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("本站点已有路径为“yshj”的栏目", duplicate.Html);

        var renamed = await PostAsync(client, $"/fgj/admin/columns/{column.Id}", ColumnFields("优化营商环境", order: column.Order.ToString(), types: "Notice"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.Status);
        nav = MainNavPattern().Match((await h.GetAsync("/fgj/")).Html).Value;
        Assert.Contains("<a href=\"/fgj/yshj\">优化营商环境</a>", nav);
        Assert.DoesNotContain("营商环境专栏", nav);
        Assert.Contains(await AuditAsync("column:yshj"), a => a.Action == "column.update" && a.Details.StartsWith("营商环境专栏（", StringComparison.Ordinal) && a.Details.Contains("→ 优化营商环境（"));

        // Last among the top-level columns; one place up puts it before its neighbour in the public navigation.
        var siblings = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().Where(c => c.SiteId == fgj && c.ParentId == null).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync());
        Assert.Equal(column.Id, siblings[^1].Id);
        var neighbour = siblings[^2];
        Assert.True(nav.IndexOf(neighbour.Name, StringComparison.Ordinal) < nav.IndexOf("优化营商环境", StringComparison.Ordinal));
        var moved = await PostAsync(client, $"/fgj/admin/columns/{column.Id}/move", ("dir", "up"));
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        siblings = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().Where(c => c.SiteId == fgj && c.ParentId == null).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync());
        Assert.Equal(new[] { column.Id, neighbour.Id }, siblings.TakeLast(2).Select(c => c.Id));
        nav = MainNavPattern().Match((await h.GetAsync("/fgj/")).Html).Value;
        Assert.True(nav.IndexOf("优化营商环境", StringComparison.Ordinal) < nav.IndexOf(neighbour.Name, StringComparison.Ordinal));
        Assert.Contains(await AuditAsync("column:yshj"), a => a.Action == "column.order");

        var sub = await PostAsync(client, "/fgj/admin/columns", ColumnFields("企业服务", "qyfw", parent: column.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, sub.Status);
        Assert.True(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.SiteId == fgj && c.Path == "yshj/qyfw" && c.ParentId == column.Id)));
    }

    [SkippableFact]
    public async Task Deleting_a_column_with_content_is_refused_with_the_count_and_an_empty_column_is_deleted()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "fgj");
        var author = await h.UserAsync("Author", "fgj");
        var client = await SignInAsync(admin.Name);
        var fgj = await SiteIdAsync("fgj");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "/fgj/admin/columns", ColumnFields("临时专栏", "lszl", types: "Notice"))).Status);
        var column = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().SingleAsync(c => c.SiteId == fgj && c.Path == "lszl"));
        var draft = await h.CreateAsync(author, "fgj", "Notice", "lszl", "临时专栏中的草稿", "正文");

        var refused = await PostAsync(client, $"/fgj/admin/columns/{column.Id}/delete", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<li data-field=\"column\">栏目“临时专栏”不能删除：还有 1 篇稿件", refused.Html);
        Assert.True(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.Id == column.Id)));
        Assert.DoesNotContain(await AuditAsync("column:lszl"), a => a.Action == "column.delete");

        // Changing it to a link column would hide the draft: refused the same way.
        var toLink = await PostAsync(client, $"/fgj/admin/columns/{column.Id}", ColumnFields("临时专栏", kind: "link", linkUrl: "https://www.fh.gov.cn/"));
        Assert.Equal(HttpStatusCode.BadRequest, toLink.Status);
        Assert.Contains("栏目中有 1 篇稿件，不能改为链接栏目", toLink.Html);
        Assert.Contains("value=\"https://www.fh.gov.cn/\"", toLink.Html);

        var deleted = await PostAsync(client, "/fgj/admin/content/bulk", ("action", "delete"), ("id", draft.ToString()), ("confirm", "1"));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Contains("删除草稿：1 项成功。", deleted.Html);

        // Empty now; still nothing happens without the form's token, although delete reads no fields.
        using (var forged = await client.PostAsync($"/fgj/admin/columns/{column.Id}/delete", new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.Id == column.Id)));
        var removed = await PostAsync(client, $"/fgj/admin/columns/{column.Id}/delete", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.False(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.Id == column.Id)));
        Assert.Contains(await AuditAsync("column:lszl"), a => a.Action == "column.delete" && a.Actor == admin.Name);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("/fgj/lszl")).Status);
        // The deleted draft keeps its rows (and its audit trail's references), hidden from every list.
        var item = await DbAsync(db => db.CrossSite<ContentItem>().IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == draft));
        Assert.True(item.IsDeleted);
    }
}
