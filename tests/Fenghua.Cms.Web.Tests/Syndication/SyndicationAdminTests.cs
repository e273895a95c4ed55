using System.Net;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Web.Tests.Editorial;
using Fenghua.Cms.Web.Tests.Syndication.Doubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>
/// The admin pages of channels, pushes and sharing, driven as a signed-in user would (cookie + antiforgery
/// token from the page): secrets never shown, bad input kept and named, every endpoint checked against the
/// resource's own site, and every change audited.
/// </summary>
public abstract class SyndicationAdminTests(ChannelCmsFactory factory) : ChannelTestBase(factory)
{
    private readonly EditorialHarness h = new(factory);

    private async Task<AdminSession> SignInAsync(string role, string? site) => await AdminSession.SignInAsync(Factory, await h.UserAsync(role, site));

    /// <summary>A WeChat push that stopped on the quota error: a failed push waiting for an editor.</summary>
    private async Task<(int ItemId, long PushId)> FailedPushAsync(string title)
    {
        WeChat.Faults.Add("freepublish/submit", Fault.Quota);
        var item = await PublishAsync(title, "正文。", Syndication(1, WeChatChannel));
        var push = Assert.Single(await DriveAsync(item.Id));
        Assert.Equal(PushState.Failed, push.State);
        return (item.Id, push.Id);
    }

    private async Task<(int Id, string Path)> PublishNoticeAtCzjAsync(string title)
    {
        await using var scope = await Factory.SiteScopeAsync("czj");
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var item = await content.CreateAsync(new ContentDraft(SiteId(scope), "Notice", SyndicationTestData.Parts(title, title + "的正文。"))
            { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "czj", "tzgg") }, SyndicationTestData.Editor);
        await content.PublishAsync(item.Id, SyndicationTestData.Editor);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return (item.Id, (await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath!);
    }

    [SkippableFact]
    public async Task A_site_admin_registers_a_channel_through_the_form_and_never_sees_the_secret_again()
    {
        SkipWithoutStore();
        var admin = await SignInAsync("SiteAdministrator", "czj");
        var (status, page) = await admin.GetAsync("/czj/admin/channels");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/czj/admin/channels\">新媒体渠道</a>", page);
        Assert.Contains("奉化财政微信", page); // the channels of the test base, listed with their app id
        Assert.Contains(AppId, page);

        var appId = "wx" + Guid.NewGuid().ToString("N")[..16];
        const string secret = "form-typed-app-secret-7788";
        var (created, _, location) = await admin.PostAsync("/czj/admin/channels", "/czj/admin/channels",
            ("kind", "WeChat"), ("name", "奉化财政服务号"), ("appId", appId), ("secret", secret), ("safeDomain", ""), ("apiBaseUrl", WeChat.BaseUrl));
        Assert.Equal(HttpStatusCode.Redirect, created);
        Assert.StartsWith("/czj/admin/channels?msg=", location);

