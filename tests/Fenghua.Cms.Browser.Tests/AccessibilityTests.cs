using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Fenghua.Cms.Browser.Tests;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on every page of <see cref="PublicPageSet"/>
/// of both themes, in standard and elder mode; any serious or critical violation fails. Each page is
/// also saved as a full-page screenshot at desktop (1280) and phone (360) width under browser-output/.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    public static TheoryData<string, bool> SitesAndModes => new()
    {
        { "portal", false }, { "portal", true }, { "czj", false }, { "czj", true },
    };

    [SkippableTheory]
    [MemberData(nameof(SitesAndModes))]
    public async Task Every_listed_page_has_no_serious_or_critical_axe_violation(string site, bool elder)
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        await PublicPageSet.EnsureSubSiteInterpretationAsync(browser);
        var failures = new StringBuilder();
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await browser.NewPageAsync(width, width > 400 ? 900 : 740);
            try
            {
                if (elder) await page.GotoAsync("/?mode=elder");
                foreach (var p in PublicPageSet.OfSite(site))
                {
                    var response = await page.GotoAsync(p.Path);
                    Assert.True(response!.Status == 200, $"{p.Path} 返回 {response.Status}");
                    Assert.Equal(elder, await page.Locator("body.elder").CountAsync() == 1);
                    var mode = elder ? "elder" : "normal";
                    await page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = Path.Combine(BrowserFixture.OutputFolder, $"{site}-{p.Name}-{mode}-{width}.png"), FullPage = true,
                    });
                    var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
                    foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                        failures.AppendLine($"{p.Path}（{mode}，{width}px）[{v.Impact}] {v.Id}: {v.Help} → {string.Join("; ", v.Nodes.Select(n => n.Target.ToString()))}");
                    output.WriteLine($"{p.Path} {mode} {width}px: {result.Passes.Length} 项通过；违规 {result.Violations.Length} 项 {string.Join(", ", result.Violations.Select(v => $"{v.Id}[{v.Impact}]"))}");
                }
            }
            finally { await page.Context.CloseAsync(); }
        }
        Assert.True(failures.Length == 0, "axe 发现严重问题：\n" + failures);
    }
}
