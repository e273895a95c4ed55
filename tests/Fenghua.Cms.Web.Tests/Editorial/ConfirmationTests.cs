using System.Net;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>
/// Destructive admin actions wait for a confirmation page: the first request lists what would change and changes
/// nothing; only the POST carrying <c>confirm=1</c> acts, and it still checks every id against the site.
/// </summary>
public abstract partial class EditorialAdminTests
{
    private Task<int> AuditCountByAsync(params string[] actors) => DbAsync(db => db.AuditTrail.CountAsync(a => actors.Contains(a.Actor)));

    [SkippableFact]
    public async Task Bulk_unpublish_and_delete_list_the_items_first_and_act_only_on_the_confirmed_post_refusing_a_forged_foreign_id()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var reviewer = await h.UserAsync("Reviewer", "czj");
        var portalAuthor = await h.UserAsync("Author", "portal");
        var draft = await h.CreateAsync(author, "czj", "Notice", "tzgg", "确认前不删的草稿", "正文");
        var live = await h.CreateAsync(author, "czj", "Notice", "tzgg", "确认前不撤的通知", "正文");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, live, "submit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, live, "approve", new { comment = "同意" })).Status);
        var foreign = await h.CreateAsync(portalAuthor, "portal", "Notice", "tzgg", "区级不可删的草稿", "正文");
        var livePath = (await ContentAsync(live)).Item.PublicPath!;
        var authorClient = await SignInAsync(author.Name);
        var reviewerClient = await SignInAsync(reviewer.Name);
        var auditBefore = await AuditCountByAsync(author.Name, reviewer.Name);

        var asked = await PostAsync(authorClient, "/czj/admin/content/bulk?state=Draft", ("action", "delete"), ("id", draft.ToString()), ("id", foreign.ToString()));
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("将对以下 1 篇稿件执行“删除草稿”", asked.Html);
        Assert.Contains($"<tr data-item=\"{draft}\"><td>{draft}</td><td>确认前不删的草稿</td><td>草稿</td><td>删除草稿</td></tr>", asked.Html);
        Assert.Contains($"<tr data-item=\"{foreign}\" class=\"refused\"><td>{foreign}</td><td></td><td>—</td><td>不处理：不属于“宁波市奉化区财政局”，不会处理。</td></tr>", asked.Html);
        Assert.DoesNotContain("区级不可删的草稿", asked.Html);
        // The button posts the same ids back, to the same filtered list.
        Assert.Contains("action=\"/czj/admin/content/bulk?state=Draft\"", asked.Html);
        Assert.Contains($"<input type=\"hidden\" name=\"id\" value=\"{draft}\">", asked.Html);
        Assert.Contains("<input type=\"hidden\" name=\"action\" value=\"delete\">", asked.Html);
        Assert.Contains("<input type=\"hidden\" name=\"confirm\" value=\"1\">", asked.Html);
        Assert.Contains("确认删除草稿这 1 篇稿件", asked.Html);

        var askedUnpublish = await PostAsync(reviewerClient, "/czj/admin/content/bulk", ("action", "unpublish"), ("id", live.ToString()));
        Assert.Equal(HttpStatusCode.OK, askedUnpublish.Status);
        Assert.Contains("确认前不撤的通知", askedUnpublish.Html);
        Assert.Contains("确认撤下这 1 篇稿件", askedUnpublish.Html);

