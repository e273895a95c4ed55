using Microsoft.Playwright;

namespace Fenghua.Cms.Browser.Tests;

/// <summary>长者模式: a visible toggle on every page that works without JavaScript, remembered in a cookie, reachable as ?mode=elder.</summary>
public sealed class ElderModeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private sealed record Typography(double FontSize, double LineHeight);

    private static async Task<Typography> BodyTypographyAsync(IPage page)
    {
        var values = await page.EvaluateAsync<double[]>("() => { const s = getComputedStyle(document.querySelector('main p, main li, main td') || document.body); return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }");
        return new Typography(values[0], values[1]);
    }

    [SkippableFact]
    public async Task The_toggle_switches_to_large_high_contrast_text_without_javascript_and_is_remembered_across_sites()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        await PublicPageSet.EnsureSubSiteInterpretationAsync(browser);
        // Every listed page shows the toggle (a plain link) in the top bar.
        var check = await browser.NewPageAsync();
        try
        {
            foreach (var p in PublicPageSet.Pages)
            {
                await check.GotoAsync(p.Path);
                var toggle = check.Locator(".topbar .mode-toggle");
                Assert.True(await toggle.IsVisibleAsync(), $"{p.Path} 没有可见的长者模式开关");
                Assert.Contains("mode=elder", await toggle.GetAttributeAsync("href"));
            }
        }
        finally { await check.Context.CloseAsync(); }

        var page = await browser.NewPageAsync(javaScript: false);
        try
        {
            await page.GotoAsync("/zwgk/zcwj/2018/fzbf-2018-42");
            var normal = await BodyTypographyAsync(page);
            Assert.True(normal.LineHeight / normal.FontSize >= 1.6, $"正文行高 {normal.LineHeight / normal.FontSize:0.00} 应不小于 1.6");

            await page.Locator(".topbar .mode-toggle").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.EndsWith("/zwgk/zcwj/2018/fzbf-2018-42", page.Url);
            Assert.Equal(1, await page.Locator("body.elder").CountAsync());
            var cookies = await page.Context.CookiesAsync();
            Assert.Contains(cookies, c => c.Name == "fh-mode" && c.Value == "elder" && c.Path == "/");
            var elder = await BodyTypographyAsync(page);
            Assert.True(elder.FontSize >= normal.FontSize * 1.25, $"长者模式字号 {elder.FontSize}px 应至少是标准 {normal.FontSize}px 的 1.25 倍");
            Assert.True(elder.LineHeight / elder.FontSize >= normal.LineHeight / normal.FontSize * 1.3,
                $"长者模式行距 {elder.LineHeight / elder.FontSize:0.00} 应至少是标准 {normal.LineHeight / normal.FontSize:0.00} 的 1.3 倍");
            Assert.Equal("返回标准版", (await page.Locator(".topbar .mode-toggle").InnerTextAsync()).Trim());

            // Remembered on the next page and on a sub-site; the home page drops the carousel.
            await page.GotoAsync("/");
            Assert.Equal(1, await page.Locator("body.elder").CountAsync());
            Assert.Equal(0, await page.Locator(".carousel").CountAsync());
            Assert.True(await page.Locator("#h-news").IsVisibleAsync());
            await page.GotoAsync("/czj/");
            Assert.Equal(1, await page.Locator("body.elder").CountAsync());

            // Larger click targets: navigation links are at least 44 px high.
            var navBox = await page.Locator(".main-nav a").First.BoundingBoxAsync();
            Assert.True(navBox!.Height >= 44, $"导航链接高 {navBox.Height}px，应不小于 44px");

            await page.Locator(".topbar .mode-toggle").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Equal(0, await page.Locator("body.elder").CountAsync());
            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "fh-mode" && c.Value == "elder");
            Assert.EndsWith("/czj/", page.Url);
        }
        finally { await page.Context.CloseAsync(); }
    }

    [SkippableFact]
    public async Task Mode_in_the_address_sets_the_cookie_and_keeps_the_rest_of_the_query()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync();
        try
        {
            var response = await page.GotoAsync("/zwgk/zdly?page=1&mode=elder");
            Assert.Equal(200, response!.Status);
            Assert.Equal(browser.BaseUrl + "/zwgk/zdly?page=1", page.Url);
            Assert.Equal(1, await page.Locator("body.elder").CountAsync());
            // The toggle leads back with the same query.
            Assert.Equal("/zwgk/zdly?page=1&mode=normal", await page.Locator(".topbar .mode-toggle").GetAttributeAsync("href"));
            // An unknown mode is ignored rather than breaking the page.
            var odd = await page.GotoAsync("/?mode=%3Cscript%3E");
            Assert.Equal(200, odd!.Status);
            Assert.Equal(1, await page.Locator("body.elder").CountAsync());
            // The redirect never leaves the site.
            var api = page.Context.APIRequest;
            var redirect = await api.GetAsync(browser.BaseUrl + "//evil.example/?mode=elder", new() { MaxRedirects = 0 });
            Assert.Equal(302, redirect.Status);
            Assert.StartsWith("/", redirect.Headers["location"]);
            Assert.False(redirect.Headers["location"].StartsWith("//", StringComparison.Ordinal), redirect.Headers["location"]);
        }
        finally { await page.Context.CloseAsync(); }
    }
}
