using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Search.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Fenghua.Cms.Web.Tests.Search;

/// <summary>Search in the product: the node's index following publications, /search and /api/search, the CLI; SQLite and PostgreSQL.</summary>
public abstract partial class SearchTests(CmsFactory factory, ITestOutputHelper log)
{
    private const string SeedNumber = "奉政办发〔2018〕42号";
    private const string SeedPath = "/zwgk/zcwj/2018/fzbf-2018-42";
    private static readonly Actor Tester = new("search-tester", "127.0.0.1");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string url)
    {
        using var response = await Client().GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> ApiAsync(string url)
    {
        var (status, type, body) = await GetAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"{url} → {(int)status} {body}");
        Assert.Equal("application/json", type);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static List<string> Urls(JsonObject result) => result["hits"]!.AsArray().Select(h => (string)h!["url"]!).ToList();

    /// <summary>Polls until the condition holds (the index follows the outbox asynchronously); fails after 10 s.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await condition()) return;
            Assert.True(DateTime.UtcNow < deadline, "10 秒内未满足：" + what);
            await Task.Delay(100);
        }
    }

    /// <summary>The API's result, or null while the index is (re)opening on this node (503).</summary>
    private async Task<JsonObject?> ApiWhenOpenAsync(string url)
    {
        using var response = await Client().GetAsync(url);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return null;
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private Task WaitForHitAsync(string apiUrl, string expectedUrlSuffix) => EventuallyAsync(async () =>
        await ApiWhenOpenAsync(apiUrl) is { } r && Urls(r).Any(u => u.EndsWith(expectedUrlSuffix, StringComparison.Ordinal)), $"{apiUrl} 找到 {expectedUrlSuffix}");

    private Task WaitForNoHitsAsync(string apiUrl) => EventuallyAsync(async () => (int)(await ApiAsync(apiUrl))["total"]! == 0, $"{apiUrl} 无结果");

    private async Task<int> PublishAsync(string site, string column, string type, string title, string body, string slug, JsonObject? extraParts = null)
    {
        await using var scope = await factory.SiteScopeAsync(site);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var siteId = await db.Sites.Where(s => s.Key == site).Select(s => s.Id).FirstAsync();
        var columnId = await db.CrossSite<Column>().Where(c => c.SiteId == siteId && c.Path == column).Select(c => c.Id).FirstAsync();
        var parts = Parts(title, body);
        if (extraParts is not null) foreach (var (k, v) in extraParts) parts[k] = v!.DeepClone();
        var item = await content.CreateAsync(new ContentDraft(siteId, type, parts) { ColumnId = columnId, Slug = slug }, Tester);
        await content.PublishAsync(item.Id, Tester);
        return item.Id;
    }

    private static JsonObject Parts(string title, string body) => new()
    {
        ["Title"] = new JsonObject { ["title"] = title },
        ["MarkdownBody"] = new JsonObject { ["markdown"] = body },
    };

    private SearchIndexHost Host => factory.Services.GetRequiredService<SearchIndexHost>();

    private SearchIndexFollower Follower => factory.Services.GetServices<IHostedService>().OfType<SearchIndexFollower>().Single();

    /// <summary>The node's index starts (and after a corrupt start, rebuilds) in the background: wait for the seed.</summary>
    private async Task IndexReadyAsync()
    {
        _ = factory.Server;
        await WaitForHitAsync("/api/search?q=" + Uri.EscapeDataString(SeedNumber), SeedPath);
    }

    [SkippableFact]
    public async Task A_published_item_becomes_searchable_and_unpublishing_removes_it()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var id = await PublishAsync("czj", "gzdt", "Article", "财政局鲸歌湖滨资金绩效评价试点启动", "本次鲸歌湖滨试点覆盖全区专项资金。", "search-publish");
        await WaitForHitAsync("/czj/api/search?q=" + Uri.EscapeDataString("鲸歌湖滨"), "/czj/gzdt/" + DateTime.UtcNow.AddHours(8).Year + "/search-publish");
        var result = await ApiAsync("/czj/api/search?q=" + Uri.EscapeDataString("鲸歌湖滨"));
        var hit = result["hits"]![0]!;
        Assert.Equal(id, (int)hit["id"]!);
        Assert.Equal("czj", (string)hit["site"]!);
        Assert.Equal("Article", (string)hit["type"]!);
        Assert.Contains("<mark>", (string)hit["snippet"]!);
        Assert.Equal("财政局鲸歌湖滨资金绩效评价试点启动", (string)hit["title"]!);

        await using (var scope = await factory.SiteScopeAsync("czj"))
            await scope.ServiceProvider.GetRequiredService<ContentService>().UnpublishAsync(id, Tester);
        await WaitForNoHitsAsync("/czj/api/search?q=" + Uri.EscapeDataString("鲸歌湖滨"));
    }

    /// <summary>
    /// Twenty publications one after another, each polled over HTTP until /api/search returns it. The
    /// figures (publish committed → first response containing the item) are written to the test log
    /// for bench/search/README.md; the assertion is only that every item is found (no timing assertion).
    /// </summary>
    [SkippableFact]
    public async Task Every_publication_becomes_searchable_and_the_delay_is_reported()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var delays = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var word = "测速" + (char)('甲' + i) + "号样本";
            await PublishAsync("portal", "tzgg", "Notice", $"关于{word}的通知", $"{word}正文。", $"search-latency-{i}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var url = "/api/search?q=" + Uri.EscapeDataString(word);
            // Polls every 5 ms (finer than EventuallyAsync) so the figure is not the poll interval.
            while (!(await ApiWhenOpenAsync(url) is { } r && Urls(r).Any(u => u.EndsWith($"/search-latency-{i}", StringComparison.Ordinal))))
            {
                Assert.True(clock.Elapsed < Patience, $"{word} 10 秒内未能搜到");
                await Task.Delay(5);
            }
            delays.Add(clock.Elapsed.TotalMilliseconds);
        }
        delays.Sort();
        log.WriteLine($"publish → searchable over HTTP, {delays.Count} runs: p50 {delays[delays.Count / 2]:F1} ms, max {delays[^1]:F1} ms, min {delays[0]:F1} ms");
        Assert.Equal(20, delays.Count);
    }

    [SkippableFact]
    public async Task Drafts_and_unpublished_edits_never_appear()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        await using (var scope = await factory.SiteScopeAsync("portal"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var siteId = await db.Sites.Where(s => s.Key == "portal").Select(s => s.Id).FirstAsync();
            var columnId = await db.CrossSite<Column>().Where(c => c.SiteId == siteId && c.Path == "zwyw").Select(c => c.Id).FirstAsync();
            await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("草稿琥珀蜻蜓计划", "只有草稿琥珀蜻蜓。")) { ColumnId = columnId, Slug = "search-draft" }, Tester);
            var item = await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("公开的青瓷灯塔消息", "公开版本青瓷灯塔。")) { ColumnId = columnId, Slug = "search-draft-edit" }, Tester);
            await content.PublishAsync(item.Id, Tester);
            // A newer draft beside the published version: its words must not leak into search.
            await content.SaveDraftAsync(item.Id, Parts("公开的青瓷灯塔消息", "新草稿里的琥珀蜻蜓。"), Tester);
            await content.SubmitAsync(item.Id, Tester);
        }
        // The published item is indexed after the drafts were written, so the index has seen them.
        await WaitForHitAsync("/api/search?q=" + Uri.EscapeDataString("青瓷灯塔"), "/search-draft-edit");
        await WaitForHitAsync("/api/search?q=" + Uri.EscapeDataString("公开版本青瓷灯塔"), "/search-draft-edit");
        Assert.Equal(0, (int)(await ApiAsync("/api/search?q=" + Uri.EscapeDataString("琥珀蜻蜓")))["total"]!);
    }

    [SkippableFact]
    public async Task A_sub_site_searches_only_itself_and_the_portal_searches_all_sites_with_a_site_filter()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var year = DateTime.UtcNow.AddHours(8).Year;
        await PublishAsync("czj", "gzdt", "Article", "财政局翡翠蝴蝶专项行动", "翡翠蝴蝶专项行动在财政局启动。", "search-scope-czj");
        await PublishAsync("fgj", "gzdt", "Article", "发改局翡翠蝴蝶项目清单", "翡翠蝴蝶项目清单由发改局发布。", "search-scope-fgj");
        var q = "?q=" + Uri.EscapeDataString("翡翠蝴蝶");
        await WaitForHitAsync("/api/search" + q, $"/fgj/gzdt/{year}/search-scope-fgj");
        await WaitForHitAsync("/api/search" + q, $"/czj/gzdt/{year}/search-scope-czj");

        var czj = await ApiAsync("/czj/api/search" + q);
        Assert.Equal(1, (int)czj["total"]!);
        Assert.All(czj["hits"]!.AsArray(), h => Assert.Equal("czj", (string)h!["site"]!));
        var fgjPage = (await GetAsync("/fgj/search" + q)).Body;
        Assert.Contains($"/fgj/gzdt/{year}/search-scope-fgj", fgjPage);
        Assert.DoesNotContain("search-scope-czj", fgjPage);

        var portal = await ApiAsync("/api/search" + q);
        Assert.Equal(2, (int)portal["total"]!);
        var siteFacet = portal["facets"]!["site"]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);
        Assert.Equal(1, siteFacet["czj"]);
        Assert.Equal(1, siteFacet["fgj"]);
        var filtered = await ApiAsync("/api/search" + q + "&site=fgj");
        Assert.Equal([$"/fgj/gzdt/{year}/search-scope-fgj"], Urls(filtered));

        // A sub-site cannot be asked for another site's items.
        var (status, type, body) = await GetAsync("/czj/api/search" + q + "&site=fgj");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("site", (string)JsonNode.Parse(body)!["parameter"]!);
    }

    [SkippableTheory]
    [InlineData("奉政办发〔2018〕42号")]
    [InlineData("奉政办发[2018]42号")]
    [InlineData("奉政办发(2018)42号")]
    [InlineData("奉政办发（2018）42号")]
    [InlineData("奉政办发【2018】42号")]
    [InlineData("奉政办发〔２０１８〕４２号")]
    [InlineData("奉政办发［2018］42号")]
    [InlineData(" 奉政办发 〔2018〕 042号 ")]
    [InlineData("奉政办发〔2018〕第42号")]
    [InlineData("2018 42号")]
    public async Task The_seed_policy_is_found_first_by_its_document_number_in_every_spelling(string spelling)
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var result = await ApiAsync("/api/search?q=" + Uri.EscapeDataString(spelling));
        var first = result["hits"]![0]!;
        Assert.Equal(SeedPath, (string)first["url"]!);
        Assert.Equal(SeedNumber, (string)first["document_number"]!);
        Assert.Equal("宁波市奉化区人民政府办公室", (string)first["issuer"]!);
        Assert.Equal("2018-07-31", (string)first["written"]!);
        Assert.Equal("有效", (string)first["validity"]!);
        Assert.Equal("PolicyDocument", (string)first["type"]!);
        Assert.StartsWith("2018-08-02T09:30:00+08:00", (string)first["published"]!);
    }

    [SkippableFact]
    public async Task The_page_and_the_api_show_the_same_results_in_the_same_order()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        const string qs = "?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80&per_page=5"; // 政务公开
        var api = await ApiAsync("/api/search" + qs);
        Assert.True((int)api["total"]! >= 3);
        Assert.Equal(5, (int)api["per_page"]!);
        foreach (var facet in new[] { "type", "site", "year", "issuer" }) Assert.NotNull(api["facets"]![facet]);

        var (status, type, html) = await GetAsync("/search" + qs);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        var pageUrls = HitLinks().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(Urls(api), pageUrls);
        Assert.Contains($"共找到 {(int)api["total"]!} 条结果", html);
        Assert.Contains("<mark>", html);
        // Accessible form that works without JavaScript: labelled fields, GET, the query kept as typed.
        Assert.Contains("<label for=\"search-q\">", html);
        Assert.Contains("<label for=\"search-site\">站点</label>", html);
        Assert.Contains("value=\"政务公开\"", html);
        Assert.Contains("method=\"get\"", html);
        Assert.Contains("<meta name=\"SiteName\"", html);
        Assert.DoesNotContain("<script", html);
        // Facet links narrow the search and keep the query.
        Assert.Contains("type=PolicyDocument", html);
    }

    [GeneratedRegex("<li>\\s*<h2><a href=\"([^\"]+)\">")]
    private static partial Regex HitLinks();

    [SkippableTheory]
    [InlineData("per_page=0", "per_page")]
    [InlineData("per_page=1000", "per_page")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=5000&per_page=50", "page")]
    [InlineData("year=abc", "year")]
    [InlineData("year=1800", "year")]
    [InlineData("from=2018-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2019-01-01&to=2018-01-01", "from")]
    [InlineData("sort=best", "sort")]
    [InlineData("type=Nope", "type")]
    [InlineData("validity=maybe", "validity")]
    [InlineData("site=nosuchsite", "site")]
    public async Task Bad_parameters_answer_400_problem_json_naming_the_parameter(string query, string parameter)
    {
        SkipWithoutStore();
        var (status, type, body) = await GetAsync("/api/search?q=%E6%94%BF%E5%8A%A1&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(parameter, (string)problem["parameter"]!);
        Assert.Contains(parameter, (string)problem["detail"]!);
        // The shared ApiProblem shape: errors is a list of { field, message } (it was a dictionary before).
        Assert.Equal("https://fh.gov.cn/problems/400", (string)problem["type"]!);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(parameter, (string)error["field"]!);
        Assert.Equal((string)problem["detail"]!, (string)error["message"]!);
    }

    [SkippableFact]
    public async Task Bad_parameters_on_the_page_show_the_error_and_keep_what_was_typed()
    {
        SkipWithoutStore();
        var longQuery = new string('政', 201);
        var (status, _, body) = await GetAsync("/api/search?q=" + Uri.EscapeDataString(longQuery));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("q", (string)JsonNode.Parse(body)!["parameter"]!);

        var (pageStatus, _, html) = await GetAsync("/search?q=%E6%94%BF%E5%8A%A1&year=20x8");
        Assert.Equal(HttpStatusCode.BadRequest, pageStatus);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("年份“20x8”无效", html);
        Assert.Contains("value=\"20x8\"", html);
        Assert.Contains("value=\"政务\"", html);
        Assert.Contains("id=\"search-year\" name=\"year\" type=\"text\" inputmode=\"numeric\" value=\"20x8\" maxlength=\"4\" placeholder=\"如 2018\" aria-invalid=\"true\"", html);
    }

    [SkippableTheory]
    [InlineData("\"政务 AND (")]
    [InlineData("title:[2018 TO")]
    [InlineData("***")]
    [InlineData("+-!")]
    [InlineData("政务~~^")]
    [InlineData("<script>alert(1)</script>")]
    public async Task A_query_lucene_cannot_parse_is_searched_as_plain_words(string text)
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var api = await ApiAsync("/api/search?q=" + Uri.EscapeDataString(text));
        Assert.NotNull(api["total"]);
        var (status, _, html) = await GetAsync("/search?q=" + Uri.EscapeDataString(text));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html);
    }

    [SkippableFact]
    public async Task No_results_suggest_removing_the_filters()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var api = await ApiAsync("/api/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80&year=2001");
        Assert.Equal(0, (int)api["total"]!);
        Assert.True((int)api["total_without_filters"]! > 0);
        var (status, _, html) = await GetAsync("/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80&year=2001");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("没有找到与“政务公开”相关的信息", html);
        Assert.Contains("取消筛选重新搜索", html);
        Assert.Contains("检查错别字", html);
    }

    [SkippableFact]
    public async Task A_stopped_index_catches_up_with_publications_made_meanwhile()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        await Follower.StopAsync(CancellationToken.None);
        try
        {
            Assert.False(Host.IsOpen);
            var (status, type, _) = await GetAsync("/api/search?q=x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("application/problem+json", type);
            await PublishAsync("ylj", "gzdt", "Article", "岳林街道玳瑁风铃社区议事会", "玳瑁风铃社区议事会召开。", "search-catch-up");
        }
        finally
        {
            await Follower.StartAsync(CancellationToken.None);
        }
        await WaitForHitAsync("/ylj/api/search?q=" + Uri.EscapeDataString("玳瑁风铃"), "/search-catch-up");
    }

    [SkippableFact]
    public async Task A_crash_in_the_middle_of_a_batch_loses_nothing()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        await Follower.StopAsync(CancellationToken.None);
        try
        {
            Host.Open();
            var before = Host.LastAppliedSequence;
            await PublishAsync("portal", "tzgg", "Notice", "关于珊瑚钟楼修缮的通知", "珊瑚钟楼修缮期间暂停开放。", "search-crash");
            await using (var scope = factory.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
                var batch = await OutboxReader.NextAsync(db, before, 100, DateTimeOffset.UtcNow, default);
                Assert.NotEmpty(batch);
                // Written to the index but never committed: what a kill before the batch's commit leaves.
                await Host.ApplyWithoutCommitAsync(batch, default);
            }
            Host.Close();
            Host.Open();
            Assert.Equal(before, Host.LastAppliedSequence);
            Host.Close();
        }
        finally
        {
            await Follower.StartAsync(CancellationToken.None);
        }
        await WaitForHitAsync("/api/search?q=" + Uri.EscapeDataString("珊瑚钟楼"), "/search-crash");
    }

    [SkippableFact]
    public async Task Corrupt_index_files_are_rebuilt_from_the_store_on_start()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        await Follower.StopAsync(CancellationToken.None);
        try
        {
            var files = Directory.GetFiles(Host.IndexPath).Where(f => Path.GetFileName(f) is var n && (n.StartsWith('_') || n.StartsWith("segments", StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(files);
            foreach (var f in files) File.WriteAllBytes(f, "这不是索引文件"u8.ToArray());
        }
        finally
        {
            await Follower.StartAsync(CancellationToken.None);
        }
        await IndexReadyAsync();
        await EventuallyAsync(() => Task.FromResult(!Host.NeedsRebuild), "重建完成");
        Assert.True(Host.Stats().Total >= 10);
    }

    [SkippableFact]
    public async Task Cli_refuses_to_reindex_while_the_web_host_holds_the_index_and_reindexes_when_it_is_stopped()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Cli.CliApp.RunAsync(["search", "reindex"], output, error, factory.StoreSettings);
        Assert.NotEqual(0, code);
        Assert.Contains("正被另一个进程", error.ToString());

        var stats = new StringWriter();
        Assert.Equal(0, await Cli.CliApp.RunAsync(["search", "stats"], stats, new StringWriter(), factory.StoreSettings));
        Assert.Contains("portal", stats.ToString());
        Assert.Contains("PolicyDocument", stats.ToString());
        Assert.Contains("政策文件", stats.ToString());

        await Follower.StopAsync(CancellationToken.None);
        try
        {
            output = new StringWriter();
            error = new StringWriter();
            code = await Cli.CliApp.RunAsync(["search", "reindex", "--site", "czj"], output, error, factory.StoreSettings);
            Assert.True(code == 0, error.ToString());
            Assert.Contains("100%", error.ToString());
            Assert.Matches("站点 czj，共 [1-9][0-9]* 篇", output.ToString());

            code = await Cli.CliApp.RunAsync(["search", "reindex", "--site", "nosuch"], output, error, factory.StoreSettings);
            Assert.NotEqual(0, code);
            Assert.Contains("--site", error.ToString());

            output = new StringWriter();
            code = await Cli.CliApp.RunAsync(["search", "reindex"], output, new StringWriter(), factory.StoreSettings);
            Assert.Equal(0, code);
            Assert.Contains("全部站点", output.ToString());
        }
        finally
        {
            await Follower.StartAsync(CancellationToken.None);
        }
        await IndexReadyAsync();
        await using var scope = factory.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrail.AnyAsync(a => a.Action == "search.reindex"));
    }

    [SkippableFact]
    public async Task A_second_node_with_its_own_index_follows_publications_made_on_the_first()
    {
        SkipWithoutStore();
        await IndexReadyAsync();
        var secondIndex = Path.Combine(factory.DataPath, "search-node2");
        await using var second = new SecondNode(factory, secondIndex);
        var client = second.CreateClient();
        await PublishAsync("portal", "zwyw", "Article", "第二节点琉璃风筝展开幕", "琉璃风筝展在奉化开幕。", "search-node2");
        await EventuallyAsync(async () =>
        {
            using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("琉璃风筝"));
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("/search-node2");
        }, "第二节点找到新稿件");
        Assert.True(Directory.GetFiles(secondIndex).Length > 0);
    }

    private sealed class SecondNode(CmsFactory original, string indexPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (k, v) in original.StoreSettings) builder.UseSetting(k, v);
            builder.UseSetting(Fenghua.Cms.Search.SearchModule.IndexPathSetting, indexPath);
        }
    }
}

public sealed class SqliteSearchTests(SqliteCmsFactory factory, ITestOutputHelper log) : SearchTests(factory, log), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresSearchTests(PostgresCmsFactory factory, ITestOutputHelper log) : SearchTests(factory, log), IClassFixture<PostgresCmsFactory>;
