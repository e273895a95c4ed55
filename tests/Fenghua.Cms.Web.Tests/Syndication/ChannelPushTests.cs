using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Pushes;
using Fenghua.Cms.Web.Tests.Syndication.Doubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>Reviewed items reach the WeChat and Weibo doubles exactly once, formatted for each, whatever fails on the way.</summary>
public abstract class ChannelPushTests(ChannelCmsFactory factory) : ChannelTestBase(factory)
{
    private string Article(string extra = "") => $"""
        ## 一、工作要求

        各单位要按照[《政府信息公开条例》](https://www.gov.cn/zhengce/2019-04/15/content_5382991.htm)做好公开工作，详见[上期推送](https://mp.weixin.qq.com/s/abcdef)和[财政局网站](https://www.gov.cn/zhengce/2019-04/15/content_5382991.htm)。

        ![工作现场]({WeChat.BaseUrl}files/photo.png)

        ![大图]({WeChat.BaseUrl}files/big.png)

        ![动图]({WeChat.BaseUrl}files/anim.gif)

        | 项目 | 金额（万元） |
        |---|---|
        | 一般公共预算 | 1200 |

        ```
        预算编码 2010301
        ```

        <script>alert(1)</script>
        {extra}
        """;

    [SkippableFact]
    public async Task A_reviewed_item_reaches_wechat_and_weibo_exactly_once_formatted_for_each()
    {
        SkipWithoutStore();
        var item = await PublishAsync("区财政局召开预算公开工作部署会", Article(), Syndication(1, WeChatChannel, WeiboChannel), slug: "push-once-" + AppId[^6..]);
        var pushes = await DriveAsync(item.Id);
        Assert.Equal(2, pushes.Count);
        Assert.All(pushes, p => Assert.True(p.State == PushState.Succeeded, $"{p.Step}: {p.LastError}"));

        var article = Assert.Single(WeChat.Articles).Article;
        Assert.Equal("区财政局召开预算公开工作部署会", (string?)article["title"]);
        var source = $"https://www.fh.gov.cn/czj/{item.PublicPath}";
        Assert.Equal(source, (string?)article["content_source_url"]);
        Assert.True(((string?)article["digest"])!.Length <= 128);
        Assert.True(((string?)article["author"])!.Length <= 16);
        var content = (string)article["content"]!;
        Assert.DoesNotContain("<script", content);
        Assert.DoesNotContain("class=", content);
        Assert.Contains("style=\"", content);
        Assert.DoesNotContain("href=\"https://www.gov.cn", content);
        Assert.Contains("《政府信息公开条例》<sup style=\"font-size:12px;color:#888;\">[1]</sup>", content);
        Assert.Contains("财政局网站<sup style=\"font-size:12px;color:#888;\">[1]</sup>", content);
        Assert.Contains("href=\"https://mp.weixin.qq.com/s/abcdef\"", content);
        Assert.Contains("参考链接：", content);
        Assert.Contains("[1] https://www.gov.cn/zhengce/2019-04/15/content_5382991.htm", content);
        Assert.DoesNotContain("[2]", content);
        Assert.Contains("src=\"http://mmbiz.qpic.cn/mmbiz_png/IMG1/0?wx_fmt=png\"", content);
        Assert.DoesNotContain(WeChat.BaseUrl, content);
        Assert.Contains("<section style=\"overflow-x:auto;\"><table style=", content);
        Assert.Contains("<td style=\"border:1px solid #ccc;padding:4px 6px;\">1200</td>", content);
        Assert.Contains("<pre style=\"white-space:pre-wrap;", content);
        Assert.Single(WeChat.BodyImages); // big.png and anim.gif are signatures without a picture: left out
        Assert.Single(WeChat.Covers);
        Assert.Equal(Photo, WeChat.Covers[0]);
        var wechatPush = pushes.Single(p => p.ChannelId == WeChatChannel);
        Assert.Equal("https://mp.weixin.qq.com/s/ARTICLE_1", wechatPush.PostUrl);
        Assert.Equal("ARTICLE_1", wechatPush.PlatformPostId);

        var status = Assert.Single(Weibo.Posted);
        Assert.StartsWith("【区财政局召开预算公开工作部署会】", status.Text);
        Assert.EndsWith(" " + source, status.Text);
        Assert.True(WeiboDouble.Length(status.Text) <= 140);
        Assert.Equal(Photo, status.Picture);
        Assert.Equal(status.Id.ToString(), pushes.Single(p => p.ChannelId == WeiboChannel).PlatformPostId);

        // Editing the published item and publishing again pushes nothing…
        await RepublishAsync(item.Id, "区财政局召开预算公开工作部署会", Article("补充说明。"), Syndication(1, WeChatChannel, WeiboChannel));
        Assert.Equal(2, (await DriveAsync(item.Id)).Count);
        Assert.Single(WeChat.Articles);
        Assert.Single(Weibo.Posted);

        // …unless the editor asks for another round.
        await RepublishAsync(item.Id, "区财政局召开预算公开工作部署会（更新）", Article("再次推送。"), Syndication(2, WeChatChannel, WeiboChannel));
        var after = await DriveAsync(item.Id);
        Assert.Equal(4, after.Count);
        Assert.All(after, p => Assert.Equal(PushState.Succeeded, p.State));
        Assert.Equal(2, WeChat.Articles.Count);
        Assert.Equal(2, Weibo.Posted.Count);
    }

