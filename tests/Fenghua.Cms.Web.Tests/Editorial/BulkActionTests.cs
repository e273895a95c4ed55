using System.Net;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialAdminTests
{
    private Task<(ContentItem Item, VersionState State)> ContentAsync(int id) => DbAsync(async db =>
    {
        var item = await db.CrossSite<ContentItem>().IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id);
        var state = await db.CrossSite<ContentVersion>().Where(v => v.Id == item.LatestVersionId).Select(v => v.State).SingleAsync();
        return (item, state);
    });

    [SkippableFact]
    public async Task Bulk_submit_refuses_the_foreign_site_id_and_submits_the_rest_each_audited_by_the_workflow()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var portalAuthor = await h.UserAsync("Author", "portal");
        var mine = new List<int>();
        for (var i = 1; i <= 3; i++) mine.Add(await h.CreateAsync(author, "czj", "Notice", "tzgg", $"财政局批量通知 {i}", "正文"));
        var foreign = await h.CreateAsync(portalAuthor, "portal", "Notice", "tzgg", "区级批量通知", "正文");
        var client = await SignInAsync(author.Name);

        var (status, html, _) = await PostAsync(client, "/czj/admin/content/bulk?state=Draft",
            [("action", "submit"), .. mine.Prepend(foreign).Select(id => ("id", id.ToString()))]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"提交审核：3 项成功，1 项未能：稿件 {foreign}：不属于“宁波市奉化区财政局”，未处理。", html);
        Assert.DoesNotContain("区级批量通知", html);
        foreach (var id in mine)
        {
            Assert.Equal(VersionState.InReview, (await ContentAsync(id)).State);
            Assert.Contains(await AuditAsync($"content:{id}"), a => a.Action == "content.submit" && a.Actor == author.Name);
        }
        Assert.Equal(VersionState.Draft, (await ContentAsync(foreign)).State);
        Assert.DoesNotContain(await AuditAsync($"content:{foreign}"), a => a.Action == "content.submit");
        // The filters survive the action: the list shown is still the drafts.
        Assert.Contains("<option value=\"Draft\" selected>", html);
    }

    [SkippableFact]
    public async Task Bulk_delete_move_and_unpublish_apply_the_single_item_rules_per_item()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var reviewer = await h.UserAsync("Reviewer", "czj");
        var czj = await SiteIdAsync("czj");
        var draft = await h.CreateAsync(author, "czj", "Notice", "tzgg", "待删除的草稿", "正文");
        var moving = await h.CreateAsync(author, "czj", "Notice", "tzgg", "待移动的草稿", "正文");
        var live = await h.CreateAsync(author, "czj", "Notice", "tzgg", "已发布的批量通知", "正文");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, live, "submit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, live, "approve", new { comment = "同意" })).Status);
        var oldPath = (await ContentAsync(live)).Item.PublicPath!;
        var target = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().SingleAsync(c => c.SiteId == czj && c.Path == "zfxxgk"));
        var authorClient = await SignInAsync(author.Name);

        var noAction = await PostAsync(authorClient, "/czj/admin/content/bulk", ("action", ""), ("id", draft.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, noAction.Status);
        Assert.Contains("<li data-field=\"action\">请选择批量操作。</li>", noAction.Html);
        Assert.Contains($"name=\"id\" value=\"{draft}\" checked", noAction.Html);

        var deleted = await PostAsync(authorClient, "/czj/admin/content/bulk", ("action", "delete"), ("id", draft.ToString()), ("id", live.ToString()), ("confirm", "1"));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Contains($"删除草稿：1 项成功，1 项未能：稿件 {live}《已发布的批量通知》：稿件曾经发布，不能删除", deleted.Html);
        Assert.True((await ContentAsync(draft)).Item.IsDeleted);
        Assert.False((await ContentAsync(live)).Item.IsDeleted);
        Assert.Contains(await AuditAsync($"content:{draft}"), a => a.Action == "content.delete" && a.Actor == author.Name);

        // An author may move a draft, but moving a published item changes its address: that needs 发布.
        var moved = await PostAsync(authorClient, "/czj/admin/content/bulk", ("action", "move"), ("target", target.Id.ToString()), ("id", moving.ToString()), ("id", live.ToString()));
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Contains($"移动到栏目：1 项成功，1 项未能：稿件 {live}《已发布的批量通知》：您在该站点没有“发布”权限", moved.Html);
        Assert.Equal(target.Id, (await ContentAsync(moving)).Item.ColumnId);
        Assert.Contains(await AuditAsync($"content:{moving}"), a => a.Action == "content.move" && a.Details.StartsWith("tzgg → zfxxgk", StringComparison.Ordinal));

        var reviewerClient = await SignInAsync(reviewer.Name);
        var movedLive = await PostAsync(reviewerClient, "/czj/admin/content/bulk", ("action", "move"), ("target", target.Id.ToString()), ("id", live.ToString()));
        Assert.Contains("移动到栏目：1 项成功。", movedLive.Html);
        var newPath = (await ContentAsync(live)).Item.PublicPath!;
        Assert.StartsWith("zfxxgk/", newPath);
        var redirect = await h.Client().GetAsync("/czj/" + oldPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.EndsWith("/" + newPath, redirect.Headers.Location!.OriginalString);

        var refused = await PostAsync(authorClient, "/czj/admin/content/bulk", ("action", "unpublish"), ("id", live.ToString()), ("confirm", "1"));
        Assert.Contains("撤下：0 项成功，1 项未能", refused.Html);
        Assert.NotNull((await ContentAsync(live)).Item.PublishedVersionId);
        var unpublished = await PostAsync(reviewerClient, "/czj/admin/content/bulk", ("action", "unpublish"), ("id", live.ToString()), ("id", moving.ToString()), ("confirm", "1"));
        Assert.Contains($"撤下：1 项成功，1 项未能：稿件 {moving}《待移动的草稿》：该稿件尚未发布。", unpublished.Html);
        Assert.Null((await ContentAsync(live)).Item.PublishedVersionId);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("/czj/" + newPath)).Status);
        Assert.Contains(await AuditAsync($"content:{live}"), a => a.Action == "content.unpublish" && a.Actor == reviewer.Name);
    }

    [SkippableFact]
    public async Task The_editor_moves_one_item_and_deletes_a_never_published_draft_through_the_same_workflow()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var czj = await SiteIdAsync("czj");
        var id = await h.CreateAsync(author, "czj", "Notice", "tzgg", "单篇移动和删除", "正文");
        var target = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().SingleAsync(c => c.SiteId == czj && c.Path == "zfxxgk"));
        var client = await SignInAsync(author.Name);

        var (_, editor) = await h.GetAsync($"/czj/admin/content/{id}", client);
        Assert.Contains($"action=\"/czj/admin/content/{id}/do/move\"", editor);
        Assert.Contains("删除草稿（从未发布）", editor);
        // 工作动态 lists only news, so a notice cannot go there.
        Assert.DoesNotContain("gzdt 工作动态", editor);

        var moved = await PostAsync(client, $"/czj/admin/content/{id}/do/move", ("column", target.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(target.Id, (await ContentAsync(id)).Item.ColumnId);

        var deleted = await PostAsync(client, $"/czj/admin/content/{id}/do/delete", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.StartsWith("/czj/admin/content?msg=", deleted.Location);
        Assert.True((await ContentAsync(id)).Item.IsDeleted);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/czj/admin/content/{id}", client)).Status);
        var audit = await AuditAsync($"content:{id}");
        Assert.Equal(new[] { "content.create", "content.move", "content.delete" }, audit.Select(a => a.Action));
    }
}
