using Microsoft.Playwright;

namespace Fenghua.Cms.Browser.Tests;

/// <summary>Keyboard use, no external resources, the script budget, the no-script carousel, print and phone layouts.</summary>
public sealed class ThemeBehaviourTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int ScriptBudgetBytes = 20 * 1024;

    [SkippableFact]
    public async Task Keyboard_users_get_a_skip_link_visible_focus_and_landmarks()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync("/");
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            foreach (var landmark in new[] { "header[role=banner]", "nav[aria-label=主导航]", "main#main", "footer[role=contentinfo]", "form[role=search]" })
                Assert.Equal(1, await page.Locator(landmark).CountAsync());

            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            var skip = await page.Locator(".skip-link").BoundingBoxAsync();
            Assert.True(skip is { X: >= 0, Y: >= 0, Width: > 0 }, "获得焦点的跳转链接应当可见");
            await page.Keyboard.PressAsync("Enter");
            Assert.EndsWith("#main", page.Url);

            // Every control reached by Tab shows a focus indicator (outline or ring) and is on screen.
            await page.GotoAsync("/");
            var seen = new HashSet<string>();
            for (var i = 0; i < 60; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focus = await page.EvaluateAsync<string[]>("""
                    () => { const e = document.activeElement; const s = getComputedStyle(e); const r = e.getBoundingClientRect();
                            return [e.tagName + ':' + (e.getAttribute('href') || e.id || e.textContent.trim()), s.outlineStyle, s.outlineWidth, s.boxShadow, String(r.width * r.height)]; }
                    """);
                if (focus[0].StartsWith("BODY", StringComparison.Ordinal)) break;
                seen.Add(focus[0]);
                Assert.True((focus[1] != "none" && focus[2] != "0px") || focus[3] != "none", $"{focus[0]} 获得焦点时没有可见的焦点样式");
                Assert.True(double.Parse(focus[4]) > 0, $"{focus[0]} 获得焦点时不可见");
            }
            Assert.Contains(seen, s => s.StartsWith("INPUT:site-q", StringComparison.Ordinal));
            Assert.Contains(seen, s => s.Contains("mode=elder", StringComparison.Ordinal));
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task Public_pages_load_nothing_from_elsewhere_and_stay_within_the_script_budget()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        await PublicPageSet.EnsureSubSiteInterpretationAsync(browser);
        var page = await browser.NewPageAsync();
        try
        {
            var requests = new List<IRequest>();
            page.RequestFinished += (_, r) => requests.Add(r);
            foreach (var p in PublicPageSet.Pages)
            {
                requests.Clear();
                await page.GotoAsync(p.Path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                Assert.All(requests, r => Assert.StartsWith(browser.BaseUrl + "/", r.Url));
                long scriptBytes = 0;
                foreach (var r in requests.Where(r => r.ResourceType == "script"))
                    scriptBytes += (await r.SizesAsync()).ResponseBodySize;
                Assert.True(scriptBytes < ScriptBudgetBytes, $"{p.Path} 加载了 {scriptBytes} 字节脚本，超过 20 KB");
                Assert.DoesNotContain(requests, r => r.ResourceType == "font");
            }
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task The_news_carousel_and_every_page_work_with_javascript_disabled()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync(javaScript: false);
        try
        {
            await page.GotoAsync("/");
            var slides = page.Locator(".carousel .slide");
            Assert.True(await slides.CountAsync() >= 2, "要闻轮播应至少有两张图片");
            Assert.True(await slides.Nth(0).Locator("img").IsVisibleAsync());
            Assert.False(string.IsNullOrWhiteSpace(await slides.Nth(0).InnerTextAsync()), "每张图片应有标题链接");
            var first = await slides.Nth(0).BoundingBoxAsync();
            var second = await slides.Nth(1).BoundingBoxAsync();
            Assert.True(second!.X >= first!.X + first.Width - 1, "第二张图片起初应在视区之外（右侧）");

            // The numbered links scroll the strip (an anchor, no script).
            await page.Locator(".slide-dots a").Nth(1).ClickAsync();
            var carousel = await page.Locator(".carousel").BoundingBoxAsync();
            for (var i = 0; i < 50; i++)
            {
                second = await slides.Nth(1).BoundingBoxAsync();
                if (Math.Abs(second!.X - carousel!.X) < 2) break;
                await Task.Delay(100);
            }
            Assert.True(Math.Abs(second!.X - carousel!.X) < 2, $"点击“2”后第二张图片应移入视区（x={second.X}，轮播 x={carousel.X}）");

            // Links still lead somewhere and the search form submits without script.
            await page.Locator("#site-q").FillAsync("政务公开");
            await page.Locator(".search-box button").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Contains("/search?q=", page.Url);
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task Printing_an_article_leaves_out_navigation()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync("/zwgk/zcwj/2018/fzbf-2018-42");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });
            foreach (var hidden in new[] { ".topbar", ".site-header", ".main-nav", ".site-footer", ".breadcrumb" })
                Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"打印时 {hidden} 应隐藏");
            Assert.True(await page.Locator(".article h1").IsVisibleAsync());
            Assert.True(await page.Locator("table.doc-meta").IsVisibleAsync());
            await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserFixture.OutputFolder, "portal-policy-print.pdf"), Format = "A4" });
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task At_phone_width_no_page_scrolls_sideways()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        await PublicPageSet.EnsureSubSiteInterpretationAsync(browser);
        foreach (var elder in new[] { false, true })
        {
            var page = await browser.NewPageAsync(360, 740);
            try
            {
                if (elder) await page.GotoAsync("/?mode=elder");
                foreach (var p in PublicPageSet.Pages)
                {
                    await page.GotoAsync(p.Path);
                    var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    Assert.True(width <= 360, $"{p.Path}（{(elder ? "长者模式" : "标准")}）在 360px 宽时页面宽 {width}px，出现横向滚动");
                }
            }
            finally { await page.Context.CloseAsync(); }
        }
    }

    [SkippableFact]
    public async Task Every_page_has_the_government_footer_and_a_working_report_an_error_link()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        await PublicPageSet.EnsureSubSiteInterpretationAsync(browser);
        var page = await browser.NewPageAsync();
        try
        {
            foreach (var p in PublicPageSet.Pages)
            {
                await page.GotoAsync(p.Path);
                var footer = await page.Locator("footer.site-footer").InnerTextAsync();
                foreach (var text in new[] { "主办单位：", "网站标识码：3302830001", "浙ICP备", "浙公网安备", "网站纠错" })
                    Assert.True(footer.Contains(text, StringComparison.Ordinal), $"{p.Path} 的页脚缺少“{text}”");
            }
            await page.GotoAsync("/czj/tzgg");
            var response = await page.RunAndWaitForNavigationAsync(() => page.Locator("footer a", new() { HasTextString = "网站纠错" }).ClickAsync());
            Assert.Equal(200, response!.Status);
            Assert.Equal("网站纠错", (await page.Locator("main h1").InnerTextAsync()).Trim());
            Assert.Equal(1, await page.Locator("main a[href^='mailto:']").CountAsync());
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task A_department_site_has_its_own_name_colour_and_navigation_and_links_back_to_the_portal()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync("/");
            var portalColour = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor");
            var portalNav = await page.Locator(".main-nav a").AllInnerTextsAsync();
            Assert.Equal(["首页", "政务公开", "政策解读", "政府公报", "办事服务", "互动交流", "走进奉化"], portalNav.Select(t => t.Trim()));
            Assert.Equal("/gazette/", await page.Locator(".main-nav a", new() { HasTextString = "政府公报" }).GetAttributeAsync("href"));

            await page.GotoAsync("/czj/");
            Assert.Equal("宁波市奉化区财政局", (await page.Locator(".brand-name").InnerTextAsync()).Trim());
            var deptColour = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor");
            Assert.NotEqual(portalColour, deptColour);
            var deptNav = (await page.Locator(".main-nav a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            Assert.Contains("工作动态", deptNav);
            Assert.DoesNotContain("走进奉化", deptNav);
            Assert.All(await page.Locator(".main-nav a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"),
                href => Assert.StartsWith("/czj/", href));
            await page.Locator(".topbar a", new() { HasTextString = "宁波市奉化区人民政府门户网站" }).ClickAsync();
            await page.WaitForURLAsync(browser.BaseUrl + "/");
            Assert.Equal("宁波市奉化区人民政府", (await page.Locator(".brand-name").InnerTextAsync()).Trim());
        }
        finally { await page.Context.CloseAsync(); }
    }
}
