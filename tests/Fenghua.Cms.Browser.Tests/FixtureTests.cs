namespace Fenghua.Cms.Browser.Tests;

/// <summary>The fixture itself: the product answers on Kestrel and Chromium renders its home page.</summary>
public sealed class FixtureTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Chromium_renders_the_portal_home_served_on_a_real_port()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.NewPageAsync();
        try
        {
            var response = await page.GotoAsync("/");
            Assert.Equal(200, response!.Status);
            Assert.StartsWith(browser.BaseUrl, page.Url);
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            Assert.Contains("宁波市奉化区人民政府", await page.TitleAsync());
        }
        finally { await page.Context.CloseAsync(); }
    }
}