    [SkippableFact]
    public async Task Nothing_is_pushed_before_publication_or_through_another_sites_channel()
    {
        SkipWithoutStore();
        await using (var scope = await Factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var draft = await content.CreateAsync(new ContentDraft(SiteId(scope), "Article", SyndicationTestData.Parts("未审核的稿件", "草稿。", Syndication(1, WeChatChannel)))
                { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "czj", "gzdt") }, SyndicationTestData.Editor);
            await content.SubmitAsync(draft.Id, SyndicationTestData.Editor);
            await PumpAsync();
            Assert.Empty(await PushesAsync(draft.Id));
        }
        // fgj names czj's channels: a site never pushes through another body's account.
        int foreign;
        await using (var scope = await Factory.SiteScopeAsync("fgj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var item = await content.CreateAsync(new ContentDraft(SiteId(scope), "Article", SyndicationTestData.Parts("其他站点的稿件", "正文。", Syndication(1, WeChatChannel, WeiboChannel)))
                { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "fgj", "gzdt") }, SyndicationTestData.Editor);
            await content.PublishAsync(item.Id, SyndicationTestData.Editor);
            foreign = item.Id;
        }
        await PumpAsync();
        Assert.Empty(await PushesAsync(foreign));
        Assert.Empty(WeChat.Publications);
        Assert.Empty(Weibo.Posted);
    }

    public static IEnumerable<object[]> WeChatFaults() =>
    [
        [new[] { ("stable_token", Fault.ServerError) }],
        [new[] { ("stable_token", Fault.Busy) }],
        [new[] { ("stable_token", Fault.SlowAfterWork) }],
        [new[] { ("uploadimg", Fault.ServerError), ("uploadimg", Fault.DropAfterWork) }],
        [new[] { ("uploadimg", Fault.TokenExpired), ("stable_token", Fault.ServerError) }],
        [new[] { ("add_material", Fault.SlowAfterWork) }],
        [new[] { ("add_material", Fault.TokenExpired) }],
        [new[] { ("draft/add", Fault.TokenExpired) }],
        [new[] { ("draft/add", Fault.DropAfterWork), ("draft/add", Fault.Busy) }],
        [new[] { ("freepublish/submit", Fault.ServerError) }],
        [new[] { ("freepublish/submit", Fault.Busy) }],
        [new[] { ("freepublish/submit", Fault.TokenExpired) }],
        [new[] { ("freepublish/submit", Fault.DropAfterWork) }],
        [new[] { ("freepublish/submit", Fault.SlowAfterWork) }],
        [new[] { ("freepublish/submit", Fault.DropAfterWork), ("freepublish/batchget", Fault.ServerError) }],
        [new[] { ("freepublish/get", Fault.ServerError), ("freepublish/get", Fault.SlowAfterWork), ("freepublish/get", Fault.TokenExpired) }],
    ];

    [SkippableTheory]
    [MemberData(nameof(WeChatFaults))]
    public async Task A_fault_at_any_wechat_step_is_retried_and_the_article_goes_out_exactly_once((string Endpoint, Fault Fault)[] faults)
    {
        SkipWithoutStore();
        foreach (var (endpoint, fault) in faults) WeChat.Faults.Add(endpoint, fault);
        var item = await PublishAsync("故障注入测试稿", Article(), Syndication(1, WeChatChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.True(push.State == PushState.Succeeded, $"{push.Step}: {push.LastError}");
        Assert.Equal(0, WeChat.Faults.Pending);
        var published = Assert.Single(WeChat.Articles);
        Assert.Equal(published.ArticleId, push.PlatformPostId);
        Assert.Equal(published.Url, push.PostUrl);
        Assert.Null(push.LastError);
        if (faults.All(f => f.Fault == Fault.TokenExpired))
        {
            // An expired token is refreshed (force_refresh) and the call repeated within the same step.
            Assert.Equal(0, push.Attempts);
            Assert.Equal(2, WeChat.TokenFetches);
        }
        else Assert.True(push.Attempts >= 1, "故障应记为一次尝试");
    }

    [SkippableTheory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Busy)]
    [InlineData(Fault.DropAfterWork)]
    [InlineData(Fault.SlowAfterWork)]
    public async Task A_fault_at_weibo_share_is_retried_and_the_status_is_posted_exactly_once(Fault fault)
    {
        SkipWithoutStore();
        Weibo.Faults.Add("share", fault);
        var item = await PublishAsync("微博故障注入测试稿", "正文第一段。", Syndication(1, WeiboChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.True(push.State == PushState.Succeeded, $"{push.Step}: {push.LastError}");
        var status = Assert.Single(Weibo.Posted);
        Assert.Equal(status.Id.ToString(), push.PlatformPostId);
    }

    [SkippableFact]
    public async Task A_restarted_worker_resumes_from_the_stored_step()
    {
        SkipWithoutStore();
        var item = await PublishAsync("重启恢复测试稿", Article(), Syndication(1, WeChatChannel, WeiboChannel));
        var ids = (await PushesAsync(item.Id)).Select(p => p.Id).ToList();
        // The first worker takes a few steps, then "crashes" (is dropped with its scope).
        await using (var scope = Factory.Scope())
            for (var i = 0; i < 3; i++)
                foreach (var id in ids) await scope.ServiceProvider.GetRequiredService<PushProcessor>().StepAsync(id, default);
        var midway = await PushesAsync(item.Id);
        Assert.Contains(midway, p => p.State == PushState.Pending);
        // A new worker instance (as after a restart) finishes the job.
        var worker = ActivatorUtilities.CreateInstance<PushWorker>(Factory.Services);
        for (var i = 0; i < 10 && (await PushesAsync(item.Id)).Any(p => p.State == PushState.Pending); i++) await worker.RunDueAsync(default);
        Assert.All(await PushesAsync(item.Id), p => Assert.True(p.State == PushState.Succeeded, $"{p.Step} {p.NextAttemptUtc:O} {p.LeaseUntilUtc:O} {p.LastError}"));
        Assert.Single(WeChat.Articles);
        Assert.Single(Weibo.Posted);
    }

    [SkippableFact]
    public async Task Rejection_by_review_stops_the_push_and_tells_the_editor_then_a_retry_publishes()
    {
        SkipWithoutStore();
        var userName = "editor-" + AppId[^6..];
        await using (var scope = Factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var result = await users.CreateAsync(new CmsUser { UserName = userName, Email = $"{userName}@czj.fh.gov.cn", DisplayName = "财政局编辑" }, "Editor-Pass-2026!");
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        }
        WeChat.NextFinalStatus = 4;
        var item = await PublishAsync("审核不通过测试稿", Article(), Syndication(1, WeChatChannel, WeiboChannel), new Actor(userName));
        var pushes = await DriveAsync(item.Id);
        var wechat = pushes.Single(p => p.ChannelId == WeChatChannel);
        Assert.Equal(PushState.Failed, wechat.State);
        Assert.Contains("审核未通过", wechat.LastError);
        Assert.Empty(WeChat.Articles);
        Assert.Equal(PushState.Succeeded, pushes.Single(p => p.ChannelId == WeiboChannel).State);

        await using (var scope = Factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var mail = await db.OutgoingMail.AsNoTracking().Where(m => m.ToAddress == $"{userName}@czj.fh.gov.cn").ToListAsync();
            var sent = Assert.Single(mail);
            Assert.Contains("推送失败", sent.Subject);
            Assert.Contains("审核未通过", sent.TextBody);
            Assert.Contains($"/admin/content/{item.Id}\">打开稿件</a>", sent.HtmlBody);
            Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "channel.push.fail" && a.Target == $"push:{wechat.Id}"));
            var failures = await scope.ServiceProvider.GetRequiredService<PushService>().ListAsync(item.SiteId, PushState.Failed);
            Assert.Contains(failures, f => f.Id == wechat.Id && f.LastError!.Contains("审核未通过"));
        }

        WeChat.NextFinalStatus = 0;
        await using (var scope = Factory.Scope())
            await scope.ServiceProvider.GetRequiredService<PushService>().RetryAsync(item.SiteId, wechat.Id, new Actor(userName));
        var retried = (await DriveAsync(item.Id)).Single(p => p.ChannelId == WeChatChannel);
        Assert.Equal(PushState.Succeeded, retried.State);
        Assert.Single(WeChat.Articles);
        Assert.Equal(2, WeChat.Publications.Count);
    }

    [SkippableFact]
    public async Task A_quota_error_stops_the_push_until_an_editor_retries()
    {
        SkipWithoutStore();
        WeChat.Faults.Add("freepublish/submit", Fault.Quota);
        var item = await PublishAsync("接口额度测试稿", "正文。", Syndication(1, WeChatChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.Equal(PushState.Failed, push.State);
        Assert.Contains("45009", push.LastError);
        Assert.Empty(WeChat.Publications);
        await using (var scope = Factory.Scope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<PushService>().RetryAsync(item.SiteId, push.Id, SyndicationTestData.Editor);
            Assert.Equal(PushState.Pending, view.State);
            Assert.True(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrail.AnyAsync(a => a.Action == "channel.push.retry" && a.Target == $"push:{push.Id}"));
        }
        Assert.Equal(PushState.Succeeded, Assert.Single(await DriveAsync(item.Id)).State);
        Assert.Single(WeChat.Articles);
    }

    [SkippableFact]
    public async Task Too_long_content_or_title_fails_at_once_saying_what_to_shorten_and_sends_nothing()
    {
        SkipWithoutStore();
        var longBody = string.Join("\n\n", Enumerable.Range(1, 400).Select(i => $"第{i}段：各单位要严格落实政务公开工作要求，确保信息发布及时、准确、规范。"));
        var item = await PublishAsync("超长正文测试稿", longBody, Syndication(1, WeChatChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.Equal(PushState.Failed, push.State);
        Assert.Contains("请删减约", push.LastError);
        Assert.Contains("20000", push.LastError);
        Assert.Equal(1, push.Attempts);

        var longTitle = "宁波市奉化区财政局关于做好二〇二六年度部门预算和决算信息公开工作的通知";
        var titled = await PublishAsync(longTitle, "正文。", Syndication(1, WeChatChannel));
        var titlePush = Assert.Single(await DriveAsync(titled.Id));
        Assert.Equal(PushState.Failed, titlePush.State);
        Assert.Contains("parts.Syndication.shortTitle", titlePush.LastError);
        Assert.Empty(WeChat.Drafts);
        Assert.Empty(WeChat.BodyImages);
        Assert.Empty(WeChat.Covers);

        var shortTitle = Syndication(1, WeChatChannel);
        shortTitle["shortTitle"] = "区财政局部署预决算公开工作";
        var fixedItem = await PublishAsync(longTitle, "正文。", shortTitle);
        Assert.Equal(PushState.Succeeded, Assert.Single(await DriveAsync(fixedItem.Id)).State);
        Assert.Equal("区财政局部署预决算公开工作", (string?)Assert.Single(WeChat.Articles).Article["title"]);
    }

    [SkippableFact]
    public async Task WebP_GIF_and_large_PNG_pictures_reach_wechat_as_JPEGs_under_1_MB()
    {
        SkipWithoutStore();
        WeChat.Files["photo.webp"] = (Pictures.Webp(900, 600), "image/webp");
        WeChat.Files["wave.gif"] = (Pictures.AnimatedGif(320, 200), "image/gif");
        var noise = Pictures.NoisyPng(900, 700);
        Assert.True(noise.Length > 1024 * 1024, $"噪点 PNG 只有 {noise.Length} 字节");
        WeChat.Files["noise.png"] = (noise, "image/png");
        var markdown = $"![WebP 照片]({WeChat.BaseUrl}files/photo.webp)\n\n![动图]({WeChat.BaseUrl}files/wave.gif)\n\n![大图]({WeChat.BaseUrl}files/noise.png)\n";
        var item = await PublishAsync("图片转换测试稿", markdown, Syndication(1, WeChatChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.True(push.State == PushState.Succeeded, $"{push.Step}: {push.LastError}");

        // The double refuses what the platform refuses (not JPEG/PNG, 1 MB or more), so all three were converted.
        Assert.Equal(3, WeChat.BodyImages.Count);
        Assert.All(WeChat.BodyImages, b => Assert.True(WeChatDouble.IsJpeg(b) && b.Length < 1024 * 1024, $"{b.Length} 字节"));
        var content = (string)Assert.Single(WeChat.Articles).Article["content"]!;
        foreach (var n in new[] { 1, 2, 3 }) Assert.Contains($"src=\"http://mmbiz.qpic.cn/mmbiz_png/IMG{n}/0?wx_fmt=png\"", content);
        Assert.DoesNotContain(WeChat.BaseUrl, content);
        // The cover is the first picture, converted too, not the default one.
        var cover = Assert.Single(WeChat.Covers);
        Assert.True(WeChatDouble.IsJpeg(cover) && cover.Length < 1024 * 1024);
        using var decoded = SixLabors.ImageSharp.Image.Load(cover);
        Assert.Equal((900, 600), (decoded.Width, decoded.Height));
    }

    [SkippableFact]
    public async Task A_lost_submit_answer_is_looked_for_until_the_article_shows_and_is_never_sent_twice()
    {
        SkipWithoutStore();
        // The connection drops after WeChat accepted the submit; the publication then takes two more looks to finish.
        WeChat.Faults.Add("freepublish/submit", Fault.DropAfterWork);
        WeChat.PollsBeforeFinal = 2;
        var item = await PublishAsync("应答丢失测试稿", "正文。", Syndication(1, WeChatChannel));
        var id = Assert.Single(await PushesAsync(item.Id)).Id;
        for (var i = 0; i < 20 && WeChat.Publications.Count == 0; i++) await StepAsync(id);
        Assert.Single(WeChat.Publications);
        var lost = Assert.Single(await PushesAsync(item.Id));
        Assert.Equal((PushState.Pending, "publish"), (lost.State, lost.Step));
        Assert.NotNull(lost.PublishSentUtc);
        Assert.Null(lost.PublishId);

        // The list does not show it yet: the push keeps looking instead of submitting again.
        await StepAsync(id);
        var looking = Assert.Single(await PushesAsync(item.Id));
        Assert.Equal(PushState.Pending, looking.State);
        Assert.Contains("暂未见到该文章", looking.LastError);
        Assert.Single(WeChat.Publications);

        var done = Assert.Single(await DriveAsync(item.Id));
        Assert.Equal(PushState.Succeeded, done.State);
        var publication = Assert.Single(WeChat.Publications);
        Assert.Equal((publication.ArticleId, publication.Url), (done.PlatformPostId, done.PostUrl));
    }

    [SkippableFact]
    public async Task A_lost_submit_that_never_went_public_is_sent_again_once_after_the_wait()
    {
        SkipWithoutStore();
        // Submit accepted, answer lost, and the publication then fails review: nothing is ever listed.
        WeChat.Faults.Add("freepublish/submit", Fault.DropAfterWork);
        WeChat.NextFinalStatus = 4;
        var item = await PublishAsync("应答丢失且未发出的稿件", "正文。", Syndication(1, WeChatChannel));
        var id = Assert.Single(await PushesAsync(item.Id)).Id;
        for (var i = 0; i < 20 && WeChat.Publications.Count == 0; i++) await StepAsync(id);
        var sent = Assert.Single(await PushesAsync(item.Id)).PublishSentUtc!.Value;
        WeChat.NextFinalStatus = 0;

        // Within the wait (5 minutes here) each step only looks; after it the submit goes out once more.
        while (Clock.GetUtcNow() + StepInterval < sent.AddMinutes(5))
        {
            await StepAsync(id);
            Assert.Single(WeChat.Publications);
        }
        var done = Assert.Single(await DriveAsync(item.Id));
        Assert.True(done.State == PushState.Succeeded, done.LastError);
        Assert.Equal(2, WeChat.Publications.Count);
        Assert.Equal(WeChat.Publications[1].ArticleId, Assert.Single(WeChat.Articles).ArticleId);
        Assert.Equal(WeChat.Publications[1].ArticleId, done.PlatformPostId);
    }

    [SkippableFact]
    public async Task An_expired_weibo_token_stops_and_asks_for_a_new_one()
    {
        SkipWithoutStore();
        Weibo.Faults.Add("share", Fault.TokenExpired);
        var item = await PublishAsync("微博令牌过期测试稿", "正文。", Syndication(1, WeiboChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.Equal(PushState.Failed, push.State);
        Assert.Contains("令牌已过期", push.LastError);
        Assert.Empty(Weibo.Posted);
    }

    [SkippableFact]
    public async Task The_token_is_fetched_once_and_shared_by_every_push_of_the_account()
    {
        SkipWithoutStore();
        var first = await PublishAsync("令牌共享测试一", "正文。", Syndication(1, WeChatChannel));
        var second = await PublishAsync("令牌共享测试二", "正文。", Syndication(1, WeChatChannel));
        await DriveAsync(first.Id);
        await DriveAsync(second.Id);
        Assert.Equal(2, WeChat.Articles.Count);
        Assert.Equal(1, WeChat.TokenFetches);
    }
}

public sealed class SqliteChannelPushTests(SqliteChannelCmsFactory factory) : ChannelPushTests(factory), IClassFixture<SqliteChannelCmsFactory>;

public sealed class PostgresChannelPushTests(PostgresChannelCmsFactory factory) : ChannelPushTests(factory), IClassFixture<PostgresChannelCmsFactory>;