        // Nothing changed and nothing was audited by either request.
        Assert.False((await ContentAsync(draft)).Item.IsDeleted);
        Assert.NotNull((await ContentAsync(live)).Item.PublishedVersionId);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("/czj/" + livePath)).Status);
        Assert.Equal(auditBefore, await AuditCountByAsync(author.Name, reviewer.Name));

        // A hand-made confirmed POST carrying the foreign id still leaves that item alone.
        var deleted = await PostAsync(authorClient, "/czj/admin/content/bulk?state=Draft", ("action", "delete"), ("id", draft.ToString()), ("id", foreign.ToString()), ("confirm", "1"));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Contains($"删除草稿：1 项成功，1 项未能：稿件 {foreign}：不属于“宁波市奉化区财政局”，未处理。", deleted.Html);
        Assert.True((await ContentAsync(draft)).Item.IsDeleted);
        Assert.False((await ContentAsync(foreign)).Item.IsDeleted);
        Assert.Contains(await AuditAsync($"content:{draft}"), a => a.Action == "content.delete" && a.Actor == author.Name);
        Assert.DoesNotContain(await AuditAsync($"content:{foreign}"), a => a.Action == "content.delete");

        var unpublished = await PostAsync(reviewerClient, "/czj/admin/content/bulk", ("action", "unpublish"), ("id", live.ToString()), ("confirm", "1"));
        Assert.Contains("撤下：1 项成功。", unpublished.Html);
        Assert.Null((await ContentAsync(live)).Item.PublishedVersionId);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("/czj/" + livePath)).Status);
        Assert.Contains(await AuditAsync($"content:{live}"), a => a.Action == "content.unpublish" && a.Actor == reviewer.Name);
    }

    [SkippableFact]
    public async Task Bulk_submit_and_move_still_act_on_the_first_post()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var id = await h.CreateAsync(author, "czj", "Notice", "tzgg", "直接提交的草稿", "正文");
        var client = await SignInAsync(author.Name);

        var submitted = await PostAsync(client, "/czj/admin/content/bulk", ("action", "submit"), ("id", id.ToString()));
        Assert.Contains("提交审核：1 项成功。", submitted.Html);
        Assert.DoesNotContain("name=\"confirm\"", submitted.Html);
        Assert.Equal(Fenghua.Cms.Core.Content.VersionState.InReview, (await ContentAsync(id)).State);
    }

    [SkippableFact]
    public async Task Column_delete_and_user_disable_are_links_to_a_confirmation_page_and_an_unconfirmed_post_changes_nothing()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "czj");
        var staff = await h.UserAsync("Author", "czj");
        var portalAuthor = await h.UserAsync("Author", "portal");
        var client = await SignInAsync(admin.Name);
        var czj = await SiteIdAsync("czj");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "/czj/admin/columns", ColumnFields("待删专栏", "dszl", types: "Notice"))).Status);
        var column = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().SingleAsync(c => c.SiteId == czj && c.Path == "dszl"));
        var staffId = (await AccountAsync(staff.Name)).Id;
        var auditBefore = await AuditCountByAsync(admin.Name);

        var (_, tree) = await h.GetAsync("/czj/admin/columns", client);
        Assert.Contains($"<a href=\"/czj/admin/columns/{column.Id}/delete\" class=\"button reject\" aria-label=\"删除 待删专栏\">删除</a>", tree);
        Assert.DoesNotContain("method=\"post\" action=\"/czj/admin/columns/" + column.Id + "/delete\"", tree);
        var (status, page) = await h.GetAsync($"/czj/admin/columns/{column.Id}/delete", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("要删除的栏目：<strong>待删专栏</strong>", page);
        Assert.Contains($"action=\"/czj/admin/columns/{column.Id}/delete\"", page);
        Assert.Contains("确认删除栏目“待删专栏”", page);
        var unconfirmed = await PostAsync(client, $"/czj/admin/columns/{column.Id}/delete");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.Status);
        Assert.Contains("确认删除栏目“待删专栏”", unconfirmed.Html);
        Assert.True(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.Id == column.Id)));

        var (_, users) = await h.GetAsync("/czj/admin/users", client);
        Assert.Contains($"<a href=\"/czj/admin/users/{staffId}/disable\" class=\"button reject\" aria-label=\"停用 {staff.Name}\">停用</a>", users);
        var (userStatus, userPage) = await h.GetAsync($"/czj/admin/users/{staffId}/disable", client);
        Assert.Equal(HttpStatusCode.OK, userStatus);
        Assert.Contains($"要停用的用户：<strong>{staff.Name}</strong>", userPage);
        Assert.Contains("作者 @ czj", userPage);
        var notYet = await PostAsync(client, $"/czj/admin/users/{staffId}/disable");
        Assert.Equal(HttpStatusCode.OK, notYet.Status);
        Assert.Contains($"确认停用用户 {staff.Name}", notYet.Html);
        Assert.False(UserAccounts.IsDisabled(await AccountAsync(staff.Name)));
        Assert.Equal(auditBefore, await AuditCountByAsync(admin.Name));

        // Another site's account is refused already at the confirmation page.
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync($"/czj/admin/users/{(await AccountAsync(portalAuthor.Name)).Id}/disable", client)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/czj/admin/columns/{column.Id}/delete", ("confirm", "1"))).Status);
        Assert.False(await DbAsync(db => db.CrossSite<Column>().AnyAsync(c => c.Id == column.Id)));
        Assert.Contains(await AuditAsync("column:dszl"), a => a.Action == "column.delete" && a.Actor == admin.Name);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/czj/admin/users/{staffId}/disable", ("confirm", "1"))).Status);
        Assert.True(UserAccounts.IsDisabled(await AccountAsync(staff.Name)));
        Assert.Contains(await AuditAsync($"user:{staff.Name}"), a => a.Action == "user.disable" && a.Actor == admin.Name);
    }

    [SkippableFact]
    public async Task The_editors_unpublish_and_delete_buttons_lead_to_a_confirmation_page_and_act_only_when_confirmed()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var reviewer = await h.UserAsync("Reviewer", "czj");
        var live = await h.CreateAsync(author, "czj", "Notice", "tzgg", "编辑器中撤下的通知", "正文");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, live, "submit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, live, "approve", new { comment = "同意" })).Status);
        var draft = await h.CreateAsync(author, "czj", "Notice", "tzgg", "编辑器中删除的草稿", "正文");
        var livePath = (await ContentAsync(live)).Item.PublicPath!;
        var reviewerClient = await SignInAsync(reviewer.Name);
        var authorClient = await SignInAsync(author.Name);

        var (_, editor) = await h.GetAsync($"/czj/admin/content/{live}", reviewerClient);
        Assert.Contains($"<a href=\"/czj/admin/content/{live}/do/unpublish\" class=\"button reject\">撤下</a>", editor);
        var (status, page) = await h.GetAsync($"/czj/admin/content/{live}/do/unpublish", reviewerClient);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("要撤下的稿件：<strong>编辑器中撤下的通知</strong>", page);
        Assert.Contains($"/{livePath}", page);
        var unconfirmed = await PostAsync(reviewerClient, $"/czj/admin/content/{live}/do/unpublish");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.Status);
        Assert.Contains("确认撤下“编辑器中撤下的通知”", unconfirmed.Html);
        Assert.NotNull((await ContentAsync(live)).Item.PublishedVersionId);
        Assert.DoesNotContain(await AuditAsync($"content:{live}"), a => a.Action == "content.unpublish");
        // An author may not unpublish, so there is no confirmation page for them either; other actions have none.
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync($"/czj/admin/content/{live}/do/unpublish", authorClient)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/czj/admin/content/{live}/do/publish", reviewerClient)).Status);

        var done = await PostAsync(reviewerClient, $"/czj/admin/content/{live}/do/unpublish", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Null((await ContentAsync(live)).Item.PublishedVersionId);
        Assert.Contains(await AuditAsync($"content:{live}"), a => a.Action == "content.unpublish" && a.Actor == reviewer.Name);

        var (_, draftEditor) = await h.GetAsync($"/czj/admin/content/{draft}", authorClient);
        Assert.Contains($"<a href=\"/czj/admin/content/{draft}/do/delete\" class=\"button reject\">删除草稿（从未发布）</a>", draftEditor);
        var askDelete = await PostAsync(authorClient, $"/czj/admin/content/{draft}/do/delete");
        Assert.Equal(HttpStatusCode.OK, askDelete.Status);
        Assert.Contains("要删除草稿的稿件：<strong>编辑器中删除的草稿</strong>", askDelete.Html);
        Assert.False((await ContentAsync(draft)).Item.IsDeleted);
        Assert.DoesNotContain(await AuditAsync($"content:{draft}"), a => a.Action == "content.delete");
    }
}
