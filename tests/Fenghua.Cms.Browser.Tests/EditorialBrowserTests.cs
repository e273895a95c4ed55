using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenghua.Cms.Browser.Tests;

/// <summary>
/// 公开前审查 in a real browser: an author writes an interpretation of the seed policy containing a resident ID
/// number and submits; the check flags it with its position; the author masks it; a reviewer approves; the page
/// is live, masked, and linked both ways with its policy. Screenshots go to docs/screenshots/editorial-*.png.
/// </summary>
public sealed class EditorialBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Fh-Browser-Editor-2026";
    private const string IdNumber = "330283198001011233";

    private async Task<string> UserAsync(string role)
    {
        using var scope = browser.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var name = $"{role.ToLowerInvariant()}{Guid.NewGuid().ToString("N")[..6]}";
        var user = new CmsUser { UserName = name, Email = $"{name}@fh.gov.cn", DisplayName = role == "Author" ? "李编辑" : "王审核" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        var portal = await db.Sites.FirstAsync(s => s.Key == "portal");
        db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = portal.Id, Role = role });
        await db.SaveChangesAsync();
        return name;
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForURLAsync("**/admin");
    }

    /// <summary>Screenshots go to the test output; with FENGHUA_UPDATE_SCREENSHOTS=1 they refresh the README's copies in docs/screenshots.</summary>
    private static Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("FENGHUA_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : BrowserFixture.OutputFolder;
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"editorial-{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fenghua.Cms.sln"))) dir = dir.Parent;
        return dir?.FullName ?? BrowserFixture.OutputFolder;
    }

    [SkippableFact]
    public async Task An_author_masks_flagged_personal_data_a_reviewer_approves_and_the_interpretation_goes_live_linked_to_its_policy()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var author = await UserAsync("Author");
        var reviewer = await UserAsync("Reviewer");
        int policyId;
        string policyPath;
        using (var scope = browser.Services.CreateScope())
        {
            var policy = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().CrossSite<ContentItem>().FirstAsync(i => i.Slug == "fzbf-2018-42");
            (policyId, policyPath) = (policy.Id, "/" + policy.PublicPath);
        }

        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, author);
            await page.GotoAsync("/admin/content/new?type=Interpretation");
            await page.SelectOptionAsync("#f-column", new SelectOptionValue { Label = "zwgk/zcjd 政策解读" });
            await page.FillAsync("#f-slug", "zwgk-2018-jd-browser");
            await page.FillAsync("#f-Title-title", "图解：2018年奉化区政务公开工作要点");
            await page.SelectOptionAsync("#f-Interpretation-policyId", policyId.ToString());
            await page.SelectOptionAsync("#f-Interpretation-form", "graphic");
            await page.FillAsync("#f-Interpretation-interpreter", "区政府办公室主任");
            await page.FillAsync("#f-MarkdownBody-markdown", $"## 一、总体要求\n\n围绕政务公开重点工作，推进决策、执行、管理、服务、结果公开。\n\n经办人身份证号：{IdNumber}");
            // The live preview is rendered by the server's Markdown pipeline.
            await page.Locator("#md-preview h2").WaitForAsync();
            Assert.Equal("一、总体要求", (await page.Locator("#md-preview h2").InnerTextAsync()).Trim());
            await page.ClickAsync("button[name=intent][value=submit]");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/content/\d+"));

            var finding = page.Locator(".findings li[data-kind=resident-id]");
            Assert.Contains("正文第 5 行第 9 列", await finding.InnerTextAsync());
            Assert.Contains("未能提交", await page.Locator(".notice").InnerTextAsync());
            await ShotAsync(page, "1-flagged");

            await page.ClickAsync("button.mask");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已脱敏");
            Assert.Contains(@"3302\*\*\*\*\*\*\*\*\*\*1233", await page.InputValueAsync("#f-MarkdownBody-markdown"));
            Assert.Equal(0, await page.Locator(".findings li[data-kind=resident-id]").CountAsync());
            await ShotAsync(page, "2-masked");
            await page.ClickAsync("aside.workflow button:has-text('提交审核')");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已提交审核");
        }
        finally { await page.Context.CloseAsync(); }

        var review = await browser.NewPageAsync();
        try
        {
            await SignInAsync(review, reviewer);
            var waiting = review.Locator("section:has(h2:has-text('等待我审核')) a:has-text('图解：2018年奉化区政务公开工作要点')");
            Assert.Equal(1, await waiting.CountAsync());
            await ShotAsync(review, "3-dashboard");
            await waiting.ClickAsync();
            await review.FillAsync("#comment", "已脱敏，同意发布。");
            await ShotAsync(review, "4-review");
            await review.ClickAsync("form.approve button:has-text('通过')");
            await Assertions.Expect(review.Locator(".notice")).ToContainTextAsync("审核通过，已发布");
            var live = review.Locator(".meta a[href*='/zwgk/zcjd/']");
            var path = await live.GetAttributeAsync("href");

            await review.GotoAsync(path!);
            var body = await review.ContentAsync();
            Assert.Contains("3302**********1233", await review.Locator("main").InnerTextAsync());
            Assert.DoesNotContain(IdNumber, body);
            Assert.True(await review.Locator($"a[href='{policyPath}']").CountAsync() > 0, "解读页应链接到政策文件");
            await ShotAsync(review, "5-live");
            await review.GotoAsync(policyPath);
            Assert.True(await review.Locator($"a[href='{path}']").CountAsync() > 0, "政策文件页应链接到新的解读");
        }
        finally { await review.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task An_editor_uploads_a_picture_from_the_editor_and_puts_it_in_the_body_and_the_attachments()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var editor = await UserAsync("Editor");
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, editor);
            await page.GotoAsync("/admin/content/new?type=Notice");
            await page.SelectOptionAsync("#f-column", new SelectOptionValue { Label = "tzgg 通知公告" });
            await page.FillAsync("#f-Title-title", "关于开展政务公开日活动的通知");
            await page.FillAsync("#f-MarkdownBody-markdown", "活动安排如下。\n\n");
            await page.ClickAsync("button[name=intent][value=save]");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/content/\d+"));

            // A 1×1 PNG, uploaded from the panel beside the editor.
            await page.SetInputFilesAsync("#picker-files", new FilePayload
            {
                Name = "活动海报.png", MimeType = "image/png",
                Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
            });
            await page.ClickAsync("form.media-picker-upload button[type=submit]");
            await Assertions.Expect(page.Locator("#media-picker .notice")).ToContainTextAsync("已上传");

            var pick = page.Locator("#media-picker li.media-pick:has-text('活动海报.png')").First;
            await page.FocusAsync("#f-MarkdownBody-markdown");
            await page.EvaluateAsync("() => { const t = document.getElementById('f-MarkdownBody-markdown'); t.selectionStart = t.selectionEnd = t.value.length; }");
            await pick.Locator("button:has-text('插入正文')").ClickAsync();
            await pick.Locator("button:has-text('添加为附件')").ClickAsync();
            var markdown = await page.InputValueAsync("#f-MarkdownBody-markdown");
            Assert.Matches(@"活动安排如下。\s+!\[活动海报\]\(/media/\d+/[0-9a-f]+/w960\.webp\)", markdown);
            Assert.Matches(@"^活动海报\.png \| /media/\d+/[0-9a-f]+/", await page.InputValueAsync("#f-Attachments-files"));
            // The live preview (the server's pipeline) shows the picture.
            await Assertions.Expect(page.Locator("#md-preview img[src*='/media/']")).ToHaveCountAsync(1);
            await ShotAsync(page, "7-media-picker");

            await page.ClickAsync("button[name=intent][value=save]");
            await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("已保存草稿");
            Assert.Contains("活动海报.png | /media/", await page.InputValueAsync("#f-Attachments-files"));
            Assert.Contains("![活动海报](/media/", await page.InputValueAsync("#f-MarkdownBody-markdown"));
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task A_district_administrator_creates_a_department_site_from_a_recipe_and_disables_it()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync("/admin/login");
            await page.FillAsync("#userName", BrowserFixture.AdminUser);
            await page.FillAsync("#password", BrowserFixture.AdminPassword);
            await page.ClickAsync("form.login button[type=submit]");
            await page.WaitForURLAsync("**/admin");
            await page.ClickAsync("nav a:has-text('站群')");
            // A mistake is named and what was typed is kept.
            await page.FillAsync("form.create-site input[name=key]", "JYJ");
            await page.FillAsync("form.create-site input[name=name]", "宁波市奉化区教育局");
            await page.FillAsync("form.create-site input[name=path]", "/jyj");
            await page.ClickAsync("form.create-site button[type=submit]");
            await Assertions.Expect(page.Locator(".errors li[data-field=key]")).ToContainTextAsync("站点标识“JYJ”无效");
            Assert.Equal("宁波市奉化区教育局", await page.InputValueAsync("form.create-site input[name=name]"));
            await page.FillAsync("form.create-site input[name=key]", "jyj");
            await page.ClickAsync("form.create-site button[type=submit]");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已用配方 department-site 新建站点");
            await ShotAsync(page, "6-sites");

            var home = await page.Context.APIRequest.GetAsync("/jyj/");
            Assert.Equal(200, home.Status);
            Assert.Contains("宁波市奉化区教育局", await home.TextAsync());

            await page.ClickAsync("tr:has(td:text-is('jyj')) a:has-text('编辑')");
            await page.FillAsync("input[name='settings.siteIdCode']", "3302830099");
            await page.UncheckAsync("input[name=enabled]");
            await page.ClickAsync("form.site-form button[type=submit]");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已保存站点");
            Assert.Equal("3302830099", await page.InputValueAsync("input[name='settings.siteIdCode']"));
            Assert.Equal(404, (await page.Context.APIRequest.GetAsync("/jyj/")).Status);
        }
        finally { await page.Context.CloseAsync(); }
    }
}