        await using (var scope = Factory.Scope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Channels.AsNoTracking().SingleAsync(c => c.AppId == appId);
            Assert.Equal(ChannelKind.WeChat, row.Kind);
            Assert.Equal(admin.UserName, row.CreatedBy);
            Assert.DoesNotContain(secret, row.ProtectedSecret);
            Assert.Equal(secret, SecretOf(row));
            var audit = Assert.Single(await AuditAsync($"channel:{row.Id}"));
            Assert.Equal(("channel.add", admin.UserName), (audit.Action, audit.Actor));
            Assert.DoesNotContain(secret, audit.Details);

            var (_, list) = await admin.GetAsync(location!);
            Assert.Contains("已登记微信公众号“奉化财政服务号”", list);
            Assert.Contains(appId, list);
            Assert.Contains($"href=\"/czj/admin/channels/{row.Id}\"", list);
            var (_, edit) = await admin.GetAsync($"/czj/admin/channels/{row.Id}");
            Assert.Contains($"value=\"{appId}\"", edit);
            Assert.DoesNotContain(secret, list + edit);

            // Editing keeps the kind and the secret; a bad address is named and what was typed stays in the form.
            var (badEdit, badEditHtml, _) = await admin.PostAsync($"/czj/admin/channels/{row.Id}", $"/czj/admin/channels/{row.Id}",
                ("name", "奉化财政服务号（新）"), ("appId", appId), ("safeDomain", ""), ("apiBaseUrl", "ftp://wrong"));
            Assert.Equal(HttpStatusCode.BadRequest, badEdit);
            Assert.Contains("<li data-field=\"apiBaseUrl\">接口地址“ftp://wrong”不是有效的 http(s) 网址。</li>", badEditHtml);
            Assert.Contains("value=\"奉化财政服务号（新）\"", badEditHtml);
            Assert.Equal("奉化财政服务号", (await ChannelRowAsync(row.Id)).Name);
            var (edited, _, _) = await admin.PostAsync($"/czj/admin/channels/{row.Id}", $"/czj/admin/channels/{row.Id}",
                ("name", "奉化财政服务号（新）"), ("appId", appId), ("safeDomain", ""), ("apiBaseUrl", WeChat.BaseUrl));
            Assert.Equal(HttpStatusCode.Redirect, edited);
            var renamed = await ChannelRowAsync(row.Id);
            Assert.Equal(("奉化财政服务号（新）", ChannelKind.WeChat, row.ProtectedSecret), (renamed.Name, renamed.Kind, renamed.ProtectedSecret));
            var update = (await AuditAsync($"channel:{row.Id}")).Last();
            Assert.Equal(("channel.update", admin.UserName), (update.Action, update.Actor));
            Assert.Contains("名称：奉化财政服务号 → 奉化财政服务号（新）", update.Details);
        }

