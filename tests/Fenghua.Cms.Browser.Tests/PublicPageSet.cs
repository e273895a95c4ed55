using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Browser.Tests;

/// <summary>
/// The public pages the theme checks walk: home, a column, a policy document, an interpretation, the
/// search page of the portal (Portal theme) and of 区财政局 (/czj, Department theme), and the gazette.
/// The gazette is the district government's own publication and lives on the portal only; department
/// sites link to it and answer 404 for /gazette/ (a site never serves another site's columns).
/// </summary>
public static class PublicPageSet
{
    public sealed record PublicPage(string Site, string Name, string Path);

    /// <summary>Search and gazette pages are rendered by their modules inside the site's theme.</summary>
    public static IReadOnlyList<PublicPage> Pages { get; } =
    [
        new("portal", "home", "/"),
        new("portal", "column", "/zwgk/zdly"),
        new("portal", "policy", "/zwgk/zcwj/2018/fzbf-2018-42"),
        new("portal", "interpretation", "/zwgk/zcjd/2018/zcjd-2018-42"),
        new("portal", "search", "/search?q=政务公开"),
        new("portal", "gazette", "/gazette/"),
        new("czj", "home", "/czj/"),
        new("czj", "column", "/czj/tzgg"),
        new("czj", "policy", "/czj/zfxxgk/zcwj/2018/czj-2018-yjsgc"),
        new("czj", "interpretation", "/czj/zfxxgk/zcjd/2018/czj-2018-yjsgc-jd"),
        new("czj", "search", "/czj/search?q=政务公开"),
    ];

    public static IEnumerable<PublicPage> OfSite(string site) => Pages.Where(p => p.Site == site);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// The default recipe gives sub-sites no interpretation; this adds one to 区财政局 the way a
    /// department would (a recipe with an interpretation column and item). Idempotent.
    /// </summary>
    public static async Task EnsureSubSiteInterpretationAsync(BrowserFixture browser)
    {
        await Gate.WaitAsync();
        try
        {
            var file = Path.Combine(browser.DataPath, "browser-czj-interpretation.recipe.json");
            await File.WriteAllTextAsync(file, """
                { "name": "browser-czj-interpretation", "steps": [
                  { "step": "columns", "site": "czj", "columns": [
                    { "slug": "zfxxgk", "name": "政府信息公开", "description": "宁波市奉化区财政局政府信息公开", "keywords": "信息公开", "columnType": "信息公开", "order": 2, "children": [
                      { "slug": "zcjd", "name": "政策解读", "description": "区财政局政策解读", "keywords": "政策解读", "columnType": "信息公开，政策解读", "contentTypes": ["Interpretation"], "order": 2 }
                    ] }
                  ] },
                  { "step": "content", "site": "czj", "items": [
                    { "type": "Interpretation", "column": "zfxxgk/zcjd", "slug": "czj-2018-yjsgc-jd", "publishedAt": "2018-09-11T10:00:00+08:00", "parts": {
                      "Title": { "title": "《奉化区预决算公开操作规程（示例）》解读" },
                      "Interpretation": { "policySlug": "czj-2018-yjsgc", "form": "text", "interpreter": "区财政局主要负责人" },
                      "MarkdownBody": { "markdown": "本解读为示例稿件。\n\n## 一、制定背景\n\n为规范预决算公开工作，制定本规程。\n\n## 二、主要内容\n\n明确公开主体、公开内容、公开时限和公开方式。" } } }
                  ] }
                ] }
                """);
            await using var scope = browser.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(file, null, new Actor("browser-tests", "127.0.0.1"));
        }
        finally { Gate.Release(); }
    }
}
