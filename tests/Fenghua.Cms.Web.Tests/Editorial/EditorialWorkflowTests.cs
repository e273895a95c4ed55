using System.Net;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Data.Mail;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialTests
{
    private async Task SetSiteAsync(string site, int levels, string words = "")
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var siteId = await db.Sites.Where(s => s.Key == site).Select(s => s.Id).FirstAsync();
        var row = await db.EditorialSettings.FirstOrDefaultAsync(s => s.SiteId == siteId);
        if (row is null) db.EditorialSettings.Add(row = new EditorialSiteSettings { SiteId = siteId });
        row.ReviewLevels = levels;
        row.SensitiveWords = words;
        await db.SaveChangesAsync();
    }

    private async Task<ContentItem> ItemAsync(int id)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().CrossSite<ContentItem>().AsNoTracking().FirstAsync(i => i.Id == id);
    }

    [SkippableFact]
    public async Task Personal_data_stops_submit_with_positions_masking_makes_a_new_version_and_the_approved_interpretation_is_live_and_linked()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "portal");
        var reviewer = await h.UserAsync("Reviewer", "portal");
        var policyId = await SeedPolicyIdAsync();
        var body = $"## 政策要点\n\n本方案适用于全区。\n如有疑问，请联系经办人（身份证号 {IdNumber}，手机 13812345678）。";
        var id = await h.CreateAsync(author, "portal", "Interpretation", "zwgk/zcjd", "一图读懂政务公开工作方案", body,
            new JsonObject { ["Interpretation"] = new JsonObject { ["policyId"] = policyId, ["form"] = "graphic", ["interpreter"] = "区政府办公室主任" } });

        var blocked = await h.MoveAsync(author, id, "submit");
        Assert.Equal(HttpStatusCode.Conflict, blocked.Status);
        Assert.Equal("application/problem+json", blocked.ContentType);
        Assert.Equal("parts.MarkdownBody.markdown", blocked.Json!["parameter"]!.GetValue<string>());
        var idFinding = blocked.Json["errors"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "resident-id")!;
        Assert.Equal(4, idFinding["line"]!.GetValue<int>());
        Assert.Equal(body.Split('\n')[3].IndexOf(IdNumber, StringComparison.Ordinal) + 1, idFinding["column"]!.GetValue<int>());
        Assert.Equal(body.IndexOf(IdNumber, StringComparison.Ordinal), idFinding["offset"]!.GetValue<int>());
        Assert.Contains("正文第 4 行", idFinding["message"]!.GetValue<string>());
        Assert.Contains(blocked.Json["errors"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "mobile");

        var masked = await h.MoveAsync(author, id, "mask");
        Assert.Equal(HttpStatusCode.OK, masked.Status);
        Assert.Equal(2, masked.Json!["version"]!.GetValue<int>());
        var read = await h.ApiAsync(HttpMethod.Get, $"/api/v1/content/{id}", author.Token);
        var markdown = read.Json!["parts"]!["MarkdownBody"]!["markdown"]!.GetValue<string>();
        Assert.Contains(@"3302\*\*\*\*\*\*\*\*\*\*1233", markdown);
        Assert.Contains(@"138\*\*\*\*5678", markdown);
        Assert.DoesNotContain(IdNumber, markdown);

        var submitted = await h.MoveAsync(author, id, "submit");
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.MoveAsync(author, id, "approve")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.MoveAsync(author, id, "publish")).Status);
        var approved = await h.MoveAsync(reviewer, id, "approve", new { comment = "同意发布" });
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.True(approved.Json!["published"]!.GetValue<bool>());

        var item = await ItemAsync(id);
        var (status, page) = await h.GetAsync("/" + item.PublicPath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("3302**********1233", page);
        Assert.DoesNotContain(IdNumber, page);
        var policy = await ItemAsync(policyId);
        Assert.Contains("/" + policy.PublicPath, page);
        var (_, policyPage) = await h.GetAsync("/" + policy.PublicPath);
        Assert.Contains("/" + item.PublicPath, policyPage);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var mail = await db.OutgoingMail.AsNoTracking().Where(m => m.ToAddress == $"{reviewer.Name}@fh.gov.cn" || m.ToAddress == $"{author.Name}@fh.gov.cn").ToListAsync();
        Assert.Contains(mail, m => m.Kind == Fenghua.Cms.Mail.MailKinds.ReviewWaiting && m.ToAddress.StartsWith(reviewer.Name, StringComparison.Ordinal) && m.Subject.Contains("一图读懂"));
        Assert.Contains(mail, m => m.Kind == Fenghua.Cms.Mail.MailKinds.ReviewApproved && m.ToAddress.StartsWith(author.Name, StringComparison.Ordinal));
        var audit = await AuditAsync($"content:{id}");
        Assert.Equal(["content.create", "content.mask", "content.submit", "content.approve", "content.publish"], audit.Select(a => a.Action));
    }

    [SkippableFact]
    public async Task Two_level_review_needs_two_different_reviewers_and_nobody_approves_their_own_work()
    {
        SkipWithoutStore();
        await SetSiteAsync("fgj", 2);
        var author = await h.UserAsync("Author", "fgj");
        var first = await h.UserAsync("Reviewer", "fgj");
        var second = await h.UserAsync("Reviewer", "fgj");
        var id = await h.CreateAsync(author, "fgj", "Article", "gzdt", "区发改局召开项目推进会", "会议部署了下一阶段工作。");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, id, "submit")).Status);

        var level1 = await h.MoveAsync(first, id, "approve", new { comment = "初审同意" });
        Assert.Equal(HttpStatusCode.OK, level1.Status);
        Assert.Equal(1, level1.Json!["level"]!.GetValue<int>());
        Assert.False(level1.Json["published"]!.GetValue<bool>());
        Assert.Null((await ItemAsync(id)).PublishedVersionId);

        var again = await h.MoveAsync(first, id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, again.Status);
        Assert.Contains("终审须由初审以外的审核人", again.Json!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await h.MoveAsync(second, id, "publish")).Status);

        var level2 = await h.MoveAsync(second, id, "approve", new { comment = "终审同意" });
        Assert.Equal(HttpStatusCode.OK, level2.Status);
        Assert.True(level2.Json!["published"]!.GetValue<bool>());
        Assert.NotNull((await ItemAsync(id)).PublishedVersionId);

        // A reviewer who wrote the item may not approve it; sending back needs a comment and returns it to draft.
        var own = await h.CreateAsync(first, "fgj", "Article", "gzdt", "审核人自己写的稿件", "正文");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(first, own, "submit")).Status);
        var self = await h.MoveAsync(first, own, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, self.Status);
        Assert.Contains("不能审核自己", self.Json!["detail"]!.GetValue<string>());
        var noComment = await h.MoveAsync(second, own, "reject", new { comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.Status);
        Assert.Equal("comment", noComment.Json!["parameter"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(second, own, "reject", new { comment = "请补充会议时间。" })).Status);
        var back = await h.ApiAsync(HttpMethod.Get, $"/api/v1/content/{own}", first.Token);
        Assert.Equal("Draft", back.Json!["state"]!.GetValue<string>());
        var audit = await AuditAsync($"content:{own}");
        Assert.Contains(audit, a => a.Action == "content.reject" && a.Details == "请补充会议时间。");
        await SetSiteAsync("fgj", 1);
    }

    [SkippableFact]
    public async Task Sensitive_words_block_publishing_until_a_reviewer_overrides_with_an_audited_reason()
    {
        SkipWithoutStore();
        await SetSiteAsync("ylj", 1, "内部资料\n翻墙软件");
        var author = await h.UserAsync("Author", "ylj");
        var reviewer = await h.UserAsync("Reviewer", "ylj");
        var id = await h.CreateAsync(author, "ylj", "Notice", "tzgg", "关于整理档案的通知", "以下为內部資料整理要求：\n请勿使用翻牆軟件。");
        var blocked = await h.MoveAsync(author, id, "submit");
        Assert.Equal(HttpStatusCode.Conflict, blocked.Status);
        var words = blocked.Json!["errors"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "sensitive-word").ToList();
        Assert.Equal(2, words.Count);
        Assert.Equal("內部資料", words[0]!["text"]!.GetValue<string>());
        Assert.Equal((1, 4), (words[0]!["line"]!.GetValue<int>(), words[0]!["column"]!.GetValue<int>()));
        Assert.Equal((2, 5), (words[1]!["line"]!.GetValue<int>(), words[1]!["column"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, id, "submit", new { leaveToReviewer = true })).Status);
        var stillBlocked = await h.MoveAsync(reviewer, id, "approve");
        Assert.Equal(HttpStatusCode.Conflict, stillBlocked.Status);
        Assert.Null((await ItemAsync(id)).PublishedVersionId);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.MoveAsync(author, id, "override", new { reason = "作者想放行" })).Status);
        var noReason = await h.MoveAsync(reviewer, id, "override", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal("reason", noReason.Json!["parameter"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, id, "override", new { reason = "引用的是文件名称，经核实可以公开。" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, id, "approve")).Status);
        Assert.NotNull((await ItemAsync(id)).PublishedVersionId);
        var audit = await AuditAsync($"content:{id}");
        var overrideEntry = Assert.Single(audit, a => a.Action == "checks.override");
        Assert.Equal(reviewer.Name, overrideEntry.Actor);
        Assert.Contains("引用的是文件名称", overrideEntry.Details);
        Assert.Contains("內部資料", overrideEntry.Details);
        await SetSiteAsync("ylj", 1);
    }

    [SkippableFact]
    public async Task Required_metadata_links_alt_text_and_back_dated_publishing_are_checked()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "portal");
        var reviewer = await h.UserAsync("Reviewer", "portal");
        var policy = await h.CreateAsync(author, "portal", "PolicyDocument", "zwgk/zcwj", "关于印发某办法的通知",
            "详见[解读](/zwgk/zcjd/2099/none)与[首页](/)、[政策文件](/zwgk/zcwj)。\n\n![](/media/chart.png)",
            new JsonObject { ["GovDocument"] = new JsonObject { ["issuer"] = "宁波市奉化区人民政府办公室", ["writtenDate"] = "2026-11-01" } });
        var blocked = await h.MoveAsync(author, policy, "submit");
        Assert.Equal(HttpStatusCode.Conflict, blocked.Status);
        Assert.Equal("parts.GovDocument.documentNumber", blocked.Json!["parameter"]!.GetValue<string>());
        var errors = blocked.Json["errors"]!.AsArray();
        var link = Assert.Single(errors, e => e!["kind"]!.GetValue<string>() == "link")!;
        Assert.Contains("/zwgk/zcjd/2099/none", link["message"]!.GetValue<string>());
        Assert.Contains("不存在", link["message"]!.GetValue<string>());
        var alt = Assert.Single(errors, e => e!["kind"]!.GetValue<string>() == "image-alt")!;
        Assert.Equal(3, alt["line"]!.GetValue<int>());
        Assert.Equal("warning", alt["severity"]!.GetValue<string>());

        var read = await h.ApiAsync(HttpMethod.Get, $"/api/v1/content/{policy}", author.Token);
        var parts = read.Json!["parts"]!.AsObject();
        parts["GovDocument"]!["documentNumber"] = "奉政办发[2026]7号";
        var saved = await h.ApiAsync(HttpMethod.Put, $"/api/v1/content/{policy}", author.Token, new JsonObject { ["parts"] = parts.DeepClone() });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, policy, "submit")).Status);

        var past = ShanghaiTime.ToLocal(DateTimeOffset.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd HH:mm");
        var backdated = await h.MoveAsync(reviewer, policy, "approve", new { publishAt = past });
        Assert.Equal(HttpStatusCode.Conflict, backdated.Status);
        Assert.Equal("publishAt", backdated.Json!["parameter"]!.GetValue<string>());
        var badTime = await h.MoveAsync(reviewer, policy, "approve", new { publishAt = "上个月" });
        Assert.Equal(HttpStatusCode.BadRequest, badTime.Status);
        Assert.Equal("publishAt", badTime.Json!["parameter"]!.GetValue<string>());
        var allowed = await h.MoveAsync(reviewer, policy, "approve", new { publishAt = past, backdateReason = "纸质文件已于当日印发，补录网上发布。" });
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        var item = await ItemAsync(policy);
        Assert.Equal(past, ShanghaiTime.PubDate(item.PublishedUtc!.Value));
        Assert.Contains(await AuditAsync($"content:{policy}"), a => a.Action == "content.backdate" && a.Details.Contains("补录网上发布"));

        var interpretation = await h.CreateAsync(author, "portal", "Interpretation", "zwgk/zcjd", "没有选择政策的解读", "正文");
        var noPolicy = await h.MoveAsync(author, interpretation, "submit");
        Assert.Equal(HttpStatusCode.Conflict, noPolicy.Status);
        Assert.Equal("parts.Interpretation.policyId", noPolicy.Json!["parameter"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_scheduled_publish_is_carried_out_by_the_product_after_a_restart_and_a_failing_job_mails_the_administrators()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var reviewer = await h.UserAsync("Reviewer", "czj");
        var admin = await h.UserAsync("SiteAdministrator", "czj");
        var id = await h.CreateAsync(author, "czj", "Notice", "tzgg", "2027年部门预算公开", "预算公开内容。");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, id, "submit")).Status);
        var due = DateTimeOffset.UtcNow.AddHours(2);
        var at = ShanghaiTime.ToLocal(due).ToString("yyyy-MM-dd HH:mm");
        Assert.Equal(HttpStatusCode.Forbidden, (await h.MoveAsync(author, id, "schedule", new { action = "publish", at })).Status);
        var past = await h.MoveAsync(reviewer, id, "schedule", new { action = "publish", at = "2020-01-01 08:00" });
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.Equal("at", past.Json!["parameter"]!.GetValue<string>());
        var scheduled = await h.MoveAsync(reviewer, id, "schedule", new { action = "publish", at });
        Assert.Equal(HttpStatusCode.OK, scheduled.Status);
        Assert.Equal(at, scheduled.Json!["dueLocal"]!.GetValue<string>());
        var approved = await h.MoveAsync(reviewer, id, "approve");
        Assert.False(approved.Json!["published"]!.GetValue<bool>());

        // A job for an item that never passed review fails, and the site's administrators are told.
        var unreviewed = await h.CreateAsync(author, "czj", "Notice", "tzgg", "未经审核的通知", "正文");
        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, unreviewed, "schedule", new { action = "publish", at })).Status);

        await factory.RestartOnSameStoreAsync(async services =>
        {
            var ran = await services.GetRequiredService<ScheduledJobRunner>().RunDueAsync(due.AddMinutes(1), CancellationToken.None);
            Assert.Equal(2, ran);
        });

        var item = await ItemAsync(id);
        Assert.NotNull(item.PublishedVersionId);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync($"/czj/{item.PublicPath}")).Status);
        Assert.Null((await ItemAsync(unreviewed)).PublishedVersionId);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var failed = await db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.ContentItemId == unreviewed);
        Assert.Equal(ScheduledJobState.Failed, failed.State);
        Assert.Contains("只有通过审核的稿件可以发布", failed.Error);
        Assert.Contains(await db.OutgoingMail.AsNoTracking().Where(m => m.Kind == Fenghua.Cms.Mail.MailKinds.JobFailed).ToListAsync(),
            m => m.ToAddress == $"{admin.Name}@fh.gov.cn" && m.Subject.Contains("定时发布") && m.TextBody.Contains("未经审核的通知") && m.HtmlBody!.Contains("/admin/content/"));
        Assert.Equal(ScheduledJobState.Done, (await db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.ContentItemId == id)).State);
    }
}