        // Bad input: 400, each field named, typed values kept, the secret not sent back, nothing stored.
        var (bad, html, _) = await admin.PostAsync("/czj/admin/channels", "/czj/admin/channels",
            ("kind", "Weibo"), ("name", "奉化财政微博二"), ("appId", "bad id"), ("secret", "typed-token-never-echoed"), ("safeDomain", ""), ("apiBaseUrl", ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("<li data-field=\"appId\">AppID / App Key“bad id”无效", html);
        Assert.Contains("<li data-field=\"safeDomain\">安全域名", html);
        Assert.Contains("id=\"f-appId\" name=\"appId\" type=\"text\" value=\"bad id\" aria-invalid=\"true\"", html);
        Assert.Contains("value=\"奉化财政微博二\"", html);
        Assert.Contains("<option value=\"Weibo\" selected>", html);
        Assert.DoesNotContain("typed-token-never-echoed", html);
        await using (var scope = Factory.Scope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Channels.AnyAsync(c => c.Name == "奉化财政微博二"));
    }

    [SkippableFact]
    public async Task Another_sites_admin_is_refused_on_every_endpoint_for_this_sites_channels_pushes_and_shares()
    {
        SkipWithoutStore();
        var (itemId, pushId) = await FailedPushAsync("他站越权测试稿");
        var (noticeId, _) = await PublishNoticeAtCzjAsync("他站越权报送稿");
        int shareId;
        await using (var scope = await Factory.SiteScopeAsync("czj"))
            shareId = (await scope.ServiceProvider.GetRequiredService<Fenghua.Cms.Syndication.Sharing.ShareService>()
                .SubmitAsync(SiteId(scope), noticeId, "portal", "tzgg", SyndicationTestData.Editor)).Id;

        var fgj = await SignInAsync("SiteAdministrator", "fgj");
        const string page = "/fgj/admin/channels";
        Assert.Equal(HttpStatusCode.OK, (await fgj.GetAsync(page)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.GetAsync("/czj/admin/channels")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.GetAsync($"/czj/admin/channels/{WeChatChannel}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.GetAsync($"/fgj/admin/channels/{WeChatChannel}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.GetAsync("/czj/admin/pushes")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.GetAsync($"/fgj/admin/shares/new?item={itemId}")).Status);
        foreach (var prefix in new[] { "/fgj", "/czj" })
        {
            var (edit, editHtml, _) = await fgj.PostAsync(page, $"{prefix}/admin/channels/{WeChatChannel}", ("name", "被改名"), ("appId", "wxhijack"), ("safeDomain", ""), ("apiBaseUrl", "http://127.0.0.1:9/"));
            Assert.True(edit == HttpStatusCode.Forbidden, editHtml);
            Assert.Equal(HttpStatusCode.Forbidden, (await fgj.PostAsync(page, $"{prefix}/admin/channels/{WeChatChannel}/secret", ("secret", "hijacked-secret"))).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await fgj.PostAsync(page, $"{prefix}/admin/channels/{WeChatChannel}/enabled", ("enabled", "false"))).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await fgj.PostAsync(page, $"{prefix}/admin/pushes/{pushId}/retry")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await fgj.PostAsync(page, $"{prefix}/admin/shares/new", ("itemId", noticeId.ToString()), ("target", "fgj:tzgg"))).Status);
        }
        // Deciding belongs to the receiving site's reviewers: neither the fgj URL nor the portal's lets fgj decide.
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.PostAsync(page, $"/fgj/admin/shares/{shareId}/decide", ("decision", "accept"), ("comment", ""))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fgj.PostAsync(page, $"/admin/shares/{shareId}/decide", ("decision", "accept"), ("comment", ""))).Status);

        var row = await ChannelRowAsync(WeChatChannel);
        Assert.Equal(("奉化财政微信", AppId, true), (row.Name, row.AppId, row.Enabled));
        Assert.Equal(AppSecret, SecretOf(row));
        Assert.Equal(PushState.Failed, (await PushesAsync(itemId)).Single().State);
        Assert.Equal(["channel.add"], (await AuditAsync($"channel:{WeChatChannel}")).Select(a => a.Action));
        Assert.DoesNotContain(await AuditAsync($"push:{pushId}"), a => a.Action == "channel.push.retry");
        await using var check = Factory.Scope();
        var db = check.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.Equal(ShareState.Submitted, (await db.ContentShares.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == shareId)).State);
        Assert.Equal(1, await db.ContentShares.IgnoreQueryFilters().CountAsync(s => s.SourceItemId == noticeId));
    }

    [SkippableFact]
    public async Task Rotating_the_secret_makes_the_next_token_call_present_the_new_one()
    {
        SkipWithoutStore();
        var first = await PublishAsync("更换密钥前的推送", "正文。", Syndication(1, WeChatChannel));
        Assert.Equal(PushState.Succeeded, Assert.Single(await DriveAsync(first.Id)).State);
        Assert.Equal([AppSecret], WeChat.SecretsSeen);

        // The administrator resets the AppSecret on the platform, then types the new one into the CMS.
        const string rotated = "rotated-app-secret-after-reset-2026";
        WeChat.Secret = rotated;
        var admin = await SignInAsync("SiteAdministrator", "czj");
        var (bad, badHtml, _) = await admin.PostAsync($"/czj/admin/channels/{WeChatChannel}", $"/czj/admin/channels/{WeChatChannel}/secret", ("secret", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("<li data-field=\"secret\">密钥", badHtml);
        Assert.Equal(AppSecret, SecretOf(await ChannelRowAsync(WeChatChannel)));

        var (status, _, location) = await admin.PostAsync($"/czj/admin/channels/{WeChatChannel}", $"/czj/admin/channels/{WeChatChannel}/secret", ("secret", rotated));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var row = await ChannelRowAsync(WeChatChannel);
        Assert.Equal(rotated, SecretOf(row));
        Assert.DoesNotContain(rotated, row.ProtectedSecret);
        var audit = (await AuditAsync($"channel:{WeChatChannel}")).Last();
        Assert.Equal(("channel.secret.rotate", admin.UserName), (audit.Action, audit.Actor));
        Assert.DoesNotContain(rotated, audit.Details);
        Assert.DoesNotContain(AppSecret, audit.Details);
        var (_, after) = await admin.GetAsync(location!);
        Assert.Contains("已更换渠道“奉化财政微信”的密钥", after);
        Assert.DoesNotContain(rotated, after);

        var second = await PublishAsync("更换密钥后的推送", "正文。", Syndication(1, WeChatChannel));
        Assert.Equal(PushState.Succeeded, Assert.Single(await DriveAsync(second.Id)).State);
        Assert.Equal([AppSecret, rotated], WeChat.SecretsSeen);
        Assert.Equal(2, WeChat.Articles.Count);
    }

    [SkippableFact]
    public async Task A_disabled_channel_takes_no_new_pushes_and_stops_pending_ones_until_enabled_and_retried()
    {
        SkipWithoutStore();
        var pending = await PublishAsync("停用前待推送的稿件", "正文。", Syndication(1, WeChatChannel));
        var waiting = Assert.Single(await PushesAsync(pending.Id));
        Assert.Equal(PushState.Pending, waiting.State);

        var admin = await SignInAsync("SiteAdministrator", "czj");
        var channelPage = $"/czj/admin/channels/{WeChatChannel}";
        var (status, _, location) = await admin.PostAsync(channelPage, $"{channelPage}/enabled", ("enabled", "false"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("1 条待推送已停止", Uri.UnescapeDataString(location!));
        Assert.False((await ChannelRowAsync(WeChatChannel)).Enabled);
        var stopped = Assert.Single(await PushesAsync(pending.Id));
        Assert.Equal(PushState.Failed, stopped.State);
        Assert.Contains("停用，未推送", stopped.LastError);
        var audit = (await AuditAsync($"channel:{WeChatChannel}")).Last();
        Assert.Equal("channel.disable", audit.Action);
        Assert.Contains($"停止待推送 1 条（推送记录 {stopped.Id}）", audit.Details);
        Assert.Contains("<strong>停用</strong>", (await admin.GetAsync("/czj/admin/channels")).Html);

        // No new push for an item published while the channel is disabled; the Weibo channel still works.
        var later = await PublishAsync("停用期间发布的稿件", "正文。", Syndication(1, WeChatChannel, WeiboChannel));
        var laterPushes = await DriveAsync(later.Id);
        Assert.Equal(WeiboChannel, Assert.Single(laterPushes).ChannelId);
        Assert.Empty(WeChat.Publications);
        Assert.Equal(0, WeChat.TokenFetches);

        // A retry while disabled is refused and says why.
        var (refused, refusedHtml, _) = await admin.PostAsync("/czj/admin/pushes", $"/czj/admin/pushes/{stopped.Id}/retry");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("已停用", refusedHtml);
        Assert.Equal(PushState.Failed, Assert.Single(await PushesAsync(pending.Id)).State);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(channelPage, $"{channelPage}/enabled", ("enabled", "true"))).Status);
        Assert.Equal("channel.enable", (await AuditAsync($"channel:{WeChatChannel}")).Last().Action);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/czj/admin/pushes", $"/czj/admin/pushes/{stopped.Id}/retry")).Status);
        Assert.Equal(PushState.Succeeded, Assert.Single(await DriveAsync(pending.Id)).State);
        Assert.Equal("停用前待推送的稿件", (string?)Assert.Single(WeChat.Articles).Article["title"]);
    }

    [SkippableFact]
    public async Task The_pushes_page_shows_a_failed_push_and_its_retry_reaches_the_platform_exactly_once()
    {
        SkipWithoutStore();
        var (itemId, pushId) = await FailedPushAsync("推送记录重试测试稿");
        var reviewer = await SignInAsync("Reviewer", "czj");

        var (status, html) = await reviewer.GetAsync("/czj/admin/pushes?state=Failed");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/czj/admin/content/{itemId}\">推送记录重试测试稿</a>", html);
        Assert.Contains("奉化财政微信", html);
        Assert.Contains("<td class=\"push-failed\">推送失败</td>", html);
        Assert.Contains("45009", html);
        Assert.Contains($"action=\"/czj/admin/pushes/{pushId}/retry\"", html);
        var (badFilter, badHtml) = await reviewer.GetAsync("/czj/admin/pushes?state=Lost");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter);
        Assert.Contains("<li data-field=\"state\">状态“Lost”无效", badHtml);

        // The editor's panel shows the same push with its own retry button.
        var (_, editor) = await reviewer.GetAsync($"/czj/admin/content/{itemId}");
        Assert.Contains("渠道与报送", editor);
        Assert.Contains($"data-push=\"{pushId}\" data-state=\"Failed\"", editor);

        var (retried, _, location) = await reviewer.PostAsync($"/czj/admin/content/{itemId}", $"/czj/admin/pushes/{pushId}/retry", ("back", "item"));
        Assert.Equal(HttpStatusCode.Redirect, retried);
        Assert.StartsWith($"/czj/admin/content/{itemId}?msg=", location);
        var audit = (await AuditAsync($"push:{pushId}")).Last();
        Assert.Equal(("channel.push.retry", reviewer.UserName), (audit.Action, audit.Actor));
        Assert.Equal(PushState.Pending, Assert.Single(await PushesAsync(itemId)).State);

        var done = Assert.Single(await DriveAsync(itemId));
        Assert.Equal(PushState.Succeeded, done.State);
        var publication = Assert.Single(WeChat.Publications);
        Assert.Equal(publication.ArticleId, done.PlatformPostId);
        var (_, succeeded) = await reviewer.GetAsync("/czj/admin/pushes?state=Succeeded");
        Assert.Contains("已推送", succeeded);
        Assert.Contains($"href=\"{publication.Url}\"", succeeded);
        Assert.DoesNotContain($"/czj/admin/pushes/{pushId}/retry", succeeded);

        // A succeeded push is not retried again: the page says why, and nothing more is sent.
        var (again, againHtml, _) = await reviewer.PostAsync("/czj/admin/pushes", $"/czj/admin/pushes/{pushId}/retry");
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("该推送已成功", againHtml);
        await DriveAsync(itemId);
        Assert.Single(WeChat.Publications);

        // An author may look but not retry.
        var author = await SignInAsync("Author", "czj");
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync("/czj/admin/pushes")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostAsync("/czj/admin/pushes", $"/czj/admin/pushes/{pushId}/retry")).Status);
    }

    [SkippableFact]
    public async Task An_editor_chooses_channels_beside_the_editor_and_the_reviewed_version_is_pushed_once()
    {
        SkipWithoutStore();
        int itemId;
        await using (var scope = await Factory.SiteScopeAsync("czj"))
            itemId = (await scope.ServiceProvider.GetRequiredService<ContentService>().CreateAsync(new ContentDraft(SiteId(scope), "Article",
                SyndicationTestData.Parts("后台选择渠道的稿件", "正文。")) { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "czj", "gzdt") }, SyndicationTestData.Editor)).Id;
        var editor = await SignInAsync("Editor", "czj");
        var page = $"/czj/admin/content/{itemId}";
        var (_, html) = await editor.GetAsync(page);
        Assert.Contains($"<input type=\"checkbox\" name=\"channels\" value=\"{WeChatChannel}\"> 奉化财政微信（微信公众号）", html);
        Assert.Contains("本稿件未选择推送渠道", html);

        var tooLong = new string('标', 33);
        var (bad, badHtml, _) = await editor.PostAsync(page, $"{page}/channels", ("channels", WeChatChannel.ToString()), ("round", "1"), ("shortTitle", tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("<li data-field=\"parts.Syndication.shortTitle\">推送短标题过长", badHtml);
        Assert.Contains($"value=\"{tooLong}\" aria-invalid=\"true\"", badHtml);
        Assert.Contains($"value=\"{WeChatChannel}\" checked>", badHtml);
        var (foreign, foreignHtml, _) = await editor.PostAsync(page, $"{page}/channels", ("channels", "999999"), ("round", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign);
        Assert.Contains("<li data-field=\"channels\">", foreignHtml);
        Assert.Contains("<li data-field=\"round\">推送轮次“x”无效", foreignHtml);

        var (saved, _, location) = await editor.PostAsync(page, $"{page}/channels", ("channels", WeChatChannel.ToString()), ("round", "1"), ("shortTitle", "选渠道测试"));
        Assert.Equal(HttpStatusCode.Redirect, saved);
        Assert.StartsWith($"{page}?msg=", location);
        Assert.Contains("推送设置：奉化财政微信，第 1 轮", (await editor.GetAsync(page)).Html);
        Assert.Empty(await PushesAsync(itemId)); // a draft pushes nothing

        await using (var scope = await Factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            await content.SubmitAsync(itemId, SyndicationTestData.Editor);
            await content.PublishAsync(itemId, new Actor("reviewer"));
        }
        await PumpAsync();
        Assert.Equal(PushState.Succeeded, Assert.Single(await DriveAsync(itemId)).State);
        Assert.Equal("选渠道测试", (string?)Assert.Single(WeChat.Articles).Article["title"]);
        Assert.Contains(await AuditAsync($"content:{itemId}"), a => a.Action == "content.save" && a.Actor == editor.UserName);
    }

    [SkippableFact]
    public async Task A_department_submits_from_the_editor_and_the_portals_reviewer_accepts_or_declines_with_audit()
    {
        SkipWithoutStore();
        var (acceptedId, acceptedPath) = await PublishNoticeAtCzjAsync("报送后台测试通知甲");
        var (declinedId, _) = await PublishNoticeAtCzjAsync("报送后台测试通知乙");
        var author = await SignInAsync("Author", "czj");

        var (_, editor) = await author.GetAsync($"/czj/admin/content/{acceptedId}");
        Assert.Contains("<h3>信息报送</h3>", editor);
        Assert.Contains("<option value=\"portal:tzgg\">", editor);
        Assert.DoesNotContain("<option value=\"portal:zwgk/zcwj\">", editor); // policy documents only

        var (none, noneHtml, _) = await author.PostAsync($"/czj/admin/content/{acceptedId}", "/czj/admin/shares/new", ("itemId", acceptedId.ToString()), ("target", ""));
        Assert.Equal(HttpStatusCode.BadRequest, none);
        Assert.Contains("<li data-field=\"target\">请选择", noneHtml);
        foreach (var id in new[] { acceptedId, declinedId })
        {
            var (submitted, _, location) = await author.PostAsync($"/czj/admin/content/{id}", "/czj/admin/shares/new", ("itemId", id.ToString()), ("target", "portal:tzgg"));
            Assert.Equal(HttpStatusCode.Redirect, submitted);
            Assert.StartsWith($"/czj/admin/content/{id}?msg=", location);
        }
        var (twice, twiceHtml, _) = await author.PostAsync($"/czj/admin/content/{acceptedId}", "/czj/admin/shares/new", ("itemId", acceptedId.ToString()), ("target", "portal:tzgg"));
        Assert.Equal(HttpStatusCode.BadRequest, twice);
        Assert.Contains("已报送到栏目", twiceHtml);
        Assert.Contains("<option value=\"portal:tzgg\" selected>", twiceHtml);

        int acceptedShare, declinedShare;
        await using (var scope = Factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            acceptedShare = await db.ContentShares.IgnoreQueryFilters().Where(s => s.SourceItemId == acceptedId).Select(s => s.Id).SingleAsync();
            declinedShare = await db.ContentShares.IgnoreQueryFilters().Where(s => s.SourceItemId == declinedId).Select(s => s.Id).SingleAsync();
        }
        // The author cannot decide for the portal, neither at home nor on the portal's admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostAsync("/czj/admin/shares", $"/czj/admin/shares/{acceptedShare}/decide", ("decision", "accept"), ("comment", ""))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostAsync("/czj/admin/shares", $"/admin/shares/{acceptedShare}/decide", ("decision", "accept"), ("comment", ""))).Status);

        var reviewer = await SignInAsync("Reviewer", "portal");
        var (status, queue) = await reviewer.GetAsync("/admin/shares");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/czj/{acceptedPath}\" target=\"_blank\" rel=\"noopener\">报送后台测试通知甲</a>", queue);
        Assert.Contains($"action=\"/admin/shares/{declinedShare}/decide\"", queue);

        var tooLong = new string('长', 501);
        var (refused, refusedHtml, _) = await reviewer.PostAsync("/admin/shares", $"/admin/shares/{declinedShare}/decide", ("decision", "decline"), ("comment", tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("<li data-field=\"comment\">意见过长", refusedHtml);
        Assert.Contains($">{tooLong}</textarea>", refusedHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync("/admin/shares", $"/admin/shares/{acceptedShare}/decide", ("decision", "accept"), ("comment", "采用，谢谢报送"))).Status);
        var (declined, _, location2) = await reviewer.PostAsync("/admin/shares", $"/admin/shares/{declinedShare}/decide", ("decision", "decline"), ("comment", "不属于本栏目"));
        Assert.Equal(HttpStatusCode.Redirect, declined);
        Assert.Contains("已不采用《报送后台测试通知乙》", Uri.UnescapeDataString(location2!));

        var portalList = await h.Client().GetStringAsync("/tzgg");
        Assert.Contains($"<a href=\"/czj/{acceptedPath}\">报送后台测试通知甲</a>", portalList);
        Assert.Contains("来源：宁波市奉化区财政局", portalList);
        Assert.DoesNotContain("报送后台测试通知乙", portalList);

        var (_, outgoing) = await author.GetAsync("/czj/admin/shares");
        Assert.Contains($"data-share=\"{acceptedShare}\" data-state=\"Accepted\"", outgoing);
        Assert.Contains($"data-share=\"{declinedShare}\" data-state=\"Declined\"", outgoing);
        Assert.Contains("意见：不属于本栏目", outgoing);
        var (_, panel) = await author.GetAsync($"/czj/admin/content/{acceptedId}");
        Assert.Contains("portal · 通知公告：已采用", panel);

        var submitAudit = await AuditAsync($"share:{acceptedShare}");
        Assert.Equal([("share.submit", author.UserName), ("share.accept", reviewer.UserName)], submitAudit.Select(a => (a.Action, a.Actor)));
        Assert.Contains("采用，谢谢报送", submitAudit[1].Details);
        Assert.Equal([("share.submit", author.UserName), ("share.decline", reviewer.UserName)], (await AuditAsync($"share:{declinedShare}")).Select(a => (a.Action, a.Actor)));
        await using var check = Factory.Scope();
        Assert.Null(await Fenghua.Cms.Data.Audit.AuditLog.VerifyAsync(check.ServiceProvider.GetRequiredService<CmsDbContext>()));
    }
}

public sealed class SqliteSyndicationAdminTests(SqliteChannelCmsFactory factory) : SyndicationAdminTests(factory), IClassFixture<SqliteChannelCmsFactory>;

public sealed class PostgresSyndicationAdminTests(PostgresChannelCmsFactory factory) : SyndicationAdminTests(factory), IClassFixture<PostgresChannelCmsFactory>;
